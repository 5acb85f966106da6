// `npm test`: everything a change must pass, in the order that fails fastest.
//   1. Chromium present (installed from Debian when missing and we are root)
//   2. type-check, lint, formatting
//   3. build the PWA (enforcing the size budget), then the functions, which embed its index.html
//   4. one vitest run under `firebase emulators:exec`: unit, emulator and browser tests
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
// SELEKSI_TEST_QUICK=1 skips step 2 and reuses an existing web build: for a developer's inner loop
// only (`SELEKSI_TEST_QUICK=1 npm test -- test/functions/x.emulator.test.ts`); CI never sets it.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium } from "./lib/chromium.mjs";
import { firestoreEmulatorEnv } from "./lib/firestore-emulator.mjs";
import { bin, DEMO_PROJECT, repoRoot } from "./lib/paths.mjs";
import { run } from "./lib/run.mjs";

const vitestArgs = process.argv.slice(2);
const report = join(repoRoot, ".cache", "vitest-report.json");
const quick = process.env["SELEKSI_TEST_QUICK"] === "1";

try {
  const chromium = ensureChromium();
  if (!quick) {
    await run("type-check functions", bin("tsc"), ["-p", "functions"]);
    await run("type-check web", bin("tsc"), ["-p", "web"]);
    await run("type-check tests", bin("tsc"), ["-p", "test"]);
    await run("type-check seed and config", bin("tsc"), ["-p", "."]);
    await run("lint", bin("eslint"), [".", "--max-warnings", "0"]);
    await run("formatting", bin("prettier"), ["--check", "."]);
  }
  // The web app first: the functions build embeds its index.html (sharePage's template).
  if (!quick || !existsSync(join(repoRoot, "web", "dist", "index.html"))) {
    await run("build web (with size budget)", "npm", ["run", "build", "-w", "web"]);
  }
  await run("build functions", "npm", ["run", "build", "-w", "functions"]);

  rmSync(report, { force: true });
  const vitest = [
    bin("vitest"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...vitestArgs,
  ];
  const env = { ...process.env, ...firestoreEmulatorEnv(), CHROMIUM_PATH: chromium };
  let failure;
  try {
    await run(
      "tests (unit, emulator, e2e) under the emulators",
      bin("firebase"),
      [
        "emulators:exec",
        "--only",
        "auth,firestore,functions,hosting",
        "--project",
        DEMO_PROJECT,
        vitest.map(quote).join(" "),
      ],
      { env },
    );
  } catch (error) {
    failure = error;
  }
  printSummary();
  if (failure) throw failure;
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

function printSummary() {
  try {
    const r = JSON.parse(readFileSync(report, "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(
      `\nvitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`,
    );
  } catch {
    console.log("\nvitest: no report (the run did not finish)");
  }
}

function quote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}
