/**
 * Too few applicants at the end of registration, as the regulation profile says it is handled: a
 * post short of applicants has its registration extended, at most `maxExtensions` times; after that
 * the post is cancelled or continues only with a recorded decision. Pure: the selection as stored,
 * the profile and today's date in the government's zone come in; what may be done comes out, as a
 * plan to write or as findings that say why not.
 */
import { addDays, compareDates, lastDayOfPeriod, parseIsoDate, toIsoDate, type CalendarDate } from "../calendar.js";
import type { RegulationProfile, ShortfallDecision } from "../regulation/profile.js";
import { applicantShortfall, type ApplicantOutcome, type Finding } from "./checks.js";
import { SCHEDULED_STAGES } from "./setup.js";
import type { StoredSelection } from "./stored.js";

/** What these rules read of a selection. */
export type RegistrationFacts = Pick<
  StoredSelection,
  "stage" | "schedule" | "posts" | "counts" | "extensions" | "postDecisions"
>;

export type Planned<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: Finding[] };

const error = (code: Finding["code"], field: string, params: Finding["params"] = {}, cite?: string): Finding =>
  cite === undefined
    ? { severity: "error", code, field, params }
    : { severity: "error", code, field, params: { ...params, cite }, cite };

// ---------------------------------------------------------------------------------------------------
// Dates

/**
 * The last day of registration after an extension of `days` calendar days (the profile's
 * `applicants.extensionDaysAre`), counted as registration days are: first and last day included.
 * The extension starts the day after the current last day, or on the day it is granted when that is
 * later, so an extension granted some days after registration closed still gives candidates the
 * full extension, not what is left of it.
 */
export function extendedEnd(currentEnd: CalendarDate, today: CalendarDate, days: number): CalendarDate {
  const dayAfterEnd = addDays(currentEnd, 1);
  return lastDayOfPeriod(compareDates(today, dayAfterEnd) > 0 ? today : dayAfterEnd, days);
}

// ---------------------------------------------------------------------------------------------------
// Posts

/**
 * Every post of the selection with its outcome: a post no one applied to yet has 0 applicants (the
 * counters list only posts with applications).
 */
export function postShortfall(
  s: Pick<RegistrationFacts, "posts" | "counts" | "extensions">,
  profile: RegulationProfile,
): Record<string, ApplicantOutcome> {
  const counts = Object.fromEntries(s.posts.map((p) => [p.id, s.counts.applicantsPerPost[p.id] ?? 0]));
  const names = Object.fromEntries(s.posts.map((p) => [p.id, p.name]));
  return applicantShortfall(counts, s.extensions, profile, names);
}

/** The posts whose registration may be extended now (before the stage and date checks). */
export function extendablePosts(s: RegistrationFacts, profile: RegulationProfile): string[] {
  return Object.entries(postShortfall(s, profile)).flatMap(([postId, outcome]) =>
    outcome.status === "extend" && !s.postDecisions[postId] ? [postId] : [],
  );
}

/**
 * Extensions and decisions are made on a registration that has ended: while it is open the counts
 * may still change, and a decision to cancel a post would cut off candidates still applying.
 */
function registrationOver(s: RegistrationFacts, today: CalendarDate): Finding[] {
  if (s.stage !== "pendaftaran") return [error("err.registration.notInStage", "stage", { stage: s.stage })];
  const end = parseIsoDate(s.schedule.pendaftaran?.end ?? "");
  if (!end) return [error("err.gate.noSchedule", "schedule.pendaftaran", { stage: "pendaftaran" })];
  if (compareDates(today, end) <= 0) {
    return [error("err.registration.notEnded", "schedule.pendaftaran", { end: toIsoDate(end) })];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------
// Extension

export interface ExtensionPlan {
  /** The new last day of registration (ISO). */
  readonly end: string;
  /** The selection's extensions per post after this one. */
  readonly extensions: Record<string, number>;
  /** The posts extended, each with which extension this is for it (1 for the first). */
  readonly granted: readonly { readonly postId: string; readonly extension: number }[];
  /** Later stages whose dates the new end now reaches: their schedule needs an errata. */
  readonly warnings: Finding[];
}

/**
 * Extends the registration of the named posts, each of which must be short of applicants with an
 * extension left. Registration has one end date for the whole selection, so it moves for every
 * post; a post with enough applicants simply keeps them.
 */
export function planExtension(
  s: RegistrationFacts,
  postIds: readonly string[],
  profile: RegulationProfile,
  today: CalendarDate,
): Planned<ExtensionPlan> {
  const over = registrationOver(s, today);
  if (over.length > 0) return { ok: false, errors: over };

  const rule = profile.applicants;
  const outcomes = postShortfall(s, profile);
  const names = Object.fromEntries(s.posts.map((p) => [p.id, p.name]));
  const errors: Finding[] = [];
  const granted: { postId: string; extension: number }[] = [];
  // The same post named twice is one extension, not two.
  [...new Set(postIds)].forEach((postId) => {
    const field = `applicants.${postId}`;
    const outcome = outcomes[postId];
    const post = names[postId] ?? postId;
    if (!outcome) {
      errors.push(error("err.registration.unknownPost", field, { post: postId }));
    } else if (s.postDecisions[postId]) {
      errors.push(error("err.shortfall.alreadyDecided", field, { post }));
    } else if (outcome.status === "ok") {
      const params = { post, count: outcome.applicants, min: rule.minPerPost };
      errors.push(error("err.extension.enoughApplicants", field, params, rule.cite));
    } else if (outcome.status === "decisionNeeded") {
      const params = { post, count: outcome.applicants, min: rule.minPerPost, maxExtensions: rule.maxExtensions };
      errors.push(error("err.extension.exhausted", field, params, rule.cite));
    } else {
      granted.push({ postId, extension: outcome.extension });
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  // registrationOver has parsed it.
  const currentEnd = parseIsoDate(s.schedule.pendaftaran!.end)!;
  const end = extendedEnd(currentEnd, today, rule.extensionDays);
  const extensions = { ...s.extensions };
  for (const g of granted) extensions[g.postId] = g.extension;
  return { ok: true, value: { end: toIsoDate(end), extensions, granted, warnings: laterStagesReached(s, end) } };
}

/**
 * The first later stage whose dates start on or before the new last day of registration. The
 * schedule is fixed once announced (only functions write it), so the extension does not guess new
 * dates for the rest of the process; it says which dates no longer fit.
 */
function laterStagesReached(s: RegistrationFacts, end: CalendarDate): Finding[] {
  for (const stage of SCHEDULED_STAGES) {
    if (stage === "pendaftaran") continue;
    const start = parseIsoDate(s.schedule[stage]?.start ?? "");
    if (start && compareDates(start, end) <= 0) {
      const params = { stage, start: toIsoDate(start), end: toIsoDate(end) };
      return [{ severity: "warning", code: "warn.extension.scheduleReached", field: `schedule.${stage}`, params }];
    }
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------
// Decision after the last extension

/**
 * Whether `decision` on `postId` (cancel it, or continue with fewer applicants) may be recorded now:
 * only for a post still short of applicants after its last extension, once, after registration has
 * ended, and only a way out the profile offers. Empty when it may.
 */
export function shortfallDecisionIssues(
  s: RegistrationFacts,
  postId: string,
  decision: ShortfallDecision,
  profile: RegulationProfile,
  today: CalendarDate,
): Finding[] {
  const over = registrationOver(s, today);
  if (over.length > 0) return over;
  const rule = profile.applicants;
  const field = `applicants.${postId}`;
  const outcome = postShortfall(s, profile)[postId];
  const post = s.posts.find((p) => p.id === postId)?.name ?? postId;
  if (!outcome) return [error("err.registration.unknownPost", field, { post: postId })];
  if (s.postDecisions[postId]) return [error("err.shortfall.alreadyDecided", field, { post })];
  if (outcome.status === "ok") {
    const params = { post, count: outcome.applicants, min: rule.minPerPost };
    return [error("err.shortfall.enoughApplicants", field, params, rule.cite)];
  }
  if (outcome.status === "extend") {
    const params = { post, count: outcome.applicants, extension: outcome.extension, maxExtensions: rule.maxExtensions };
    return [error("err.shortfall.extendFirst", field, params, rule.cite)];
  }
  if (!outcome.options.includes(decision)) {
    return [error("err.shortfall.decisionNotOffered", "decision", { post, decision }, rule.cite)];
  }
  return [];
}
