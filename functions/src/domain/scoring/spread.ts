/**
 * Rater-spread flags, shown before locking so the committee can discuss them (calibration); the
 * flag and what the committee decided go into the berita acara. Two kinds:
 *
 * - a candidate-component whose members' scores (0–100) lie further apart than the plan's threshold
 *   (default 20 points: one member's "Baik" against another's "Kurang" on every indicator);
 * - a member who scores systematically far from the others: over the candidate-components they
 *   scored with at least two others, their score minus the mean of the others, averaged, is beyond
 *   half the threshold in either direction (a lenient or a severe rater), once there are at least
 *   three such candidate-components to judge by.
 *
 * Flags only: they change no score. Imported components have one figure and are never flagged.
 * Figures are whole hundredths of the 0–100 scale, as in the ranking (2100 is 21.00 points).
 */
import type { ScoringPlan } from "../selection/setup.js";
import { compareText, type Mark } from "./aggregate.js";
import { roundHalfUp } from "./exact.js";
import { fullMarks } from "./score.js";

export const DEFAULT_SPREAD_THRESHOLD = 20;
/** Fewer candidate-components than this say too little about a member to flag them. */
export const MEMBER_MIN_SAMPLES = 3;

export interface CellSpread {
  readonly applicationId: string;
  readonly componentId: string;
  readonly lowest: number;
  readonly highest: number;
  readonly spread: number;
  /** Each member's score, by uid, for the dot plot. */
  readonly scores: readonly { readonly memberUid: string; readonly score: number }[];
}

export interface MemberSpread {
  readonly memberUid: string;
  readonly samples: number;
  /** Mean of (own score − mean of the others), in hundredths of 0–100: positive lenient, negative severe. */
  readonly meanDeviation: number;
}

export interface SpreadReport {
  readonly threshold: number;
  readonly cells: readonly CellSpread[];
  readonly members: readonly MemberSpread[];
}

export function spreadFlags(plan: ScoringPlan, marks: readonly Mark[]): SpreadReport {
  const threshold = plan.spreadThreshold ?? DEFAULT_SPREAD_THRESHOLD;
  const components = new Map(plan.components.filter((c) => !c.imported).map((c) => [c.id, fullMarks(c)]));
  const byCell = new Map<string, { applicationId: string; componentId: string; scores: Map<string, number> }>();
  for (const m of marks) {
    const full = components.get(m.componentId);
    if (full === undefined) continue;
    const key = `${m.applicationId} ${m.componentId}`;
    let cell = byCell.get(key);
    if (!cell)
      byCell.set(key, (cell = { applicationId: m.applicationId, componentId: m.componentId, scores: new Map() }));
    // 0–100 in hundredths, rounded as printed: the flag talks about the figures the members see.
    cell.scores.set(m.memberUid, roundHalfUp({ num: m.marks * 10_000, den: full }));
  }
  const cells: CellSpread[] = [];
  const deviations = new Map<string, { sum: number; samples: number }>();
  for (const key of [...byCell.keys()].sort(compareText)) {
    const { applicationId, componentId, scores } = byCell.get(key)!;
    const entries = [...scores].sort(([a], [b]) => compareText(a, b));
    const values = entries.map(([, v]) => v);
    const lowest = Math.min(...values);
    const highest = Math.max(...values);
    if (highest - lowest > threshold * 100) {
      cells.push({
        applicationId,
        componentId,
        lowest,
        highest,
        spread: highest - lowest,
        scores: entries.map(([memberUid, score]) => ({ memberUid, score })),
      });
    }
    if (entries.length < 3) continue;
    const total = values.reduce((a, b) => a + b, 0);
    for (const [uid, own] of entries) {
      const d = deviations.get(uid) ?? { sum: 0, samples: 0 };
      // own − (total − own) / (n − 1), kept as hundredths; the sum runs in sorted order, so repeatable.
      d.sum += own - (total - own) / (entries.length - 1);
      d.samples += 1;
      deviations.set(uid, d);
    }
  }
  const members: MemberSpread[] = [];
  for (const uid of [...deviations.keys()].sort(compareText)) {
    const { sum, samples } = deviations.get(uid)!;
    const mean = sum / samples;
    if (samples >= MEMBER_MIN_SAMPLES && Math.abs(mean) > (threshold / 2) * 100) {
      members.push({ memberUid: uid, samples, meanDeviation: Math.round(mean) });
    }
  }
  return { threshold, cells, members };
}
