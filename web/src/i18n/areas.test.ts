/**
 * The screens a candidate sees render with the core messages, plus the candidate area where a screen
 * asks for it (the staff area loads with the officials' screens, the setup area with the setup wizard
 * alone). A key from an area that is not loaded would show as the bare key on a phone: this test
 * reads the screens' sources and fails on any such key.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { idCore } from "../../../functions/src/domain/i18n/id/core";
import { idCandidate } from "../../../functions/src/domain/i18n/id/candidate";
import { idDocuments } from "../../../functions/src/domain/i18n/id/documents";
import { idStaff } from "../../../functions/src/domain/i18n/id/staff";
import { idScoring } from "../../../functions/src/domain/i18n/id/scoring";
import { idSetup } from "../../../functions/src/domain/i18n/id/setup";
import { enCore } from "../../../functions/src/domain/i18n/en/core";
import { enCandidate } from "../../../functions/src/domain/i18n/en/candidate";
import { enStaff } from "../../../functions/src/domain/i18n/en/staff";
import { enDocuments } from "../../../functions/src/domain/i18n/en/documents";
import { enScoring } from "../../../functions/src/domain/i18n/en/scoring";
import { enSetup } from "../../../functions/src/domain/i18n/en/setup";

const SRC = join(import.meta.dirname, "..");
/** Screens and parts rendered without the staff area. VerifyDocument asks for it itself. */
const CORE_ONLY = ["screens/public", "screens/candidate", "ui", "app.tsx", "main.tsx"];
const EXEMPT = new Set(["screens/public/VerifyDocument.tsx"]);
/**
 * The candidate's own screens load the candidate area before they render (useMessages("candidate")
 * in the route's screen), so everything under this folder may use its keys.
 */
const CANDIDATE_AREA = "screens/candidate/";
/** Officials' and pansel's screens render with the staff area; only the wizard's folder has the setup area. */
const STAFF_SCREENS = ["screens/official", "screens/pansel"];
const SETUP_AREA = "screens/official/setup/";

function sources(path: string): string[] {
  const full = join(SRC, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) => sources(join(path, name)));
}

describe("message areas", () => {
  it("keep core, candidate, staff, setup, scoring and documents apart, in both languages", () => {
    const areas = [idCore, idCandidate, idStaff, idSetup, idScoring, idDocuments].map((a) => Object.keys(a));
    const all = areas.flat();
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
    expect(Object.keys(enCore).sort()).toEqual(Object.keys(idCore).sort());
    expect(Object.keys(enCandidate).sort()).toEqual(Object.keys(idCandidate).sort());
    expect(Object.keys(enStaff).sort()).toEqual(Object.keys(idStaff).sort());
    expect(Object.keys(enSetup).sort()).toEqual(Object.keys(idSetup).sort());
    expect(Object.keys(enScoring).sort()).toEqual(Object.keys(idScoring).sort());
    expect(Object.keys(enDocuments).sort()).toEqual(Object.keys(idDocuments).sort());
  });

  const files = CORE_ONLY.flatMap(sources).filter(
    (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && !EXEMPT.has(f),
  );
  it.each(files)("%s uses only the messages loaded for it", (file) => {
    const text = readFileSync(join(SRC, file), "utf8");
    const literal = [...text.matchAll(/\bt\(\s*"([A-Za-z0-9_.]+)"/g)].map((m) => m[1]!);
    const templated = [...text.matchAll(/\bt\(\s*`([A-Za-z0-9_]+)\.\$\{/g)].map((m) => `${m[1]!}.`);
    const keys = [
      ...Object.keys(idCore),
      ...(file.startsWith(CANDIDATE_AREA) || text.includes('useMessages("candidate")') ? Object.keys(idCandidate) : []),
    ];
    expect(literal.filter((key) => !keys.includes(key))).toEqual([]);
    expect(templated.filter((prefix) => !keys.some((k) => k.startsWith(prefix)))).toEqual([]);
  });

  const staffFiles = STAFF_SCREENS.flatMap(sources).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));
  it.each(staffFiles)("%s uses only the messages loaded for it", (file) => {
    const text = readFileSync(join(SRC, file), "utf8");
    const literal = [...text.matchAll(/\bt\(\s*"([A-Za-z0-9_.]+)"/g)].map((m) => m[1]!);
    const keys = [
      ...Object.keys(idCore),
      ...Object.keys(idStaff),
      ...(text.includes('useMessages("candidate")') ? Object.keys(idCandidate) : []),
      ...(file.startsWith(SETUP_AREA) ? Object.keys(idSetup) : []),
      ...(text.includes('useMessages("scoring")') ? Object.keys(idScoring) : []),
    ];
    expect(literal.filter((key) => !keys.includes(key))).toEqual([]);
  });
});
