/**
 * The live eligibility check a candidate sees while applying (issue 8): one result per requirement of
 * the post, each met, not met, or cannot tell, with the reason as a catalogue key and its values.
 *
 * ADVISORY ONLY. The profile is what the candidate typed; the operator's verification of the SK,
 * ijazah and SKP decides (MS / TMS). So the check never says "met" for something it cannot compute
 * from the profile: missing data, and judgements a profile cannot carry (whether experience is in the
 * field of the post), are "unknown" with a reason.
 *
 * Limits: a post may ask more than its regulation profile, never less, so the stricter of the two
 * applies. Ages and tenures are counted at the selection's reference date, which comes in as an
 * argument (no clock here).
 */
import {
  addDays,
  ageOn,
  anniversary,
  compareDates,
  inclusiveDays,
  parseIsoDate,
  toIsoDate,
  type CalendarDate,
} from "../calendar.js";
import type { IssueParams } from "../issue.js";
import type { MessageKey } from "../i18n/messages.js";
import { parseNip } from "../nip.js";
import { compareGolongan, rankLabel, type Golongan } from "../ranks.js";
import type { EducationLevel, JptLevel, RegulationProfile } from "../regulation/profile.js";
import {
  EDUCATION_HISTORY_LEVELS,
  SKP_RATINGS,
  type CandidateProfile,
  type EducationHistoryLevel,
  type PostHistoryEntry,
  type PostType,
  type SkpRating,
} from "../schemas/profile.js";
import type { PostRequirements } from "../selection/setup.js";

export const ELIGIBILITY_STATUSES = ["met", "notMet", "unknown"] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

export const REQUIREMENTS = ["age", "rank", "education", "yearsInPost", "yearsRelevant", "performance"] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export interface RequirementResult {
  readonly requirement: Requirement;
  readonly status: EligibilityStatus;
  readonly code: MessageKey;
  readonly params: IssueParams;
}

/** The post being applied to: its level picks the regulation's rule, its requirements may ask more. */
export interface PostUnderCheck {
  readonly level: JptLevel;
  readonly requirements: Pick<
    PostRequirements,
    "maxAge" | "minGolongan" | "minEducation" | "minYearsInPost" | "minYearsRelevant"
  >;
}

/**
 * The yearly performance of the last two years must be at least "Baik" (PP No. 11 Tahun 2017 as
 * amended, on JPT candidates). Neither the post nor the regulation profile stores it yet, so it is
 * fixed here; it moves into the profile when a regulation changes it.
 */
export const MIN_SKP_RATING: SkpRating = "Baik";
export const SKP_YEARS = 2;

/** The stricter of what the post asks and what the regulation requires for its level. */
export function effectiveLimits(post: PostUnderCheck, regulation: RegulationProfile) {
  const rule = regulation.eligibility[post.level];
  const r = post.requirements;
  return {
    maxAge: Math.min(r.maxAge, rule.maxAge),
    minGolongan: compareGolongan(r.minGolongan, rule.minGolongan) >= 0 ? r.minGolongan : rule.minGolongan,
    minEducation:
      educationRank(r.minEducation) >= educationRank(rule.minEducation) ? r.minEducation : rule.minEducation,
    minYearsInPost: Math.max(r.minYearsInPost, rule.minYearsInPost),
    minYearsRelevant: Math.max(r.minYearsRelevant, rule.minYearsRelevant),
  };
}

export function checkEligibility(
  profile: CandidateProfile,
  post: PostUnderCheck,
  regulation: RegulationProfile,
  referenceDate: CalendarDate,
): RequirementResult[] {
  const limits = effectiveLimits(post, regulation);
  return [
    checkAge(profile, limits.maxAge, referenceDate),
    checkRank(profile, limits.minGolongan),
    checkEducation(profile, limits.minEducation),
    checkYearsInPost(profile, post.level, limits.minYearsInPost, referenceDate),
    checkYearsRelevant(profile, limits.minYearsRelevant, referenceDate),
    checkPerformance(profile, referenceDate),
  ];
}

const result = (
  requirement: Requirement,
  status: EligibilityStatus,
  code: MessageKey,
  params: IssueParams = {},
): RequirementResult => ({ requirement, status, code, params });

/** Whole years of age at the reference date, from the birth date in the NIP: at most the limit. */
function checkAge(profile: CandidateProfile, maxAge: number, on: CalendarDate): RequirementResult {
  const nip = parseNip(profile.nip);
  const birth = nip.ok ? parseIsoDate(nip.nip.birthDate) : undefined;
  if (!birth) return result("age", "unknown", "elig.age.noNip", { max: maxAge });
  const age = ageOn(birth, on);
  return result("age", age <= maxAge ? "met" : "notMet", "elig.age", { age, max: maxAge, date: toIsoDate(on) });
}

function checkRank(profile: CandidateProfile, min: Golongan): RequirementResult {
  if (profile.golongan === undefined) return result("rank", "unknown", "elig.rank.missing", { min: rankLabel(min) });
  const met = compareGolongan(profile.golongan, min) >= 0;
  return result("rank", met ? "met" : "notMet", "elig.rank", {
    rank: rankLabel(profile.golongan),
    min: rankLabel(min),
  });
}

/** SMA 0, D3 1, D4 and S1 2, S2 3, S3 4: a D-IV meets an S1 requirement. */
function historyRank(level: EducationHistoryLevel): number {
  const i = EDUCATION_HISTORY_LEVELS.indexOf(level);
  return i >= EDUCATION_HISTORY_LEVELS.indexOf("S1") ? i - 1 : i;
}
function educationRank(level: EducationLevel): number {
  return historyRank(level);
}

function checkEducation(profile: CandidateProfile, min: EducationLevel): RequirementResult {
  if (profile.education.length === 0) return result("education", "unknown", "elig.education.missing", { min });
  let best = profile.education[0]!.level;
  for (const e of profile.education) if (historyRank(e.level) > historyRank(best)) best = e.level;
  const met = historyRank(best) >= educationRank(min);
  return result("education", met ? "met" : "notMet", "elig.education", { level: best, min });
}

/** Posts that count as the post below the level: administrator or JPT for Pratama, JPT for Madya. */
const TENURE_TYPES: Record<JptLevel, readonly PostType[]> = {
  jptPratama: ["administrator", "jpt"],
  jptMadya: ["jpt"],
};

function checkYearsInPost(
  profile: CandidateProfile,
  level: JptLevel,
  min: number,
  on: CalendarDate,
): RequirementResult {
  const code = level === "jptMadya" ? "elig.yearsInPost.jpt" : "elig.yearsInPost.admin";
  if (profile.posts.length === 0) return result("yearsInPost", "unknown", "elig.posts.missing", { min });
  const types = TENURE_TYPES[level];
  const days = tenureDays(
    profile.posts.filter((p) => types.includes(p.type)),
    on,
  );
  const years = wholeYears(days, on);
  return result("yearsInPost", days >= requiredDays(min, on) ? "met" : "notMet", code, { years, min });
}

/**
 * Experience counts every post held. Too little in total is a sure "not met"; enough in total is still
 * "cannot tell", because whether it was in the field of the post is the verifier's judgement.
 */
function checkYearsRelevant(profile: CandidateProfile, min: number, on: CalendarDate): RequirementResult {
  if (profile.posts.length === 0) return result("yearsRelevant", "unknown", "elig.posts.missing", { min });
  const days = tenureDays(profile.posts, on);
  const years = wholeYears(days, on);
  if (days < requiredDays(min, on)) return result("yearsRelevant", "notMet", "elig.experience.short", { years, min });
  if (min === 0) return result("yearsRelevant", "met", "elig.experience.none", { years });
  return result("yearsRelevant", "unknown", "elig.experience.review", { years, min });
}

/**
 * The ratings of the two calendar years before the reference date's year (a year's SKP is rated after
 * it ends). Any below the minimum is "not met"; a missing year is "cannot tell".
 */
function checkPerformance(profile: CandidateProfile, on: CalendarDate): RequirementResult {
  const limit = SKP_RATINGS.indexOf(MIN_SKP_RATING);
  const years = Array.from({ length: SKP_YEARS }, (_, i) => on.year - SKP_YEARS + i);
  for (const year of years) {
    const entry = profile.performance.find((e) => e.year === year);
    if (entry && SKP_RATINGS.indexOf(entry.rating) > limit) {
      return result("performance", "notMet", "elig.performance.low", {
        year,
        rating: entry.rating,
        min: MIN_SKP_RATING,
      });
    }
  }
  const missing = years.find((y) => !profile.performance.some((e) => e.year === y));
  if (missing !== undefined) {
    return result("performance", "unknown", "elig.performance.missing", { year: missing, min: MIN_SKP_RATING });
  }
  return result("performance", "met", "elig.performance", {
    from: years[0]!,
    to: years[years.length - 1]!,
    min: MIN_SKP_RATING,
  });
}

// ---------------------------------------------------------------------------------------------------
// Tenure: days in a union of periods

/**
 * Days covered by the posts up to the reference date, both ends included, a day counted once however
 * many posts cover it (a definitive post and an acting one held together, say). An open post runs to
 * the reference date; a post that starts after it does not count.
 */
export function tenureDays(posts: readonly Pick<PostHistoryEntry, "from" | "to">[], on: CalendarDate): number {
  const periods: { from: CalendarDate; to: CalendarDate }[] = [];
  for (const p of posts) {
    const from = parseIsoDate(p.from);
    const end = p.to === undefined ? on : parseIsoDate(p.to);
    if (!from || !end) continue;
    const to = compareDates(end, on) > 0 ? on : end;
    if (compareDates(from, to) > 0) continue;
    periods.push({ from, to });
  }
  periods.sort((a, b) => compareDates(a.from, b.from));
  let total = 0;
  let current: { from: CalendarDate; to: CalendarDate } | undefined;
  for (const p of periods) {
    if (current && compareDates(p.from, addDays(current.to, 1)) <= 0) {
      if (compareDates(p.to, current.to) > 0) current.to = p.to;
    } else {
      if (current) total += inclusiveDays(current.from, current.to);
      current = { ...p };
    }
  }
  if (current) total += inclusiveDays(current.from, current.to);
  return total;
}

/**
 * The days of `years` whole years ending on the reference date, as an anniversary counts them: a post
 * held from 5 October 2019 through 4 October 2021 is exactly two years. Tenure is compared in days
 * against this, so a union of periods is measured on the same calendar.
 */
export function requiredDays(years: number, on: CalendarDate): number {
  if (years <= 0) return 0;
  const whole = Math.floor(years);
  const base = whole === 0 ? 0 : inclusiveDays(addDays(anniversary(on, -whole), 1), on);
  // A part year (a limit such as 1.5) adds its share of a common year.
  return base + Math.ceil((years - whole) * 365);
}

/** The most whole years the days amount to, on the same calendar as `requiredDays`. */
function wholeYears(days: number, on: CalendarDate): number {
  let years = 0;
  while (years < 80 && days >= requiredDays(years + 1, on)) years += 1;
  return years;
}
