/**
 * From the members' submitted scores to each candidate's points. Per candidate and component the
 * members' marks are combined (mean; or, when the plan says "trimmedMean" and at least five scored,
 * without the single highest and lowest), turned into 0–100 by the component's full marks, weighted,
 * and summed into the total.
 *
 * Rounding rule: every figure is exact until it is printed. Marks are whole hundredths (score.ts);
 * a mean, a conversion and a weight only divide, so each figure is an integer fraction (exact.ts).
 * A printed figure (a component's score, its points, the total) is rounded half-up to two decimals
 * once, from its own exact value: the total is the rounded exact sum, not the sum of rounded parts,
 * so the printed parts may differ from the printed total by 0.01 (the rekap says so).
 *
 * An imported component (the assessment centre) is one mark per candidate, out of the report's own
 * maximum (`imported.rawMax`): 312 of 400 is 78.00.
 */
import type { ScoringComponent, ScoringPlan } from "../selection/setup.js";
import { addFractions, reduce, roundHalfUp, roundQuotient, toHundredths, type Fraction } from "./exact.js";
import { fullMarks } from "./score.js";

/** A submitted score, as counted: hundredths of the component's full marks (score.ts `validateScore`). */
export interface Mark {
  readonly applicationId: string;
  readonly componentId: string;
  /** The member; an imported result counts as one mark whatever this says. */
  readonly memberUid: string;
  readonly marks: number;
}

/** Trimming needs at least this many scores: with fewer, dropping two leaves too few to mean anything. */
export const TRIM_MIN_SCORERS = 5;

export interface ComponentResult {
  readonly scorers: number;
  /** The highest and the lowest score were left out. */
  readonly trimmed: boolean;
  /** 0–100, in hundredths, exact. */
  readonly score: Fraction;
  /** The score times the weight, in hundredths of a point, exact. */
  readonly points: Fraction;
}

/**
 * Each candidate's results per component, for the components asked. Kept as typed arrays, one entry
 * per cell (row-major: `row * components.length + column`), because a large selection has tens of
 * thousands of cells and an object each would be most of the ranking's time; `cellOf` builds the
 * object where one is read.
 */
export interface AggregateTable {
  readonly applicationIds: readonly string[];
  readonly components: readonly ScoringComponent[];
  /** Scores counted (after trimming); 0 where nobody scored. */
  readonly scorers: Int32Array;
  readonly trimmed: Uint8Array;
  /** The counted marks' sum, in hundredths of the component's full marks. */
  readonly kept: Float64Array;
  /** Per column: full marks (score.ts `fullMarks`) and the weight, both in hundredths. */
  readonly fullMarks: readonly number[];
  readonly weights: readonly number[];
}

/**
 * The same scores as `Mark[]`, one column each: mark i is `marks[i]` hundredths given by
 * `memberUids[member[i]]` to `applicationIds[application[i]]` in `componentIds[component[i]]`.
 * A large selection reads hundreds of thousands of scores; as objects they fill the heap the
 * ranking's garbage collector must walk on every run, as columns they are four flat buffers.
 * An index outside its list is a score for nobody the ranking knows, ignored like an unknown id.
 */
export interface MarkColumns {
  readonly applicationIds: readonly string[];
  readonly componentIds: readonly string[];
  readonly memberUids: readonly string[];
  readonly application: Int32Array;
  readonly component: Int32Array;
  readonly member: Int32Array;
  readonly marks: Float64Array;
}

/** The columns of `marks` (ids listed in order of first appearance); what a caller holding objects uses. */
export function markColumns(marks: readonly Mark[]): MarkColumns {
  const n = marks.length;
  const application = new Int32Array(n);
  const component = new Int32Array(n);
  const member = new Int32Array(n);
  const values = new Float64Array(n);
  const applications = new Interner();
  const components = new Interner();
  const members = new Interner();
  for (let i = 0; i < n; i++) {
    const mark = marks[i]!;
    application[i] = applications.index(mark.applicationId);
    component[i] = components.index(mark.componentId);
    member[i] = members.index(mark.memberUid);
    values[i] = mark.marks;
  }
  return {
    applicationIds: applications.ids,
    componentIds: components.ids,
    memberUids: members.ids,
    application,
    component,
    member,
    marks: values,
  };
}

/** Ids to indexes, remembering the last one: scores arrive grouped by candidate more often than not. */
class Interner {
  readonly ids: string[] = [];
  private readonly map = new Map<string, number>();
  private last = "";
  private lastIndex = -1;

  index(id: string): number {
    if (id === this.last && this.lastIndex >= 0) return this.lastIndex;
    let index = this.map.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(id);
      this.map.set(id, index);
    }
    this.last = id;
    this.lastIndex = index;
    return index;
  }
}

/**
 * Aggregates the candidates. `applicationIds` are the candidates (MS, not withdrawn); marks for
 * anyone or any component else are ignored. Marks come from documents keyed by `scoreId`, one per
 * member and candidate-component, so none can be counted twice. The result does not depend on the
 * order of the inputs: rows are sorted by application id and the combination only sums. `marks`
 * may be objects or columns (`MarkColumns`); both give the same table.
 */
export function aggregate(
  plan: ScoringPlan,
  applicationIds: readonly string[],
  marks: readonly Mark[] | MarkColumns,
  componentIds: readonly string[] = plan.components.map((c) => c.id),
): AggregateTable {
  const rows = sortedUnique(applicationIds);
  const components = plan.components.filter((c) => componentIds.includes(c.id));
  const rowOf = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) rowOf.set(rows[i]!, i);
  const columnOf = new Map(components.map((c, j) => [c.id, j]));
  const width = components.length;
  const size = rows.length * width;
  const kept = new Float64Array(size);
  const count = new Int32Array(size);
  const lowest = new Float64Array(size).fill(Infinity);
  const highest = new Float64Array(size).fill(-Infinity);
  if (isColumns(marks)) {
    // Each listed id is looked up once; the pass over the scores then reads only numbers.
    const rowAt = new Int32Array(marks.applicationIds.length);
    for (let k = 0; k < rowAt.length; k++) rowAt[k] = rowOf.get(marks.applicationIds[k]!) ?? -1;
    const columnAt = new Int32Array(marks.componentIds.length);
    for (let k = 0; k < columnAt.length; k++) columnAt[k] = columnOf.get(marks.componentIds[k]!) ?? -1;
    const { application, component, marks: values } = marks;
    const n = application.length;
    if (component.length !== n || values.length !== n || marks.member.length !== n) {
      throw new RangeError("MarkColumns: columns of different lengths");
    }
    const rowsListed = rowAt.length;
    const columnsListed = columnAt.length;
    for (let i = 0; i < n; i++) {
      const a = application[i]!;
      const c = component[i]!;
      // Unsigned: a negative index fails the bound too.
      if (a >>> 0 >= rowsListed || c >>> 0 >= columnsListed) continue;
      const row = rowAt[a]!;
      const column = columnAt[c]!;
      if (row < 0 || column < 0) continue;
      const cell = row * width + column;
      const value = values[i]!;
      kept[cell]! += value;
      count[cell]! += 1;
      if (value < lowest[cell]!) lowest[cell] = value;
      if (value > highest[cell]!) highest[cell] = value;
    }
  } else {
    // Remembering the last lookup saves most of the map reads, and any order gives the same sums.
    let lastId = "";
    let lastRow = -1;
    let lastComponent = "";
    let lastColumn = -1;
    for (let i = 0; i < marks.length; i++) {
      const mark = marks[i]!;
      if (mark.applicationId !== lastId) {
        lastId = mark.applicationId;
        lastRow = rowOf.get(lastId) ?? -1;
      }
      if (mark.componentId !== lastComponent) {
        lastComponent = mark.componentId;
        lastColumn = columnOf.get(lastComponent) ?? -1;
      }
      if (lastRow < 0 || lastColumn < 0) continue;
      const cell = lastRow * width + lastColumn;
      const value = mark.marks;
      kept[cell]! += value;
      count[cell]! += 1;
      if (value < lowest[cell]!) lowest[cell] = value;
      if (value > highest[cell]!) highest[cell] = value;
    }
  }
  // The assessment centre's figure is one figure: never trimmed, whatever the plan says for members.
  const trims = components.map((c) => plan.aggregation === "trimmedMean" && !c.imported);
  // The counts become the scorers in place: one buffer fewer for the collector per run.
  const scorers = count;
  const trimmed = new Uint8Array(size);
  for (let cell = 0; cell < size; cell++) {
    if (trims[cell % width] && count[cell]! >= TRIM_MIN_SCORERS) {
      kept[cell] = kept[cell]! - lowest[cell]! - highest[cell]!;
      scorers[cell] = count[cell]! - 2;
      trimmed[cell] = 1;
    }
  }
  return {
    applicationIds: rows,
    components,
    scorers,
    trimmed,
    kept,
    fullMarks: components.map(fullMarks),
    weights: components.map((c) => toHundredths(c.weight) ?? 0),
  };
}

/**
 * One cell's result, null where nobody scored: mean = kept / scorers of full marks; the score in
 * hundredths of 0–100 is mean / full × 10 000; the points in hundredths are score × weight / 100
 * with the weight in hundredths of a percent, i.e. kept × weight / (scorers × full).
 */
export function cellOf(table: AggregateTable, row: number, column: number): ComponentResult | null {
  const cell = row * table.components.length + column;
  const scorers = table.scorers[cell]!;
  if (scorers === 0) return null;
  const kept = table.kept[cell]!;
  const den = scorers * table.fullMarks[column]!;
  return {
    scorers,
    trimmed: table.trimmed[cell] === 1,
    score: reduce(kept * 10_000, den),
    points: reduce(kept * table.weights[column]!, den),
  };
}

/** The rounded 0–100 score of a cell in hundredths, -1 where nobody scored (below any score). */
export function scoreHundredths(table: AggregateTable, row: number, column: number): number {
  const cell = row * table.components.length + column;
  const scorers = table.scorers[cell]!;
  if (scorers === 0) return -1;
  return roundQuotient(table.kept[cell]! * 10_000, scorers * table.fullMarks[column]!);
}

/** The exact total of one row, in hundredths of a point; `use` picks columns (an earlier stage's cut). */
export function totalOf(table: AggregateTable, row: number, use?: readonly boolean[]): Fraction {
  const width = table.components.length;
  let total: Fraction = ZERO;
  for (let column = 0; column < width; column++) {
    const cell = row * width + column;
    const scorers = table.scorers[cell]!;
    if (scorers === 0 || (use && !use[column])) continue;
    const den = scorers * table.fullMarks[column]!;
    const num = table.kept[cell]! * table.weights[column]!;
    // Most rows share denominators column by column: adding over the same one needs no fraction.
    const sum = total.num + num;
    total = total.den === den && Number.isSafeInteger(sum) ? { num: sum, den } : addFractions(total, { num, den });
  }
  return total;
}

const ZERO: Fraction = { num: 0, den: 1 };

/**
 * `roundHalfUp(totalOf(…))` without building fractions: the ranking computes it for every
 * candidate at every cut, and the garbage of a fraction per addition was a third of its time.
 * Falls back to `totalOf` when a figure would leave the safe integers.
 */
export function roundedTotal(table: AggregateTable, row: number, use?: readonly boolean[]): number {
  const width = table.components.length;
  let num = 0;
  let den = 1;
  for (let column = 0; column < width; column++) {
    const cell = row * width + column;
    const scorers = table.scorers[cell]!;
    if (scorers === 0 || (use && !use[column])) continue;
    const d = scorers * table.fullMarks[column]!;
    const n = table.kept[cell]! * table.weights[column]!;
    // The common denominator only grows to the least common multiple of the columns' (scorers ×
    // full marks), a few hundred thousand; the numerator is never reduced, which would cost a gcd
    // of two large numbers per column, and the division at the end is exact either way.
    if (den % d === 0) num += n * (den / d);
    else {
      const g = gcd(den, d);
      num = num * (d / g) + n * (den / g);
      den = (den / g) * d;
    }
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return roundHalfUp(totalOf(table, row, use));
  }
  return roundQuotient(num, den);
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/**
 * The ids once each in code-unit order (`compareText`'s, which is also the built-in sort's on
 * strings, without a comparator call per pair); ids already in that order are only copied.
 */
export function sortedUnique(ids: readonly string[]): string[] {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  return ascending ? ids.slice() : [...new Set(ids)].sort();
}

function isColumns(marks: readonly Mark[] | MarkColumns): marks is MarkColumns {
  return !Array.isArray(marks);
}

/** A printed figure: hundredths rounded half-up, as a number with at most two decimals. */
export function printed(f: Fraction): number {
  return roundHalfUp(f) / 100;
}

/** Code-unit order, the same in every runtime and locale (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
