/**
 * The checks of a selection's setup against its regulation profile, and the small rules later stages
 * ask (too few applicants, from ./applicants.ts; rotation protection; the election-period gate).
 * Pure: the profile, the setup and any date come in as arguments; every problem comes out as a
 * Finding with the field it belongs to, so the wizard shows it beside the input, and with the rule's
 * citation.
 *
 * The shapes have already been parsed (./setup.ts); these checks are about what the shapes cannot
 * say: sums, orders, duplicates and the law.
 */
import { compareDates, inclusiveDays, parseIsoDate, type CalendarDate } from "../calendar.js";
import { compareGolongan, rankLabel } from "../ranks.js";
import type { Stage } from "../stages.js";
import type { RegulationProfile } from "../regulation/profile.js";
import type { ApprovalReason } from "./appointment.js";
import { normaliseStagesUsed } from "./stageMachine.js";
import {
  EDUCATION_LEVELS,
  SCHEDULED_STAGES,
  type PanselMember,
  type Schedule,
  type ScheduledStage,
  type ScoringPlan,
  type SelectionSetup,
  type SetupPost,
} from "./setup.js";
import { error, warning, type Finding } from "./finding.js";

export type { Finding, Severity } from "./finding.js";
// Too few applicants lives apart so that a screen asking only that does not load the setup checks.
export { applicantShortfall, type ApplicantOutcome } from "./applicants.js";

/** Share in percent, to one decimal, for messages ("42.9"); the rule itself compares exactly. */
function percent(part: number, whole: number): number {
  return Math.round((part * 1000) / whole) / 10;
}

// ---------------------------------------------------------------------------------------------------
// Pansel

/**
 * Internal members are the government's own officials. A member from another government ("instansiLain",
 * like the two provincial officials on Pontianak's 2024 pansel) is external: the rule exists to keep
 * the appointing government from judging its own people alone.
 */
export function isInternalMember(member: Pick<PanselMember, "origin">): boolean {
  return member.origin === "internal";
}

export function checkPanselComposition(pansel: readonly PanselMember[], profile: RegulationProfile): Finding[] {
  const rule = profile.pansel;
  const roles = profile.panselRoles;
  const findings: Finding[] = [];
  const count = pansel.length;

  if (count < rule.minMembers) {
    findings.push(error("err.setup.panselTooFew", "pansel", { count, min: rule.minMembers }, rule.cite));
  }
  if (count > rule.maxMembers) {
    findings.push(error("err.setup.panselTooMany", "pansel", { count, max: rule.maxMembers }, rule.cite));
  }
  // An empty pansel is simply too small; calling 0 "even" would only add noise.
  if (rule.oddOnly && count > 0 && count % 2 === 0) {
    findings.push(error("err.setup.panselEven", "pansel", { count }, rule.cite));
  }

  const internal = pansel.filter(isInternalMember).length;
  // Integers only: 9 of 20 is exactly 45 % and allowed, with no floating-point doubt.
  if (count > 0 && internal * 100 > rule.maxInternalPercent * count) {
    findings.push(
      error(
        "err.setup.panselInternalShare",
        "pansel",
        { internal, count, percent: percent(internal, count), max: rule.maxInternalPercent },
        rule.cite,
      ),
    );
  }

  const ketua = pansel.filter((m) => m.position === "ketua").length;
  if (count > 0 && ketua === 0) findings.push(error("err.setup.panselNoKetua", "pansel", {}, roles.cite));
  if (ketua > 1) findings.push(error("err.setup.panselManyKetua", "pansel", { count: ketua }, roles.cite));
  if (count > 0 && roles.requireSekretaris && !pansel.some((m) => m.position === "sekretaris")) {
    findings.push(error("err.setup.panselNoSekretaris", "pansel", {}, roles.cite));
  }

  // The same person twice would make a pansel of four look like five.
  const seen = new Set<string>();
  pansel.forEach((member, i) => {
    const key = normalizeName(member.name);
    if (seen.has(key)) {
      findings.push(error("err.setup.panselDuplicate", `pansel.${i}.name`, { name: member.name.trim() }));
    }
    seen.add(key);
  });
  return findings;
}

function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

// ---------------------------------------------------------------------------------------------------
// Schedule

interface ParsedRange {
  readonly stage: ScheduledStage;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly startText: string;
  readonly endText: string;
}

/**
 * Dates per stage are inclusive and stages run one after another, as the stage machine moves them:
 * a stage starts after the previous one has ended, so sharing a day counts as an overlap.
 *
 * `stagesUsed` are the stages this selection goes through; each scheduled one needs dates, and dates
 * for a stage not used are ignored with a warning. Without it only registration is required: no open
 * selection is without one.
 */
export function checkSchedule(
  schedule: Schedule,
  profile: RegulationProfile,
  stagesUsed?: readonly Stage[],
): Finding[] {
  const findings: Finding[] = [];
  const used = (stage: ScheduledStage) => stagesUsed === undefined || stagesUsed.includes(stage);
  const required: readonly ScheduledStage[] = stagesUsed
    ? SCHEDULED_STAGES.filter((s) => stagesUsed.includes(s))
    : ["pendaftaran"];

  for (const stage of required) {
    if (!schedule[stage]) findings.push(error("err.setup.scheduleMissing", `schedule.${stage}`, { stage }));
  }

  const ranges: ParsedRange[] = [];
  for (const stage of SCHEDULED_STAGES) {
    const range = schedule[stage];
    if (!range) continue;
    if (!used(stage)) {
      findings.push(warning("warn.setup.scheduleUnused", `schedule.${stage}`, { stage }));
      continue;
    }
    const start = parseIsoDate(range.start);
    const end = parseIsoDate(range.end);
    if (!start) findings.push(error("err.setup.dateInvalid", `schedule.${stage}.start`, { value: range.start }));
    if (!end) findings.push(error("err.setup.dateInvalid", `schedule.${stage}.end`, { value: range.end }));
    if (!start || !end) continue;
    if (compareDates(end, start) < 0) {
      findings.push(
        error("err.setup.scheduleReversed", `schedule.${stage}`, { stage, start: range.start, end: range.end }),
      );
      continue;
    }
    ranges.push({ stage, start, end, startText: range.start, endText: range.end });
  }

  // Against every earlier stage, not only the one before: one report per stage, order first, because
  // a stage out of order also overlaps and "out of order" is the better hint.
  ranges.forEach((range, i) => {
    const earlier = ranges.slice(0, i);
    const before = earlier.find((e) => compareDates(range.start, e.start) < 0);
    const overlapping = earlier.find((e) => compareDates(range.start, e.end) <= 0);
    const other = before ?? overlapping;
    if (!other) return;
    const params = {
      stage: range.stage,
      start: range.startText,
      end: range.endText,
      otherStage: other.stage,
      otherStart: other.startText,
      otherEnd: other.endText,
    };
    findings.push(
      error(before ? "err.setup.scheduleOrder" : "err.setup.scheduleOverlap", `schedule.${range.stage}`, params),
    );
  });

  const registration = ranges.find((r) => r.stage === "pendaftaran");
  if (registration) {
    const days = inclusiveDays(registration.start, registration.end);
    const rule = profile.registration;
    if (days < rule.minDays) {
      findings.push(
        warning("warn.setup.registrationShort", "schedule.pendaftaran", { days, min: rule.minDays }, rule.cite),
      );
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// Scoring plan

/** Weights are typed as decimals (33.3 + 33.3 + 33.4); sums within this of 100 are exactly 100. */
const WEIGHT_EPSILON = 1e-9;

export function checkScoringPlan(plan: ScoringPlan): Finding[] {
  const findings: Finding[] = [];
  const base = "scoringPlan.components";

  const sum = plan.components.reduce((total, c) => total + c.weight, 0);
  if (Math.abs(sum - 100) > WEIGHT_EPSILON) {
    findings.push(error("err.setup.weightsSum", base, { sum: Math.round(sum * 100) / 100 }));
  }

  const ids = new Set<string>();
  plan.components.forEach((c, i) => {
    const at = `${base}.${i}`;
    const component = c.label.trim() || c.id;
    if (ids.has(c.id)) findings.push(error("err.setup.componentDuplicate", `${at}.id`, { id: c.id }));
    ids.add(c.id);

    if (c.weight === 0) findings.push(warning("warn.setup.weightZero", `${at}.weight`, { component }));

    const { min, max } = c.scale;
    if (min >= max) {
      findings.push(error("err.setup.scaleReversed", `${at}.scale`, { component, min, max }));
      return; // nothing is inside a reversed scale; the checks below would only repeat it
    }
    const inScale = (v: number) => v >= min && v <= max;
    if (c.minScore !== undefined && !inScale(c.minScore)) {
      findings.push(error("err.setup.minScoreOutside", `${at}.minScore`, { component, value: c.minScore, min, max }));
    }
    const scores = new Set<number>();
    c.rubric?.levels.forEach((level, j) => {
      const field = `${at}.rubric.levels.${j}.score`;
      const params = { component, value: level.score, min, max };
      if (!inScale(level.score)) findings.push(error("err.setup.rubricLevelOutside", field, params));
      else if (scores.has(level.score)) findings.push(error("err.setup.rubricLevelDuplicate", field, params));
      scores.add(level.score);
    });
  });
  findings.push(...checkAdvance(plan));
  return findings;
}

/**
 * Cut-offs by number: after a stage no fewer may go on than the plan's finalists per post (else
 * the PPK could not be given the "3 besar"), and a later stage never lets more go on than an earlier
 * one did (more cannot come back).
 */
function checkAdvance(plan: ScoringPlan): Finding[] {
  const findings: Finding[] = [];
  const stageOrder = (c: ScoringPlan["components"][number]) => SCHEDULED_STAGES.indexOf(c.stage);
  const withCutoff = plan.components
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.advancePerPost !== undefined)
    .sort((a, b) => stageOrder(a.c) - stageOrder(b.c));
  let earlier: { label: string; advance: number; order: number } | undefined;
  for (const { c, i } of withCutoff) {
    const advance = c.advancePerPost ?? 0;
    const field = `scoringPlan.components.${i}.advancePerPost`;
    const component = c.label.trim() || c.id;
    if (advance < plan.finalistsPerPost) {
      findings.push(
        error("err.setup.advanceBelowFinalists", field, { component, advance, finalists: plan.finalistsPerPost }),
      );
    }
    if (earlier && stageOrder(c) > earlier.order && advance > earlier.advance) {
      findings.push(
        warning("warn.setup.advanceIncreases", field, {
          component,
          advance,
          earlier: earlier.label,
          before: earlier.advance,
        }),
      );
    }
    earlier = { label: component, advance, order: stageOrder(c) };
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// Posts

export function checkPosts(posts: readonly SetupPost[], profile: RegulationProfile): Finding[] {
  const findings: Finding[] = [];
  if (posts.length === 0) return [error("err.setup.noPosts", "posts")];

  const ids = new Set<string>();
  posts.forEach((post, i) => {
    const at = `posts.${i}`;
    if (ids.has(post.id)) findings.push(error("err.setup.postDuplicate", `${at}.id`, { id: post.id }));
    ids.add(post.id);

    // A post may ask more than the regulation (younger, higher rank), never less.
    const rule = profile.eligibility[post.level];
    const req = post.requirements;
    const r = `${at}.requirements`;
    const level = post.level;
    if (req.maxAge > rule.maxAge) {
      findings.push(
        error("err.setup.maxAgeAboveLimit", `${r}.maxAge`, { value: req.maxAge, limit: rule.maxAge, level }, rule.cite),
      );
    }
    if (compareGolongan(req.minGolongan, rule.minGolongan) < 0) {
      const params = { value: rankLabel(req.minGolongan), limit: rankLabel(rule.minGolongan), level };
      findings.push(error("err.setup.rankBelowMinimum", `${r}.minGolongan`, params, rule.cite));
    }
    if (EDUCATION_LEVELS.indexOf(req.minEducation) < EDUCATION_LEVELS.indexOf(rule.minEducation)) {
      const params = { value: req.minEducation, limit: rule.minEducation, level };
      findings.push(error("err.setup.educationBelowMinimum", `${r}.minEducation`, params, rule.cite));
    }
    if (req.minYearsInPost < rule.minYearsInPost) {
      const params = { value: req.minYearsInPost, limit: rule.minYearsInPost, level };
      findings.push(error("err.setup.yearsInPostBelowMinimum", `${r}.minYearsInPost`, params, rule.cite));
    }
    if (req.minYearsRelevant < rule.minYearsRelevant) {
      const params = { value: req.minYearsRelevant, limit: rule.minYearsRelevant, level };
      findings.push(error("err.setup.yearsRelevantBelowMinimum", `${r}.minYearsRelevant`, params, rule.cite));
    }

    const docIds = new Set<string>();
    req.documents.forEach((doc, j) => {
      const d = `${r}.documents.${j}`;
      if (docIds.has(doc.id)) {
        findings.push(error("err.setup.documentDuplicate", `${d}.id`, { id: doc.id, post: post.name }));
      }
      docIds.add(doc.id);
      // The schema asks for a format; a draft saved before that, or an optional document, may lack
      // one, and then no candidate can upload it.
      if (doc.formats.length === 0) {
        findings.push(error("err.setup.documentNoFormat", `${d}.formats`, { document: doc.label, post: post.name }));
      }
    });
  });
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// The whole setup

export interface SetupCheck {
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

/**
 * Every check of the setup, in the order of the wizard's steps. `profile` is the one named by
 * `setup.regulationProfileId` (profileById); the caller resolves it, so a missing profile is its error.
 * `stagesUsed` defaults to the setup's own with the fixed stages every selection goes through (the
 * stored list names only the optional ones a selection chose, so alone it would skip registration).
 */
export function checkSetup(
  setup: SelectionSetup,
  profile: RegulationProfile,
  stagesUsed: readonly Stage[] = normaliseStagesUsed(setup.stagesUsed),
): SetupCheck {
  const findings: Finding[] = [];
  if (!parseIsoDate(setup.referenceDate)) {
    findings.push(error("err.setup.dateInvalid", "referenceDate", { value: setup.referenceDate }));
  }
  // Setups made before the rule existed have none; registration must not open without it, or the
  // eligibility check would have nothing to enforce. On the scope's input, which is what is missing.
  if (setup.openToRule === null) findings.push(error("err.setup.openToRuleMissing", "openToRule.scope"));
  findings.push(...checkPosts(setup.posts, profile));
  findings.push(...checkSchedule(setup.schedule, profile, stagesUsed));
  findings.push(...checkScoringPlan(setup.scoringPlan));
  setup.scoringPlan.components.forEach((c, i) => {
    // A component scored in a stage with no dates would never be scored in time.
    if (!setup.schedule[c.stage]) {
      const params = { component: c.label.trim() || c.id, stage: c.stage };
      findings.push(warning("warn.setup.componentStageUnscheduled", `scoringPlan.components.${i}.stage`, params));
    }
  });
  findings.push(...checkPanselComposition(setup.pansel, profile));
  return {
    errors: findings.filter((f) => f.severity === "error"),
    warnings: findings.filter((f) => f.severity === "warning"),
  };
}

// ---------------------------------------------------------------------------------------------------
// Rules for later stages

/**
 * Whether an official is still protected from rotation: less than the protected time in the post,
 * or the shorter time when their performance there is poor. Exactly the limit is no longer protected.
 */
export function isRotationProtected(
  yearsInPost: number,
  poorPerformance: boolean,
  profile: RegulationProfile,
): boolean {
  const rule = profile.rotation;
  const months = poorPerformance ? rule.poorPerformanceProtectedMonths : rule.protectedMonths;
  // Months, not years: 0.5 years * 12 is exactly 6, whereas 6 / 12 compared to 0.5 invites rounding.
  return yearsInPost * 12 < months;
}

export interface MinisterApproval {
  /** The number of the Minister of Home Affairs' letter. */
  readonly letterNumber: string;
  /** Its date (ISO). */
  readonly date: string;
}

/**
 * The Minister's-approval gate, asked before the profile's `approvalBeforeStage`: an appointment in
 * an election window or under an acting regional head (./appointment.ts says which, and why) needs
 * the Minister of Home Affairs' written approval on file. Undefined when the gate is open. The
 * profile is the selection's, like every other check's: the gate is law, and law changes by profile.
 */
export function electionGateIssue(
  reasons: readonly ApprovalReason[],
  approval: MinisterApproval | undefined,
  profile: RegulationProfile,
): Finding | undefined {
  const reason = reasons[0];
  if (!reason) return undefined;
  const stage = profile.electionGate.approvalBeforeStage;
  const cite = reason.cite;
  if (!approval) {
    const code =
      reason.kind === "actingHead" ? "err.setup.actingHeadApprovalMissing" : "err.setup.electionApprovalMissing";
    return error(code, "electionApproval", { stage, from: reason.from, to: reason.to }, cite);
  }
  if (approval.letterNumber.trim() === "") {
    return error("err.setup.electionApprovalLetter", "electionApproval.letterNumber", { stage }, cite);
  }
  if (!parseIsoDate(approval.date)) {
    return error("err.setup.electionApprovalDate", "electionApproval.date", { value: approval.date }, cite);
  }
  return undefined;
}
