import { describe, expect, it } from "vitest";
import { candidateProfile } from "@domain/schemas/profile";
import { FAUZI_INPUT } from "../../../../../test/fixtures/metro2021Profile";
import { checkForm, emptyPerformance, formCompleteness, formFrom, inputId, issuesAt, profileInput } from "./form";

const TODAY = { year: 2026, month: 12, day: 2 };

describe("the profile form", () => {
  it("stands for the same profile it was filled from", () => {
    const stored = candidateProfile(TODAY).parse(FAUZI_INPUT);
    const checked = checkForm(formFrom(stored), TODAY);
    expect(checked).toEqual({ ok: true, profile: stored });
    expect(formCompleteness(formFrom(stored))).toEqual({ missing: [], percent: 100 });
  });

  it("reads a profile from sign-up, with the old originInstansi, and says what is missing", () => {
    const form = formFrom({
      nip: "197203151998031004",
      name: "Drs. Ahmad Fauzi, M.Si.",
      email: "peserta@metrokota.demo",
      birthDate: "1972-03-15",
      golongan: "IV/b",
      currentPost: "Sekretaris Bappeda",
      originInstansi: "Pemerintah Kota Metro",
    });
    expect(form.currentInstansi).toBe("Pemerintah Kota Metro");
    expect(formCompleteness(form)).toEqual({
      missing: ["birth", "rank", "currentPost", "posts", "education", "performance", "contact"],
      percent: 12,
    });
    expect(checkForm(form, TODAY).ok).toBe(true);
  });

  it("leaves empty optional fields out and keeps a year typed wrong for the schema to name", () => {
    const form = formFrom(candidateProfile(TODAY).parse(FAUZI_INPUT));
    form.phone = "  ";
    form.performance = [{ ...emptyPerformance(), year: "20x4" }];
    const input = profileInput(form);
    expect("phone" in input).toBe(false);
    expect(input["performance"]).toEqual([{ year: "20x4", rating: "Baik" }]);
    const checked = checkForm(form, TODAY);
    expect(checked.ok ? [] : checked.issues.map((i) => [i.code, i.field])).toEqual([
      ["err.profile.year", "performance.0.year"],
    ]);
  });

  it("puts the birth date the NIP contradicts beside the birth date input", () => {
    const form = formFrom(candidateProfile(TODAY).parse(FAUZI_INPUT));
    form.birthDate = "1972-05-13";
    const checked = checkForm(form, TODAY);
    const issues = checked.ok ? [] : checked.issues;
    expect(issuesAt(issues, "birthDate").map((i) => i.code)).toEqual(["err.profile.nipBirthMismatch"]);
    expect(inputId("birthDate")).toBe("pf-birthDate");
    expect(inputId("profile.posts.0.to")).toBe("pf-posts-0-to");
    expect(issuesAt([{ code: "err.profile.nipFixed", field: "profile.nip" }], "nip")).toHaveLength(1);
  });
});
