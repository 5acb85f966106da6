/**
 * A pansel member's declaration of conflicts for one post, as the `declareConflicts` callable takes it,
 * and what the member may learn before declaring (`panselRoster`). The checks on the declaration's
 * entries are conflicts.ts's `validateDeclaration`; this module decides who may declare, when, and how
 * many scores the declaration makes the committee owe.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import { STAGES, type Stage } from "../stages.js";
import type { ScoringPlan } from "../selection/setup.js";
import type { StoredSelection } from "../selection/stored.js";
import { requestId } from "../selection/process.js";
import { assignedMembers } from "../selection/panselAssignment.js";
import { CONFLICT_KINDS, conflictEntry, type ConflictEntry } from "./conflicts.js";

const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }));
const postId = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" }));

export const declareConflictsInput = z.object({
  requestId,
  selectionId: docId,
  postId,
  entries: z.array(conflictEntry).check(z.maxLength(500, { error: "err.input.invalid" })),
});
export type DeclareConflictsInput = z.output<typeof declareConflictsInput>;

export const declareConflictsOutput = z.object({
  conflictsId: z.string(),
  recusals: z.int(),
  /** Scores this member now owes, per scoring stage (the component's stage). */
  expectedScores: z.record(z.string(), z.int()),
});

export const panselRosterInput = z.object({ selectionId: docId });

/** One MS candidate as a member needs them to declare: who, not what they submitted. */
export const rosterCandidate = z.object({
  applicationId: z.string(),
  /** With academic titles, as on the profile the candidate locked. */
  name: z.string(),
  maskedNip: z.string(),
  currentPost: z.string(),
  currentInstansi: z.string(),
});
export type RosterCandidate = z.infer<typeof rosterCandidate>;

export const rosterPost = z.object({
  postId: z.string(),
  postName: z.string(),
  candidates: z.array(rosterCandidate),
  /** The member's own declaration for this post: applicationId → kind; null before declaring. */
  declaration: z.nullable(z.object({ declaredAt: z.string(), kinds: z.record(z.string(), z.enum(CONFLICT_KINDS)) })),
});
export type RosterPost = z.infer<typeof rosterPost>;

export const panselRosterOutput = z.object({
  selectionId: z.string(),
  title: z.string(),
  stage: z.string(),
  /** Whether a declaration can be made now (the stage allows it). */
  declarationOpen: z.boolean(),
  posts: z.array(rosterPost),
});
export type PanselRoster = z.infer<typeof panselRosterOutput>;

/**
 * Declarations are made once the eligible (MS) candidates are known, i.e. from the administrative
 * result, and before ranking: a member who has not declared by then never scores.
 */
export const DECLARATION_STAGES: readonly Stage[] = [
  "pengumumanAdministrasi",
  "asesmenManajerial",
  "kompetensiTeknis",
  "wawancara",
  "rekamJejak",
];

export function declarationOpen(stage: Stage): boolean {
  return DECLARATION_STAGES.includes(stage);
}

type DeclareView = Pick<StoredSelection, "stage" | "posts" | "postDecisions" | "panselUids" | "panselAssignments">;

/** The posts a member works on, cancelled posts left out, in the selection's order. */
export function postsOfMember(selection: DeclareView, memberUid: string): StoredSelection["posts"] {
  if (!selection.panselUids.includes(memberUid)) return [];
  return selection.posts.filter(
    (p) => selection.postDecisions[p.id] !== "cancelPost" && assignedMembers(selection, p.id).includes(memberUid),
  );
}

/** Why this member cannot declare for this post now; empty when they can. The entries are checked apart. */
export function declarationIssues(selection: DeclareView, memberUid: string, postId: string): Issue[] {
  if (!selection.panselUids.includes(memberUid)) return [{ code: "err.conflict.notCommittee" }];
  if (!selection.posts.some((p) => p.id === postId)) return [{ code: "err.conflict.noPost", field: "postId" }];
  if (selection.postDecisions[postId] === "cancelPost") {
    return [{ code: "err.conflict.postCancelled", field: "postId" }];
  }
  if (!assignedMembers(selection, postId).includes(memberUid)) {
    return [{ code: "err.conflict.notAssigned", field: "postId" }];
  }
  if (!declarationOpen(selection.stage)) return [{ code: "err.conflict.stage" }];
  return [];
}

/**
 * The scores a member owes after declaring: one per candidate declared "none" and per component the
 * committee scores (imported ones come from a report), counted into the component's stage. The gate
 * that leaves a scoring stage reads these counts; submitting a score takes one off. A component whose
 * stage is over before `current` is left out: its scores can no longer be submitted (a declaration
 * extended late for a candidate who became MS), so counting them would hold the last gate for ever;
 * the ranking shows those cells as awaited instead.
 */
export function expectedScores(
  plan: Pick<ScoringPlan, "components">,
  entries: readonly Pick<ConflictEntry, "kind">[],
  current?: Stage,
): Record<string, number> {
  const free = entries.filter((e) => e.kind === "none").length;
  const out: Record<string, number> = {};
  if (free === 0) return out;
  const from = current === undefined ? 0 : STAGES.indexOf(current);
  for (const component of plan.components) {
    if (component.imported || STAGES.indexOf(component.stage) < from) continue;
    out[component.stage] = (out[component.stage] ?? 0) + free;
  }
  return out;
}
