import { describe, expect, it } from "vitest";
import { checkSetup } from "@domain/selection/checks";
import { emptySetup } from "@domain/selection/defaults";
import { DEFAULT_PROFILE } from "@domain/regulation/profiles";
import { selectionSetup, type SelectionSetup } from "@domain/selection/setup";
import {
  draftPart,
  fromSetup,
  newComponent,
  newIndicator,
  newLevel,
  newMember,
  newPost,
  nextBaseline,
  readNumber,
  stepOfField,
  toSetup,
  turnRubricOn,
  type SetupForm,
} from "./form";

function stored(): SelectionSetup {
  const setup = emptySetup(2026, DEFAULT_PROFILE.id);
  setup.title = "Seleksi Terbuka JPT Pratama Kota Serang Tahun 2026";
  setup.posts = [
    {
      id: "kepala-bappeda",
      name: "Kepala Badan Perencanaan Pembangunan Daerah",
      opd: "Bappeda",
      level: "jptPratama",
      requirements: {
        minGolongan: "IV/a",
        minEducation: "S2",
        minYearsInPost: 2,
        minYearsRelevant: 5,
        maxAge: 56,
        extraConditions: ["Sehat jasmani dan rohani"],
        documents: [{ id: "ijazah", label: "Ijazah", required: true, formats: ["pdf"], maxSizeKb: 2048 }],
      },
    },
  ];
  setup.schedule = { pendaftaran: { start: "2026-12-07", end: "2026-12-21" } };
  setup.pansel = [
    { name: "Prof. Dr. Ahmad Sihabudin", origin: "akademisi", position: "ketua", affiliation: "Untirta", uid: "u1" },
  ];
  return setup;
}

const edit = (form: SetupForm, recipe: (f: SetupForm) => void): SetupForm => {
  const next = structuredClone(form);
  recipe(next);
  return next;
};

describe("the wizard's form", () => {
  it("gives back the stored setup unchanged when nothing was edited", () => {
    const setup = stored();
    const { form, baseline } = fromSetup(setup);
    const result = toSetup(form, baseline);
    expect(result.problems).toEqual([]);
    expect(result.save).toEqual(setup);
    expect(result.check).toEqual(setup);
  });

  it("saves what a stage's result publishes of the scores only once chosen, and keeps it", () => {
    const setup = stored();
    const { form, baseline } = fromSetup(setup);
    expect(form.publishScores).toBe("none");
    expect("publishScores" in toSetup(form, baseline).save.scoringPlan).toBe(false);
    const chosen = toSetup(
      edit(form, (f) => void (f.publishScores = "total")),
      baseline,
    ).save;
    expect(chosen.scoringPlan.publishScores).toBe("total");
    expect(selectionSetup.safeParse(chosen).success).toBe(true);
    const again = fromSetup(chosen);
    expect(again.form.publishScores).toBe("total");
    expect(toSetup(again.form, again.baseline).save.scoringPlan.publishScores).toBe("total");
  });

  it("carries a component's cut-off by number through unchanged", () => {
    const setup = stored();
    setup.scoringPlan.components[0]!.advancePerPost = 6;
    const { form, baseline } = fromSetup(setup);
    expect(toSetup(form, baseline).save.scoringPlan).toEqual(setup.scoringPlan);
    expect("advancePerPost" in toSetup(form, baseline).save.scoringPlan.components[1]!).toBe(false);
  });

  it("takes a cut-off typed by the operator, and keeps a wrong one on screen without saving it", () => {
    const setup = stored();
    setup.scoringPlan.components[0]!.advancePerPost = 6;
    const { form, baseline } = fromSetup(setup);
    form.components[1]!.advancePerPost = "4";
    expect(toSetup(form, baseline).save.scoringPlan.components[1]!.advancePerPost).toBe(4);

    form.components[0]!.advancePerPost = "enam";
    const wrong = toSetup(form, baseline);
    expect(wrong.problems).toContainEqual({
      field: "scoringPlan.components.0.advancePerPost",
      code: "setup.notNumber",
      params: { value: "enam" },
    });
    expect(wrong.save.scoringPlan.components[0]!.advancePerPost).toBe(6); // the last saved value stays
    expect(form.components[0]!.advancePerPost).toBe("enam"); // and what was typed stays on screen

    form.components[0]!.advancePerPost = "";
    expect("advancePerPost" in toSetup(form, baseline).save.scoringPlan.components[0]!).toBe(false);
  });

  it("reads numbers as people type them, with the decimal comma", () => {
    expect(readNumber("33,3")).toBe(33.3);
    expect(readNumber(" 40 ")).toBe(40);
    expect(readNumber("-1")).toBe(-1);
    expect(readNumber("")).toBeUndefined();
    expect(readNumber("empat puluh")).toBeUndefined();
    expect(readNumber("4O")).toBeUndefined();
  });

  it("keeps a weight typed as text in the form, saves the weight saved before and says why", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      f.components[1]!.weight = "dua puluh";
    });
    const result = toSetup(typed, baseline);
    expect(typed.components[1]!.weight).toBe("dua puluh");
    expect(result.save.scoringPlan.components[1]!.weight).toBe(25);
    expect(result.problems).toEqual([
      { field: "scoringPlan.components.1.weight", code: "setup.notNumber", params: { value: "dua puluh" } },
    ]);
  });

  it("saves a weight that breaks the sum, and the checks name the sum", () => {
    const { form, baseline } = fromSetup(stored());
    const result = toSetup(
      edit(form, (f) => {
        f.components[2]!.weight = "20";
      }),
      baseline,
    );
    expect(result.problems).toEqual([]);
    expect(result.save.scoringPlan.components[2]!.weight).toBe(20);
    const { errors } = checkSetup(result.check, DEFAULT_PROFILE);
    expect(errors).toContainEqual(expect.objectContaining({ code: "err.setup.weightsSum", params: { sum: 95 } }));
  });

  it("holds back a new member without a name but counts them in the checks", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      f.pansel.push(newMember("anggota"));
    });
    const result = toSetup(typed, baseline);
    expect(result.heldBack).toBe(1);
    expect(result.save.pansel).toHaveLength(1);
    expect(result.check.pansel).toHaveLength(2);
    expect(result.problems).toEqual([{ field: "pansel.1.name", code: "setup.tooShort", params: { min: 3 } }]);
    expect(checkSetup(result.check, DEFAULT_PROFILE).errors).toContainEqual(
      expect.objectContaining({ code: "err.setup.panselEven", field: "pansel" }),
    );
  });

  it("keeps the saved name of a post whose name was cleared, matched by row and not by position", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      f.posts.unshift(newPost(56));
      f.posts[1]!.name = "";
    });
    const result = toSetup(typed, baseline);
    // The new post above it has no name yet and waits; the old one keeps its name.
    expect(result.save.posts.map((p) => p.name)).toEqual(["Kepala Badan Perencanaan Pembangunan Daerah"]);
    expect(result.problems.map((p) => p.field)).toEqual(["posts.0.name", "posts.0.opd", "posts.1.name"]);
  });

  it("keeps the saved dates of a stage whose pair is half filled", () => {
    const { form, baseline } = fromSetup(stored());
    const result = toSetup(
      edit(form, (f) => {
        f.schedule.pendaftaran.end = "";
        f.schedule.seleksiAdministrasi = { start: "2026-12-22", end: "" };
      }),
      baseline,
    );
    expect(result.save.schedule).toEqual({ pendaftaran: { start: "2026-12-07", end: "2026-12-21" } });
    expect(result.problems.map((p) => p.field)).toEqual(["schedule.pendaftaran", "schedule.seleksiAdministrasi"]);
  });

  it("leaves out an empty minimum score instead of writing undefined", () => {
    const { form, baseline } = fromSetup(stored());
    const result = toSetup(
      edit(form, (f) => {
        f.components[0]!.minScore = "";
      }),
      baseline,
    );
    expect("minScore" in result.save.scoringPlan.components[0]!).toBe(false);
  });

  it("always writes something the stored schema takes, whatever was typed", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      f.title = "";
      f.year = "dua ribu";
      f.referenceDate = "";
      f.openTo = "x".repeat(400);
      f.legalBasis.push("y".repeat(600));
      f.posts.push(newPost(56));
      f.posts[0]!.maxAge = "70";
      f.posts[0]!.minYearsInPost = "-1";
      f.posts[0]!.documents[0]!.formats = [];
      f.posts[0]!.documents[0]!.maxSizeKb = "10";
      f.posts[0]!.documents[0]!.label = "";
      f.components = [];
      f.components.push(newComponent("wawancara"));
      f.components[0]!.scaleMax = "";
      f.components[0]!.minScore = "tinggi";
      f.components[0]!.label = "Wawancara";
      turnRubricOn(f.components[0]!);
      f.components[0]!.indicators.push(newIndicator(), newIndicator());
      f.components[0]!.indicators[1]!.label = "y".repeat(400);
      f.components[0]!.levels.push(newLevel(), newLevel());
      f.components[0]!.levels[0]!.score = "sembilan puluh";
      f.components[0]!.levels[1]!.score = "80";
      f.components[0]!.levels[1]!.label = "z".repeat(200);
      f.components[0]!.levels[1]!.description = "d".repeat(2000);
      f.finalistsPerPost = "0";
      f.pansel[0]!.name = "A";
    });
    const result = toSetup(typed, baseline);
    expect(selectionSetup.safeParse(result.save).success).toBe(true);
    expect(result.save.title).toBe(baseline.setup.title);
    expect(result.save.posts[0]!.requirements.maxAge).toBe(56);
    expect(result.save.posts[0]!.requirements.documents[0]).toEqual(baseline.setup.posts[0]!.requirements.documents[0]);
    expect(result.save.pansel[0]!.name).toBe("Prof. Dr. Ahmad Sihabudin");
    expect(result.save.scoringPlan.components[0]!.rubric).toEqual({ indicators: [], levels: [] });
  });

  it("writes each step's part, with the pansel's accounts beside its members", () => {
    const setup = stored();
    expect(Object.keys(draftPart(setup, ["jadwal"]))).toEqual(["schedule"]);
    expect(draftPart(setup, ["pansel"])).toEqual({ pansel: setup.pansel, panselUids: ["u1"] });
    expect(Object.keys(draftPart(setup, ["umum"]))).toContain("stagesUsed");
  });

  it("falls back to what was last written, not to what was first loaded", () => {
    const { form, baseline } = fromSetup(stored());
    const first = edit(form, (f) => {
      f.components[0]!.weight = "35";
    });
    const saved = nextBaseline(baseline, toSetup(first, baseline), new Set(["penilaian"]));
    const second = edit(first, (f) => {
      f.components[0]!.weight = "tiga puluh";
    });
    expect(toSetup(second, saved).save.scoringPlan.components[0]!.weight).toBe(35);
  });

  it("sends every finding to the step of its input", () => {
    expect(stepOfField("posts.1.requirements.maxAge")).toBe("jabatan");
    expect(stepOfField("schedule.pendaftaran")).toBe("jadwal");
    expect(stepOfField("scoringPlan.components")).toBe("penilaian");
    expect(stepOfField("pansel")).toBe("pansel");
    expect(stepOfField("referenceDate")).toBe("umum");
    expect(stepOfField(undefined)).toBe("umum");
  });
});

describe("the wizard's rubrics", () => {
  /** The interview, scored by the default rubric: 90, 75, 60, 40. */
  const INTERVIEW = 2;
  const at = `scoringPlan.components.${INTERVIEW}`;

  it("reads the default rubric into the form and gives it back unchanged", () => {
    const setup = stored();
    const { form, baseline } = fromSetup(setup);
    const interview = form.components[INTERVIEW]!;
    expect(interview.rubricOn).toBe(true);
    expect(interview.indicators.map((x) => x.label)).toContain("Integritas");
    expect(interview.levels.map((l) => l.score)).toEqual(["90", "75", "60", "40"]);
    expect(form.components[3]!.rubricOn).toBe(false);
    expect(toSetup(form, baseline).save.scoringPlan).toEqual(setup.scoringPlan);
  });

  it("keeps a score typed as text in the form and saves the score saved before", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      f.components[INTERVIEW]!.levels[1]!.score = "tujuh lima";
    });
    const result = toSetup(typed, baseline);
    expect(typed.components[INTERVIEW]!.levels[1]!.score).toBe("tujuh lima");
    expect(result.save.scoringPlan.components[INTERVIEW]!.rubric!.levels[1]!.score).toBe(75);
    expect(result.problems).toEqual([
      { field: `${at}.rubric.levels.1.score`, code: "setup.notNumber", params: { value: "tujuh lima" } },
    ]);
  });

  it("saves a duplicated score, which the checks name beside its input", () => {
    const { form, baseline } = fromSetup(stored());
    const result = toSetup(
      edit(form, (f) => {
        f.components[INTERVIEW]!.levels[2]!.score = "75";
      }),
      baseline,
    );
    expect(result.problems).toEqual([]);
    expect(result.save.scoringPlan.components[INTERVIEW]!.rubric!.levels.map((l) => l.score)).toEqual([90, 75, 75, 40]);
    expect(checkSetup(result.check, DEFAULT_PROFILE).errors).toContainEqual(
      expect.objectContaining({ code: "err.setup.rubricLevelDuplicate", field: `${at}.rubric.levels.2.score` }),
    );
  });

  it("holds back a new level without a score, and points the checks' findings at the right inputs", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      const levels = f.components[INTERVIEW]!.levels;
      levels.unshift(newLevel());
      levels[0]!.label = "Istimewa";
      levels[4]!.score = "120";
    });
    const result = toSetup(typed, baseline);
    expect(result.heldBack).toBe(1);
    expect(result.save.scoringPlan.components[INTERVIEW]!.rubric!.levels.map((l) => l.score)).toEqual([
      90, 75, 60, 120,
    ]);
    expect(result.problems).toEqual([{ field: `${at}.rubric.levels.0.score`, code: "setup.required" }]);
    // The level scored 120 is the fourth checked but the fifth in the form.
    const outside = checkSetup(result.check, DEFAULT_PROFILE).errors.find(
      (f) => f.code === "err.setup.rubricLevelOutside",
    );
    expect(outside?.field).toBe(`${at}.rubric.levels.3.score`);
    expect(result.formField(outside!.field!)).toBe(`${at}.rubric.levels.4.score`);
    expect(result.formField(`${at}.weight`)).toBe(`${at}.weight`);
  });

  it("holds back a new indicator until it has a label, and keeps the saved label of a cleared one", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      const indicators = f.components[INTERVIEW]!.indicators;
      indicators[0]!.label = "";
      indicators.push(newIndicator());
    });
    const result = toSetup(typed, baseline);
    expect(result.heldBack).toBe(1);
    expect(result.save.scoringPlan.components[INTERVIEW]!.rubric!.indicators).toEqual(
      baseline.setup.scoringPlan.components[INTERVIEW]!.rubric!.indicators,
    );
    expect(result.problems.map((p) => p.field)).toEqual([
      `${at}.rubric.indicators.0.label`,
      `${at}.rubric.indicators.4.label`,
    ]);
  });

  it("writes no rubric when it is turned off, and brings back what was typed when it is turned on again", () => {
    const { form, baseline } = fromSetup(stored());
    const off = edit(form, (f) => {
      f.components[INTERVIEW]!.rubricOn = false;
    });
    expect("rubric" in toSetup(off, baseline).save.scoringPlan.components[INTERVIEW]!).toBe(false);
    const on = edit(off, (f) => turnRubricOn(f.components[INTERVIEW]!));
    expect(toSetup(on, baseline).save.scoringPlan).toEqual(baseline.setup.scoringPlan);
  });

  it("starts a new rubric from the usual levels when they fit the scale", () => {
    const { form, baseline } = fromSetup(stored());
    const typed = edit(form, (f) => {
      turnRubricOn(f.components[3]!);
      const fivePoint = newComponent("wawancara");
      fivePoint.scaleMin = "1";
      fivePoint.scaleMax = "5";
      turnRubricOn(fivePoint);
      f.components.push(fivePoint);
    });
    expect(typed.components[3]!.levels.map((l) => l.label)).toEqual(["Sangat baik", "Baik", "Cukup", "Kurang"]);
    expect(typed.components[4]!.levels).toEqual([]);
    const result = toSetup(typed, baseline);
    expect(result.save.scoringPlan.components[3]!.rubric).toEqual({
      indicators: [],
      levels: expect.arrayContaining([expect.objectContaining({ score: 90 })]),
    });
    expect(selectionSetup.safeParse(result.save).success).toBe(true);
  });

  it("falls back to the level last written", () => {
    const { form, baseline } = fromSetup(stored());
    const first = edit(form, (f) => {
      f.components[INTERVIEW]!.levels[3]!.score = "45";
    });
    const saved = nextBaseline(baseline, toSetup(first, baseline), new Set(["penilaian"]));
    const second = edit(first, (f) => {
      f.components[INTERVIEW]!.levels[3]!.score = "";
    });
    expect(toSetup(second, saved).save.scoringPlan.components[INTERVIEW]!.rubric!.levels[3]!.score).toBe(45);
  });
});

describe("who may apply (openToRule)", () => {
  it("round-trips the rule through the form", () => {
    const setup = stored();
    setup.openToRule = { scope: "province", province: "Banten", conditions: ["Telah mengikuti uji kompetensi"] };
    const { form, baseline } = fromSetup(setup);
    expect([form.openToScope, form.openToName, form.openToConditions]).toEqual([
      "province",
      "Banten",
      ["Telah mengikuti uji kompetensi"],
    ]);
    const out = toSetup(
      edit(form, (f) => f.openToConditions.push("  ")),
      baseline,
    );
    expect(out.problems).toEqual([]);
    expect(out.save.openToRule).toEqual(setup.openToRule);
    expect(draftPart(out.save, ["umum"]).openToRule).toEqual(setup.openToRule);
    expect(selectionSetup.safeParse(out.save).success).toBe(true);
  });

  it("refuses a scope without its name beside the field, keeping the rule saved before", () => {
    const setup = stored();
    setup.openToRule = { scope: "national", conditions: [] };
    const { form, baseline } = fromSetup(setup);
    const out = toSetup(
      edit(form, (f) => {
        f.openToScope = "instansi";
        f.openToName = "  ";
      }),
      baseline,
    );
    expect(out.problems).toEqual([{ field: "openToRule.instansiName", code: "err.openTo.nameRequired" }]);
    expect(out.save.openToRule).toEqual({ scope: "national", conditions: [] });
    const named = toSetup(
      edit(form, (f) => {
        f.openToScope = "instansi";
        f.openToName = " Pemerintah Kota Serang ";
      }),
      baseline,
    );
    expect(named.save.openToRule).toEqual({
      scope: "instansi",
      instansiName: "Pemerintah Kota Serang",
      conditions: [],
    });
    expect(
      toSetup(
        edit(form, (f) => (f.openToScope = "")),
        baseline,
      ).save.openToRule,
    ).toBeNull();
  });
});

describe("a second verifier (secondVerifier)", () => {
  it("reads an absent switch as off, and saves the operator's choice with the general step", () => {
    const setup = stored();
    delete setup.secondVerifier;
    const { form, baseline } = fromSetup(setup);
    expect(form.secondVerifier).toBe(false);
    // Untouched, it stays absent, and the step's write does not carry it (the callable would send null).
    const untouched = toSetup(form, baseline).save;
    expect("secondVerifier" in untouched).toBe(false);
    expect("secondVerifier" in draftPart(untouched, ["umum"])).toBe(false);

    const on = toSetup(
      edit(form, (f) => (f.secondVerifier = true)),
      baseline,
    );
    expect(on.problems).toEqual([]);
    expect(on.save.secondVerifier).toBe(true);
    expect(draftPart(on.save, ["umum"]).secondVerifier).toBe(true);
    // Only the general step writes it: saving another step leaves it as stored.
    expect("secondVerifier" in draftPart(on.save, ["pansel"])).toBe(false);
    expect(selectionSetup.safeParse(on.save).success).toBe(true);

    const back = fromSetup(on.save).form;
    expect(back.secondVerifier).toBe(true);
    expect(
      toSetup(
        edit(back, (f) => (f.secondVerifier = false)),
        fromSetup(on.save).baseline,
      ).save.secondVerifier,
    ).toBe(false);
  });
});
