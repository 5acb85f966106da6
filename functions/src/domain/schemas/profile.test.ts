import { describe, expect, it } from "vitest";
import { parseWith } from "../validation.js";
import { candidateProfile, profileCompleteness, PROFILE_LIMITS, type CandidateProfile } from "./profile.js";
import { FAUZI_INPUT } from "../../../../test/fixtures/metro2021Profile.js";

const TODAY = { year: 2021, month: 9, day: 20 };

const parse = (input: unknown) => parseWith(candidateProfile(TODAY), input);
const codes = (input: unknown) => {
  const r = parse(input);
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
};

describe("the candidate profile schema", () => {
  it("accepts a full profile and normalises the NIP and email", () => {
    const r = parse(FAUZI_INPUT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.nip).toBe("197203151998031004");
    expect(r.value.email).toBe("peserta@metrokota.demo");
    expect(r.value.posts[1]?.to).toBeUndefined();
  });

  it("refuses a birth date that differs from the NIP's, naming both dates", () => {
    const r = parse({ ...FAUZI_INPUT, birthDate: "1972-05-13" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        code: "err.profile.nipBirthMismatch",
        params: { birthDate: "1972-05-13", nipBirthDate: "1972-03-15" },
        field: "birthDate",
      },
    ]);
  });

  it("reports the NIP's own error for a wrong NIP", () => {
    expect(codes({ ...FAUZI_INPUT, nip: "19720315199803100" })).toEqual(["nip:err.nip.length"]);
    expect(codes({ ...FAUZI_INPUT, nip: "197203151998033004" })).toEqual(["nip:err.nip.sex"]);
  });

  it("refuses impossible dates and a post that ends before it starts", () => {
    expect(codes({ ...FAUZI_INPUT, golonganSince: "2018-02-30" })).toEqual(["golonganSince:err.profile.dateInvalid"]);
    const reversed = [{ name: "Camat Metro Pusat", type: "administrator", from: "2015-01-01", to: "2014-12-31" }];
    expect(codes({ ...FAUZI_INPUT, posts: reversed })).toEqual(["posts.0.to:err.profile.periodReversed"]);
  });

  it("accepts a post that starts and ends on the same day", () => {
    const oneDay = [{ name: "Plh. Kepala Bappeda", type: "jpt", from: "2020-06-01", to: "2020-06-01" }];
    expect(parse({ ...FAUZI_INPUT, posts: oneDay }).ok).toBe(true);
  });

  it("bounds every list and string", () => {
    const post = { name: "Staf", type: "pelaksana", from: "2000-01-01", to: "2000-12-31" };
    expect(codes({ ...FAUZI_INPUT, posts: Array(PROFILE_LIMITS.posts + 1).fill(post) })).toEqual([
      "posts:err.profile.tooMany",
    ]);
    expect(parse({ ...FAUZI_INPUT, posts: Array(PROFILE_LIMITS.posts).fill(post) }).ok).toBe(true);
    const edu = FAUZI_INPUT.education[0];
    expect(codes({ ...FAUZI_INPUT, education: Array(PROFILE_LIMITS.education + 1).fill(edu) })).toEqual([
      "education:err.profile.tooMany",
    ]);
    expect(codes({ ...FAUZI_INPUT, currentPost: "x".repeat(301) })).toEqual(["currentPost:err.profile.textLong"]);
    expect(codes({ ...FAUZI_INPUT, birthPlace: "   " })).toEqual(["birthPlace:err.profile.required"]);
  });

  it("refuses unknown levels, post types and SKP ratings", () => {
    expect(codes({ ...FAUZI_INPUT, education: [{ ...FAUZI_INPUT.education[0], level: "S4" }] })).toEqual([
      "education.0.level:err.input.invalid",
    ]);
    expect(codes({ ...FAUZI_INPUT, posts: [{ ...FAUZI_INPUT.posts[0], type: "eselon" }] })).toEqual([
      "posts.0.type:err.input.invalid",
    ]);
    expect(codes({ ...FAUZI_INPUT, performance: [{ year: 2020, rating: "Cukup" }] })).toEqual([
      "performance.0.rating:err.input.invalid",
    ]);
  });

  it("refuses a year rated twice", () => {
    const twice = [
      { year: 2020, rating: "Baik" },
      { year: 2020, rating: "Sangat Baik" },
    ];
    expect(codes({ ...FAUZI_INPUT, performance: twice })).toEqual(["performance:err.profile.skpYearTwice"]);
  });

  it.each([
    ["0812-7200-1534", true],
    ["+62 812 7200 1534", true],
    ["0721 41234", true],
    ["0721 412", false],
    ["12345", false],
    ["0812abc1534", false],
    ["+62 812 7200 1534 5678 90", false],
  ])("phone %s valid: %s", (phone, ok) => {
    expect(parse({ ...FAUZI_INPUT, phone }).ok).toBe(ok);
  });
});

describe("profileCompleteness", () => {
  const full = (): CandidateProfile => {
    const r = parse(FAUZI_INPUT);
    if (!r.ok) throw new Error("fixture");
    return r.value;
  };
  const signUpOnly = (): CandidateProfile => {
    const r = parse({ nip: FAUZI_INPUT.nip, name: FAUZI_INPUT.name, email: FAUZI_INPUT.email });
    if (!r.ok) throw new Error("fixture");
    return r.value;
  };

  it("is 100 % with nothing missing for a full profile", () => {
    expect(profileCompleteness(full())).toEqual({ missing: [], percent: 100 });
  });

  it("counts only the identity of a profile fresh from sign-up", () => {
    expect(profileCompleteness(signUpOnly())).toEqual({
      missing: ["birth", "rank", "currentPost", "posts", "education", "performance", "contact"],
      percent: 12,
    });
  });

  it("counts a half-filled section as missing", () => {
    const noTmt: CandidateProfile = { ...full(), golonganSince: undefined };
    expect(profileCompleteness(noTmt)).toEqual({ missing: ["rank"], percent: 87 });
    const oneYear: CandidateProfile = { ...full(), performance: [{ year: 2020, rating: "Baik" }] };
    expect(profileCompleteness(oneYear)).toEqual({ missing: ["performance"], percent: 87 });
  });

  it("drops by one section's share for each section missing", () => {
    const p: CandidateProfile = { ...full(), posts: [], education: [], phone: undefined, province: undefined };
    expect(profileCompleteness(p)).toEqual({ missing: ["currentPost", "posts", "education", "contact"], percent: 50 });
  });
});
