import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_PLAN } from "../selection/defaults.js";
import type { ScoringPlan } from "../selection/setup.js";
import { declarationIssues, expectedScores, postsOfMember } from "./declaration.js";

const none = { kind: "none" as const };
const family = { kind: "family" as const };

describe("expectedScores", () => {
  it("counts one score per candidate declared none and per committee component, in its stage", () => {
    const plan: Pick<ScoringPlan, "components"> = {
      components: [
        { ...DEFAULT_SCORING_PLAN.components[0]!, imported: { rawMax: 400 } },
        { ...DEFAULT_SCORING_PLAN.components[1]!, stage: "wawancara" },
        DEFAULT_SCORING_PLAN.components[2]!,
      ],
    };
    // 3 candidates, 1 recused, 2 committee components in wawancara, the assessment imported.
    expect(expectedScores(plan, [none, family, none])).toEqual({ wawancara: 4 });
    expect(expectedScores(DEFAULT_SCORING_PLAN, [none])).toEqual({
      asesmenManajerial: 1,
      kompetensiTeknis: 1,
      wawancara: 1,
      rekamJejak: 1,
    });
    expect(expectedScores(DEFAULT_SCORING_PLAN, [family])).toEqual({});
  });

  it("leaves out the stages already over: those scores can no longer be submitted", () => {
    expect(expectedScores(DEFAULT_SCORING_PLAN, [none, none], "wawancara")).toEqual({ wawancara: 2, rekamJejak: 2 });
    expect(expectedScores(DEFAULT_SCORING_PLAN, [none], "pengumumanAdministrasi")).toEqual({
      asesmenManajerial: 1,
      kompetensiTeknis: 1,
      wawancara: 1,
      rekamJejak: 1,
    });
  });
});

describe("who may declare", () => {
  const selection = {
    stage: "wawancara" as const,
    posts: [{ id: "bappeda" }, { id: "bpbd" }, { id: "dpkp" }] as never,
    postDecisions: { bpbd: "cancelPost" as const },
    panselUids: ["a", "b"],
    panselAssignments: { bappeda: ["a"] },
  };
  it("a committee member assigned to a live post, in a declaration stage", () => {
    expect(declarationIssues(selection, "a", "bappeda")).toEqual([]);
    expect(declarationIssues(selection, "b", "dpkp")).toEqual([]);
    expect(declarationIssues(selection, "c", "bappeda").map((i) => i.code)).toEqual(["err.conflict.notCommittee"]);
    expect(declarationIssues(selection, "b", "bappeda").map((i) => i.code)).toEqual(["err.conflict.notAssigned"]);
    expect(declarationIssues(selection, "a", "bpbd").map((i) => i.code)).toEqual(["err.conflict.postCancelled"]);
    expect(declarationIssues(selection, "a", "x").map((i) => i.code)).toEqual(["err.conflict.noPost"]);
    for (const stage of ["seleksiAdministrasi", "pemeringkatan", "dibatalkan"] as const) {
      expect(declarationIssues({ ...selection, stage }, "a", "bappeda").map((i) => i.code)).toEqual([
        "err.conflict.stage",
      ]);
    }
    expect(declarationIssues({ ...selection, stage: "pengumumanAdministrasi" }, "a", "bappeda")).toEqual([]);
  });
  it("lists a member's posts without cancelled ones or posts narrowed to others", () => {
    expect(postsOfMember(selection, "a").map((p) => p.id)).toEqual(["bappeda", "dpkp"]);
    expect(postsOfMember(selection, "b").map((p) => p.id)).toEqual(["dpkp"]);
    expect(postsOfMember(selection, "c")).toEqual([]);
  });
});
