// Part of the functions build: copies the web build's index.html next to sharePage, which serves
// /seleksi/{id} from it (the asset names in it change with every web build, so it is taken at build
// time, not fetched from the site at run time). `npm run build` builds the web app first.
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/paths.mjs";

const from = join(repoRoot, "web", "dist", "index.html");
const to = join(repoRoot, "functions", "lib", "share", "app-shell.html");
if (existsSync(from)) {
  mkdirSync(join(repoRoot, "functions", "lib", "share"), { recursive: true });
  copyFileSync(from, to);
  console.log(`[embed-app-shell] ${from} -> ${to}`);
} else {
  rmSync(to, { force: true }); // an older build's shell would name assets that no longer exist
  console.warn("[embed-app-shell] web/dist/index.html is missing: sharePage will serve the site's own shell");
}
