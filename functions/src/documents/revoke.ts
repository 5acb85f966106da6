/**
 * Revoking (mencabut) a cancelled selection's documents, inside the transaction that cancels it:
 * every version of its pengumuman then verifies as "dicabut", with the date and the reason, so a
 * printout still pinned to a notice board tells its reader the selection no longer stands.
 */
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { olderVersions } from "../domain/documents/lifecycle.js";
import { documentIdFor, documentRecord } from "../domain/documents/record.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";
import { parseStored } from "../shell/errors.js";

const documentRef = (documentId: string) => db.collection(COLLECTIONS.documents).doc(documentId);

/** The reads: every version not revoked yet. Call before the transaction's first write. */
export async function documentsToRevoke(
  tx: Transaction,
  selection: Pick<StoredSelection, "announcementDocumentId">,
): Promise<DocumentReference[]> {
  const currentId = selection.announcementDocumentId;
  if (!currentId) return [];
  const current = await tx.get(documentRef(currentId));
  if (!current.exists) return [];
  const record = parseStored(documentRecord, current.data(), current.ref.path);
  const older = olderVersions(record.version).map((v) =>
    documentRef(documentIdFor(record.selectionId, record.kind, v)),
  );
  const snaps = older.length > 0 ? await tx.getAll(...older) : [];
  return [current, ...snaps]
    .filter((s) => s.exists && parseStored(documentRecord, s.data(), s.ref.path).status !== "revoked")
    .map((s) => s.ref);
}

/** The writes: `revokedOn` is YYYY-MM-DD in the government's zone, `reason` the cancellation's. */
export function revokeDocuments(
  tx: Transaction,
  refs: readonly DocumentReference[],
  revokedOn: string,
  reason: string,
): void {
  for (const ref of refs) tx.update(ref, { status: "revoked", revokedOn, revokedReason: reason });
}
