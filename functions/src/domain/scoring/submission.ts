/**
 * Submitting and reopening a member's score: the callables' inputs and the checks the server makes
 * before it locks a score. They are the same checks the rules make of a draft (firestore.rules,
 * scoreDrafts): a member of this selection's pansel, assigned to the post, who declared "none" for
 * this MS candidate, scoring a component of the current stage that the pansel scores; then the
 * entry itself, complete and on the scale (./score.ts).
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import { requestId } from "../selection/process.js";
import type { StoredSelection } from "../selection/stored.js";
import type { StoredApplication } from "../applications/application.js";
import type { ConflictKind } from "./conflicts.js";
import { scoreEntry, validateScore, type ScoreCheck } from "./score.js";

const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, { error: "err.input.invalid" }));

export const submitScoreInput = z.object({
  requestId,
  selectionId: docId,
  applicationId: docId,
  componentId: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" })),
  entry: scoreEntry,
});
export type SubmitScoreInput = z.output<typeof submitScoreInput>;

/** A reopened score goes back to its member; why is on the record, so it must say something. */
export const MIN_REOPEN_REASON = 10;

export const reopenScoreInput = z.object({
  requestId,
  selectionId: docId,
  scoreId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,300}$/, { error: "err.input.invalid" })),
  reason: z
    .string({ error: "err.score.reopenReason" })
    .check(
      z.trim(),
      z.minLength(MIN_REOPEN_REASON, { error: "err.score.reopenReason" }),
      z.maxLength(1000, { error: "err.input.invalid" }),
    ),
});
export type ReopenScoreInput = z.output<typeof reopenScoreInput>;

type Selection = Pick<StoredSelection, "instansiId" | "stage" | "panselUids" | "panselAssignments" | "scoringPlan">;

/** Whether `memberUid` may score `componentId` of this application now; the first reason why not. */
export function scoringAccessIssues(input: {
  readonly selectionId: string;
  readonly selection: Selection;
  readonly memberUid: string;
  readonly application: Pick<StoredApplication, "instansiId" | "selectionId" | "postId" | "status"> | undefined;
  /** The member's declaration for the application's post: applicationId → kind. */
  readonly kinds: Readonly<Record<string, ConflictKind>> | undefined;
  readonly applicationId: string;
  readonly componentId: string;
}): Issue[] {
  const { selection, memberUid, application } = input;
  if (!selection.panselUids.includes(memberUid)) return [{ code: "err.score.notPansel" }];
  if (
    !application ||
    application.selectionId !== input.selectionId ||
    application.instansiId !== selection.instansiId ||
    application.status !== "ms"
  ) {
    return [{ code: "err.score.notCandidate" }];
  }
  const assigned = selection.panselAssignments[application.postId];
  if (assigned && !assigned.includes(memberUid)) return [{ code: "err.score.notAssigned" }];
  const kind = input.kinds?.[input.applicationId];
  if (kind === undefined) return [{ code: "err.score.undeclared" }];
  if (kind !== "none") return [{ code: "err.score.recused" }];
  const component = selection.scoringPlan.components.find((c) => c.id === input.componentId);
  if (!component) return [{ code: "err.score.unknownComponent", params: { component: input.componentId } }];
  if (component.imported) return [{ code: "err.score.imported", params: { component: component.label } }];
  if (component.stage !== selection.stage) {
    return [{ code: "err.score.otherStage", params: { component: component.label } }];
  }
  return [];
}

/** Access first, then the entry as a submission (complete, on the scale, the rubric's levels). */
export function submissionCheck(
  access: Parameters<typeof scoringAccessIssues>[0],
  entry: z.output<typeof scoreEntry>,
): ScoreCheck {
  const issues = scoringAccessIssues(access);
  if (issues.length > 0) return { ok: false, issues };
  return validateScore(access.selection.scoringPlan, access.componentId, entry, "submit");
}

/** The ketua of the selection's pansel, by the uid on the committee list: the one who may reopen. */
export function isKetua(selection: Pick<StoredSelection, "pansel">, uid: string): boolean {
  return selection.pansel.some((m) => m.position === "ketua" && m.uid === uid);
}

/**
 * The gate's counters after one score is locked (-1) or reopened (+1), as dotted field updates.
 * Never below zero: a submission the count never expected (declared before counting existed) must
 * not leave the gate waiting for -1 scores forever.
 */
export function unlockedCountUpdate(
  counts: Pick<StoredSelection["counts"], "unlockedScores" | "unlockedScoresByStage">,
  stage: string,
  delta: 1 | -1,
): Record<string, number> {
  const byStage = counts.unlockedScoresByStage?.[stage] ?? 0;
  return {
    "counts.unlockedScores": Math.max(0, counts.unlockedScores + delta),
    [`counts.unlockedScoresByStage.${stage}`]: Math.max(0, byStage + delta),
  };
}
