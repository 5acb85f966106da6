/**
 * `npm run bench` (scoring part): the ranking of one post with 10,000 candidates, each scored by 9
 * members in 8 rubric components (720,000 submitted scores), as the ranking function computes it
 * from the stored scores: aggregation with trimming, the minimum-score eliminations, ties and the
 * 3 besar. The scores come as columns (aggregate.ts `MarkColumns`), built before the clock starts:
 * reading them is the caller's cost, printed apart, as is the JSON of the output. Prints the
 * median, fastest and slowest of several runs, wall-clock and the CPU time the process used (on a
 * shared machine the wall-clock time includes waiting for a core), the load average, and the same
 * ranking from the scores as objects; asserts nothing (target: 50 ms).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { markColumns, type Mark, type MarkColumns } from "../functions/src/domain/scoring/aggregate.js";
import { rank, type RankingCandidate } from "../functions/src/domain/scoring/ranking.js";
import type { ScoringComponent, ScoringPlan } from "../functions/src/domain/selection/setup.js";
import { SCHEDULED_STAGES } from "../functions/src/domain/selection/setup.js";

const CANDIDATES = 10_000;
const MEMBERS = 9;
const RUNS = 15;
const WARMUP = 5;

const stages = SCHEDULED_STAGES.slice(3, 7);
const components: ScoringComponent[] = Array.from({ length: 8 }, (_, j) => ({
  id: `komponen-${j + 1}`,
  label: `Komponen ${j + 1}`,
  weight: 12.5,
  stage: stages[j % stages.length]!,
  scale: { min: 1, max: 5 },
  rubric: {
    indicators: Array.from({ length: 4 + (j % 3) }, (_, k) => ({ id: `i${k}`, label: `Indikator ${k + 1}` })),
    levels: [1, 2, 3, 4, 5].map((score) => ({ score, label: String(score), description: "" })),
  },
  ...(j === 0 ? { minScore: 2 } : {}),
}));
const plan: ScoringPlan = { components, finalistsPerPost: 3, aggregation: "trimmedMean" };

// A fixed pseudo-random sequence: the same figures on every run and machine.
let seed = 2021;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

const candidates: RankingCandidate[] = Array.from({ length: CANDIDATES }, (_, i) => ({
  applicationId: `bench_post_c${String(i).padStart(5, "0")}`,
  postId: "post",
  // Valid-looking NIPs with varied service starts, for the final tie rule.
  nip: `1970${String((i % 12) + 1).padStart(2, "0")}15${1995 + (i % 20)}0310${String((i % 999) + 1).padStart(3, "0")}`,
}));
// The scores as the ranking function reads them from Firestore, straight into columns (the
// caller's cost: timed apart, not part of the ranking's figure).
const buildStart = performance.now();
const total = CANDIDATES * components.length * MEMBERS;
const columns: MarkColumns = {
  applicationIds: candidates.map((c) => c.applicationId),
  componentIds: components.map((c) => c.id),
  memberUids: Array.from({ length: MEMBERS }, (_, m) => `m${m}`),
  application: new Int32Array(total),
  component: new Int32Array(total),
  member: new Int32Array(total),
  marks: new Float64Array(total),
};
let at = 0;
candidates.forEach((_, i) => {
  const ability = 1.5 + random() * 3.5;
  components.forEach((component, j) => {
    const indicators = component.rubric!.indicators.length;
    for (let m = 0; m < MEMBERS; m++) {
      let sum = 0;
      for (let k = 0; k < indicators; k++) sum += Math.min(5, Math.max(1, Math.round(ability + random() * 2 - 1)));
      columns.application[at] = i;
      columns.component[at] = j;
      columns.member[at] = m;
      columns.marks[at++] = sum * 100;
    }
  });
});
const buildMs = performance.now() - buildStart;

/**
 * The first call (the JIT not yet warm, as in a fresh function instance), then `WARMUP` untimed
 * calls, then the median, fastest and slowest of `RUNS` timed ones. The CPU time is the process's,
 * so it includes the collector's and the compiler's threads.
 */
function time<T>(run: () => T): {
  result: T;
  first: number;
  median: number;
  fastest: number;
  slowest: number;
  cpu: number;
} {
  const firstStart = performance.now();
  let result = run();
  const first = performance.now() - firstStart;
  for (let w = 0; w < WARMUP; w++) result = run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    const used = process.cpuUsage();
    result = run();
    const { user, system } = process.cpuUsage(used);
    times.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(RUNS / 2);
  return { result, first, median: times[mid]!, fastest: times[0]!, slowest: times[RUNS - 1]!, cpu: cpu[mid]! };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const ms = (t: number) => `${t.toFixed(1)} ms`;
const figures = (t: ReturnType<typeof time>) =>
  `median ${ms(t.median)} of ${RUNS} runs after ${WARMUP} untimed (fastest ${ms(t.fastest)}, slowest ${ms(t.slowest)}), ` +
  `CPU ${ms(t.cpu)}; first call ${ms(t.first)}`;

const loadBefore = load();
const columnar = time(() => rank({ plan, posts: [{ id: "post" }], candidates, marks: columns }));
const loadAfter = load();
const post = columnar.result.posts[0]!;
const jsonStart = performance.now();
const json = JSON.stringify(columnar.result);
const jsonMs = performance.now() - jsonStart;
console.log(
  `ranking ${CANDIDATES.toLocaleString("en")} candidates × ${MEMBERS} members × ${components.length} rubric components ` +
    `(${total.toLocaleString("en")} scores as columns, trimmed mean): ${figures(columnar)}; ` +
    `load average ${loadBefore} before, ${loadAfter} after; ${post.ranked.length.toLocaleString("en")} ranked, ` +
    `${post.eliminated.length.toLocaleString("en")} eliminated, ${post.ranked.filter((r) => r.tie).length} ties recorded`,
);
console.log(
  `  not in that figure: building the columns ${ms(buildMs)} (the caller's reads), ` +
    `JSON.stringify of the output ${ms(jsonMs)} (${(json.length / 1024 / 1024).toFixed(1)} MB)`,
);

// The same scores as one object each (the adapter's input): the old path, for comparison, and
// proof that both give the same ranking.
const marks: Mark[] = Array.from(columns.marks, (value, i) => ({
  applicationId: columns.applicationIds[columns.application[i]!]!,
  componentId: columns.componentIds[columns.component[i]!]!,
  memberUid: columns.memberUids[columns.member[i]!]!,
  marks: value,
}));

const objects = time(() => rank({ plan, posts: [{ id: "post" }], candidates, marks }));
const adapter = time(() => markColumns(marks));
console.log(
  `  the same ${total.toLocaleString("en")} scores as objects: ${figures(objects)}; ` +
    `markColumns() on them ${ms(adapter.median)}; same JSON: ${JSON.stringify(objects.result) === json}; ` +
    `load average ${load()}`,
);
