/**
 * Whether appointing the chosen candidates needs the Minister of Home Affairs' written approval:
 * when the appointment falls in the window around a regional election (UU 10/2016 Pasal 71 ayat 2:
 * from six months before the determination of the candidate pairs to the end of the term), or while
 * an acting regional head (Penjabat) leads the government (PP 49/2008 Pasal 132A). The window is
 * data of the regulation profile; the election dates and the Penjabat's period are the instansi's.
 *
 * Computed when the gate is asked, from the dates then on record, not fixed at setup: a selection
 * set up before the window whose appointment falls inside it is gated all the same.
 */
import { compareDates, parseIsoDate, subtractMonths, toIsoDate, type CalendarDate } from "../calendar.js";
import type { RegulationProfile } from "../regulation/profile.js";
import type { InstansiDoc } from "../schemas/documents.js";
import { SCHEDULED_STAGES, type Schedule } from "./setup.js";

/** What these rules read of the instansi. */
export type AppointmentFacts = Pick<InstansiDoc, "elections" | "actingHeads">;

export interface ApprovalReason {
  readonly kind: "electionWindow" | "actingHead";
  /** The window or the Penjabat's period, first and last day included (ISO). */
  readonly from: string;
  readonly to: string;
  readonly cite: string;
}

/**
 * The planned appointment date: the last scheduled day of the selection. The installation follows
 * the report to the PPK and has no dates of its own in the schedule, so it can be no earlier.
 */
export function plannedAppointmentDate(schedule: Schedule): CalendarDate | undefined {
  let latest: CalendarDate | undefined;
  for (const stage of SCHEDULED_STAGES) {
    const end = parseIsoDate(schedule[stage]?.end ?? "");
    if (end && (!latest || compareDates(end, latest) > 0)) latest = end;
  }
  return latest;
}

/** The approval window of one election, both ends included; undefined for dates that do not exist. */
export function electionWindow(
  election: AppointmentFacts["elections"][number],
  profile: RegulationProfile,
): { from: CalendarDate; to: CalendarDate } | undefined {
  const pairs = parseIsoDate(election.candidatePairsDetermination);
  const to = parseIsoDate(election.termEnd);
  if (!pairs || !to) return undefined;
  return { from: subtractMonths(pairs, profile.electionGate.monthsBeforeCandidatePairs), to };
}

const within = (day: CalendarDate, from: CalendarDate, to: CalendarDate) =>
  compareDates(day, from) >= 0 && compareDates(day, to) <= 0;

/**
 * Why an appointment on any of `dates` needs the Minister's approval; empty when it does not. The
 * gate passes both the planned date and the day the move is asked, so an appointment that slips
 * into a window is caught too.
 */
export function approvalReasons(
  facts: AppointmentFacts,
  profile: RegulationProfile,
  dates: readonly CalendarDate[],
): ApprovalReason[] {
  const rule = profile.electionGate;
  const reasons: ApprovalReason[] = [];
  for (const election of facts.elections) {
    const window = electionWindow(election, profile);
    if (window && dates.some((d) => within(d, window.from, window.to))) {
      reasons.push({ kind: "electionWindow", from: toIsoDate(window.from), to: toIsoDate(window.to), cite: rule.cite });
    }
  }
  for (const period of facts.actingHeads) {
    const from = parseIsoDate(period.from);
    const to = parseIsoDate(period.to);
    if (from && to && dates.some((d) => within(d, from, to))) {
      reasons.push({ kind: "actingHead", from: period.from, to: period.to, cite: rule.actingHeadCite });
    }
  }
  return reasons;
}
