import { describe, expect, it } from "vitest";
import { METRO_PLAN } from "../../../../test/fixtures/metro2021Scoring.js";
import { publicationOf, stageRanking } from "../../../../test/fixtures/metro2021StageResult.js";
import { sameRankings, stageOfSeries, stagePublication, stageResultDocumentId } from "./stageResult.js";

describe("a stage's publication", () => {
  const final = stageRanking("pemeringkatan");
  const name = (id: string) => final.candidates.find((c) => c.applicationId === id)!.name;
  const out = final.eliminated[0]!.applicationId;

  it("names only the 3 besar after the final ranking, alphabetically and without scores by default", () => {
    const p = publicationOf("pemeringkatan", "none");
    const rows = p.posts["bappeda"]!;
    expect(rows.map((r) => r.name)).toEqual(final.finalists.map(name).sort((a, b) => a.localeCompare(b, "id")));
    expect(rows.every((r) => r.rank === null && r.total === null && r.points === null)).toBe(true);
    expect(rows.map((r) => r.name)).not.toContain(name(out));
    // NIPs as every screen shows them: masked.
    expect(rows.every((r) => r.nip.includes("*"))).toBe(true);
    expect(p.final).toBe(true);
  });

  it("tells each candidate their own outcome, the reason privately, and no rank when scores are not published", () => {
    const p = publicationOf("pemeringkatan", "none");
    const fourth = final.ranked.find((r) => r.rank === 4)!.applicationId;
    expect(p.outcomes[final.finalists[0]!]).toEqual({
      advances: true,
      final: true,
      rank: null,
      total: null,
      reason: null,
    });
    expect(p.outcomes[fourth]).toMatchObject({
      advances: false,
      rank: null,
      total: null,
      reason: { code: "notFinalist" },
    });
    expect(p.outcomes[out]).toMatchObject({
      advances: false,
      total: null,
      reason: { code: "missedComponent", component: "Wawancara akhir" },
    });
    expect(Object.keys(p.outcomes)).toHaveLength(6);
  });

  it("publishes the rank and total, in rank order, when the plan says total", () => {
    const p = publicationOf("pemeringkatan", "total");
    const rows = p.posts["bappeda"]!;
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.total)).toEqual(final.ranked.slice(0, 3).map((r) => r.total));
    expect(rows[0]!.points).toBeNull();
    expect(p.outcomes[final.ranked[4]!.applicationId]).toMatchObject({ rank: 5, total: final.ranked[4]!.total });
    expect(p.outcomes[out]!.total).toBe(final.eliminated[0]!.total);
  });

  it("adds each component's weighted points when the plan says components", () => {
    const p = publicationOf("pemeringkatan", "components");
    const rows = p.posts["bappeda"]!;
    expect(rows[0]!.points).toEqual(final.ranked[0]!.figures.points);
    expect(rows[0]!.points).toHaveLength(4);
  });

  it("after an interim stage lets every ranked candidate go on and names the components included", () => {
    const interim = stageRanking("kompetensiTeknis");
    const p = publicationOf("kompetensiTeknis", "total");
    expect(p.final).toBe(false);
    expect(p.components.map((c) => c.id)).toEqual(["asesmen", "makalah"]);
    expect(p.posts["bappeda"]).toHaveLength(interim.ranked.length);
    expect(Object.values(p.outcomes).filter((o) => o.advances)).toHaveLength(interim.ranked.length);
  });

  it("refuses a stage where the plan scores nothing", () => {
    const r = stagePublication({ plan: METRO_PLAN, stage: "pendaftaran", posts: [] });
    expect(r).toMatchObject({ code: "err.ranking.notScoringStage" });
  });

  it("compares the rankings by their hashes, and names its series by selection and stage", () => {
    expect(sameRankings({ a: "1", b: "2" }, { b: "2", a: "1" })).toBe(true);
    expect(sameRankings({ a: "1", b: "2" }, { a: "1", b: "3" })).toBe(false);
    expect(sameRankings({ a: "1" }, { a: "1", b: "2" })).toBe(false);
    const id = stageResultDocumentId("kota_metro-2021", "wawancara", 2);
    expect(id).toBe("kota_metro-2021_wawancara-hasilTahap-v2");
    expect(stageOfSeries("kota_metro-2021_wawancara")).toBe("wawancara");
    expect(stageOfSeries("kota_metro-2021")).toBeNull();
  });
});
