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
import { buildAnnouncement } from "../domain/documents/announcement.js";
import {
  buildAdministrativeResult,
  resultSnapshot,
  type ResultSnapshot,
} from "../domain/documents/administrativeResult.js";
import { ISSUING_STALE_AFTER_MS, isStuck, olderVersions, settledStatus } from "../domain/documents/lifecycle.js";
import {
  counterIdFor,
  DEFAULT_NUMBERING_PATTERN,
  DOCUMENT_KIND_CODES,
  formatDocumentNumber,
} from "../domain/documents/numbering.js";
import { documentIdFor, documentRecord, verifyUrlFor, type DocumentRecord } from "../domain/documents/record.js";
import { documentCounter, nextSequence } from "../domain/documents/counter.js";
import { storedFileDoc } from "../domain/schemas/files.js";
import { openToSentence } from "../domain/eligibility/openToText.js";
import { announcementSnapshot, SNAPSHOT_DOC, type AnnouncementSnapshot } from "../domain/documents/snapshot.js";
import { buildReceipt, receiptSnapshot, type ReceiptSnapshot } from "../domain/documents/receipt.js";
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
import { buildRekap, rekapSnapshot, type RekapSnapshot } from "../domain/documents/rekap.js";

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
    const record: DocumentRecord = {
      instansiId: selection.instansiId,
      instansiName: instansi.name,
      selectionId: input.selectionId,
      selectionTitle: selection.title,
      kind: "pengumuman",
      number,
      version,
      issuedOn: toIsoDate(today),
      status: "issuing",
      sha256: null,
      size: null,
      fileId: documentId,
      fileName: `pengumuman-${number.replace(/[^A-Za-z0-9]+/g, "-")}.pdf`,
      supersedes: previous?.exists ? previousId : null,
      supersededBy: null,
      issuedAt: at,
      revokedOn: null,
      revokedReason: null,
    };
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
  const ketua = selection.pansel.find((m) => m.position === "ketua");
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
    signatory: {
      name: ketua?.name ?? "",
      title: message("id", "doc.signatory.ketua", { instansi: instansi.shortName }),
    },
    verifyUrl: verifyUrlFor(publicBaseUrl, record.fileId),
  });
}

/** The PDF of a snapshot: a pure function of it, so every rendering has the same SHA-256. */
export async function renderSnapshot(snapshot: AnnouncementSnapshot | ResultSnapshot | RekapSnapshot): Promise<Buffer> {
  if ("kind" in snapshot && snapshot.kind === "rekapNilai") return renderAnnouncementPdf(buildRekap(snapshot));
  return renderAnnouncementPdf("kind" in snapshot ? buildAdministrativeResult(snapshot) : buildAnnouncement(snapshot));
}

async function readReceiptSnapshot(documentId: string): Promise<ReceiptSnapshot> {
  const snap = await snapshotRef(documentId).get();
  if (!snap.exists) throw new Error(`documents/${documentId} has no snapshot to render from`);
  return parseStored(receiptSnapshot, snap.data(), snap.ref.path);
}

/** The snapshot of either kind: the administrative result's carries `kind`, the pengumuman's predates it. */
export async function readSnapshot(documentId: string): Promise<AnnouncementSnapshot | ResultSnapshot | RekapSnapshot> {
  const snap = await snapshotRef(documentId).get();
  if (!snap.exists) throw new Error(`documents/${documentId} has no snapshot to render from`);
  if (snap.get("kind") === "hasilAdministrasi") return parseStored(resultSnapshot, snap.data(), snap.ref.path);
  if (snap.get("kind") === "rekapNilai") return parseStored(rekapSnapshot, snap.data(), snap.ref.path);
  return parseStored(announcementSnapshot, snap.data(), snap.ref.path);
}

/**
 * Steps 2 and 3 for one record: render from its snapshot, store the file, settle the status. Safe to
 * run twice, and beside the call that issued it: the file is written once and the record settled once.
 */
export async function finishDocument(documentId: string): Promise<string> {
  const first = readRecord(await documentRef(documentId).get());
  if (first.sha256 !== null) return first.sha256;
  // A receipt is the candidate's own file (read by them and the selection's staff), not a public one.
  let pdf: Buffer;
  let access: { ownerUid?: string; selectionId?: string; extra: Record<string, unknown> };
  let applicationId: string | undefined;
  if (first.kind === "tandaBukti") {
    const receipt = await readReceiptSnapshot(documentId);
    applicationId = receipt.applicationId;
    pdf = await renderAnnouncementPdf(buildReceipt(receipt));
    // The application it belongs to: the rules let a pansel member read it only as they may that application.
    access = {
      ownerUid: receipt.candidateUid,
      selectionId: first.selectionId,
      extra: { documentId: first.fileId, applicationId: receipt.applicationId },
    };
  } else if (first.kind === "rekapNilai") {
    // Every candidate's scores: the selection's staff read it, not the public (nor the pansel, which
    // may not see the scores of a candidate a member is recused from; they see the ranking).
    pdf = await renderSnapshot(await readSnapshot(documentId));
    access = { selectionId: first.selectionId, extra: { documentId: first.fileId } };
  } else {
    pdf = await renderSnapshot(await readSnapshot(documentId));
    access = { extra: { public: true, documentId: first.fileId } };
  }
  let sha256: string;
  let size: number;
  try {
    const info = await writeFile(db, {
      fileId: first.fileId,
      instansiId: first.instansiId,
      contentType: "application/pdf",
      name: first.fileName,
      bytes: pdf,
      ...access,
    });
    ({ sha256, size } = info);
  } catch (error) {
    // Another run stored the file first (a retry, or the sweep): the file stands.
    if (!(error instanceof FileStoreError && error.code === "exists")) throw error;
    const meta = await db.collection(COLLECTIONS.files).doc(first.fileId).get();
    ({ sha256, size } = parseStored(storedFileDoc, meta.data(), meta.ref.path));
  }
  return db.runTransaction(async (tx) => settle(tx, documentId, sha256, size, applicationId));
}

/** The version a selection points at for a kind; each receipt is the only version for its application. */
function currentVersionOf(kind: DocumentRecord["kind"], documentId: string, selection: StoredSelection): string | null {
  switch (kind) {
    case "tandaBukti":
      return documentId;
    case "hasilAdministrasi":
      return selection.administrativeResult?.documentId ?? null;
    case "pengumuman":
      return selection.announcementDocumentId;
    case "rekapNilai":
      return selection.rekapDocuments[documentId.replace(/-rekapNilai-v\d+$/, "")] ?? null;
  }
}

async function settle(
  tx: Transaction,
  documentId: string,
  sha256: string,
  size: number,
  receiptOf?: string,
): Promise<string> {
  const current = readRecord(await tx.get(documentRef(documentId)));
  if (current.sha256 !== null) return current.sha256;
  const selectionSnap = await tx.get(selectionRef(current.selectionId));
  const selection = parseStored(storedSelection, selectionSnap.data(), selectionSnap.ref.path);
  const settled = settledStatus(documentId, current, {
    currentId: currentVersionOf(current.kind, documentId, selection),
    stage: selection.stage,
  });
  if (settled.status === "valid") {
    // A rekap's versions are per post and stage: its id, not the selection's, names the series.
    const olderRefs = olderVersions(current.version).map((v) =>
      documentRef(
        current.kind === "rekapNilai"
          ? documentId.replace(/-v\d+$/, `-v${v}`)
          : documentIdFor(current.selectionId, current.kind, v),
      ),
    );
    const older = olderRefs.length > 0 ? await tx.getAll(...olderRefs) : [];
    for (const snap of older) {
      const status = snap.exists ? readRecord(snap).status : undefined;
      if (status === "valid" || status === "issuing") {
        tx.update(snap.ref, { status: "superseded", supersededBy: documentId });
      }
    }
  }
  tx.update(documentRef(documentId), { ...settled, sha256, size });
  // The candidate's screen follows the application, not the record: it learns here that the PDF is there.
  if (receiptOf) tx.update(db.collection(COLLECTIONS.applications).doc(receiptOf), { "receipt.sha256": sha256 });
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
