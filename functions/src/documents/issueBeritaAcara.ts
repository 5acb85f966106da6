/**
 * Issuing the berita acara of a scoring stage: the rekap's three steps (./issueRekap.ts): number,
 * record and snapshot in one selection step, then the PDF rendered and stored, then the record
 * settled. In that step it reads, for every live post, the stage's ranking and its calibration, and
 * the committee's signatures of the stage, and refuses while a ranking is missing or not lockable
 * or a spread flag is still open: minutes that leave a question unanswered are not minutes.
 */
import { COLLECTIONS } from "../domain/collections.js";
import { toIsoDate } from "../domain/calendar.js";
import { issueAllocation } from "../domain/callables.js";
import {
  beritaAcaraDocumentId,
  beritaAcaraSnapshot,
  minutesAttendance,
  minutesPost,
  minutesStageIssue,
  type IssueBeritaAcaraInput,
  type MinutesPost,
} from "../domain/documents/beritaAcara.js";
import { documentFileName, issuingRecord, verifyUrlFor } from "../domain/documents/record.js";
import { signatureId, storedSignature } from "../domain/documents/signature.js";
import { SNAPSHOT_DOC } from "../domain/documents/snapshot.js";
import { publicUrlIssue } from "../domain/deployment.js";
import { calibrationStageIssue, storedCalibration } from "../domain/scoring/calibration.js";
import { rankingId, storedRanking } from "../domain/scoring/postRanking.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { operatorActor } from "../process/audit.js";
import { calibrationRef } from "../process/calibration.js";
import { rankingRef } from "../process/ranking.js";
import { readInstansi } from "../process/selectionStore.js";
import { runSelectionStep } from "../process/step.js";
import { allocateNumber, finishDocument, type IssueResult, type PublicSite } from "./issueAnnouncement.js";
import { ketuaSignatory } from "../domain/documents/letter.js";

const documentRef = (documentId: string) => db.collection(COLLECTIONS.documents).doc(documentId);

export async function issueBeritaAcara(
  caller: Caller,
  input: IssueBeritaAcaraInput,
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  requireOperator(caller);
  const urlIssue = publicUrlIssue(site.baseUrl, site.onEmulators);
  if (urlIssue) throw issueError("failed-precondition", [urlIssue]);
  const request = { caller, ...input, action: "issueBeritaAcara", answer: issueAllocation, now };
  const allocated = await runSelectionStep(request, async ({ tx, selection, at }) => {
    const stageIssue =
      minutesStageIssue(selection.scoringPlan, input.stage) ?? calibrationStageIssue(selection.stage, input.stage);
    if (stageIssue) throw issueError("failed-precondition", [stageIssue]);
    const posts = selection.posts.filter((p) => selection.postDecisions[p.id] !== "cancelPost");
    if (posts.length === 0) throw issueError("failed-precondition", [{ code: "err.minutes.noPosts" }]);
    const ids = posts.map((p) => rankingId(input.selectionId, p.id, input.stage));
    const signers = selection.pansel.filter((m) => m.uid).map((m) => m.uid!);
    const [rankings, calibrations, signatures] = await Promise.all([
      Promise.all(ids.map((id) => tx.get(rankingRef(id)))),
      Promise.all(ids.map((id) => tx.get(calibrationRef(id)))),
      Promise.all(
        signers.map((uid) =>
          tx.get(db.collection(COLLECTIONS.signatures).doc(signatureId(input.selectionId, input.stage, uid))),
        ),
      ),
    ]);
    const summaries: MinutesPost[] = [];
    for (const [i, post] of posts.entries()) {
      const snap = rankings[i]!;
      const ranking = snap.exists ? parseStored(storedRanking, snap.data(), snap.ref.path) : undefined;
      // A ranking of another tenant under this id would be a forgery: as good as none.
      if (!ranking || ranking.instansiId !== selection.instansiId) {
        throw issueError("failed-precondition", [{ code: "err.minutes.noRanking", params: { post: post.name } }]);
      }
      const calibrationSnap = calibrations[i]!;
      const calibration = calibrationSnap.exists
        ? parseStored(storedCalibration, calibrationSnap.data(), calibrationSnap.ref.path)
        : undefined;
      const own = calibration?.instansiId === selection.instansiId ? calibration.resolutions : {};
      const summary = minutesPost(post, ranking, own);
      if ("code" in summary) throw issueError("failed-precondition", [summary]);
      summaries.push(summary);
    }
    const signed = new Map<string, { path: string; signedAtDevice: string }>();
    for (const snap of signatures) {
      if (!snap.exists) continue;
      const s = parseStored(storedSignature, snap.data(), snap.ref.path);
      if (s.instansiId === selection.instansiId && s.selectionId === input.selectionId && s.stage === input.stage) {
        signed.set(s.memberUid, { path: s.path, signedAtDevice: s.signedAtDevice });
      }
    }
    const attendance = minutesAttendance(selection.pansel, signed);
    if (attendance.present.length === 0) {
      throw issueError("failed-precondition", [{ code: "err.minutes.noSignatures" }]);
    }
    const instansi = await readInstansi(tx, selection.instansiId);
    const { today, number, version, previous, takeNumber } = await allocateNumber(tx, {
      instansiId: selection.instansiId,
      instansi,
      now,
      kind: "beritaAcara",
      previousId: selection.minutesDocuments[input.stage] ?? null,
    });
    const documentId = beritaAcaraDocumentId(input.selectionId, input.stage, version);
    const record = issuingRecord({
      instansiId: selection.instansiId,
      instansiName: instansi.name,
      selectionId: input.selectionId,
      selectionTitle: selection.title,
      kind: "beritaAcara",
      number,
      version,
      issuedOn: toIsoDate(today),
      documentId,
      fileName: documentFileName("berita-acara", number),
      supersedes: previous?.exists ? previous.id : null,
      at,
    });
    const snapshot = beritaAcaraSnapshot.parse({
      kind: "beritaAcara",
      instansi,
      timeZone: instansi.timeZone,
      title: selection.title,
      legalBasis: selection.legalBasis,
      selectionId: input.selectionId,
      stage: input.stage,
      number,
      issuedOn: record.issuedOn,
      posts: summaries,
      ...attendance,
      signatory: ketuaSignatory(selection.pansel, instansi),
      verifyUrl: verifyUrlFor(site.baseUrl, documentId),
    });
    takeNumber(at);
    tx.create(documentRef(documentId), record);
    tx.create(documentRef(documentId).collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC), snapshot);
    return {
      result: { documentId, number, version },
      write: { update: { [`minutesDocuments.${input.stage}`]: documentId } },
      audit: { actor: operatorActor(caller), action: "issue", to: null, reason: number, reference: documentId },
    };
  });
  const sha256 = await finishDocument(allocated.documentId);
  return { ...allocated, sha256 };
}
