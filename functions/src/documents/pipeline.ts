/**
 * What happens to a document version once its number is taken (./issueStep.ts), whatever its kind
 * (./kinds.ts). Each step is safe to repeat:
 *  - the PDF is rendered from the snapshot (the same bytes every time) and stored in Firestore chunks;
 *  - one transaction settles the record: "valid" only if the selection still points at it, else
 *    superseded by the version it points at, or revoked if the selection was cancelled meanwhile
 *    (domain/documents/lifecycle.ts); older versions still valid become superseded.
 * A retry of the same request finds its number and finishes these steps, so a dropped connection
 * never burns a number; a call that crashed is finished by the sweep (sweepStuckDocuments, on a
 * schedule).
 */
import type { DocumentSnapshot, Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import type { ResultSnapshot } from "../domain/documents/administrativeResult.js";
import type { BeritaAcaraSnapshot } from "../domain/documents/beritaAcara.js";
import { ISSUING_STALE_AFTER_MS, isStuck, olderVersions, settledStatus } from "../domain/documents/lifecycle.js";
import type { FinalReportSnapshot, ProposalSnapshot } from "../domain/documents/ppkLetters.js";
import type { ReceiptSnapshot } from "../domain/documents/receipt.js";
import { documentRecord, type DocumentRecord } from "../domain/documents/record.js";
import type { RekapSnapshot } from "../domain/documents/rekap.js";
import { SNAPSHOT_DOC, type AnnouncementSnapshot } from "../domain/documents/snapshot.js";
import type { StageResultSnapshot } from "../domain/documents/stageResult.js";
import { storedFileDoc } from "../domain/schemas/files.js";
import { storedSelection } from "../domain/selection/stored.js";
import { FileStoreError, writeFile } from "../files/chunks.js";
import { selectionRef } from "../process/selectionStore.js";
import { db } from "../shell/admin.js";
import { parseStored } from "../shell/errors.js";
import { renderAnnouncementPdf } from "./announcementPdf.js";
import { DOCUMENT_KINDS, snapshotKind, versionIdOf } from "./kinds.js";

export const documentRef = (documentId: string) => db.collection(COLLECTIONS.documents).doc(documentId);
/** A document record as stored, parsed: a damaged one is reported by its path. */
export const readRecord = (snap: DocumentSnapshot): DocumentRecord =>
  parseStored(documentRecord, snap.data(), snap.ref.path);
export const snapshotRef = (documentId: string) =>
  documentRef(documentId).collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC);

/** A snapshot as stored, of any kind (./kinds.ts tells which by its `kind` field). */
export type StoredSnapshot =
  | AnnouncementSnapshot
  | ResultSnapshot
  | RekapSnapshot
  | ReceiptSnapshot
  | StageResultSnapshot
  | BeritaAcaraSnapshot
  | ProposalSnapshot
  | FinalReportSnapshot;

/** The PDF of a snapshot: a pure function of it, so every rendering has the same SHA-256. */
export async function renderSnapshot(snapshot: StoredSnapshot): Promise<Buffer> {
  return renderAnnouncementPdf(DOCUMENT_KINDS[snapshotKind(snapshot)].build(snapshot));
}

/** The snapshot a record was numbered with, parsed by its kind's schema: a damaged one is reported by its path. */
export async function readSnapshot(documentId: string): Promise<StoredSnapshot> {
  const snap = await snapshotRef(documentId).get();
  if (!snap.exists) throw new Error(`documents/${documentId} has no snapshot to render from`);
  return parseStored(DOCUMENT_KINDS[snapshotKind(snap.data())].snapshot, snap.data(), snap.ref.path) as StoredSnapshot;
}

/**
 * Steps 2 and 3 for one record: render from its snapshot, store the file, settle the status. Safe to
 * run twice, and beside the call that issued it: the file is written once and the record settled once.
 */
export async function finishDocument(documentId: string): Promise<string> {
  const first = readRecord(await documentRef(documentId).get());
  if (first.sha256 !== null) return first.sha256;
  const kind = DOCUMENT_KINDS[first.kind];
  const snapshot = await readSnapshot(documentId);
  const pdf = await renderSnapshot(snapshot);
  let sha256: string;
  let size: number;
  try {
    const info = await writeFile(db, {
      fileId: first.fileId,
      instansiId: first.instansiId,
      contentType: "application/pdf",
      name: first.fileName,
      bytes: pdf,
      ...kind.access(first, snapshot),
    });
    ({ sha256, size } = info);
  } catch (error) {
    // Another run stored the file first (a retry, or the sweep): the file stands.
    if (!(error instanceof FileStoreError && error.code === "exists")) throw error;
    const meta = await db.collection(COLLECTIONS.files).doc(first.fileId).get();
    ({ sha256, size } = parseStored(storedFileDoc, meta.data(), meta.ref.path));
  }
  return db.runTransaction(async (tx) => settle(tx, documentId, sha256, size, snapshot));
}

async function settle(
  tx: Transaction,
  documentId: string,
  sha256: string,
  size: number,
  snapshot: StoredSnapshot,
): Promise<string> {
  const current = readRecord(await tx.get(documentRef(documentId)));
  if (current.sha256 !== null) return current.sha256;
  const kind = DOCUMENT_KINDS[current.kind];
  const selectionSnap = await tx.get(selectionRef(current.selectionId));
  const selection = parseStored(storedSelection, selectionSnap.data(), selectionSnap.ref.path);
  const settled = settledStatus(documentId, current, {
    currentId: kind.current(documentId, selection),
    stage: selection.stage,
  });
  if (settled.status === "valid") {
    const olderRefs = olderVersions(current.version).map((v) => documentRef(versionIdOf(documentId, v)));
    const older = olderRefs.length > 0 ? await tx.getAll(...olderRefs) : [];
    for (const snap of older) {
      const status = snap.exists ? readRecord(snap).status : undefined;
      if (status === "valid" || status === "issuing") {
        tx.update(snap.ref, { status: "superseded", supersededBy: documentId });
      }
    }
  }
  tx.update(documentRef(documentId), { ...settled, sha256, size });
  kind.settled?.(tx, snapshot, sha256);
  return sha256;
}

export interface SweepResult {
  readonly finished: readonly string[];
  readonly failed: readonly string[];
}

/**
 * Finishes every record whose issuing stopped half-way (no file after ISSUING_STALE_AFTER_MS):
 * the logic of the scheduled sweep, callable directly by tests and tools.
 */
export async function sweepStuckDocuments(now: Date): Promise<SweepResult> {
  const staleBefore = new Date(now.getTime() - ISSUING_STALE_AFTER_MS).toISOString();
  const pending = await db.collection(COLLECTIONS.documents).where("sha256", "==", null).limit(50).get();
  const finished: string[] = [];
  const failed: string[] = [];
  for (const snap of pending.docs) {
    const parsed = documentRecord.safeParse(snap.data());
    if (!parsed.success || !isStuck(parsed.data, staleBefore)) continue;
    try {
      await finishDocument(snap.id);
      finished.push(snap.id);
    } catch (error) {
      // One broken record must not keep the others stuck; the next run tries it again.
      console.error(`sweep: documents/${snap.id} could not be finished`, error);
      failed.push(snap.id);
    }
  }
  return { finished, failed };
}
