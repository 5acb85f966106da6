import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = (name) => join(repoRoot, "node_modules", ".bin", name);

/** The demo project: the `demo-` prefix makes the emulators refuse to reach any real service. */
export const DEMO_PROJECT = "demo-seleksi";
