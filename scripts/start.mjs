// `npm start`: build, start the emulators (Auth, Firestore, Functions, Hosting serving the PWA),
// seed the Kota Metro 2021 demo, print where to look. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { firestoreEmulatorEnv } from "./lib/firestore-emulator.mjs";
import { bin, DEMO_PROJECT, repoRoot } from "./lib/paths.mjs";
import { run } from "./lib/run.mjs";
import { emulatorClientEnv, waitForEmulators } from "./lib/emulator-hosts.mjs";

const config = JSON.parse(readFileSync(join(repoRoot, "firebase.json"), "utf8")).emulators;

// The web app first: the functions build embeds its index.html (sharePage's template).
await run("build web", "npm", ["run", "build", "-w", "web"]);
await run("build functions", "npm", ["run", "build", "-w", "functions"]);

const env = { ...process.env, ...firestoreEmulatorEnv() };
console.log("\n▶ start emulators");
const emulators = spawn(
  bin("firebase"),
  ["emulators:start", "--only", "auth,firestore,functions,hosting", "--project", DEMO_PROJECT],
  { cwd: repoRoot, env, stdio: "inherit", detached: false },
);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the emulators…");
  emulators.kill("SIGINT");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
emulators.on("exit", (code) => process.exit(stopping ? 0 : (code ?? 1)));

await waitForEmulators(config, () => emulators.exitCode !== null);
await run("seed demo data", bin("tsx"), ["seed/cli.ts"], {
  env: { ...process.env, ...emulatorClientEnv(config), GCLOUD_PROJECT: DEMO_PROJECT },
});

const url = `http://${config.hosting.host}:${config.hosting.port}`;
console.log(`\n  Seleksi is running: ${url}\n  Press Ctrl-C to stop.\n`);
