// Fails the build when the JavaScript a phone must download grows past the budget, route by route.
//   first paint:  the entry chunk and its static imports; no Firebase SDK may be among them.
//   each route:   the first paint, the route's lazy chunk with its static imports, every data module
//                 (src/data/*, the Firebase SDKs) the route's code loads, Firebase Auth and what it
//                 loads for a signed-in route, and the message areas the route asks for, as a phone
//                 in the default language downloads them.
// The routes come from web/src/app.tsx (path, lazy screen, RequireSession role) and the chunks from
// the build manifest; a message area counts for a route when its guard has a role (staff screens
// speak the staff area, see RequireSession.tsx) or when a module of the route asks for it with
// useMessages("area"). Code a form loads on first use (a dynamic import of a domain module) is
// printed apart, in the "+ on use" column, and not counted.
// Sizes are gzip level 9, as a CDN serves them.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "./lib/paths.mjs";

export const BUDGET_KB = { firstPaint: 60, route: 200 };

const web = join(repoRoot, "web");
const dist = join(web, "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
/** The source modules of each chunk, written by the build (web/vite.config.ts). */
const chunkModules = JSON.parse(readFileSync(join(dist, ".vite", "chunk-modules.json"), "utf8"));

/** Message areas: the module each area loads in the default language (see web/src/i18n/i18n.tsx). */
const AREA_MODULES = {
  staff: "../functions/src/domain/i18n/id/staff.ts",
  candidate: "../functions/src/domain/i18n/id/candidate.ts",
  setup: "../functions/src/domain/i18n/id/setup.ts",
  scoring: "../functions/src/domain/i18n/id/scoring.ts",
};
const DATA_MODULE = /^src\/data\//;
const AUTH = "src/data/auth.ts";

function closure(keys, follow = () => false, seen = new Set()) {
  const visit = (key) => {
    if (seen.has(key)) return;
    const entry = manifest[key];
    if (!entry) throw new Error(`size budget: ${key} is not in the build manifest`);
    seen.add(key);
    for (const k of entry.imports ?? []) visit(k);
    for (const k of entry.dynamicImports ?? []) if (follow(k)) visit(k);
  };
  keys.forEach(visit);
  return seen;
}

const gzCache = new Map();
function gz(key) {
  if (!gzCache.has(key)) gzCache.set(key, gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length);
  return gzCache.get(key);
}
const kb = (keys) => [...keys].reduce((sum, key) => sum + gz(key), 0) / 1024;

/** Every route of the app: its path, its screen's module and whether its guard asks for a role. */
function routes() {
  const app = readFileSync(join(web, "src", "app.tsx"), "utf8");
  const modules = new Map(
    [...app.matchAll(/const (\w+) = lazy\(\(\) =>\s+import\("\.\/([^"]+)"\)/g)].map((m) => [m[1], `src/${m[2]}.tsx`]),
  );
  const found = [];
  for (const part of app.split(/<Route\b/).slice(1)) {
    const [, path, component] =
      /^\s+path="([^"]+)"\s+component=\{([\s\S]*)\}\s*\/>/.exec(part.split("</Router>")[0]) ?? [];
    if (!path) continue; // the default route, NotFound, is in the first paint
    const guarded = /<RequireSession\b/.test(component);
    const role = guarded && /\brole=/.test(component);
    const name = guarded ? /screen=\{(\w+)\}/.exec(component)?.[1] : component.trim();
    // A screen imported statically is in the first paint's chunk; what it loads later (its data
    // modules) still counts for the route, found in its own sources.
    const staticImport = new RegExp(`import \\{ ${name} \\} from "\\./([^"]+)"`).exec(app)?.[1];
    const staticFile = name && !modules.has(name) && staticImport ? `src/${staticImport}.tsx` : undefined;
    found.push({ path, module: modules.get(name), staticFile, signedIn: guarded, staff: role });
  }
  if (found.length === 0) throw new Error("size budget: no routes found in web/src/app.tsx");
  return found;
}

/**
 * A statically imported screen's own source files (it and the screens/ui modules it imports) and the
 * data modules they import on use, as manifest keys.
 */
function staticScreen(file) {
  const files = new Set();
  const data = new Set();
  const visit = (id) => {
    if (files.has(id) || !existsSync(join(web, id))) return;
    files.add(id);
    const text = readFileSync(join(web, id), "utf8");
    for (const m of text.matchAll(/(?:from |import\()"(\.{1,2}\/[^"]+)"/g)) {
      const target = relative(web, resolve(dirname(join(web, id)), m[1]));
      if (DATA_MODULE.test(target)) data.add(`${target}.ts`);
      else if (/^src\/(screens|ui)\//.test(target)) [".tsx", ".ts"].forEach((ext) => visit(`${target}${ext}`));
    }
  };
  visit(file);
  return {
    text: [...files].map((id) => readFileSync(join(web, id), "utf8")),
    data: [...data].filter((k) => manifest[k]),
  };
}

/** The app's own sources in a route's chunks. */
function sources(keys) {
  return [...keys]
    .flatMap((key) => chunkModules[manifest[key].file] ?? [])
    .filter((id) => id.startsWith("src/") && existsSync(join(web, id)))
    .map((id) => readFileSync(join(web, id), "utf8"));
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const firstPaint = closure([entry]);
// Every Firebase SDK registers its version under its package name ("@firebase/app", …).
const firebaseInFirstPaint = [...firstPaint].filter((k) =>
  readFileSync(join(dist, manifest[k].file), "utf8").includes("@firebase/"),
);

const rows = [];
for (const route of routes()) {
  // The first paint's own lazy imports (Auth for a returning user, the service worker) are not the
  // route's: a route loads Auth when it is guarded or calls loadAuth itself.
  const screen = route.staticFile ? staticScreen(route.staticFile) : { text: [], data: [] };
  const own = closure(route.module ? [route.module] : screen.data, (k) => DATA_MODULE.test(k), new Set(firstPaint));
  for (const k of firstPaint) own.delete(k);
  const text = [...sources(own), ...screen.text];
  const areas = new Set(text.flatMap((src) => [...src.matchAll(/useMessages\("(\w+)"\)/g)].map((m) => m[1])));
  if (route.staff) areas.add("staff");
  const needsAuth = route.signedIn || text.some((src) => /\bloadAuth\(/.test(src));
  // Auth loads the live Firestore SDK in turn, to follow role changes.
  const roots = [...(needsAuth ? [AUTH] : []), ...[...areas].map((a) => AREA_MODULES[a])];
  const counted = closure(roots, (k) => DATA_MODULE.test(k), new Set([...firstPaint, ...own]));
  const onUse = new Set(counted);
  const later = (k) => !Object.values(AREA_MODULES).includes(k) && !/i18n\/en\//.test(k);
  for (const key of counted)
    if (!firstPaint.has(key))
      for (const k of manifest[key].dynamicImports ?? []) if (later(k)) closure([k], later, onUse);
  for (const k of counted) onUse.delete(k);
  const firebase = [...counted].filter((k) => DATA_MODULE.test(k) && manifest[k].isDynamicEntry);
  rows.push({
    path: route.path,
    kb: kb(counted),
    onUse: kb(onUse),
    data: firebase.map((k) => k.replace(/^src\/data\/|\.ts$/g, "")).join(" "),
    areas: [...areas].join(" ") || "core",
  });
}

const firstPaintKb = kb(firstPaint);
let failed = firebaseInFirstPaint.length > 0 || firstPaintKb > BUDGET_KB.firstPaint;
console.log(
  `size budget: first paint ${firstPaintKb.toFixed(1)} KB gz (budget ${BUDGET_KB.firstPaint} KB) ${firstPaintKb > BUDGET_KB.firstPaint ? "OVER" : "ok"}`,
);
const header = ["route", "KB gz", "+ on use", "data modules", "messages", ""];
const table = rows.map((r) => {
  const over = r.kb > BUDGET_KB.route;
  failed ||= over;
  return [r.path, r.kb.toFixed(1), r.onUse.toFixed(1), r.data || "-", r.areas, over ? "OVER" : "ok"];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
for (const row of [header, ...table])
  console.log(
    `size budget:   ${row.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ")}`.trimEnd(),
  );
console.log(`size budget: every route within ${BUDGET_KB.route} KB gz, first paint included`);
if (firebaseInFirstPaint.length > 0)
  console.log(`size budget: Firebase in the first paint: ${firebaseInFirstPaint.join(", ")}`);
if (failed) {
  console.error("size budget exceeded");
  process.exit(1);
}
