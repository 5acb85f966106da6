import { describe, expect, it } from "vitest";
import { checkSetup } from "../../../../../functions/src/domain/selection/checks";
import { emptySetup } from "../../../../../functions/src/domain/selection/defaults";
import { DEFAULT_PROFILE } from "../../../../../functions/src/domain/regulation/profiles";
import { selectionSetup, type SelectionSetup } from "../../../../../functions/src/domain/selection/setup";
import {
  draftPart,
  fromSetup,
  newComponent,
  newMember,
  newPost,
  nextBaseline,
  readNumber,
  stepOfField,
  toSetup,
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
      f.finalistsPerPost = "0";
      f.pansel[0]!.name = "A";
    });
    const result = toSetup(typed, baseline);
    expect(selectionSetup.safeParse(result.save).success).toBe(true);
    expect(result.save.title).toBe(baseline.setup.title);
    expect(result.save.posts[0]!.requirements.maxAge).toBe(56);
    expect(result.save.posts[0]!.requirements.documents[0]).toEqual(baseline.setup.posts[0]!.requirements.documents[0]);
    expect(result.save.pansel[0]!.name).toBe("Prof. Dr. Ahmad Sihabudin");
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
