import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar.js";
import { PERMENPANRB_15_2019 } from "../regulation/profiles.js";
import { candidateProfile, type CandidateProfile } from "../schemas/profile.js";
import { defaultRequirements } from "../selection/defaults.js";
import { parseWith } from "../validation.js";
import {
  checkEligibility,
  effectiveLimits,
  requiredDays,
  tenureDays,
  type PostUnderCheck,
  type Requirement,
  type RequirementResult,
} from "./check.js";
import { FAUZI_INPUT } from "../../../../test/fixtures/metro2021Profile.js";

/** Kota Metro 2021: ages and tenures are counted at the registration deadline. */
const REFERENCE = calendarDate("2021-10-04");
const METRO_POST: PostUnderCheck = { level: "jptPratama", requirements: defaultRequirements(56) };
const PONTIANAK_SEKDA: PostUnderCheck = {
  level: "jptPratama",
  requirements: { ...defaultRequirements(56), minGolongan: "IV/c", minEducation: "S2", minYearsRelevant: 7 },
};

function profile(overrides: Partial<Record<string, unknown>> = {}): CandidateProfile {
  const r = parseWith(candidateProfile(), { ...FAUZI_INPUT, ...overrides });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function check(p: CandidateProfile, post: PostUnderCheck = METRO_POST, on = REFERENCE) {
  return checkEligibility(p, post, PERMENPANRB_15_2019, on);
}
function one(results: RequirementResult[], requirement: Requirement): RequirementResult {
  const r = results.find((x) => x.requirement === requirement);
  if (!r) throw new Error(requirement);
  return r;
}
const statusOf = (p: CandidateProfile, requirement: Requirement, post?: PostUnderCheck, on?: typeof REFERENCE) =>
  one(check(p, post, on), requirement).status;

describe("checkEligibility on a Kota Metro 2021 candidate", () => {
  it("gives one result per requirement; experience in the field stays for the verifier", () => {
    expect(check(profile())).toEqual([
      { requirement: "age", status: "met", code: "elig.age", params: { age: 49, max: 56, date: "2021-10-04" } },
      {
        requirement: "rank",
        status: "met",
        code: "elig.rank",
        params: { rank: "Pembina Tingkat I, IV/b", min: "Pembina, IV/a" },
      },
      { requirement: "education", status: "met", code: "elig.education", params: { level: "S2", min: "S1" } },
      { requirement: "yearsInPost", status: "met", code: "elig.yearsInPost.admin", params: { years: 7, min: 2 } },
      { requirement: "yearsRelevant", status: "unknown", code: "elig.experience.review", params: { years: 7, min: 5 } },
      {
        requirement: "performance",
        status: "met",
        code: "elig.performance",
        params: { from: 2019, to: 2020, min: "Baik" },
      },
    ]);
  });

  it("never says met for a profile fresh from sign-up: everything but the age is unknown", () => {
    const bare = parseWith(candidateProfile(), { nip: FAUZI_INPUT.nip, name: FAUZI_INPUT.name, email: "a@b.id" });
    if (!bare.ok) throw new Error("fixture");
    const results = check(bare.value);
    expect(results.map((r) => [r.requirement, r.status, r.code])).toEqual([
      ["age", "met", "elig.age"],
      ["rank", "unknown", "elig.rank.missing"],
      ["education", "unknown", "elig.education.missing"],
      ["yearsInPost", "unknown", "elig.posts.missing"],
      ["yearsRelevant", "unknown", "elig.posts.missing"],
      ["performance", "unknown", "elig.performance.missing"],
    ]);
  });
});

describe("age at the reference date, from the NIP", () => {
  // The limit is 56 whole years: a candidate is too old from their 57th birthday on.
  it.each([
    ["196410051990031001", "met", 56], // 57 tomorrow
    ["196410041990031001", "notMet", 57], // 57 on the reference date itself
    ["196410031990031001", "notMet", 57],
    ["196510041990031001", "met", 56], // 56 today: at the limit
    ["196510051990031001", "met", 55],
  ])("NIP %s is %s (age %i)", (nip, status, age) => {
    const p = profile({ nip, birthDate: undefined });
    const r = one(check(p), "age");
    expect([r.status, r.params["age"]]).toEqual([status, age]);
  });

  it("counts a 29 February birthday on 1 March in a common year", () => {
    const p = profile({ nip: "196402291990031001", birthDate: undefined });
    expect(statusOf(p, "age", METRO_POST, calendarDate("2021-02-28"))).toBe("met"); // still 56
    expect(statusOf(p, "age", METRO_POST, calendarDate("2021-03-01"))).toBe("notMet"); // 57
  });

  it("cannot tell the age from an invalid NIP (a stored profile from an older check)", () => {
    const p: CandidateProfile = { ...profile(), nip: "197213451998031004" };
    expect(one(check(p), "age")).toMatchObject({ status: "unknown", code: "elig.age.noNip" });
  });

  it("applies the stricter of the post's and the regulation's limit", () => {
    const younger: PostUnderCheck = { ...METRO_POST, requirements: { ...METRO_POST.requirements, maxAge: 50 } };
    const older: PostUnderCheck = { ...METRO_POST, requirements: { ...METRO_POST.requirements, maxAge: 60 } };
    const p = profile({ nip: "196510041990031001", birthDate: undefined }); // 56
    expect(one(check(p, younger), "age")).toMatchObject({ status: "notMet", params: { max: 50 } });
    // A post cannot ask less than the regulation: 60 still means 56.
    expect(one(check(p, older), "age")).toMatchObject({ status: "met", params: { max: 56 } });
  });
});

describe("rank", () => {
  it.each([
    ["III/d", "notMet"],
    ["IV/a", "met"],
    ["IV/b", "met"],
  ] as const)("%s against IV/a is %s", (golongan, status) => {
    expect(statusOf(profile({ golongan }), "rank")).toBe(status);
  });

  it("uses the post's higher minimum (Pontianak's Sekda asks IV/c)", () => {
    expect(statusOf(profile({ golongan: "IV/b" }), "rank", PONTIANAK_SEKDA)).toBe("notMet");
    expect(statusOf(profile({ golongan: "IV/c" }), "rank", PONTIANAK_SEKDA)).toBe("met");
  });

  it("uses the regulation's higher minimum for JPT Madya (IV/c)", () => {
    const madya: PostUnderCheck = { level: "jptMadya", requirements: defaultRequirements(56) };
    expect(effectiveLimits(madya, PERMENPANRB_15_2019).minGolongan).toBe("IV/c");
    expect(statusOf(profile({ golongan: "IV/b" }), "rank", madya)).toBe("notMet");
  });
});

describe("education", () => {
  const edu = (...levels: string[]) =>
    levels.map((level, i) => ({ level, field: "Administrasi", institution: "Universitas Lampung", year: 1995 + i }));

  it.each([
    [["SMA", "D3"], "S1", "notMet", "D3"],
    [["D4"], "S1", "met", "D4"], // sarjana terapan ranks with S1
    [["D4"], "S2", "notMet", "D4"],
    [["S1"], "S1", "met", "S1"],
    [["S1"], "S2", "notMet", "S1"],
    [["S2", "S1"], "S2", "met", "S2"], // the highest counts, in whatever order entered
    [["S3"], "S2", "met", "S3"],
  ])("%j against %s is %s (highest %s)", (levels, min, status, highest) => {
    const post: PostUnderCheck = {
      level: "jptPratama",
      requirements: { ...defaultRequirements(56), minEducation: min as "S1" | "S2" },
    };
    const r = one(check(profile({ education: edu(...levels) }), post), "education");
    expect([r.status, r.params["level"]]).toEqual([status, highest]);
  });
});

describe("years in administrator or JPT posts", () => {
  const admin = (from: string, to?: string) => ({ name: "Kepala Bagian", type: "administrator", from, to });

  it("meets two years exactly on the day before the anniversary, not a day less", () => {
    // From 5 October 2019 through 4 October 2021 is two years.
    expect(statusOf(profile({ posts: [admin("2019-10-05")] }), "yearsInPost")).toBe("met");
    expect(statusOf(profile({ posts: [admin("2019-10-06")] }), "yearsInPost")).toBe("notMet");
    expect(statusOf(profile({ posts: [admin("2019-10-05", "2021-10-03")] }), "yearsInPost")).toBe("notMet");
  });

  it("counts overlapping posts once", () => {
    // A definitive post and an acting one (Plt.) held together: 1 year + the overlap is not 2 years.
    const posts = [admin("2019-10-05", "2020-10-04"), { ...admin("2020-04-01", "2021-04-30"), type: "jpt" }];
    expect(tenureDays(posts, REFERENCE)).toBe(366 + 208);
    expect(statusOf(profile({ posts }), "yearsInPost")).toBe("notMet");
    // Adjacent periods join: the open current post completes the two years.
    const joined = [...posts, admin("2021-05-01")];
    expect(statusOf(profile({ posts: joined }), "yearsInPost")).toBe("met");
  });

  it("counts a post nested inside another once", () => {
    const posts = [admin("2018-01-01", "2020-12-31"), admin("2019-01-01", "2019-06-30")];
    expect(tenureDays(posts, REFERENCE)).toBe(tenureDays([admin("2018-01-01", "2020-12-31")], REFERENCE));
  });

  it("stops an open post and a later end at the reference date, and ignores posts after it", () => {
    expect(tenureDays([admin("2021-10-01")], REFERENCE)).toBe(4);
    expect(tenureDays([admin("2021-10-01", "2022-12-31")], REFERENCE)).toBe(4);
    expect(tenureDays([admin("2021-10-05")], REFERENCE)).toBe(0);
  });

  it("does not count functional, supervisory or staff posts", () => {
    const posts = [
      { name: "Analis Kebijakan Ahli Madya", type: "functional", from: "2010-01-01" },
      { name: "Kepala Subbagian Umum", type: "pengawas", from: "2005-01-01", to: "2009-12-31" },
    ];
    expect(one(check(profile({ posts })), "yearsInPost")).toMatchObject({ status: "notMet", params: { years: 0 } });
  });

  it("counts only JPT posts for a JPT Madya post", () => {
    const madya: PostUnderCheck = { level: "jptMadya", requirements: defaultRequirements(56) };
    const r = one(check(profile({ golongan: "IV/c" }), madya), "yearsInPost");
    expect(r).toMatchObject({ status: "notMet", code: "elig.yearsInPost.jpt", params: { years: 0, min: 2 } });
    const jpt = [{ name: "Kepala Bappeda", type: "jpt", from: "2019-10-05" }];
    expect(statusOf(profile({ posts: jpt }), "yearsInPost", madya)).toBe("met");
  });
});

describe("years of experience", () => {
  const post = (type: string, from: string, to?: string) => ({ name: "Jabatan", type, from, to });

  it("is not met when all posts together are too short, whatever the field", () => {
    // Five years from 5 October 2016; a day short of that is not met.
    const short = [post("pelaksana", "2016-10-06", "2018-12-31"), post("administrator", "2019-01-01")];
    expect(one(check(profile({ posts: short })), "yearsRelevant")).toMatchObject({
      status: "notMet",
      code: "elig.experience.short",
      params: { years: 4, min: 5 },
    });
    const enough = [post("pelaksana", "2016-10-05", "2018-12-31"), post("administrator", "2019-01-01")];
    expect(one(check(profile({ posts: enough })), "yearsRelevant")).toMatchObject({
      status: "unknown",
      code: "elig.experience.review",
      params: { years: 5, min: 5 },
    });
  });

  it("asks the post's longer minimum (Pontianak's Sekda: 7 years)", () => {
    expect(effectiveLimits(PONTIANAK_SEKDA, PERMENPANRB_15_2019).minYearsRelevant).toBe(7);
    const six = [post("administrator", "2015-10-05")];
    expect(statusOf(profile({ posts: six }), "yearsRelevant", PONTIANAK_SEKDA)).toBe("notMet");
  });
});

describe("performance ratings (SKP) of the last two years", () => {
  const skp = (...pairs: [number, string][]) => pairs.map(([year, rating]) => ({ year, rating }));

  it.each([
    [skp([2019, "Baik"], [2020, "Baik"]), "met", "elig.performance"],
    [skp([2019, "Sangat Baik"], [2020, "Sangat Baik"]), "met", "elig.performance"],
    [skp([2019, "Baik"], [2020, "Butuh Perbaikan"]), "notMet", "elig.performance.low"],
    [skp([2019, "Kurang"]), "notMet", "elig.performance.low"], // one bad year is enough to tell
    [skp([2019, "Baik"]), "unknown", "elig.performance.missing"],
    [skp([2018, "Baik"], [2019, "Baik"]), "unknown", "elig.performance.missing"], // 2018 is too old
    [skp([2020, "Baik"], [2021, "Sangat Baik"]), "unknown", "elig.performance.missing"], // 2021 not yet rated
  ])("%j is %s", (performance, status, code) => {
    expect(one(check(profile({ performance })), "performance")).toMatchObject({ status, code });
  });

  it("names the year and the rating that fall short", () => {
    const r = one(check(profile({ performance: skp([2019, "Baik"], [2020, "Sangat Kurang"]) })), "performance");
    expect(r.params).toEqual({ year: 2020, rating: "Sangat Kurang", min: "Baik" });
  });
});

describe("requiredDays", () => {
  it("counts the whole years ending on the reference date", () => {
    expect(requiredDays(0, REFERENCE)).toBe(0);
    expect(requiredDays(1, REFERENCE)).toBe(365);
    expect(requiredDays(2, REFERENCE)).toBe(731); // across 29 February 2020
    expect(requiredDays(1.5, REFERENCE)).toBe(365 + 183);
  });
});
