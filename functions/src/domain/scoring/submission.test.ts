import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../../../seed/metro2021.js";
import { parseWith } from "../validation.js";
import { isKetua, reopenScoreInput, scoringAccessIssues, submissionCheck, unlockedCountUpdate } from "./submission.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const selection = { ...METRO, stage: "kompetensiTeknis" as const, panselUids: ["m1", "m2"], panselAssignments: {} };
const application = { instansiId: METRO.instansiId, selectionId: "sel", postId: "bappeda", status: "ms" as const };
const access = {
  selectionId: "sel",
  selection,
  memberUid: "m1",
  application,
  kinds: { app: "none" as const },
  applicationId: "app",
  componentId: "makalah",
};
const codes = (a: Parameters<typeof scoringAccessIssues>[0]) => scoringAccessIssues(a).map((i) => i.code);

describe("scoringAccessIssues", () => {
  it("lets a declared, assigned member of the committee score the current stage's component", () => {
    expect(codes(access)).toEqual([]);
  });

  it.each([
    ["not on the committee", { memberUid: "m3" }, "err.score.notPansel"],
    ["no application", { application: undefined }, "err.score.notCandidate"],
    ["a TMS application", { application: { ...application, status: "tms" as const } }, "err.score.notCandidate"],
    [
      "another selection's application",
      { application: { ...application, selectionId: "x" } },
      "err.score.notCandidate",
    ],
    ["another tenant's application", { application: { ...application, instansiId: "x" } }, "err.score.notCandidate"],
    [
      "a post narrowed to others",
      { selection: { ...selection, panselAssignments: { bappeda: ["m2"] } } },
      "err.score.notAssigned",
    ],
    ["undeclared", { kinds: {} }, "err.score.undeclared"],
    ["no declaration at all", { kinds: undefined }, "err.score.undeclared"],
    ["recused", { kinds: { app: "family" as const } }, "err.score.recused"],
    ["an unknown component", { componentId: "x" }, "err.score.unknownComponent"],
    ["a component of another stage", { componentId: "wawancara" }, "err.score.otherStage"],
  ])("refuses %s", (_what, change, code) => {
    expect(codes({ ...access, ...change })).toEqual([code]);
  });

  it("refuses an imported component", () => {
    const components = METRO.scoringPlan.components.map((c) =>
      c.id === "makalah" ? { ...c, imported: { rawMax: 400 } } : c,
    );
    const imported = { ...selection, scoringPlan: { ...METRO.scoringPlan, components } };
    expect(codes({ ...access, selection: imported })).toEqual(["err.score.imported"]);
  });

  it("checks the entry as a submission only once access is granted", () => {
    const levels = { substansi: 75, "program-kerja": 90 };
    expect(submissionCheck(access, { levels, value: null, note: "" })).toMatchObject({
      ok: false,
      issues: [{ code: "err.score.incomplete" }],
    });
    expect(submissionCheck({ ...access, kinds: {} }, { levels, value: null, note: "" })).toMatchObject({
      ok: false,
      issues: [{ code: "err.score.undeclared" }],
    });
    const complete = { levels: { ...levels, presentasi: 60 }, value: null, note: "" };
    expect(submissionCheck(access, complete)).toEqual({ ok: true, marks: 22500 });
  });
});

describe("isKetua", () => {
  const pansel = [
    { name: "Ketua", origin: "internal" as const, position: "ketua" as const, affiliation: "", uid: "k" },
    { name: "Anggota", origin: "akademisi" as const, position: "anggota" as const, affiliation: "", uid: "a" },
  ];
  it("is the member named ketua by uid, nobody else", () => {
    expect(isKetua({ pansel }, "k")).toBe(true);
    expect(isKetua({ pansel }, "a")).toBe(false);
    expect(isKetua({ pansel: [{ ...pansel[0]!, uid: undefined }] }, "k")).toBe(false);
  });
});

describe("unlockedCountUpdate", () => {
  const counts = { unlockedScores: 5, unlockedScoresByStage: { wawancara: 2, kompetensiTeknis: 3 } };
  it("moves the total and the stage's count together", () => {
    expect(unlockedCountUpdate(counts, "wawancara", -1)).toEqual({
      "counts.unlockedScores": 4,
      "counts.unlockedScoresByStage.wawancara": 1,
    });
    expect(unlockedCountUpdate(counts, "rekamJejak", 1)).toEqual({
      "counts.unlockedScores": 6,
      "counts.unlockedScoresByStage.rekamJejak": 1,
    });
  });
  it("never goes below zero", () => {
    expect(unlockedCountUpdate({ unlockedScores: 0 }, "wawancara", -1)).toEqual({
      "counts.unlockedScores": 0,
      "counts.unlockedScoresByStage.wawancara": 0,
    });
  });
});

describe("reopenScoreInput", () => {
  const input = { requestId: "req-12345678", selectionId: "sel", scoreId: "a_b_c" };
  it("needs a reason of at least 10 characters, trimmed", () => {
    expect(parseWith(reopenScoreInput, { ...input, reason: "  terlalu  " }).ok).toBe(false);
    expect(parseWith(reopenScoreInput, input)).toMatchObject({
      ok: false,
      issues: [{ code: "err.score.reopenReason" }],
    });
    expect(parseWith(reopenScoreInput, { ...input, reason: "Salah tekan indikator." }).ok).toBe(true);
  });
});
