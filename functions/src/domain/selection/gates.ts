/**
 * The gates of the stage machine: whether the facts of a selection allow a move. Pure: the selection
 * as stored (with its counters) and today's date in the government's zone come in.
 */
import { compareDates, parseIsoDate, toIsoDate, type CalendarDate } from "../calendar.js";
import { PROFILES, profileById } from "../regulation/profiles.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { approvalReasons, plannedAppointmentDate, type AppointmentFacts } from "./appointment.js";
import { checkSetup, electionGateIssue, type Finding } from "./checks.js";
import { postShortfall } from "./registration.js";
import { governorConsultation, regionKindOf } from "../scoring/ppkChoice.js";
import { normaliseStagesUsed, reachesStage, type GateId, type TransitionRule } from "./stageMachine.js";
import type { ScheduledStage } from "./setup.js";
import type { StoredSelection } from "./stored.js";
import { livePosts } from "./livePosts.js";
import type { Stage } from "../stages.js";

const NO_APPOINTMENT_FACTS: AppointmentFacts = { elections: [], actingHeads: [] };

export interface GateResult {
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

/**
 * The gates of a move under a profile: the stage table's, and the election-period gate on the move
 * that reaches the profile's `electionGate.approvalBeforeStage` (UU 10/2016 Pasal 71 today; a later
 * rule may ask it earlier, which is a new profile, not a new table).
 */
export function gatesUnder(rule: TransitionRule, profile: RegulationProfile): GateId[] {
  const gates = [...rule.gates];
  if (reachesStage(rule, profile.electionGate.approvalBeforeStage) && !gates.includes("electionApproval")) {
    gates.push("electionApproval");
  }
  return gates;
}

/** What a gate may read besides the selection. */
export interface GateContext {
  /** The instansi's election dates and Penjabat periods; none recorded means none apply. */
  readonly instansi?: AppointmentFacts;
  /** Where the selection's profile is looked up; tests pass their own. */
  readonly profiles?: readonly RegulationProfile[];
}

export function evaluateGates(
  rule: TransitionRule,
  selection: StoredSelection,
  today: CalendarDate,
  { instansi = NO_APPOINTMENT_FACTS, profiles = PROFILES }: GateContext = {},
): GateResult {
  // Cancelling asks no rule of the profile: a selection whose profile id is unknown can still be
  // stopped instead of being stuck for good. Every move forward may meet the profile's
  // election-period gate, so it needs the profile even where the stage table has no gate.
  if (rule.gates.length === 0 && rule.to === "dibatalkan") return { errors: [], warnings: [] };
  const profile = profileById(selection.regulationProfileId, profiles);
  if (!profile) {
    const unknown: Finding = {
      code: "err.setup.profileUnknown",
      severity: "error",
      field: "regulationProfileId",
      params: { id: selection.regulationProfileId },
    };
    return { errors: [unknown], warnings: [] };
  }
  const findings = gatesUnder(rule, profile).flatMap((gate) =>
    evaluateGate(gate, selection, profile, today, instansi, rule.from),
  );
  return {
    errors: findings.filter((f) => f.severity === "error"),
    warnings: findings.filter((f) => f.severity === "warning"),
  };
}

function evaluateGate(
  gate: GateId,
  s: StoredSelection,
  profile: RegulationProfile,
  today: CalendarDate,
  instansi: AppointmentFacts,
  from: Stage,
): Finding[] {
  switch (gate) {
    case "setupValid": {
      const check = checkSetup(s, profile, normaliseStagesUsed(s.stagesUsed));
      return [...check.errors, ...check.warnings];
    }
    case "registrationEnded":
      return afterEnd(s, "pendaftaran", today, "err.gate.registrationOpen");
    case "applicantsSufficient": {
      const outcomes = postShortfall(s, profile);
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
        ...objectionWindowOver(s, today),
        ...countIsZero(s.counts.openObjections, "err.gate.openObjections"),
      ];
    case "scoresLocked":
      return countIsZero(unlockedLeaving(s, from), "err.gate.unlockedScores");
    case "governorConsulted":
      return consultationPosts(s, profile).length > 0 && !s.governorConsultation
        ? [
            {
              code: "err.gate.noGovernorConsultation",
              severity: "error",
              field: "governorConsultation",
              params: { posts: consultationPosts(s, profile).join(", ") },
            },
          ]
        : [];
    case "ppkChosen": {
      const open = livePosts(s).filter((p) => !s.ppkChoices[p.id]);
      return open.length === 0
        ? []
        : [{ code: "err.gate.noPpkChoice", severity: "error", params: { posts: open.map((p) => p.name).join(", ") } }];
    }
    case "proposalIssued":
      return s.proposalDocumentId
        ? []
        : [{ code: "err.gate.noProposal", severity: "error", field: "proposalDocumentId" }];
    case "recommendationRecorded":
      return s.recommendation
        ? []
        : [{ code: "err.gate.noRecommendation", severity: "error", field: "recommendation" }];
    case "electionApproval": {
      const planned = plannedAppointmentDate(s.schedule);
      const reasons = approvalReasons(instansi, profile, planned ? [planned, today] : [today]);
      const issue = electionGateIssue(reasons, s.electionApproval ?? undefined, profile);
      return issue ? [issue] : [];
    }
  }
}

/** Names of the posts whose three names go to the governor first (the Sekda of a kabupaten/kota). */
export function consultationPosts(s: StoredSelection, profile: RegulationProfile): string[] {
  const region = regionKindOf(s.instansiName);
  return livePosts(s)
    .filter((p) => governorConsultation(profile, region, p.name).needed)
    .map((p) => p.name);
}

/**
 * Leaving a scoring stage waits for that stage's scores only (the interview's are not expected
 * during the assessment); leaving pemeringkatan waits for every score of the selection.
 */
function unlockedLeaving(s: StoredSelection, from: Stage): number {
  if (from === "pemeringkatan") return s.counts.unlockedScores;
  return s.counts.unlockedScoresByStage?.[from] ?? 0;
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

/**
 * The window counted from the announcement of the result (its days from the profile) may outlast the
 * scheduled stage when the result was announced late: candidates keep their full days to object.
 */
function objectionWindowOver(s: StoredSelection, today: CalendarDate): Finding[] {
  const lastDay = s.administrativeResult ? parseIsoDate(s.administrativeResult.objectionLastDay) : undefined;
  if (!lastDay || compareDates(today, lastDay) > 0) return [];
  return [{ code: "err.gate.objectionWindow", severity: "error", params: { end: toIsoDate(lastDay) } }];
}

function countIsZero(
  count: number,
  code: "err.gate.unverified" | "err.gate.openObjections" | "err.gate.unlockedScores",
): Finding[] {
  return count === 0 ? [] : [{ code, severity: "error", params: { count } }];
}
