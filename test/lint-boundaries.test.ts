/**
 * The architecture's boundaries are lint rules (eslint.config.js); this proves each rule fires, by
 * linting small snippets as if they were files of the domain or of the screens, with the project's
 * own configuration. A boundary that stops being checked fails here, not in review.
 */
import { join } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
// Existing files, so the type-checked rules find them in their projects; the text is ours.
const DOMAIN_FILE = "functions/src/domain/nip.ts";
const SCREEN_FILE = "web/src/screens/public/NotFound.tsx";
const UI_FILE = "web/src/ui/Loading.tsx";
const DATA_FILE = "web/src/data/app.ts";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The boundary rules a snippet breaks, as "rule: message" lines. */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith("no-restricted-"))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe("lint: the domain is pure", { timeout: 120_000 }, () => {
  it.each([
    ['import { getFirestore } from "firebase/firestore";\nexport const f = getFirestore;', "no-restricted-imports"],
    [
      'import { getFirestore } from "firebase-admin/firestore";\nexport const f = getFirestore;',
      "no-restricted-imports",
    ],
    ['import { onCall } from "firebase-functions/v2/https";\nexport const f = onCall;', "no-restricted-imports"],
    ['export const f = () => import("firebase/auth");', "no-restricted-syntax"],
    ['import { readFileSync } from "node:fs";\nexport const f = readFileSync;', "no-restricted-imports"],
    ['import { readFileSync } from "fs";\nexport const f = readFileSync;', "no-restricted-imports"],
    ['import { createHash } from "crypto";\nexport const f = createHash;', "no-restricted-imports"],
    ["export const now = Date.now();", "no-restricted-syntax"],
    ["export const today = new Date();", "no-restricted-syntax"],
    ["export const dice = Math.random();", "no-restricted-syntax"],
    ["export const id = crypto.randomUUID();", "no-restricted-globals"],
    ["export const id = globalThis.crypto.randomUUID();", "no-restricted-syntax"],
    ["export const t = performance.now();", "no-restricted-globals"],
    ['export const env = process.env["X"];', "no-restricted-globals"],
  ])("rejects %s", async (code, rule) => {
    const errors = await boundaryErrors(code, DOMAIN_FILE);
    expect(
      errors.some((e) => e.startsWith(`${rule}:`)),
      errors.join("\n") || "no boundary error",
    ).toBe(true);
  });

  it("accepts what the domain may do: dates from arguments, its own modules", async () => {
    const code = [
      'import { COLLECTIONS } from "./collections";',
      "export const day = (iso: string) => new Date(iso).getUTCDate();",
      "export const at = (ms: number) => new Date(ms);",
      "export const names = Object.keys(COLLECTIONS);",
    ].join("\n");
    expect(await boundaryErrors(code, DOMAIN_FILE)).toEqual([]);
  });
});

describe("lint: screens reach Firebase only through the data layer", { timeout: 120_000 }, () => {
  it.each([
    ['import { getAuth } from "firebase/auth";\nexport const f = getAuth;', SCREEN_FILE, "no-restricted-imports"],
    ['import { getDoc } from "firebase/firestore/lite";\nexport const f = getDoc;', UI_FILE, "no-restricted-imports"],
    ['export const f = () => import("firebase/firestore");', SCREEN_FILE, "no-restricted-syntax"],
  ])("rejects %s in %s", async (code, file, rule) => {
    const errors = await boundaryErrors(code, file);
    expect(
      errors.some((e) => e.startsWith(`${rule}:`)),
      errors.join("\n") || "no boundary error",
    ).toBe(true);
  });

  it("lets the data layer import Firebase", async () => {
    const code = 'import { getApps } from "firebase/app";\nexport const apps = () => getApps().length;';
    expect(await boundaryErrors(code, DATA_FILE)).toEqual([]);
  });
});
