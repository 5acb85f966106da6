/**
 * The tanda bukti pendaftaran of a submitted application, issued the way the pengumuman is
 * (../documents/issueAnnouncement.ts): one transaction takes the government's next number and
 * creates the record, the snapshot and `receipt` on the application; then the PDF is rendered from
 * the snapshot and stored as the candidate's file, and the record settles. Each step is safe to
 * repeat: a second call finds the number on the application and only finishes what is left.
 *
 * Apart from the submission's transaction on purpose: the counter is one document per government
 * and year, and a crowd submitting at the deadline must never have a lock refused because a number
 * could not be taken at that moment.
 */
import { COLLECTIONS } from "../domain/collections.js";
import { storedApplication, LOCKED_STATUSES } from "../domain/applications/application.js";
import { documentCounter, nextSequence } from "../domain/documents/counter.js";
import {
  counterIdFor,
  DEFAULT_NUMBERING_PATTERN,
  DOCUMENT_KIND_CODES,
  formatDocumentNumber,
} from "../domain/documents/numbering.js";
import { receiptDocumentId, receiptFileName, verifyUrlFor, issuingRecord } from "../domain/documents/record.js";
import { receiptSnapshot } from "../domain/documents/receipt.js";
import { SNAPSHOT_DOC } from "../domain/documents/snapshot.js";
import { publicUrlIssue } from "../domain/deployment.js";
import { toIsoDate } from "../domain/calendar.js";
import { storedSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";
import { todayIn } from "../shell/clock.js";
import { issueError, parseStored } from "../shell/errors.js";
import { readInstansi, selectionRef } from "../process/selectionStore.js";
import { documentCode, type PublicSite } from "../documents/issueStep.js";
import { finishDocument } from "../documents/pipeline.js";
import { ketuaSignatory } from "../domain/documents/letter.js";

export type { PublicSite };

export interface IssuedReceipt {
  readonly documentId: string;
  readonly number: string;
  readonly fileId: string;
  readonly fileName: string;
}

export async function issueReceipt(applicationId: string, now: Date, site: PublicSite): Promise<IssuedReceipt> {
  const urlIssue = publicUrlIssue(site.baseUrl, site.onEmulators);
  if (urlIssue) throw issueError("failed-precondition", [urlIssue]);
  const receipt = await allocateReceipt(applicationId, now, site.baseUrl);
  await finishDocument(receipt.documentId);
  return receipt;
}

async function allocateReceipt(applicationId: string, now: Date, publicBaseUrl: string): Promise<IssuedReceipt> {
  const appRef = db.collection(COLLECTIONS.applications).doc(applicationId);
  return db.runTransaction(async (tx) => {
    const appSnap = await tx.get(appRef);
    const application = parseStored(storedApplication, appSnap.data(), appRef.path);
    if (application.receipt) {
      const { documentId, number } = application.receipt;
      return { documentId, number, fileId: documentId, fileName: receiptFileName(number) };
    }
    if (!LOCKED_STATUSES.includes(application.status) || application.status === "withdrawn") {
      throw issueError("failed-precondition", [{ code: "err.apply.notFound" }]);
    }
    const selectionSnap = await tx.get(selectionRef(application.selectionId));
    const selection = parseStored(storedSelection, selectionSnap.data(), selectionSnap.ref.path);
    const instansi = await readInstansi(tx, application.instansiId);
    const today = todayIn(instansi.timeZone, now);
    const counterRef = db
      .collection(COLLECTIONS.instansi)
      .doc(application.instansiId)
      .collection(COLLECTIONS.counters)
      .doc(counterIdFor(today.year));
    const counter = await tx.get(counterRef);
    const seq = nextSequence(
      counter.exists ? parseStored(documentCounter, counter.data(), counterRef.path) : undefined,
    );
    const number = formatDocumentNumber(instansi.numberingPattern || DEFAULT_NUMBERING_PATTERN, {
      seq,
      year: today.year,
      month: today.month,
      kind: DOCUMENT_KIND_CODES.tandaBukti,
      instansiCode: documentCode(instansi, application.instansiId),
    });
    const documentId = receiptDocumentId(applicationId);
    const at = now.toISOString();
    const record = issuingRecord({
      instansiId: application.instansiId,
      instansiName: instansi.name,
      selectionId: application.selectionId,
      selectionTitle: selection.title,
      kind: "tandaBukti",
      number,
      version: 1,
      issuedOn: toIsoDate(today),
      documentId,
      fileName: receiptFileName(number),
      supersedes: null,
      at,
    });
    const post = selection.posts.find((p) => p.id === application.postId);
    const checklist = post?.requirements.documents ?? [];
    const snapshot = receiptSnapshot.parse({
      kind: "tandaBukti",
      instansi,
      timeZone: instansi.timeZone,
      selectionId: application.selectionId,
      selectionTitle: selection.title,
      applicationId,
      candidateUid: application.candidateUid,
      candidate: { name: application.profile?.name ?? application.candidateName, nip: application.nip },
      post: { name: application.postName, opd: post?.opd ?? "" },
      submittedAt: application.submittedAt ?? at,
      documents: checklist.flatMap((r) => {
        const file = application.documents[r.id];
        return file ? [{ label: r.label, fileName: file.fileName }] : [];
      }),
      number,
      issuedOn: record.issuedOn,
      signatory: ketuaSignatory(selection.pansel, instansi),
      verifyUrl: verifyUrlFor(publicBaseUrl, documentId),
    });
    tx.set(counterRef, { next: seq + 1, updatedAt: at });
    const documentRef = db.collection(COLLECTIONS.documents).doc(documentId);
    tx.create(documentRef, record);
    tx.create(documentRef.collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC), snapshot);
    tx.update(appRef, { receipt: { documentId, number } });
    return { documentId, number, fileId: documentId, fileName: record.fileName };
  });
}
