/**
 * Issuing the berita acara of a scoring stage: numbered like every document (./issueStep.ts): number,
 * record and snapshot in one selection step, then the PDF rendered and stored, then the record
 * settled. In that step it reads, for every live post, the stage's ranking and its calibration, and
 * the committee's signatures of the stage, and refuses while a ranking is missing or not lockable
 * or a spread flag is still open: minutes that leave a question unanswered are not minutes.
 */
import { COLLECTIONS } from "../domain/collections.js";
import {
  beritaAcaraDocumentId,
  minutesAttendance,
  minutesPost,
  minutesStageIssue,
  type IssueBeritaAcaraInput,
  type MinutesPost,
} from "../domain/documents/beritaAcara.js";
import { signatureId, storedSignature } from "../domain/documents/signature.js";
import { calibrationStageIssue, storedCalibration } from "../domain/scoring/calibration.js";
import { rankingId, storedRanking } from "../domain/scoring/postRanking.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { calibrationRef } from "../process/calibration.js";
import { rankingRef } from "../process/ranking.js";
import { readInstansi } from "../process/selectionStore.js";
import { issueDocument, issuedOutcome, numberDocument, type IssueResult, type PublicSite } from "./issueStep.js";
import { ketuaSignatory } from "../domain/documents/letter.js";

export async function issueBeritaAcara(
  caller: Caller,
  input: IssueBeritaAcaraInput,
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  return issueDocument(caller, input, now, site, "issueBeritaAcara", async (context) => {
    const { tx, selection } = context;
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
    const numbered = await numberDocument(context, {
      selectionId: input.selectionId,
      instansi,
      now,
      site,
      kind: "beritaAcara",
      previousId: selection.minutesDocuments[input.stage] ?? null,
      documentId: (version) => beritaAcaraDocumentId(input.selectionId, input.stage, version),
      filePrefix: "berita-acara",
      snapshot: ({ number, issuedOn, verifyUrl }) => ({
        kind: "beritaAcara",
        instansi,
        timeZone: instansi.timeZone,
        title: selection.title,
        legalBasis: selection.legalBasis,
        selectionId: input.selectionId,
        stage: input.stage,
        number,
        issuedOn,
        posts: summaries,
        ...attendance,
        signatory: ketuaSignatory(selection.pansel, instansi),
        verifyUrl,
      }),
    });
    return issuedOutcome(caller, numbered, { [`minutesDocuments.${input.stage}`]: numbered.documentId });
  });
}
