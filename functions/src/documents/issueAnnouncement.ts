/**
 * Issuing the pengumuman of a selection. Three steps, each safe to repeat:
 *  1. one transaction allocates the next number of the government's counter for the year, creates
 *     the document record (status "issuing") and the audit entry, keyed by the request id;
 *  2. the PDF is rendered (deterministic for the same record) and stored in Firestore chunks;
 *  3. the record becomes "valid" with the PDF's SHA-256, and the previous version "superseded".
 * A retry of the same request finds its number from step 1 and finishes steps 2 and 3, so a
 * dropped connection never burns a number or leaves a record half-issued.
 */
import { COLLECTIONS } from "../domain/collections.js";
import { buildAnnouncement } from "../domain/documents/announcement.js";
import { DEFAULT_NUMBERING_PATTERN, DOCUMENT_KIND_CODES, formatDocumentNumber } from "../domain/documents/numbering.js";
import { documentIdFor, documentRecord, verifyUrlFor, type DocumentRecord } from "../domain/documents/record.js";
import { instansiDoc, type InstansiDoc } from "../domain/schemas/documents.js";
import { storedSelection } from "../domain/selection/stored.js";
import { toIsoDate } from "../domain/calendar.js";
import { db } from "../shell/admin.js";
import { todayIn } from "../shell/clock.js";
import { issueError } from "../shell/errors.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { FileStoreError, writeFile } from "../files/chunks.js";
import { issueAllocation } from "../domain/callables.js";
import { operatorActor } from "../process/audit.js";
import { readInstansi, selectionRef } from "../process/selectionStore.js";
import { runSelectionStep } from "../process/step.js";
import { renderAnnouncementPdf } from "./announcementPdf.js";

export interface IssueResult {
  readonly documentId: string;
  readonly number: string;
  readonly version: number;
}

const documentRef = (documentId: string) => db.collection(COLLECTIONS.documents).doc(documentId);

export async function issueAnnouncement(
  caller: Caller,
  input: { selectionId: string; requestId: string },
  now: Date,
  publicBaseUrl: string,
): Promise<IssueResult & { sha256: string }> {
  requireOperator(caller);
  const allocated = await allocate(caller, input, now);
  const snap = await documentRef(allocated.documentId).get();
  const record = documentRecord.parse(snap.data());
  const sha256 = record.status === "issuing" ? await renderAndStore(record, publicBaseUrl) : (record.sha256 ?? "");
  return { ...allocated, sha256 };
}

async function allocate(
  caller: Caller,
  input: { selectionId: string; requestId: string },
  now: Date,
): Promise<IssueResult> {
  const request = { caller, ...input, action: "issue", answer: issueAllocation, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    // Numbered, signed and public: only for a selection whose opening has been approved.
    if (!selection.public) throw issueError("failed-precondition", [{ code: "err.document.notAnnounced" }]);
    const instansi = await readInstansi(tx, selection.instansiId);
    const today = todayIn(instansi.timeZone, now);
    const counterRef = db
      .collection(COLLECTIONS.instansi)
      .doc(selection.instansiId)
      .collection(COLLECTIONS.counters)
      .doc(`pengumuman-${today.year}`);
    const counter = await tx.get(counterRef);
    const previousId = selection.announcementDocumentId;
    const previous = previousId ? await tx.get(documentRef(previousId)) : undefined;

    const seq = (counter.get("next") as number | undefined) ?? 1;
    const version = previous?.exists ? (previous.get("version") as number) + 1 : 1;
    const number = formatDocumentNumber(instansi.numberingPattern || DEFAULT_NUMBERING_PATTERN, {
      seq,
      year: today.year,
      month: today.month,
      kind: DOCUMENT_KIND_CODES.pengumuman,
      instansiCode: documentCode(instansi, selection.instansiId),
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
    };
    tx.set(counterRef, { next: seq + 1, updatedAt: at });
    tx.create(documentRef(documentId), record);
    return {
      result: { documentId, number, version },
      write: { update: { announcementDocumentId: documentId } },
      audit: { actor: operatorActor(caller), action: "issue", to: null, reason: number, reference: documentId },
    };
  });
}

async function renderAndStore(record: DocumentRecord, publicBaseUrl: string): Promise<string> {
  const [selectionSnap, instansiSnap] = await Promise.all([
    selectionRef(record.selectionId).get(),
    db.collection(COLLECTIONS.instansi).doc(record.instansiId).get(),
  ]);
  const selection = storedSelection.parse(selectionSnap.data());
  const instansi = instansiDoc.parse(instansiSnap.data());
  const ketua = selection.pansel.find((m) => m.position === "ketua");
  const model = buildAnnouncement({
    instansi,
    setup: selection,
    selectionId: record.selectionId,
    number: record.number,
    issuedOn: record.issuedOn,
    signatory: {
      name: ketua?.name ?? "",
      title: `Ketua Panitia Seleksi\nJabatan Pimpinan Tinggi Pratama ${instansi.shortName}`,
    },
    verifyUrl: verifyUrlFor(publicBaseUrl, record.fileId),
  });
  const pdf = await renderAnnouncementPdf(model);
  let sha256: string;
  let size: number;
  try {
    const info = await writeFile(db, {
      fileId: record.fileId,
      instansiId: record.instansiId,
      contentType: "application/pdf",
      name: record.fileName,
      bytes: pdf,
      extra: { public: true, documentId: record.fileId },
    });
    ({ sha256, size } = info);
  } catch (error) {
    // A retry after the file was stored but before the record was finished: the file stands.
    if (!(error instanceof FileStoreError && error.code === "exists")) throw error;
    const meta = await db.collection(COLLECTIONS.files).doc(record.fileId).get();
    sha256 = meta.get("sha256") as string;
    size = meta.get("size") as number;
  }
  const batch = db.batch();
  batch.update(documentRef(record.fileId), { status: "valid", sha256, size });
  if (record.supersedes) {
    batch.update(documentRef(record.supersedes), { status: "superseded", supersededBy: record.fileId });
  }
  await batch.commit();
  return sha256;
}

function documentCode(instansi: InstansiDoc, instansiId: string): string {
  return instansi.documentCode || instansiId.toUpperCase();
}
