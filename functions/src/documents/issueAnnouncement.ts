/**
 * Issuing the pengumuman of a selection. Three steps, each safe to repeat:
 *  1. one transaction allocates the next number of the government's counter for the year, creates
 *     the document record (status "issuing"), the snapshot it renders from and the audit entry,
 *     keyed by the request id;
 *  2. the PDF is rendered from the snapshot (the same bytes every time) and stored in Firestore chunks;
 *  3. one transaction settles the record: "valid" only if the selection still points at it, else
 *     superseded by the version it points at, or revoked if the selection was cancelled meanwhile
 *     (domain/documents/lifecycle.ts); older versions still valid become superseded.
 * A retry of the same request finds its number from step 1 and finishes steps 2 and 3, so a
 * dropped connection never burns a number; a call that crashed is finished by the sweep
 * (sweepStuckDocuments, on a schedule).
 */
import type { DocumentSnapshot, Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import type { ResultSnapshot } from "../domain/documents/administrativeResult.js";
import { ISSUING_STALE_AFTER_MS, isStuck, olderVersions, settledStatus } from "../domain/documents/lifecycle.js";
import {
  counterIdFor,
  DEFAULT_NUMBERING_PATTERN,
  DOCUMENT_KIND_CODES,
  formatDocumentNumber,
} from "../domain/documents/numbering.js";
import {
  documentIdFor,
  documentRecord,
  verifyUrlFor,
  documentFileName,
  issuingRecord,
  type DocumentRecord,
} from "../domain/documents/record.js";
import { documentCounter, nextSequence } from "../domain/documents/counter.js";
import { storedFileDoc } from "../domain/schemas/files.js";
import { openToSentence } from "../domain/eligibility/openToText.js";
import { announcementSnapshot, SNAPSHOT_DOC, type AnnouncementSnapshot } from "../domain/documents/snapshot.js";
import type { ReceiptSnapshot } from "../domain/documents/receipt.js";
import { publicUrlIssue } from "../domain/deployment.js";
import type { InstansiDoc } from "../domain/schemas/documents.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { storedSelection } from "../domain/selection/stored.js";
import { toIsoDate } from "../domain/calendar.js";
import { message } from "../domain/i18n/render.js";
import { db } from "../shell/admin.js";
import { todayIn } from "../shell/clock.js";
import { issueError, parseStored } from "../shell/errors.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { FileStoreError, writeFile } from "../files/chunks.js";
import { issueAllocation } from "../domain/callables.js";
import { operatorActor } from "../process/audit.js";
import { readInstansi, selectionRef } from "../process/selectionStore.js";
import { runSelectionStep } from "../process/step.js";
import { renderAnnouncementPdf } from "./announcementPdf.js";
import type { RekapSnapshot } from "../domain/documents/rekap.js";
import type { FinalReportSnapshot, ProposalSnapshot } from "../domain/documents/ppkLetters.js";
import { DOCUMENT_KINDS, snapshotKind, versionIdOf } from "./kinds.js";
import { ketuaSignatory } from "../domain/documents/letter.js";

export interface IssueResult {
  readonly documentId: string;
  readonly number: string;
  readonly version: number;
}

/** Where the deployment is served, and whether it runs on the emulators (which may use loopback). */
export interface PublicSite {
  readonly baseUrl: string;
  readonly onEmulators: boolean;
}

const documentRef = (documentId: string) => db.collection(COLLECTIONS.documents).doc(documentId);
/** A document record as stored, parsed: a damaged one is reported by its path. */
const readRecord = (snap: DocumentSnapshot): DocumentRecord => parseStored(documentRecord, snap.data(), snap.ref.path);
const snapshotRef = (documentId: string) => documentRef(documentId).collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC);

export async function issueAnnouncement(
  caller: Caller,
  input: { selectionId: string; requestId: string },
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  requireOperator(caller);
  // Before a number is taken: a QR code pointing at a developer's machine cannot be withdrawn.
  const urlIssue = publicUrlIssue(site.baseUrl, site.onEmulators);
  if (urlIssue) throw issueError("failed-precondition", [urlIssue]);
  const allocated = await allocate(caller, input, now, site.baseUrl);
  const sha256 = await finishDocument(allocated.documentId);
  return { ...allocated, sha256 };
}

async function allocate(
  caller: Caller,
  input: { selectionId: string; requestId: string },
  now: Date,
  publicBaseUrl: string,
): Promise<IssueResult> {
  const request = { caller, ...input, action: "issue", answer: issueAllocation, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    if (selection.stage === "dibatalkan") throw issueError("failed-precondition", [{ code: "err.document.cancelled" }]);
    // Numbered, signed and public: only for a selection whose opening has been approved.
    if (!selection.public) throw issueError("failed-precondition", [{ code: "err.document.notAnnounced" }]);
    const instansi = await readInstansi(tx, selection.instansiId);
    const previousId = selection.announcementDocumentId;
    const { today, number, version, previous, takeNumber } = await allocateNumber(tx, {
      instansiId: selection.instansiId,
      instansi,
      now,
      kind: "pengumuman",
      previousId,
    });
    const documentId = documentIdFor(input.selectionId, "pengumuman", version);
    const record = issuingRecord({
      instansiId: selection.instansiId,
      instansiName: instansi.name,
      selectionId: input.selectionId,
      selectionTitle: selection.title,
      kind: "pengumuman",
      number,
      version,
      issuedOn: toIsoDate(today),
      documentId,
      fileName: documentFileName("pengumuman", number),
      supersedes: previous?.exists ? previousId : null,
      at,
    });
    takeNumber(at);
    tx.create(documentRef(documentId), record);
    tx.create(snapshotRef(documentId), snapshotOf(record, selection, instansi, publicBaseUrl));
    return {
      result: { documentId, number, version },
      write: { update: { announcementDocumentId: documentId } },
      audit: { actor: operatorActor(caller), action: "issue", to: null, reason: number, reference: documentId },
    };
  });
}

/**
 * The next number of the government's counter for the year and the version after `previousId`:
 * read inside the issuing transaction; `takeNumber` writes the counter in it (every kind of
 * document shares the one counter, numbering.ts).
 */
export async function allocateNumber(
  tx: Transaction,
  f: {
    readonly instansiId: string;
    readonly instansi: InstansiDoc;
    readonly now: Date;
    readonly kind: keyof typeof DOCUMENT_KIND_CODES;
    readonly previousId: string | null;
  },
) {
  const today = todayIn(f.instansi.timeZone, f.now);
  const counterRef = db
    .collection(COLLECTIONS.instansi)
    .doc(f.instansiId)
    .collection(COLLECTIONS.counters)
    .doc(counterIdFor(today.year));
  const counter = await tx.get(counterRef);
  const previous = f.previousId ? await tx.get(documentRef(f.previousId)) : undefined;
  const seq = nextSequence(counter.exists ? parseStored(documentCounter, counter.data(), counterRef.path) : undefined);
  const version = previous?.exists ? readRecord(previous).version + 1 : 1;
  const number = formatDocumentNumber(f.instansi.numberingPattern || DEFAULT_NUMBERING_PATTERN, {
    seq,
    year: today.year,
    month: today.month,
    kind: DOCUMENT_KIND_CODES[f.kind],
    instansiCode: documentCode(f.instansi, f.instansiId),
  });
  const takeNumber = (at: string) => tx.set(counterRef, { next: seq + 1, updatedAt: at });
  return { today, number, version, previous, takeNumber };
}

/** The announcement model's input, fixed when the number is taken. */
function snapshotOf(
  record: DocumentRecord,
  selection: StoredSelection,
  instansi: InstansiDoc,
  publicBaseUrl: string,
): AnnouncementSnapshot {
  return announcementSnapshot.parse({
    instansi,
    // The sentence is fixed in the snapshot: generated from the rule when the operator left it empty.
    setup: {
      ...selection,
      openTo: openToSentence((key, params) => message("id", key, params), selection.openTo, selection.openToRule),
    },
    selectionId: record.selectionId,
    number: record.number,
    issuedOn: record.issuedOn,
    signatory: ketuaSignatory(selection.pansel, instansi),
    verifyUrl: verifyUrlFor(publicBaseUrl, record.fileId),
  });
}

/** A snapshot as stored, of any kind (./kinds.ts tells which by its `kind` field). */
export type StoredSnapshot =
  AnnouncementSnapshot | ResultSnapshot | RekapSnapshot | ReceiptSnapshot | ProposalSnapshot | FinalReportSnapshot;

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

export function documentCode(instansi: InstansiDoc, instansiId: string): string {
  return instansi.documentCode || instansiId.toUpperCase();
}
