/**
 * resolveSpreadFlag: the committee's decision on one spread flag of a post's ranking after a stage,
 * recorded by the ketua pansel who chaired the calibration, or by the selection's operator taking
 * the minutes (the same pair that may compute the ranking, ./ranking.ts). One selection step (audit
 * entry with the reason, answer kept for retries) that writes `calibrations/{rankingId}`.
 */
import type { z } from "zod/mini";
import { resolveSpreadFlagOutput } from "../domain/callables.js";
import { COLLECTIONS } from "../domain/collections.js";
import {
  calibrationStageIssue,
  resolutionIssue,
  storedCalibration,
  type ResolveSpreadFlagInput,
  type StoredCalibration,
} from "../domain/scoring/calibration.js";
import { rankingId, storedRanking, type PostRankingResult } from "../domain/scoring/postRanking.js";
import { storedScore } from "../domain/scoring/score.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { checkPost, rankingActor, rankingRef } from "./ranking.js";
import { runSelectionStep } from "./step.js";

export const calibrationRef = (id: string) => db.collection(COLLECTIONS.calibrations).doc(id);

export async function resolveSpreadFlag(
  caller: Caller,
  input: ResolveSpreadFlagInput,
  now: Date,
): Promise<z.output<typeof resolveSpreadFlagOutput>> {
  const request = { caller, ...input, action: "resolveSpreadFlag", answer: resolveSpreadFlagOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    const actor = rankingActor(caller, selection);
    if (!actor) throw issueError("permission-denied", [{ code: "err.calibration.notAllowed" }]);
    checkPost(selection, input.postId);
    const stageIssue = calibrationStageIssue(selection.stage, input.stage);
    if (stageIssue) throw issueError("failed-precondition", [stageIssue]);
    const id = rankingId(input.selectionId, input.postId, input.stage);
    const [rankingSnap, calibrationSnap, scoreSnap] = await Promise.all([
      tx.get(rankingRef(id)),
      tx.get(calibrationRef(id)),
      input.scoreId ? tx.get(db.collection(COLLECTIONS.scores).doc(input.scoreId)) : Promise.resolve(undefined),
    ]);
    if (!rankingSnap.exists) throw issueError("failed-precondition", [{ code: "err.ranking.notComputed" }]);
    const ranking = parseStored(storedRanking, rankingSnap.data(), rankingSnap.ref.path);
    if (ranking.instansiId !== selection.instansiId) {
      throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
    }
    const result = JSON.parse(ranking.json) as PostRankingResult;
    const score = scoreSnap?.exists ? parseStored(storedScore, scoreSnap.data(), scoreSnap.ref.path) : undefined;
    const issue = resolutionIssue(result, selection.instansiId, input, score);
    if (issue) throw issueError("failed-precondition", [issue]);
    const earlier = calibrationSnap.exists
      ? parseStored(storedCalibration, calibrationSnap.data(), calibrationSnap.ref.path)
      : undefined;
    const doc: StoredCalibration = {
      instansiId: selection.instansiId,
      selectionId: input.selectionId,
      postId: input.postId,
      stage: input.stage,
      resolutions: {
        ...earlier?.resolutions,
        [input.flagKey]: {
          outcome: input.outcome,
          reason: input.reason,
          scoreId: input.outcome === "rescored" ? input.scoreId : null,
          scoreMemberUid: input.outcome === "rescored" ? (score?.memberUid ?? null) : null,
          by: actor,
          at,
          rankingSha256: ranking.sha256,
        },
      },
    };
    tx.set(calibrationRef(id), doc);
    const post = selection.posts.find((p) => p.id === input.postId)!.name;
    return {
      result: { rankingId: id, flagKey: input.flagKey, outcome: input.outcome },
      write: { update: {} },
      audit: {
        actor,
        action: "resolveSpreadFlag",
        to: null,
        reason: `${post} (${input.stage}) ${input.flagKey} · ${input.outcome}: ${input.reason}`,
        reference: input.scoreId ?? id,
      },
    };
  });
}
