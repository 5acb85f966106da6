/**
 * One pansel member's score of one candidate in one component: the stored shape
 * (`scores/{scoreId}`, written only by functions), the entry a tablet sends, and the check of an
 * entry against the scoring plan. A rubric component is scored per indicator with one of the
 * rubric's levels; any other component with a direct number on its scale.
 *
 * What a score counts is "marks of full marks", in hundredths: a rubric's five indicators scored
 * 4, 4, 3, 5, 4 on levels 1–5 are 20 of 25, so 80.00 on the 0–100 scale of the ranking. Full marks
 * are the scale's maximum per indicator; the scale's minimum only bounds what may be entered.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import type { ScoringComponent, ScoringPlan } from "../selection/setup.js";
import { toHundredths } from "./exact.js";

export const SCORE_STATUSES = ["draft", "submitted"] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

const ref = z.string().check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(200));

/** What the tablet sends (autosave and submit alike); the level per indicator id, or a number. */
export const scoreEntry = z.object({
  levels: z._default(z.nullable(z.record(z.string().check(z.maxLength(40)), z.number())), null),
  value: z._default(z.nullable(z.number()), null),
  note: z._default(z.string().check(z.maxLength(2000, { error: "err.score.noteLong" })), ""),
});
export type ScoreEntry = z.infer<typeof scoreEntry>;

export const storedScore = z.object({
  instansiId: ref,
  selectionId: ref,
  postId: ref,
  applicationId: ref,
  componentId: ref,
  memberUid: ref,
  levels: scoreEntry.shape.levels,
  value: scoreEntry.shape.value,
  note: scoreEntry.shape.note,
  status: z.enum(SCORE_STATUSES),
  submittedAt: z._default(z.nullable(z.string()), null),
  /**
   * Counts every write the function accepts; a tablet sends the revision it last saw, so an autosave
   * that arrives after a submit (or a second submit) is rejected instead of counted again.
   */
  revision: z._default(z.int().check(z.gte(0)), 0),
  /** The ketua's last reopening (reopenScore): the member sees why their score came back. */
  reopened: z._default(z.nullable(z.object({ byUid: z.string(), reason: z.string(), at: z.string() })), null),
});
export type StoredScore = z.infer<typeof storedScore>;

/**
 * What the member has typed so far (`scoreDrafts/{scoreId}`, same id as the score): written by the
 * tablet itself through the Firestore SDK, so autosave works offline and survives the app being
 * closed; the rules check owner, assignment, declared "none" and shape. Submitting (the submitScore
 * callable) copies a complete entry into `scores/{scoreId}`; after that the rules refuse the draft.
 */
export const storedScoreDraft = z.object({
  instansiId: ref,
  selectionId: ref,
  postId: ref,
  applicationId: ref,
  componentId: ref,
  /**
   * Where the component sits in the plan's list: the rules cannot search a list, so they look the
   * component up at this index and check its id, stage and that the pansel scores it.
   */
  componentIndex: z.int().check(z.gte(0), z.lt(12)),
  memberUid: ref,
  levels: scoreEntry.shape.levels,
  value: scoreEntry.shape.value,
  note: scoreEntry.shape.note,
  /** The tablet's clock, for "saved on this device at …" only; nothing is decided by it. */
  savedAt: z.string().check(z.maxLength(40)),
});
export type StoredScoreDraft = z.infer<typeof storedScoreDraft>;

/** Component ids and uids have no "_" (setup.ts, Auth), so the id splits back from the right. */
export function scoreId(applicationId: string, componentId: string, memberUid: string): string {
  return `${applicationId}_${componentId}_${memberUid}`;
}

/** Full marks of one member's score, in hundredths: per indicator for a rubric, else the scale's maximum. */
export function fullMarks(component: ScoringComponent): number {
  const max = toHundredths(component.imported ? component.imported.rawMax : component.scale.max) ?? 0;
  return component.rubric ? component.rubric.indicators.length * max : max;
}

export type ScoreCheck = { ok: true; marks: number | null } | { ok: false; issues: Issue[] };

/**
 * Checks an entry for `componentId` of the plan. A draft may be incomplete (the member is still
 * typing; nothing is lost); a submission must be complete. `marks` are the entry's hundredths of
 * `fullMarks(component)`, null for an incomplete draft.
 */
export function validateScore(
  plan: ScoringPlan,
  componentId: string,
  entry: ScoreEntry,
  mode: "draft" | "submit",
): ScoreCheck {
  const component = plan.components.find((c) => c.id === componentId);
  if (!component) return fail({ code: "err.score.unknownComponent", params: { component: componentId } });
  const label = component.label;
  // The assessment centre's figures come from its report, never from a member's tablet.
  if (component.imported) return fail({ code: "err.score.imported", params: { component: label } });
  return component.rubric ? checkRubric(component, entry, mode) : checkDirect(component, entry, mode);
}

function checkRubric(component: ScoringComponent, entry: ScoreEntry, mode: "draft" | "submit"): ScoreCheck {
  const rubric = component.rubric!;
  if (entry.value !== null) {
    return fail({ code: "err.score.rubricOnly", field: "value", params: { component: component.label } });
  }
  const levels = entry.levels ?? {};
  const issues: Issue[] = [];
  const allowed = new Set(rubric.levels.map((l) => l.score));
  const known = new Set(rubric.indicators.map((i) => i.id));
  for (const [indicator, level] of Object.entries(levels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!known.has(indicator)) {
      issues.push({ code: "err.score.unknownIndicator", field: `levels.${indicator}`, params: { indicator } });
    } else if (!allowed.has(level)) {
      const choices = [...allowed].sort((a, b) => a - b).join(", ");
      issues.push({ code: "err.score.notALevel", field: `levels.${indicator}`, params: { value: level, choices } });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const missing = rubric.indicators.filter((i) => levels[i.id] === undefined);
  if (missing.length > 0) {
    if (mode === "draft") return { ok: true, marks: null };
    return fail({
      code: "err.score.incomplete",
      field: `levels.${missing[0]!.id}`,
      params: { missing: missing.map((i) => i.label).join(", "), count: missing.length },
    });
  }
  let marks = 0;
  for (const i of rubric.indicators) marks += toHundredths(levels[i.id]!) ?? 0;
  return { ok: true, marks };
}

function checkDirect(component: ScoringComponent, entry: ScoreEntry, mode: "draft" | "submit"): ScoreCheck {
  const label = component.label;
  if (entry.levels !== null && Object.keys(entry.levels).length > 0) {
    return fail({ code: "err.score.notRubric", field: "levels", params: { component: label } });
  }
  if (entry.value === null) {
    if (mode === "draft") return { ok: true, marks: null };
    return fail({ code: "err.score.incomplete", field: "value", params: { missing: label, count: 1 } });
  }
  const { min, max } = component.scale;
  if (!(entry.value >= min && entry.value <= max)) {
    return fail({ code: "err.score.outsideScale", field: "value", params: { value: entry.value, min, max } });
  }
  const marks = toHundredths(entry.value);
  if (marks === null) return fail({ code: "err.score.decimals", field: "value", params: { value: entry.value } });
  return { ok: true, marks };
}

function fail(issue: Issue): ScoreCheck {
  return { ok: false, issues: [issue] };
}
