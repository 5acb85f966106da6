import { describe, expect, it } from "vitest";
import { message } from "../i18n/render.js";
import type { Translate } from "../i18n/render.js";
import { rankingTableRows } from "./rankingRows.js";
import type { RankedRow } from "./ranking.js";

const figures: RankedRow["figures"] = {
  scores: [8000, 7000],
  points: [4000, 3500],
  scorers: [5, 5],
  trimmed: [false, false],
};
const components = [
  { id: "makalah", label: "Presentasi makalah", weight: 50, stage: "wawancara" as const, imported: false },
  { id: "wawancara", label: "Wawancara akhir", weight: 50, stage: "wawancara" as const, imported: false },
];
const source = {
  components,
  finalists: ["a", "b"],
  ranked: [
    { rank: 1, applicationId: "a", total: 7500, figures, tie: null },
    {
      rank: 2,
      applicationId: "b",
      total: 7500,
      figures,
      tie: { above: "a", rule: "component" as const, componentId: "makalah" },
    },
    { rank: 3, applicationId: "c", total: 7400, figures, tie: { above: "b", rule: "unresolved" as const } },
  ],
  eliminated: [
    {
      applicationId: "d",
      total: 3000,
      figures,
      reason: { code: "missedComponent" as const, componentId: "wawancara" },
    },
  ],
};
const inLocale =
  (locale: "id" | "en"): Translate =>
  (key, params) =>
    message(locale, key, params);

describe("rankingTableRows", () => {
  it("notes the 3 besar and each tie's rule, then lists the eliminated with their reason", () => {
    const rows = rankingTableRows(source, inLocale("id"), "doc.rekap.finalist");
    expect(rows.map((r) => [r.rank, r.applicationId, r.note])).toEqual([
      ["1", "a", "Tiga besar"],
      ["2", "b", "Tiga besar; Nilai total sama; diputus dengan nilai Presentasi makalah"],
      ["3", "c", "Nilai total sama dan tidak terputus; peringkat dibagi"],
      ["\u2013", "d", "Gugur: tidak mengikuti Wawancara akhir"],
    ]);
    expect(rows[3]!.total).toBe(3000);
  });

  it("words them in the screen's language with the screen's label for the finalists", () => {
    const rows = rankingTableRows(source, inLocale("en"), "ranking.finalist");
    expect(rows[1]!.note).toMatch(/^Best three; .*Presentasi makalah/);
    expect(rows[1]!.note).not.toContain("diputus");
  });
});
