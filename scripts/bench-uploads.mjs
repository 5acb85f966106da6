// `npm run bench` (third part): starts the emulators for the upload figures of
// scripts/bench-uploads.ts, seeds the demo and runs it. The Functions emulator would start one Node
// process per concurrent trigger event (100 at once here): --inspect-functions makes it run them one
// at a time, which is the bound the README states. Expects the web app and the functions built.
// Run inside a network namespace when other emulators may be running:
// unshare -n bash -c 'ip link set lo up && npm run bench'.
// SELEKSI_BENCH_EMULATOR_TIMEOUT_S (default 600) bounds the emulators' start: on a loaded shared
// machine they took longer than the tests' 180 s.
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
  ["emulators:start", "--only", "auth,firestore,functions,hosting", "--project", DEMO_PROJECT, "--inspect-functions"],
  { cwd: repoRoot, env: { ...process.env, ...firestoreEmulatorEnv() }, stdio: "ignore", detached: true },
);
const env = { ...process.env, ...emulatorClientEnv(config), GCLOUD_PROJECT: DEMO_PROJECT };
try {
  const startS = Number(process.env["SELEKSI_BENCH_EMULATOR_TIMEOUT_S"] ?? 600);
  await waitForEmulators(config, () => emulators.exitCode !== null, startS * 1000);
  await run("seed demo data", bin("tsx"), ["seed/cli.ts"], { env, stdio: "ignore" });
  await run("upload figures", bin("tsx"), ["scripts/bench-uploads.ts", ...process.argv.slice(2)], {
    env,
    stdio: "inherit",
  });
} finally {
  // The whole process group: firebase-tools and the Java and Node processes it started.
  process.kill(-emulators.pid, "SIGINT");
}
