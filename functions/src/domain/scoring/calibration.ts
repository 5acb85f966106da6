/**
 * Calibration: what the committee decided about each spread flag of a post's ranking after a stage
 * (./spread.ts). Either the scores stand ("kept", with the committee's reason) or a member's score
 * was reopened by the ketua and submitted again ("rescored", naming that score). The berita acara
 * of the stage prints every flag with its resolution and refuses while one is open.
 *
 * A flag is keyed by what it is about, not by the ranking it came from: a candidate-component
 * ("cell:{applicationId}:{componentId}") or a member ("member:{uid}"). A ranking recomputed after a
 * rescore keeps the keys of the flags that still stand, so their resolutions still apply.
 *
 * Stored in `calibrations/{rankingId}` (one document per post and stage, functions only).
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import { requestId } from "../selection/process.js";
import { SCHEDULED_STAGES } from "../selection/setup.js";
import type { PostRankingResult } from "./postRanking.js";

export const RESOLUTION_OUTCOMES = ["kept", "rescored"] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** The committee's reason goes into the berita acara: it must say something. */
export const MIN_RESOLUTION_REASON = 10;

export type FlagRef =
  | { readonly kind: "cell"; readonly applicationId: string; readonly componentId: string }
  | { readonly kind: "member"; readonly memberUid: string };

const FLAG_KEY = /^(cell:[A-Za-z0-9_-]{1,200}:[a-z0-9-]{2,40}|member:[A-Za-z0-9_-]{1,128})$/;

export function flagKey(flag: FlagRef): string {
  return flag.kind === "cell" ? `cell:${flag.applicationId}:${flag.componentId}` : `member:${flag.memberUid}`;
}

/** Every flag of a ranking, cells first (in the ranking's order), then members. */
export function rankingFlags(result: Pick<PostRankingResult, "spread">): { key: string; flag: FlagRef }[] {
  const flags: FlagRef[] = [
    ...result.spread.cells.map((c) => ({
      kind: "cell" as const,
      applicationId: c.applicationId,
      componentId: c.componentId,
    })),
    ...result.spread.members.map((m) => ({ kind: "member" as const, memberUid: m.memberUid })),
  ];
  return flags.map((flag) => ({ key: flagKey(flag), flag }));
}

const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }));

export const resolveSpreadFlagInput = z.object({
  requestId,
  selectionId: docId,
  postId: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" })),
  stage: z.enum(SCHEDULED_STAGES, { error: "err.input.invalid" }),
  flagKey: z.string().check(z.regex(FLAG_KEY, { error: "err.calibration.unknownFlag" })),
  outcome: z.enum(RESOLUTION_OUTCOMES, { error: "err.calibration.outcome" }),
  reason: z
    .string({ error: "err.calibration.reason" })
    .check(
      z.trim(),
      z.minLength(MIN_RESOLUTION_REASON, { error: "err.calibration.reason" }),
      z.maxLength(1000, { error: "err.calibration.reasonLong" }),
    ),
  /** The reopened and resubmitted score, for "rescored" only. */
  scoreId: z._default(
    z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,300}$/, { error: "err.input.invalid" }))),
    null,
  ),
});
export type ResolveSpreadFlagInput = z.output<typeof resolveSpreadFlagInput>;

export const flagResolution = z.object({
  outcome: z.enum(RESOLUTION_OUTCOMES),
  reason: z.string(),
  scoreId: z.nullable(z.string()),
  /** The member whose score was reopened (rescored), for the berita acara. */
  scoreMemberUid: z.nullable(z.string()),
  by: z.object({ uid: z.string(), name: z.string(), role: z.string() }),
  at: z.string(),
  /** The ranking the flag was resolved on; a later recomputation keeps the resolution by key. */
  rankingSha256: z.string(),
});
export type FlagResolution = z.infer<typeof flagResolution>;

export const storedCalibration = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  postId: z.string(),
  stage: z.enum(SCHEDULED_STAGES),
  /** By flag key (flagKey). */
  resolutions: z.record(z.string(), flagResolution),
});
export type StoredCalibration = z.infer<typeof storedCalibration>;

/** What the server knows of the score a "rescored" resolution names. */
export interface ScoreForResolution {
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  readonly applicationId: string;
  readonly componentId: string;
  readonly memberUid: string;
  readonly status: string;
  readonly reopened: unknown;
}

/**
 * Whether this resolution may be recorded on this ranking: the flag is one of its flags, and a
 * "rescored" names a score of that flag (the cell's, or the member's on this post) that the ketua
 * reopened and the member submitted again. The first reason why not.
 */
export function resolutionIssue(
  result: Pick<PostRankingResult, "spread" | "selectionId" | "postId">,
  instansiId: string,
  input: Pick<ResolveSpreadFlagInput, "flagKey" | "outcome" | "scoreId">,
  score: ScoreForResolution | undefined,
): Issue | null {
  const flag = rankingFlags(result).find((f) => f.key === input.flagKey)?.flag;
  if (!flag) return { code: "err.calibration.unknownFlag", field: "flagKey" };
  if (input.outcome === "kept") return input.scoreId ? { code: "err.calibration.keptNoScore" } : null;
  if (!input.scoreId) return { code: "err.calibration.scoreRequired", field: "scoreId" };
  if (
    !score ||
    score.instansiId !== instansiId ||
    score.selectionId !== result.selectionId ||
    score.postId !== result.postId ||
    (flag.kind === "cell"
      ? score.applicationId !== flag.applicationId || score.componentId !== flag.componentId
      : score.memberUid !== flag.memberUid)
  ) {
    return { code: "err.calibration.scoreMismatch", field: "scoreId" };
  }
  if (!score.reopened) return { code: "err.calibration.notReopened", field: "scoreId" };
  if (score.status !== "submitted") return { code: "err.calibration.notResubmitted", field: "scoreId" };
  return null;
}

/** The flags of a ranking that no resolution answers yet. */
export function unresolvedFlags(
  result: Pick<PostRankingResult, "spread">,
  resolutions: Readonly<Record<string, unknown>>,
): string[] {
  return rankingFlags(result)
    .map((f) => f.key)
    .filter((key) => !(key in resolutions));
}

/**
 * The committee calibrates a stage's flags while the selection is in that stage or a later scoring
 * stage, up to the final ranking: once the report goes to the PPK, the record is closed.
 */
export function calibrationStageIssue(current: string | null, stage: string): Issue | null {
  const at = (SCHEDULED_STAGES as readonly string[]).indexOf(current ?? "");
  const of = (SCHEDULED_STAGES as readonly string[]).indexOf(stage);
  if (at < 0 || at > SCHEDULED_STAGES.indexOf("pemeringkatan")) return { code: "err.calibration.closed" };
  if (of > at) return { code: "err.calibration.stageNotReached", field: "stage" };
  return null;
}
