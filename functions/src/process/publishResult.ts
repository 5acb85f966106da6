/**
 * Publishing the administrative result, inside the transaction that approves the move to
 * pengumumanAdministrasi (process/transitions.ts): every submitted application takes its
 * verification as its published `result` and its status ms or tms, the selection records the
 * announcement (objection window, MS list with masked NIPs), and the pengumuman hasil seleksi
 * administrasi takes its number, record and snapshot. All of it commits with the stage change or
 * not at all; the PDF is rendered from the snapshot right after (finishDocument, idempotent, and the
 * sweep finishes it if the call dies), as for every issued document.
 *
 * Size: one read and one small update per application, in a transaction bounded by Firestore's
 * 10 MiB per commit and its 270 s lock time. A JPT selection has tens of applications per post,
 * hundreds at most; a deployment expecting thousands in one selection would move this to an
 * idempotent follow-up keyed by the proposal id.
 */
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { toIsoDate, type CalendarDate } from "../domain/calendar.js";
import {
  msListByPost,
  objectionWindow,
  publishedResults,
  type ApplicationUnderPublication,
} from "../domain/applications/objection.js";
import { applicationReview, storedApplication, type StoredApplication } from "../domain/applications/application.js";
import { resultSnapshotOf, type ResultSnapshot } from "../domain/documents/administrativeResult.js";
import { documentCounter, nextSequence } from "../domain/documents/counter.js";
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
} from "../domain/documents/record.js";
import { SNAPSHOT_DOC } from "../domain/documents/snapshot.js";
import { profileById } from "../domain/regulation/profiles.js";
import type { InstansiDoc } from "../domain/schemas/documents.js";
import type { AdministrativeResult, StoredSelection } from "../domain/selection/stored.js";
import { documentCode } from "../documents/issueStep.js";
import { db } from "../shell/admin.js";
import { issueError, parseStored } from "../shell/errors.js";

export interface Publication {
  readonly documentId: string;
  readonly administrativeResult: AdministrativeResult;
  readonly write: (tx: Transaction) => void;
}

const applicationsRef = () => db.collection(COLLECTIONS.applications);
const documentRef = (id: string) => db.collection(COLLECTIONS.documents).doc(id);

/**
 * The reads of the publication and what it will write; call before the transaction's first write,
 * then `write(tx)` after. Refuses when an application submitted has no verification.
 */
export async function preparePublication(
  tx: Transaction,
  selectionId: string,
  selection: StoredSelection,
  instansi: InstansiDoc,
  context: { now: Date; today: CalendarDate; at: string; publicBaseUrl: string },
): Promise<Publication> {
  const profile = profileById(selection.regulationProfileId);
  if (!profile) {
    throw issueError("failed-precondition", [
      { code: "err.setup.profileUnknown", params: { id: selection.regulationProfileId } },
    ]);
  }
  const snaps = await tx.get(
    applicationsRef().where("selectionId", "==", selectionId).where("instansiId", "==", selection.instansiId),
  );
  const applications = snaps.docs.map((d) => ({ id: d.id, app: parseStored(storedApplication, d.data(), d.ref.path) }));
  const submitted = applications.filter((a) => a.app.status === "submitted");
  const reviewRefs = submitted.map((a) => applicationsRef().doc(a.id).collection(COLLECTIONS.review).doc("main"));
  const reviews = reviewRefs.length > 0 ? await tx.getAll(...reviewRefs) : [];
  const verificationOf = new Map(
    reviews.map((r, i) => [
      submitted[i]?.id ?? "",
      r.exists ? parseStored(applicationReview, r.data(), r.ref.path).verification : null,
    ]),
  );
  const rows: ApplicationUnderPublication[] = applications.map((a) => ({
    id: a.id,
    status: a.app.status,
    verification: verificationOf.get(a.id) ?? null,
  }));
  const results = publishedResults(rows);
  if (!results.ok) {
    throw issueError("failed-precondition", [
      { code: "err.gate.unverified", params: { count: results.unverified.length } },
    ]);
  }

  const counterRef = db
    .collection(COLLECTIONS.instansi)
    .doc(selection.instansiId)
    .collection(COLLECTIONS.counters)
    .doc(counterIdFor(context.today.year));
  const counter = await tx.get(counterRef);
  const previousId = selection.administrativeResult?.documentId ?? null;
  const previous = previousId ? await tx.get(documentRef(previousId)) : undefined;
  const seq = nextSequence(counter.exists ? parseStored(documentCounter, counter.data(), counterRef.path) : undefined);
  const version = previous?.exists ? parseStored(documentRecord, previous.data(), previous.ref.path).version + 1 : 1;
  const number = formatDocumentNumber(instansi.numberingPattern || DEFAULT_NUMBERING_PATTERN, {
    seq,
    year: context.today.year,
    month: context.today.month,
    kind: DOCUMENT_KIND_CODES.hasilAdministrasi,
    instansiCode: documentCode(instansi, selection.instansiId),
  });
  const documentId = documentIdFor(selectionId, "hasilAdministrasi", version);

  const statusOf = new Map(results.updates.map((u) => [u.id, u.status]));
  const after: StoredApplication[] = applications.map((a) => ({
    ...a.app,
    status: statusOf.get(a.id) ?? a.app.status,
  }));
  const cancelled = Object.entries(selection.postDecisions)
    .filter(([, d]) => d === "cancelPost")
    .map(([postId]) => postId);
  const ms = msListByPost(
    selection.posts.map((p) => p.id),
    cancelled,
    after,
  );
  const zone = instansi.timeZone;
  const window = objectionWindow(context.now.getTime(), profile.objections, zone);
  const administrativeResult: AdministrativeResult = {
    publishedAt: context.at,
    objectionClosesAtMs: window.closesAtMs,
    objectionLastDay: window.lastDay,
    documentId,
    number,
    ms,
  };
  const issuedOn = toIsoDate(context.today);
  const record = issuingRecord({
    instansiId: selection.instansiId,
    instansiName: instansi.name,
    selectionId,
    selectionTitle: selection.title,
    kind: "hasilAdministrasi",
    number,
    version,
    issuedOn,
    documentId,
    fileName: documentFileName("hasil-administrasi", number),
    supersedes: previous?.exists ? previousId : null,
    at: context.at,
  });
  const snapshot: ResultSnapshot = resultSnapshotOf(selection, instansi, {
    selectionId,
    number,
    issuedOn,
    objectionLastDay: window.lastDay,
    cancelled,
    ms,
    verifyUrl: verifyUrlFor(context.publicBaseUrl, documentId),
  });

  return {
    documentId,
    administrativeResult,
    write: (tx) => {
      for (const u of results.updates) {
        const ref: DocumentReference = applicationsRef().doc(u.id);
        tx.update(ref, { status: u.status, result: u.result, updatedAt: context.at });
      }
      tx.set(counterRef, { next: seq + 1, updatedAt: context.at });
      tx.create(documentRef(documentId), record);
      tx.create(documentRef(documentId).collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC), snapshot);
    },
  };
}
