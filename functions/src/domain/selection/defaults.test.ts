import { describe, expect, it } from "vitest";
import { checkScoringPlan } from "./checks.js";
import { DEFAULT_RUBRIC_LEVELS, DEFAULT_SCORING_PLAN, draftProfileId, emptySetup } from "./defaults.js";
import { DEFAULT_PROFILE_ID, EXAMPLE_LATER_PROFILE, PROFILES } from "../regulation/profiles.js";
import { scoringPlan, selectionSetup } from "./setup.js";

describe("the defaults", () => {
  it("make a scoring plan the schema takes and the checks find nothing in", () => {
    expect(scoringPlan.safeParse(DEFAULT_SCORING_PLAN).success).toBe(true);
    expect(checkScoringPlan(DEFAULT_SCORING_PLAN)).toEqual([]);
  });

  it("score the paper and the interview by rubric, from the highest level down", () => {
    const rubrics = DEFAULT_SCORING_PLAN.components.filter((c) => c.rubric).map((c) => c.id);
    expect(rubrics).toEqual(["makalah", "wawancara"]);
    for (const c of DEFAULT_SCORING_PLAN.components) {
      if (!c.rubric) continue;
      expect(c.rubric.indicators.length).toBeGreaterThanOrEqual(3);
      expect(new Set(c.rubric.indicators.map((i) => i.id)).size).toBe(c.rubric.indicators.length);
      const scores = c.rubric.levels.map((l) => l.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(c.rubric.levels.every((l) => l.label !== "" && l.description !== "")).toBe(true);
    }
  });

  it("offer rubric levels inside the default scale", () => {
    const plan = structuredClone(DEFAULT_SCORING_PLAN);
    plan.components[0]!.rubric = { indicators: [], levels: [...DEFAULT_RUBRIC_LEVELS] };
    expect(checkScoringPlan(plan)).toEqual([]);
  });

  it("give a new draft its own copy of the plan", () => {
    const setup = emptySetup(2026, "permenpanrb-15-2019");
    expect(selectionSetup.safeParse(setup).success).toBe(true);
    setup.scoringPlan.components[1]!.rubric!.levels[0]!.score = 1;
    expect(DEFAULT_SCORING_PLAN.components[1]!.rubric!.levels[0]!.score).toBe(90);
  });
});

describe("draftProfileId", () => {
  const day = (year: number, month: number, d: number) => ({ year, month, day: d });
  const withLater = [...PROFILES, EXAMPLE_LATER_PROFILE];

  it("picks the profile in force on the day the draft is made", () => {
    expect(draftProfileId(day(2026, 6, 30), withLater)).toBe(DEFAULT_PROFILE_ID);
    expect(draftProfileId(day(2026, 7, 1), withLater)).toBe(EXAMPLE_LATER_PROFILE.id);
  });

  it("falls back to the default before any profile is in force", () => {
    expect(draftProfileId(day(2018, 12, 31))).toBe(DEFAULT_PROFILE_ID);
  });
});
