/**
 * `npm run bench` (scoring part): the ranking of one post with 10,000 candidates, each scored by 9
 * members in 8 rubric components (720,000 submitted scores), as the ranking function computes it
 * from the stored scores: aggregation with trimming, the minimum-score eliminations, ties and the
 * 3 besar. Prints the median of several runs, wall-clock and the CPU time the process used (on a
 * shared machine the wall-clock time includes waiting for a core); asserts nothing (target: 50 ms).
 */
import { performance } from "node:perf_hooks";
import type { Mark } from "../functions/src/domain/scoring/aggregate.js";
import { rank, type RankingCandidate } from "../functions/src/domain/scoring/ranking.js";
import type { ScoringComponent, ScoringPlan } from "../functions/src/domain/selection/setup.js";
import { SCHEDULED_STAGES } from "../functions/src/domain/selection/setup.js";

const CANDIDATES = 10_000;
const MEMBERS = 9;
const RUNS = 9;

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
const marks: Mark[] = [];
for (const c of candidates) {
  const ability = 1.5 + random() * 3.5;
  for (const component of components) {
    const indicators = component.rubric!.indicators.length;
    for (let m = 0; m < MEMBERS; m++) {
      let sum = 0;
      for (let k = 0; k < indicators; k++) sum += Math.min(5, Math.max(1, Math.round(ability + random() * 2 - 1)));
      marks.push({ applicationId: c.applicationId, componentId: component.id, memberUid: `m${m}`, marks: sum * 100 });
    }
  }
}
const input = { plan, posts: [{ id: "post" }], candidates, marks };

let result = rank(input); // warm up the JIT
rank(input);
const times: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  const used = process.cpuUsage();
  result = rank(input);
  const { user, system } = process.cpuUsage(used);
  times.push(performance.now() - start);
  cpu.push((user + system) / 1000);
}
cpu.sort((a, b) => a - b);
times.sort((a, b) => a - b);
const post = result.posts[0]!;
const json = JSON.stringify(result);
console.log(
  `ranking ${CANDIDATES.toLocaleString("en")} candidates × ${MEMBERS} members × ${components.length} rubric components ` +
    `(${marks.length.toLocaleString("en")} scores, trimmed mean): median ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms ` +
    `of ${RUNS} (${times[0]!.toFixed(1)}–${times[RUNS - 1]!.toFixed(1)}), CPU ${cpu[Math.floor(RUNS / 2)]!.toFixed(1)} ms; ${post.ranked.length.toLocaleString("en")} ranked, ` +
    `${post.eliminated.length.toLocaleString("en")} eliminated, ${post.ranked.filter((r) => r.tie).length} ties recorded; ` +
    `output ${(json.length / 1024 / 1024).toFixed(1)} MB of JSON`,
);
