/**
 * `npm run bench`: figures for the hot paths of the domain core, printed, never asserted. Sign-up
 * validation runs on every keystroke of a cheap phone; NIP parsing runs for every row of an import.
 */
import { performance } from "node:perf_hooks";
import { parseNip } from "../functions/src/domain/nip.js";
import { signUpInput } from "../functions/src/domain/schemas/account.js";
import { parseWith } from "../functions/src/domain/validation.js";
import { CANDIDATES, SELECTIONS } from "../seed/metro2021.js";
import { checkSetup } from "../functions/src/domain/selection/checks.js";
import { evaluateGates } from "../functions/src/domain/selection/gates.js";
import { findTransition, normaliseStagesUsed } from "../functions/src/domain/selection/stageMachine.js";
import { DEFAULT_PROFILE } from "../functions/src/domain/regulation/profiles.js";
import { buildAnnouncement } from "../functions/src/domain/documents/announcement.js";
import { renderAnnouncementPdf } from "../functions/src/documents/announcementPdf.js";
import { metroAnnouncementInput } from "../test/fixtures/metro2021Announcement.js";

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

// The wizard re-checks the whole setup on every keystroke; the gates run in every stage move.
const metro = SELECTIONS["metro-2021-jpt"]!;
const stages = normaliseStagesUsed(metro.stagesUsed);
bench("checkSetup (Kota Metro, 5 posts)", 20_000, () => checkSetup(metro, DEFAULT_PROFILE, stages));
const opening = findTransition("pendaftaran", "seleksiAdministrasi", metro.stagesUsed)!;
bench("gates of closing registration", 50_000, () => evaluateGates(opening, metro, { year: 2021, month: 10, day: 5 }));

// The pengumuman: a cold function renders one per call, so its time is what an operator waits.
const model = buildAnnouncement(metroAnnouncementInput());
const started = performance.now();
const pdf = await renderAnnouncementPdf(model);
const firstMs = performance.now() - started;
const again = performance.now();
for (let i = 0; i < 5; i++) await renderAnnouncementPdf(model);
console.log(
  `${"pengumuman PDF (Kota Metro)".padEnd(44)} ${(pdf.length / 1024).toFixed(1).padStart(9)} KB  ` +
    `first ${firstMs.toFixed(0)} ms, then ${((performance.now() - again) / 5).toFixed(0)} ms each`,
);
