/**
 * The gates of the stage machine: whether the facts of a selection allow a move. Pure: the selection
 * as stored (with its counters) and today's date in the government's zone come in.
 */
import { compareDates, parseIsoDate, toIsoDate, type CalendarDate } from "../calendar.js";
import { profileById } from "../regulation/profiles.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { applicantShortfall, checkSetup, electionGateIssue, type Finding } from "./checks.js";
import { normaliseStagesUsed, type GateId, type TransitionRule } from "./stageMachine.js";
import type { ScheduledStage } from "./setup.js";
import type { StoredSelection } from "./stored.js";

export interface GateResult {
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

export function evaluateGates(rule: TransitionRule, selection: StoredSelection, today: CalendarDate): GateResult {
  // A move with no gate (cancelling, laporanPpk → penetapan) asks no rule of the profile: a
  // selection whose profile id is unknown can still be stopped instead of being stuck for good.
  if (rule.gates.length === 0) return { errors: [], warnings: [] };
  const profile = profileById(selection.regulationProfileId);
  if (!profile) {
    const unknown: Finding = {
      code: "err.setup.profileUnknown",
      severity: "error",
      field: "regulationProfileId",
      params: { id: selection.regulationProfileId },
    };
    return { errors: [unknown], warnings: [] };
  }
  const findings = rule.gates.flatMap((gate) => evaluateGate(gate, selection, profile, today));
  return {
    errors: findings.filter((f) => f.severity === "error"),
    warnings: findings.filter((f) => f.severity === "warning"),
  };
}

function evaluateGate(gate: GateId, s: StoredSelection, profile: RegulationProfile, today: CalendarDate): Finding[] {
  switch (gate) {
    case "setupValid": {
      const check = checkSetup(s, profile, normaliseStagesUsed(s.stagesUsed));
      return [...check.errors, ...check.warnings];
    }
    case "registrationEnded":
      return afterEnd(s, "pendaftaran", today, "err.gate.registrationOpen");
    case "applicantsSufficient": {
      const counts = Object.fromEntries(s.posts.map((p) => [p.id, s.counts.applicantsPerPost[p.id] ?? 0]));
      const names = Object.fromEntries(s.posts.map((p) => [p.id, p.name]));
      const outcomes = applicantShortfall(counts, s.extensions, profile, names);
      // A post short of applicants blocks the move until it is extended, or, after the last
      // extension, until a decision (cancel the post, or continue) is on the record.
      return Object.entries(outcomes).flatMap(([postId, outcome]) => {
        if (outcome.status === "ok" || s.postDecisions[postId]) return [];
        return [{ ...outcome.finding, severity: "error" as const }];
      });
    }
    case "allApplicationsVerified":
      return countIsZero(s.counts.unverifiedApplications, "err.gate.unverified");
    case "objectionWindowClosed":
      return [
        ...afterEnd(s, "pengumumanAdministrasi", today, "err.gate.objectionWindow"),
        ...countIsZero(s.counts.openObjections, "err.gate.openObjections"),
      ];
    case "scoresLocked":
      return countIsZero(s.counts.unlockedScores, "err.gate.unlockedScores");
    case "recommendationRecorded":
      return s.recommendation
        ? []
        : [{ code: "err.gate.noRecommendation", severity: "error", field: "recommendation" }];
    case "electionApproval": {
      const issue = electionGateIssue(s.electionPeriod, s.electionApproval ?? undefined, profile);
      return issue ? [issue] : [];
    }
  }
}

/** The stage's dates are over: today is after its last day. */
function afterEnd(
  s: StoredSelection,
  stage: ScheduledStage,
  today: CalendarDate,
  code: "err.gate.registrationOpen" | "err.gate.objectionWindow",
): Finding[] {
  const end = parseIsoDate(s.schedule[stage]?.end ?? "");
  if (!end) return [{ code: "err.gate.noSchedule", severity: "error", field: `schedule.${stage}`, params: { stage } }];
  return compareDates(today, end) > 0
    ? []
    : [{ code, severity: "error", params: { end: toIsoDate(end) }, field: `schedule.${stage}` }];
}

function countIsZero(
  count: number,
  code: "err.gate.unverified" | "err.gate.openObjections" | "err.gate.unlockedScores",
): Finding[] {
  return count === 0 ? [] : [{ code, severity: "error", params: { count } }];
}
