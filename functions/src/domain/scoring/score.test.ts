import { describe, expect, it } from "vitest";
import type { ScoringComponent, ScoringPlan } from "../selection/setup.js";
import { DEFAULT_SCORING_PLAN } from "../selection/defaults.js";
import { parseWith } from "../validation.js";
import { aggregate, cellOf, printed } from "./aggregate.js";
import { fullMarks, scoreEntry, scoreId, storedScore, validateScore, type ScoreEntry } from "./score.js";

/** The issue's worked example: five indicators scored 1–5, weight 30 %. */
const FIVE_BY_FIVE: ScoringComponent = {
  id: "wawancara",
  label: "Wawancara akhir",
  weight: 30,
  stage: "wawancara",
  scale: { min: 1, max: 5 },
  rubric: {
    indicators: ["visi-misi", "integritas", "kepemimpinan", "pemahaman-tugas", "kerja-sama"].map((id) => ({
      id,
      label: id,
    })),
    levels: [1, 2, 3, 4, 5].map((score) => ({ score, label: String(score), description: "" })),
  },
};
const PLAN: ScoringPlan = {
  components: [
    FIVE_BY_FIVE,
    { id: "rekam-jejak", label: "Rekam jejak", weight: 70, stage: "rekamJejak", scale: { min: 0, max: 100 } },
  ],
  finalistsPerPost: 3,
};
const entry = (e: Partial<ScoreEntry>): ScoreEntry => ({ levels: null, value: null, note: "", ...e });
const WORKED = { "visi-misi": 4, integritas: 4, kepemimpinan: 3, "pemahaman-tugas": 5, "kerja-sama": 4 };

describe("validateScore", () => {
  it("the worked example: 4, 4, 3, 5, 4 of 5 each is 20 of 25 = 80.00; at 30 % it gives 24.00 points", () => {
    const check = validateScore(PLAN, "wawancara", entry({ levels: WORKED }), "submit");
    expect(check).toEqual({ ok: true, marks: 2000 });
    expect(fullMarks(FIVE_BY_FIVE)).toBe(2500);
    const table = aggregate(
      PLAN,
      ["a"],
      [{ applicationId: "a", componentId: "wawancara", memberUid: "m", marks: 2000 }],
    );
    const cell = cellOf(table, 0, 0)!;
    expect(printed(cell.score)).toBe(80);
    expect(printed(cell.points)).toBe(24);
    expect(JSON.stringify({ score: printed(cell.score).toFixed(2), points: printed(cell.points).toFixed(2) })).toBe(
      '{"score":"80.00","points":"24.00"}',
    );
  });

  it("a level that is not one of the rubric's is refused, naming the levels", () => {
    const check = validateScore(PLAN, "wawancara", entry({ levels: { ...WORKED, integritas: 6 } }), "submit");
    expect(check).toEqual({
      ok: false,
      issues: [
        { code: "err.score.notALevel", field: "levels.integritas", params: { value: 6, choices: "1, 2, 3, 4, 5" } },
      ],
    });
  });

  it("an indicator the rubric does not have is refused", () => {
    const check = validateScore(PLAN, "wawancara", entry({ levels: { ...WORKED, karisma: 5 } }), "submit");
    expect(check.ok || check.issues[0]).toMatchObject({ code: "err.score.unknownIndicator", field: "levels.karisma" });
  });

  it("a draft may be incomplete; a submission may not, and names what is missing", () => {
    const partial = entry({ levels: { "visi-misi": 4, integritas: 3 } });
    expect(validateScore(PLAN, "wawancara", partial, "draft")).toEqual({ ok: true, marks: null });
    const check = validateScore(PLAN, "wawancara", partial, "submit");
    expect(check.ok || check.issues[0]).toMatchObject({
      code: "err.score.incomplete",
      params: { count: 3, missing: "kepemimpinan, pemahaman-tugas, kerja-sama" },
    });
  });

  it("a number for a rubric component and levels for a direct one are refused", () => {
    const a = validateScore(PLAN, "wawancara", entry({ value: 80 }), "submit");
    expect(a.ok || a.issues[0]!.code).toBe("err.score.rubricOnly");
    const b = validateScore(PLAN, "rekam-jejak", entry({ levels: { x: 3 } }), "submit");
    expect(b.ok || b.issues[0]!.code).toBe("err.score.notRubric");
  });

  it("a direct number must lie on the scale, with at most two decimals", () => {
    expect(validateScore(PLAN, "rekam-jejak", entry({ value: 87.5 }), "submit")).toEqual({ ok: true, marks: 8750 });
    expect(validateScore(PLAN, "rekam-jejak", entry({ value: 100 }), "submit")).toEqual({ ok: true, marks: 10000 });
    const over = validateScore(PLAN, "rekam-jejak", entry({ value: 100.5 }), "submit");
    expect(over.ok || over.issues[0]).toEqual({
      code: "err.score.outsideScale",
      field: "value",
      params: { value: 100.5, min: 0, max: 100 },
    });
    const negative = validateScore(PLAN, "rekam-jejak", entry({ value: -1 }), "submit");
    expect(negative.ok || negative.issues[0]!.code).toBe("err.score.outsideScale");
    const fine = validateScore(PLAN, "rekam-jejak", entry({ value: 80.125 }), "submit");
    expect(fine.ok || fine.issues[0]!.code).toBe("err.score.decimals");
    const empty = validateScore(PLAN, "rekam-jejak", entry({}), "submit");
    expect(empty.ok || empty.issues[0]!.code).toBe("err.score.incomplete");
  });

  it("an unknown component, and an imported one, cannot be scored by a member", () => {
    const unknown = validateScore(PLAN, "karisma", entry({ value: 80 }), "submit");
    expect(unknown.ok || unknown.issues[0]!.code).toBe("err.score.unknownComponent");
    const imported: ScoringPlan = {
      ...PLAN,
      components: [{ ...PLAN.components[1]!, imported: { rawMax: 400 } }],
    };
    const check = validateScore(imported, "rekam-jejak", entry({ value: 80 }), "submit");
    expect(check.ok || check.issues[0]!.code).toBe("err.score.imported");
  });

  it("the default plan's rubric levels (90/75/60/40 on 0–100) count as their own score", () => {
    const levels = { substansi: 75, "program-kerja": 75, presentasi: 75 };
    const check = validateScore(DEFAULT_SCORING_PLAN, "makalah", entry({ levels }), "submit");
    expect(check).toEqual({ ok: true, marks: 22500 });
    const table = aggregate(
      DEFAULT_SCORING_PLAN,
      ["a"],
      [{ applicationId: "a", componentId: "makalah", memberUid: "m", marks: 22500 }],
    );
    expect(printed(cellOf(table, 0, 1)!.score)).toBe(75);
  });
});

describe("the stored score", () => {
  it("parses a stored document and rejects a forged status or a long note", () => {
    const doc = {
      instansiId: "kota-metro",
      selectionId: "metro-2021-jpt",
      postId: "bappeda",
      applicationId: "metro-2021-jpt_bappeda_demo-peserta-01",
      componentId: "wawancara",
      memberUid: "pansel-hartini",
      levels: WORKED,
      status: "submitted",
      submittedAt: "2021-10-12T03:00:00.000Z",
      revision: 3,
    };
    const parsed = parseWith(storedScore, doc);
    expect(parsed.ok && parsed.value).toMatchObject({ value: null, note: "", revision: 3 });
    expect(parseWith(storedScore, { ...doc, status: "locked" }).ok).toBe(false);
    const long = parseWith(scoreEntry, { note: "x".repeat(2001) });
    expect(long.ok || long.issues[0]!.code).toBe("err.score.noteLong");
  });

  it("one id per member and candidate-component, so a second submission overwrites, never adds", () => {
    expect(scoreId("metro-2021-jpt_bappeda_u1", "wawancara", "m1")).toBe("metro-2021-jpt_bappeda_u1_wawancara_m1");
  });
});
