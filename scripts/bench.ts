/**
 * `npm run bench`: figures for the hot paths of the domain core, printed, never asserted. Sign-up
 * validation runs on every keystroke of a cheap phone; NIP parsing runs for every row of an import.
 */
import { performance } from "node:perf_hooks";
import { parseNip } from "../functions/src/domain/nip.js";
import { signUpInput } from "../functions/src/domain/schemas/account.js";
import { parseWith } from "../functions/src/domain/validation.js";
import { CANDIDATES } from "../seed/metro2021.js";

function bench(name: string, iterations: number, work: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(iterations, 1000); i++) work(i); // warm up the JIT
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) work(i);
  const ms = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const perOp = (ms * 1000) / iterations;
  console.log(
    `${name.padEnd(44)} ${iterations.toLocaleString("en").padStart(9)} ops  ${perOp.toFixed(2).padStart(7)} µs/op  ` +
      `${Math.round(iterations / (ms / 1000))
        .toLocaleString("en")
        .padStart(11)} ops/s  heap ${heapMb >= 0 ? "+" : ""}${heapMb.toFixed(1)} MB`,
  );
}

const nips = CANDIDATES.map((c) => c.nip);
const schema = signUpInput({ year: 2026, month: 11, day: 25 });
const form = {
  name: "Drs. Ahmad Fauzi, M.Si.",
  nip: "19720315 199803 1 004",
  email: "a.fauzi@metrokota.go.id",
  password: "rahasia2024",
};
const badForm = { ...form, nip: "1972031519980310", password: "short" };

bench("parseNip (valid, 12 demo NIPs)", 500_000, (i) => parseNip(nips[i % nips.length]!));
bench("parseNip (invalid birth date)", 500_000, () => parseNip("197202301998031004"));
bench("sign-up form validation (valid)", 100_000, () => parseWith(schema, form));
bench("sign-up form validation (two errors)", 100_000, () => parseWith(schema, badForm));
