/**
 * The two letters after the ranking (issue 9): the surat usulan 3 besar from the pansel to the PPK,
 * and the laporan akhir seleksi to the national authority once the PPK has chosen on every post,
 * with the deadline the regulation profile gives it. Pure: the selection, the profile, the zone and
 * the clock come in.
 */
import { addDays, toIsoDate } from "../calendar.js";
import { dateInZone, endOfDayMs, type IndonesianZone } from "../applications/window.js";
import type { Issue } from "../issue.js";
import type { FinalReportRule } from "../regulation/profile.js";
import { livePosts } from "./livePosts.js";
import type { StoredSelection } from "./stored.js";
import type { Stage } from "../stages.js";

/**
 * The proposal goes out once the ranking is final (the report to the PPK) and stays issuable until
 * the PPK's choice is made, so a corrected version can still reach the PPK.
 */
export const PROPOSAL_STAGES: readonly Stage[] = ["laporanPpk", "rekomendasi", "penetapan"];
/** The report follows the PPK's choice, which is recorded in penetapan; it may be prepared late. */
export const FINAL_REPORT_STAGES: readonly Stage[] = ["penetapan", "pelantikan", "selesai"];

type Choices = Pick<StoredSelection, "posts" | "postDecisions" | "ppkChoices">;

/** Why the proposal cannot be issued now; empty when it can. `lockable`: the live posts whose final ranking is. */
export function proposalIssues(s: Choices & Pick<StoredSelection, "stage">, lockable: ReadonlySet<string>): Issue[] {
  if (!PROPOSAL_STAGES.includes(s.stage)) return [{ code: "err.letters.proposalStage" }];
  if (Object.keys(s.ppkChoices).length > 0) return [{ code: "err.letters.proposalAfterChoice" }];
  const open = livePosts(s).filter((p) => !lockable.has(p.id));
  return open.length === 0
    ? []
    : [{ code: "err.letters.rankingNotFinal", params: { posts: open.map((p) => p.name).join(", ") } }];
}

/** Why the final report cannot be issued now; empty when it can. */
export function finalReportIssues(s: Choices & Pick<StoredSelection, "stage">): Issue[] {
  if (!FINAL_REPORT_STAGES.includes(s.stage)) return [{ code: "err.letters.reportStage" }];
  const open = livePosts(s).filter((p) => !s.ppkChoices[p.id]);
  return open.length === 0
    ? []
    : [{ code: "err.letters.noPpkChoice", params: { posts: open.map((p) => p.name).join(", ") } }];
}

export interface FinalReportDeadline {
  /** The day, in the government's zone, of the PPK's last choice: the count starts there. */
  readonly chosenOn: string;
  /** The last day to send the report, YYYY-MM-DD. */
  readonly dueOn: string;
  /** The first instant after it (the end of that day in the zone). */
  readonly dueAtMs: number;
  readonly rule: FinalReportRule;
}

/**
 * When the report to the authority is due: the profile's days after the day the PPK chose on the
 * last live post, through the end of that day. None until every live post has its choice, or when
 * the profile has no such rule.
 */
export function finalReportDeadline(
  s: Choices,
  rule: FinalReportRule | undefined,
  zone: IndonesianZone,
): FinalReportDeadline | null {
  const posts = livePosts(s);
  if (!rule || posts.length === 0) return null;
  const times: number[] = [];
  for (const p of posts) {
    const choice = s.ppkChoices[p.id];
    const ms = choice ? Date.parse(choice.chosenAt) : NaN;
    if (Number.isNaN(ms)) return null;
    times.push(ms);
  }
  const chosenOn = dateInZone(Math.max(...times), zone);
  const dueOn = toIsoDate(addDays(chosenOn, rule.days));
  return { chosenOn: toIsoDate(chosenOn), dueOn, dueAtMs: endOfDayMs(dueOn, zone)!, rule };
}

/** Overdue from the first instant after the last day, judged by the clock that comes in. */
export function isOverdue(deadline: FinalReportDeadline, nowMs: number): boolean {
  return nowMs >= deadline.dueAtMs;
}
