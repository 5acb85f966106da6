/** Reading a selection and its government inside a transaction, parsed with the shared schemas. */
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { instansiDoc, type InstansiDoc } from "../domain/schemas/documents.js";
import { readSelection, type StoredSelection } from "../domain/selection/stored.js";
import type { StaffClaims } from "../domain/roles.js";
import { db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";

export function selectionRef(selectionId: string): DocumentReference {
  return db.collection(COLLECTIONS.selections).doc(selectionId);
}

/** The selection, checked to belong to the caller's government. */
export async function readOwnSelection(
  tx: Transaction,
  selectionId: string,
  claims: StaffClaims | undefined,
): Promise<StoredSelection> {
  const snap = await tx.get(selectionRef(selectionId));
  if (!snap.exists) throw issueError("not-found", [{ code: "err.selection.notFound" }]);
  const data = snap.data();
  // The tenant first, so another government's caller learns nothing about the document's state.
  if (!claims || claims.instansi !== data?.["instansiId"]) {
    throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
  }
  const read = readSelection(data);
  // A damaged document is the operator's to repair (saveSetup reads it leniently), not an INTERNAL.
  if (!read.ok) throw issueError("failed-precondition", read.findings);
  return read.selection;
}

export async function readInstansi(tx: Transaction, instansiId: string): Promise<InstansiDoc> {
  const snap = await tx.get(db.collection(COLLECTIONS.instansi).doc(instansiId));
  const parsed = instansiDoc.safeParse(snap.data());
  if (!parsed.success) throw new Error(`instansi/${instansiId} is missing or malformed`);
  return parsed.data;
}
