// `npm run bench` (second part): Lighthouse, mobile form factor with simulated throttling (slow 4G,
// a mid-range phone's CPU), against the public home, a selection page (a first visit, as from a
// link shared in WhatsApp) and the sign-in page, served by the hosting emulator with the demo
// seeded, in Debian's Chromium. Prints the performance score and LCP per page; asserts nothing.
// Expects the web app and the functions built (npm run bench builds them). Run it inside a network
// namespace when other emulators may be running: unshare -n bash -c 'ip link set lo up && npm run bench'.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { findChromium } from "./lib/chromium.mjs";
import { emulatorClientEnv, waitForEmulators } from "./lib/emulator-hosts.mjs";
import { firestoreEmulatorEnv } from "./lib/firestore-emulator.mjs";
import { bin, DEMO_PROJECT, repoRoot } from "./lib/paths.mjs";
import { run } from "./lib/run.mjs";

const PAGES = [
  ["public home", "/"],
  ["selection page", "/seleksi/metro-2021-jpt"],
  ["sign-in", "/masuk"],
];
const TARGET = { score: 95, lcpMs: 1500 };

const config = JSON.parse(readFileSync(join(repoRoot, "firebase.json"), "utf8")).emulators;
const chrome = process.env["CHROME_PATH"] ?? findChromium();
if (!chrome) throw new Error("Chromium not found: apt-get install -y chromium, or set CHROME_PATH");

const emulators = spawn(
  bin("firebase"),
  ["emulators:start", "--only", "auth,firestore,functions,hosting", "--project", DEMO_PROJECT],
  { cwd: repoRoot, env: { ...process.env, ...firestoreEmulatorEnv() }, stdio: "ignore" },
);
try {
  await waitForEmulators(config, () => emulators.exitCode !== null);
  await run("seed demo data", bin("tsx"), ["seed/cli.ts"], {
    env: { ...process.env, ...emulatorClientEnv(config), GCLOUD_PROJECT: DEMO_PROJECT },
    stdio: "ignore",
  });
  const site = `http://${config.hosting.host}:${config.hosting.port}`;
  // A first request wakes the sharePage function (a cold start is not what a page's LCP measures).
  await fetch(`${site}${PAGES[1][1]}`);
  console.log(
    `\nLighthouse ${lighthouseVersion()}, mobile, simulated throttling; targets: score ≥ ${TARGET.score}, LCP ≤ ${TARGET.lcpMs / 1000} s`,
  );
  for (const [name, path] of PAGES) {
    const { stdout } = await promisify(execFile)(
      bin("lighthouse"),
      [
        `${site}${path}`,
        "--only-categories=performance",
        "--form-factor=mobile",
        "--throttling-method=simulate",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ],
      { cwd: repoRoot, env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout);
    // The whole report, for a look at what holds a page back (which element is the LCP, …).
    mkdirSync(join(repoRoot, ".cache", "lighthouse"), { recursive: true });
    writeFileSync(join(repoRoot, ".cache", "lighthouse", `${name.replace(/\W+/g, "-")}.json`), stdout);
    const score = Math.round((report.categories.performance.score ?? 0) * 100);
    const audit = (id) => report.audits[id]?.numericValue ?? NaN;
    const lcp = audit("largest-contentful-paint");
    const ok = score >= TARGET.score && lcp <= TARGET.lcpMs ? "ok" : "below target";
    console.log(
      `${name.padEnd(16)} score ${String(score).padStart(3)}  LCP ${(lcp / 1000).toFixed(2)} s  ` +
        `FCP ${(audit("first-contentful-paint") / 1000).toFixed(2)} s  TBT ${Math.round(audit("total-blocking-time"))} ms  ` +
        `CLS ${audit("cumulative-layout-shift").toFixed(3)}  ${ok}`,
    );
  }
} finally {
  emulators.kill("SIGINT");
  await new Promise((resolve) => emulators.once("exit", resolve));
}

function lighthouseVersion() {
  return JSON.parse(readFileSync(join(repoRoot, "node_modules", "lighthouse", "package.json"), "utf8")).version;
}
