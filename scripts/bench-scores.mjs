// `npm run bench` (scores part): starts the emulators for scripts/bench-scores.ts (500 pansel members
// scoring at once) and runs it. Callables are bounded inside the script (SELEKSI_BENCH_CALL_CONCURRENCY).
// Expects the functions built. Run inside a network namespace when other emulators may be running:
// unshare -n bash -c 'ip link set lo up && node scripts/bench-scores.mjs'.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emulatorClientEnv, waitForEmulators } from "./lib/emulator-hosts.mjs";
import { firestoreEmulatorEnv } from "./lib/firestore-emulator.mjs";
import { bin, DEMO_PROJECT, repoRoot } from "./lib/paths.mjs";
import { run } from "./lib/run.mjs";

const config = JSON.parse(readFileSync(join(repoRoot, "firebase.json"), "utf8")).emulators;
const emulators = spawn(
  bin("firebase"),
  ["emulators:start", "--only", "auth,firestore,functions,hosting", "--project", DEMO_PROJECT],
  { cwd: repoRoot, env: { ...process.env, ...firestoreEmulatorEnv() }, stdio: "ignore", detached: true },
);
const env = { ...process.env, ...emulatorClientEnv(config), GCLOUD_PROJECT: DEMO_PROJECT };
try {
  const startS = Number(process.env["SELEKSI_BENCH_EMULATOR_TIMEOUT_S"] ?? 600);
  await waitForEmulators(config, () => emulators.exitCode !== null, startS * 1000);
  await run("score figures", bin("tsx"), ["scripts/bench-scores.ts"], { env, stdio: "inherit" });
} finally {
  process.kill(-emulators.pid, "SIGINT");
}
