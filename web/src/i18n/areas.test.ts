/**
 * The screens a candidate sees before and after signing in render with the core messages only
 * (the staff area loads with the officials' screens). A key from another area used there would
 * show as the bare key on a candidate's phone: this test reads those screens' sources and fails
 * on any such key.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { idCore } from "../../../functions/src/domain/i18n/id/core";
import { idDocuments } from "../../../functions/src/domain/i18n/id/documents";
import { idStaff } from "../../../functions/src/domain/i18n/id/staff";
import { enCore } from "../../../functions/src/domain/i18n/en/core";
import { enStaff } from "../../../functions/src/domain/i18n/en/staff";
import { enDocuments } from "../../../functions/src/domain/i18n/en/documents";

const SRC = join(import.meta.dirname, "..");
/** Screens and parts rendered without the staff area. VerifyDocument asks for it itself. */
const CORE_ONLY = ["screens/public", "screens/candidate", "ui", "app.tsx", "main.tsx"];
const EXEMPT = new Set(["screens/public/VerifyDocument.tsx", "ui/DownloadButton.tsx"]);

function sources(path: string): string[] {
  const full = join(SRC, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) => sources(join(path, name)));
}

describe("message areas", () => {
  it("keep core, staff and documents apart, in both languages", () => {
    const core = Object.keys(idCore);
    const staff = Object.keys(idStaff);
    const documents = Object.keys(idDocuments);
    expect(core.filter((k) => staff.includes(k) || documents.includes(k))).toEqual([]);
    expect(staff.filter((k) => documents.includes(k))).toEqual([]);
    expect(Object.keys(enCore).sort()).toEqual([...core].sort());
    expect(Object.keys(enStaff).sort()).toEqual([...staff].sort());
    expect(Object.keys(enDocuments).sort()).toEqual([...documents].sort());
  });

  const files = CORE_ONLY.flatMap(sources).filter(
    (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && !EXEMPT.has(f),
  );
  it.each(files)("%s uses core messages only", (file) => {
    const text = readFileSync(join(SRC, file), "utf8");
    const literal = [...text.matchAll(/\bt\(\s*"([A-Za-z0-9_.]+)"/g)].map((m) => m[1]!);
    const templated = [...text.matchAll(/\bt\(\s*`([A-Za-z0-9_]+)\.\$\{/g)].map((m) => `${m[1]!}.`);
    const coreKeys = Object.keys(idCore);
    expect(literal.filter((key) => !coreKeys.includes(key))).toEqual([]);
    expect(templated.filter((prefix) => !coreKeys.some((k) => k.startsWith(prefix)))).toEqual([]);
  });
});
