/**
 * The ranking of each post, from the aggregate (aggregate.ts). Eliminations come first, stage by
 * stage as the selection ran: a candidate who missed a mandatory component is out with that reason
 * (not ranked last), a score below a component's minimum is out, and where a stage lets only the
 * best N go on, the rest are out with their rank at the cut. The candidates left are ranked by
 * their total; the first `finalistsPerPost` are the "3 besar" proposed to the PPK.
 *
 * Ranks compare the figures as printed (hundredths, aggregate.ts): anyone holding the rekap can
 * check every rank, and totals the rekap prints equal are a tie, however their third decimals
 * differ. A tie is broken by the configured components' scores in order, then by the final rule
 * ("seniority": the earlier start of service, then the earlier birth date, both read from the NIP).
 * Every tie records the rule that broke it; a tie no rule breaks shares the rank and is reported.
 *
 * Interim standings (after the assessment and the paper, before the interview) rank the weighted
 * points of the components asked for; the output names them. A cancelled post is left out.
 *
 * The output depends on nothing but the content of the input: rows are sorted, never taken in the
 * order they came, so re-running on the same scores gives the same JSON byte for byte.
 */
import { normalizeNip } from "../nip.js";
import { SCHEDULED_STAGES, type ScheduledStage, type ScoringComponent, type ScoringPlan } from "../selection/setup.js";
import { roundQuotient, toHundredths } from "./exact.js";
import {
  aggregate,
  compareText,
  roundedTotal,
  scoreHundredths,
  type AggregateTable,
  type Mark,
  type MarkColumns,
} from "./aggregate.js";

export interface RankingCandidate {
  readonly applicationId: string;
  readonly postId: string;
  /** 18 digits (separators allowed); the final tie rule reads the service start and birth date. */
  readonly nip: string;
}

export interface RankingPost {
  readonly id: string;
  /** Too few applicants, cancelled by decision: left out of scoring, ranking and documents. */
  readonly cancelled?: boolean;
}

export interface RankingInput {
  readonly plan: ScoringPlan;
  /** In the setup's order, which the output keeps. */
  readonly posts: readonly RankingPost[];
  /** The MS candidates of the posts (withdrawn ones left out by the caller). */
  readonly candidates: readonly RankingCandidate[];
  /** As objects or, for a large selection, as columns (aggregate.ts `MarkColumns`). */
  readonly marks: readonly Mark[] | MarkColumns;
  /** Interim standings: only these components count (the plan's order is kept). Default: all. */
  readonly components?: readonly string[];
}

export type FinalTieRule = NonNullable<ScoringPlan["tieBreak"]>["final"];

/**
 * A candidate's figures per component, in the order of `Ranking.components`. Every figure is in whole
 * hundredths (8000 is 80.00), rounded half-up once from its exact value: integers print the same
 * in any JSON, and the screens and documents format them (80,00 in Indonesian). Arrays rather than an
 * object per component: a large selection has tens of thousands of candidates.
 */
export interface Figures {
  /** 0–100 per component; null where nobody scored. */
  readonly scores: readonly (number | null)[];
  /** Weighted points per component; null where nobody scored. */
  readonly points: readonly (number | null)[];
  /** Scores counted, after trimming. */
  readonly scorers: readonly number[];
  /** The highest and lowest were left out. */
  readonly trimmed: readonly boolean[];
}

/** How a candidate's equal total with the one ranked just above was decided. */
export type TieNote =
  | { readonly above: string; readonly rule: "component"; readonly componentId: string }
  | { readonly above: string; readonly rule: "serviceStart" | "birthDate" }
  | { readonly above: string; readonly rule: "unresolved" };

export interface RankedRow {
  /** Shared by candidates in a tie no rule breaks (1, 2, 2, 4). */
  readonly rank: number;
  readonly applicationId: string;
  /** Hundredths of a point. */
  readonly total: number;
  readonly figures: Figures;
  readonly tie: TieNote | null;
}

export type Elimination =
  | { readonly code: "missedComponent"; readonly componentId: string }
  /** `score` in hundredths of 0–100, `minScore` as the plan states it, on the component's scale. */
  | { readonly code: "belowMinScore"; readonly componentId: string; readonly score: number; readonly minScore: number }
  | { readonly code: "notAdvanced"; readonly stage: ScheduledStage; readonly rank: number; readonly advance: number };

export interface EliminatedRow {
  readonly applicationId: string;
  readonly reason: Elimination;
  /** Hundredths of a point, over the components scored before the candidate was out. */
  readonly total: number;
  readonly figures: Figures;
}

export interface PostRanking {
  readonly postId: string;
  readonly ranked: readonly RankedRow[];
  readonly eliminated: readonly EliminatedRow[];
  /** The 3 besar (final standings only); more than `finalistsPerPost` when a tie no rule breaks crosses the line. */
  readonly finalists: readonly string[];
  readonly finalistsTied: boolean;
}

export interface Ranking {
  readonly interim: boolean;
  /** The components the standings include, in the plan's order. */
  readonly components: readonly string[];
  /** The tie rules as applied, so the announcement can state them. */
  readonly tieBreak: { readonly components: readonly string[]; readonly final: FinalTieRule };
  readonly posts: readonly PostRanking[];
  readonly cancelledPosts: readonly string[];
}

/** Heaviest components first (the plan's order among equal weights), then seniority. */
export function tieRules(plan: ScoringPlan): { components: string[]; final: FinalTieRule } {
  if (plan.tieBreak) return { components: [...plan.tieBreak.components], final: plan.tieBreak.final };
  const byWeight = plan.components.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i);
  return { components: byWeight.map(({ c }) => c.id), final: "seniority" };
}

const stageIndex = (c: ScoringComponent) => SCHEDULED_STAGES.indexOf(c.stage);

export function rank(input: RankingInput): Ranking {
  const { plan } = input;
  const included = plan.components.filter((c) => !input.components || input.components.includes(c.id));
  const includedIds = included.map((c) => c.id);
  const rules = tieRules(plan);
  const live = new Set(input.posts.filter((p) => !p.cancelled).map((p) => p.id));
  // An application listed twice counts once, as first listed (in any order of the list).
  const candidateOf = new Map<string, RankingCandidate>();
  for (const c of input.candidates) {
    if (live.has(c.postId) && !candidateOf.has(c.applicationId)) candidateOf.set(c.applicationId, c);
  }
  const table = aggregate(plan, [...candidateOf.keys()], input.marks, includedIds);
  // The aggregate's rows are sorted: the candidates row for row.
  const candidates = table.applicationIds.map((id) => candidateOf.get(id)!);
  const context = new Context(table, candidates, rules);
  const interim = includedIds.length < plan.components.length;
  const posts = input.posts.filter((p) => !p.cancelled).map((p) => rankPost(context, plan, p.id, interim));
  return {
    interim,
    components: includedIds,
    // As applied: interim standings cannot break a tie by a component they do not include.
    tieBreak: { components: rules.components.filter((id) => includedIds.includes(id)), final: rules.final },
    posts,
    cancelledPosts: input.posts.filter((p) => p.cancelled).map((p) => p.id),
  };
}

/** Per-row figures the comparisons read, computed once (typed arrays: no object per candidate). */
class Context {
  readonly width: number;
  /** Rounded 0–100 score per cell in hundredths, -1 where nobody scored (below any score). */
  readonly scoreH: Int32Array;
  readonly serviceStart: Int32Array;
  readonly birthDate: Int32Array;
  readonly postOf: string[];
  readonly tieColumns: number[];

  constructor(
    readonly table: AggregateTable,
    /** Sorted by application id and unique: row for row the table's. */
    candidates: readonly RankingCandidate[],
    readonly rules: { components: string[]; final: FinalTieRule },
  ) {
    const rows = table.applicationIds.length;
    this.width = table.components.length;
    this.scoreH = new Int32Array(rows * this.width);
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < this.width; column++) {
        this.scoreH[row * this.width + column] = scoreHundredths(table, row, column);
      }
    }
    this.serviceStart = new Int32Array(rows);
    this.birthDate = new Int32Array(rows);
    this.postOf = candidates.map((candidate, row) => {
      // Stored NIPs are already 18 digits; only a typed one needs its separators removed.
      const nip = candidate.nip.length === 18 ? candidate.nip : normalizeNip(candidate.nip);
      this.birthDate[row] = digitsValue(nip, 0, 8);
      this.serviceStart[row] = digitsValue(nip, 8, 14);
      return candidate.postId;
    });
    const columnOf = new Map(table.components.map((c, j) => [c.id, j]));
    this.tieColumns = rules.components.flatMap((id) => {
      const column = columnOf.get(id);
      return column === undefined ? [] : [column];
    });
  }

  /** The last row's `scorers` and `trimmed`, handed out again to a row with the same ones. */
  private lastScorers: readonly number[] = [];
  private lastTrimmed: readonly boolean[] = [];

  figures(row: number): Figures {
    const { table, width } = this;
    // Filled by push, not preallocated: packed arrays, which JSON.stringify walks fastest.
    const scores: (number | null)[] = [];
    const points: (number | null)[] = [];
    let sameCounts = this.lastScorers.length === width;
    for (let column = 0; column < width; column++) {
      const cell = row * width + column;
      const n = table.scorers[cell]!;
      scores.push(n === 0 ? null : this.scoreH[cell]!);
      points.push(
        n === 0 ? null : roundQuotient(table.kept[cell]! * table.weights[column]!, n * table.fullMarks[column]!),
      );
      sameCounts &&= n === this.lastScorers[column] && (table.trimmed[cell] === 1) === this.lastTrimmed[column];
    }
    // Most candidates were scored by the same members: sharing these read-only arrays with the
    // row before spares the collector two arrays per candidate and prints the same JSON.
    if (!sameCounts) {
      const scorers: number[] = [];
      const trimmed: boolean[] = [];
      for (let column = 0; column < width; column++) {
        scorers.push(table.scorers[row * width + column]!);
        trimmed.push(table.trimmed[row * width + column] === 1);
      }
      this.lastScorers = scorers;
      this.lastTrimmed = trimmed;
    }
    return { scores, points, scorers: this.lastScorers, trimmed: this.lastTrimmed };
  }

  /** Rounded totals in hundredths over the columns `use` allows, indexed by row (others stay 0). */
  totals(rows: readonly number[], use: readonly boolean[]): Int32Array {
    const out = new Int32Array(this.table.applicationIds.length);
    for (const row of rows) out[row] = roundedTotal(this.table, row, use);
    return out;
  }
}

/** The number the digits from..to spell (a NIP's YYYYMMDD or YYYYMM), 0 if any is not a digit. */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return 0;
    value = value * 10 + d;
  }
  return value;
}

type Decision = { by: "component"; column: number } | { by: "serviceStart" | "birthDate" } | { by: "unresolved" };

/** Sorts best first and says what decided each adjacent pair with equal totals. */
function order(
  context: Context,
  rows: readonly number[],
  totals: Int32Array,
  use: readonly boolean[],
): { sorted: number[]; decisions: (Decision | null)[] } {
  const { scoreH, width, serviceStart, birthDate, table } = context;
  const columns = context.tieColumns.filter((c) => use[c]);
  const seniority = context.rules.final === "seniority";
  // The rule that separates a and b, as a step number, with the order in `sign`: the comparator
  // runs for every pair the sort compares, so it allocates nothing; the Decision is built afterwards
  // for adjacent pairs only.
  let sign = 0;
  const step = (a: number, b: number): number => {
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k]!;
      sign = scoreH[b * width + column]! - scoreH[a * width + column]!;
      if (sign !== 0) return k;
    }
    if (seniority) {
      sign = serviceStart[a]! - serviceStart[b]!;
      if (sign !== 0) return columns.length;
      sign = birthDate[a]! - birthDate[b]!;
      if (sign !== 0) return columns.length + 1;
    }
    // Unresolved: the application id orders the output only; the rank is shared. Rows are in
    // the order of the application ids (aggregate.ts).
    sign = a - b;
    return columns.length + 2;
  };
  // Best total first through one numeric sort of precomputed keys (total, then row: a total
  // order), then each run of equal totals by the tie rules; the same order as one sort by both.
  const count = table.applicationIds.length;
  let top = 0;
  for (const row of rows) if (totals[row]! > top) top = totals[row]!;
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = (top - totals[rows[i]!]!) * count + rows[i]!;
  keys.sort();
  const sorted = Array.from(keys, (key) => key % count);
  for (let from = 0; from < sorted.length;) {
    let to = from + 1;
    while (to < sorted.length && totals[sorted[to]!] === totals[sorted[from]!]) to++;
    if (to - from > 1) {
      const run = sorted.slice(from, to).sort((a, b) => (step(a, b), sign));
      for (let i = 0; i < run.length; i++) sorted[from + i] = run[i]!;
    }
    from = to;
  }
  const decisions = sorted.map((row, i): Decision | null => {
    const above = sorted[i - 1];
    if (above === undefined || totals[row] !== totals[above]) return null;
    const k = step(above, row);
    if (k < columns.length) return { by: "component", column: columns[k]! };
    if (k === columns.length) return { by: "serviceStart" };
    if (k === columns.length + 1) return { by: "birthDate" };
    return { by: "unresolved" };
  });
  return { sorted, decisions };
}

/** Competition ranks: a tie no rule breaks shares the rank of the candidate above. */
function ranks(decisions: readonly (Decision | null)[]): number[] {
  const out: number[] = [];
  decisions.forEach((d, i) => out.push(i > 0 && d?.by === "unresolved" ? out[i - 1]! : i + 1));
  return out;
}

function rankPost(context: Context, plan: ScoringPlan, postId: string, interim: boolean): PostRanking {
  const { table, width } = context;
  const components = table.components;
  let active = table.applicationIds.map((_, row) => row).filter((row) => context.postOf[row] === postId);
  const eliminated: { row: number; reason: Elimination }[] = [];
  const everything = components.map(() => true);

  const stages = [...new Set(components.map(stageIndex))].sort((a, b) => a - b);
  for (const stage of stages) {
    const columns = components.map((c, j) => ({ c, j })).filter(({ c }) => stageIndex(c) === stage);
    const out: { row: number; reason: Elimination }[] = [];
    for (const row of active) {
      const reason = stageElimination(context, row, columns);
      if (reason) out.push({ row, reason });
    }
    out.sort((a, b) => compareText(table.applicationIds[a.row]!, table.applicationIds[b.row]!));
    eliminated.push(...out);
    const gone = new Set(out.map((o) => o.row));
    active = active.filter((row) => !gone.has(row));

    // A cut by number ranks what the stage had to go on: only when every component up to it counts.
    const advance = Math.min(...columns.map(({ c }) => c.advancePerPost ?? Infinity));
    const complete = plan.components.filter((c) => stageIndex(c) <= stage).every((c) => components.includes(c));
    if (advance === Infinity || !complete || active.length <= advance) continue;
    const use = components.map((c) => stageIndex(c) <= stage);
    const totals = context.totals(active, use);
    const { sorted, decisions } = order(context, active, totals, use);
    const at = ranks(decisions);
    const kept: number[] = [];
    sorted.forEach((row, i) => {
      if (at[i]! <= advance) kept.push(row);
      else
        eliminated.push({
          row,
          reason: { code: "notAdvanced", stage: SCHEDULED_STAGES[stage]!, rank: at[i]!, advance },
        });
    });
    active = kept;
  }

  const totals = context.totals(active, everything);
  const { sorted, decisions } = order(context, active, totals, everything);
  const at = ranks(decisions);
  const ranked: RankedRow[] = sorted.map((row, i) => ({
    rank: at[i]!,
    applicationId: table.applicationIds[row]!,
    total: totals[row]!,
    figures: context.figures(row),
    tie: tieNote(table, sorted[i - 1], decisions[i] ?? null),
  }));
  const finalists = interim ? [] : ranked.filter((r) => r.rank <= plan.finalistsPerPost).map((r) => r.applicationId);
  const allTotals = context.totals(
    eliminated.map((e) => e.row),
    everything,
  );
  return {
    postId,
    ranked,
    eliminated: eliminated.map(({ row, reason }) => ({
      applicationId: table.applicationIds[row]!,
      reason,
      total: allTotals[row]!,
      figures: context.figures(row),
    })),
    finalists,
    finalistsTied: finalists.length > plan.finalistsPerPost,
  };

  function stageElimination(
    ctx: Context,
    row: number,
    columns: readonly { c: ScoringComponent; j: number }[],
  ): Elimination | null {
    for (const { c, j } of columns) {
      if (c.mandatory !== false && table.scorers[row * width + j] === 0) {
        return { code: "missedComponent", componentId: c.id };
      }
    }
    for (const { c, j } of columns) {
      const cell = row * width + j;
      if (c.minScore === undefined || table.scorers[cell] === 0) continue;
      if (belowMinimum(table, cell, j, c)) {
        return { code: "belowMinScore", componentId: c.id, score: ctx.scoreH[cell]!, minScore: c.minScore };
      }
    }
    return null;
  }
}

/**
 * The exact mean below the minimum, which is on the component's scale: kept / (scorers × full) of
 * full marks against min / max, so kept × max < min × scorers × full, all in whole hundredths.
 */
function belowMinimum(table: AggregateTable, cell: number, column: number, c: ScoringComponent): boolean {
  const min = toHundredths(c.minScore ?? 0) ?? 0;
  const max = toHundredths(c.scale.max) ?? 1;
  return table.kept[cell]! * max < min * table.scorers[cell]! * table.fullMarks[column]!;
}

function tieNote(table: AggregateTable, above: number | undefined, decision: Decision | null): TieNote | null {
  if (!decision || above === undefined) return null;
  const aboveId = table.applicationIds[above]!;
  if (decision.by === "component") {
    return { above: aboveId, rule: "component", componentId: table.components[decision.column]!.id };
  }
  return { above: aboveId, rule: decision.by };
}
