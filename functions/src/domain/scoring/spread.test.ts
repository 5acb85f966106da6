import { describe, expect, it } from "vitest";
import { MEMBERS, METRO_PLAN } from "../../../../test/fixtures/metro2021Scoring.js";
import type { Mark } from "./aggregate.js";
import { spreadFlags } from "./spread.js";

/** Rekam jejak is a direct 0–100 score: one member's marks are the score in hundredths. */
const rekam = (applicationId: string, scores: readonly number[]): Mark[] =>
  scores.map((s, i) => ({ applicationId, componentId: "rekam-jejak", memberUid: MEMBERS[i]!, marks: s * 100 }));

describe("spreadFlags", () => {
  it("flags a candidate-component whose members' scores lie more than the threshold apart", () => {
    const report = spreadFlags(METRO_PLAN, [...rekam("a", [70, 75, 80, 72, 91]), ...rekam("b", [70, 75, 80, 72, 90])]);
    expect(report.threshold).toBe(20);
    // 21 points apart is flagged; exactly 20 is not.
    expect(report.cells).toEqual([
      {
        applicationId: "a",
        componentId: "rekam-jejak",
        lowest: 7000,
        highest: 9100,
        spread: 2100,
        scores: [
          { memberUid: "pansel-bambang", score: 7000 },
          { memberUid: "pansel-fikri", score: 7200 },
          { memberUid: "pansel-hartini", score: 8000 },
          { memberUid: "pansel-nurul", score: 9100 },
          { memberUid: "pansel-rusdi", score: 7500 },
        ],
      },
    ]);
  });

  it("reads rubric scores on 0–100 and takes the plan's threshold", () => {
    const makalah = (level: number, memberUid: string): Mark => ({
      applicationId: "a",
      componentId: "makalah",
      memberUid,
      marks: level * 100 * 3,
    });
    const marks = [makalah(90, "m1"), makalah(75, "m2"), makalah(75, "m3")];
    expect(spreadFlags(METRO_PLAN, marks).cells).toEqual([]);
    const strict = spreadFlags({ ...METRO_PLAN, spreadThreshold: 10 }, marks);
    expect(strict.cells.map((c) => c.spread)).toEqual([1500]);
  });

  it("flags a member who scores systematically far from the others, lenient or severe", () => {
    // Hartini (third) gives 82 where the others give 60, 62, 61, 60 (mean 60.75): +21.25 each time.
    const marks = ["a", "b", "c"].flatMap((id, i) => rekam(id, [60 + i, 62 + i, 82 + i, 61 + i, 60 + i]));
    const report = spreadFlags(METRO_PLAN, marks);
    expect(report.members).toEqual([{ memberUid: "pansel-hartini", samples: 3, meanDeviation: 2125 }]);
    // Two candidates are too few to judge a member by.
    expect(
      spreadFlags(
        METRO_PLAN,
        marks.filter((m) => m.applicationId !== "c"),
      ).members,
    ).toEqual([]);
  });

  it("ignores imported components: the assessment centre's one figure has no spread", () => {
    const marks: Mark[] = [
      { applicationId: "a", componentId: "asesmen", memberUid: "import", marks: 100 },
      { applicationId: "a", componentId: "asesmen", memberUid: "other", marks: 39_900 },
    ];
    expect(spreadFlags(METRO_PLAN, marks)).toEqual({ threshold: 20, cells: [], members: [] });
  });

  it("does not depend on the order of the marks", () => {
    const marks = ["a", "b", "c", "d"].flatMap((id, i) => rekam(id, [50 + i * 7, 90 - i, 82, 61 + i * 3, 40 + i * 11]));
    const reference = JSON.stringify(spreadFlags(METRO_PLAN, marks));
    expect(JSON.stringify(spreadFlags(METRO_PLAN, [...marks].reverse()))).toBe(reference);
  });
});
