import { describe, it, expect } from "vitest";
import {
  DEFAULT_PROFILE,
  DEFAULT_PROFILE_ID,
  EXAMPLE_LATER_PROFILE,
  EXAMPLE_PROFILES,
  PERMENPANRB_15_2019,
  PROFILES,
  profileById,
  profileInForce,
} from "./profiles.js";
import type { RegulationProfile } from "./profile.js";
import { compareDates, parseIsoDate, type CalendarDate } from "../calendar.js";
import { compareGolongan } from "../ranks.js";
import { isStage } from "../stages.js";

const ALL: readonly RegulationProfile[] = [...PROFILES, ...EXAMPLE_PROFILES];

function date(iso: string): CalendarDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
}

/** Every `cite` in a profile, with where it sits, so none can be left empty. */
function citations(profile: RegulationProfile): [string, string][] {
  const found: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== "object") return;
    for (const [k, v] of Object.entries(value)) {
      if ((k === "cite" || k.endsWith("Cite")) && typeof v === "string") found.push([`${path}${k}`, v]);
      else walk(v, `${path}${k}.`);
    }
  };
  walk(profile, "");
  return found;
}

describe.each(ALL.map((p) => [p.id, p] as const))("profile %s is well-formed", (_id, profile) => {
  it("has dates that exist, effectiveTo after effectiveFrom", () => {
    const from = parseIsoDate(profile.effectiveFrom);
    expect(from).toBeDefined();
    if (profile.effectiveTo !== undefined) {
      const to = parseIsoDate(profile.effectiveTo);
      expect(to).toBeDefined();
      expect(compareDates(to!, from!)).toBeGreaterThan(0);
    }
  });

  it("cites a source for every rule", () => {
    const cites = citations(profile);
    // pansel, panselRoles, registration, applicants, 2 eligibility levels, election gate (2), rotation (2),
    // objections, assessment validity, governor consultation, final report (2: the deadline, the authority)
    expect(cites.length).toBe(15);
    for (const [where, cite] of cites) expect(cite.trim().length, where).toBeGreaterThan(5);
  });

  it("has a pansel rule that some pansel can meet", () => {
    const { minMembers, maxMembers, oddOnly, maxInternalPercent } = profile.pansel;
    expect(minMembers).toBeGreaterThan(0);
    expect(maxMembers).toBeGreaterThanOrEqual(minMembers);
    if (oddOnly) expect(minMembers % 2).toBe(1);
    expect(maxInternalPercent).toBeGreaterThan(0);
    expect(maxInternalPercent).toBeLessThanOrEqual(100);
  });

  it("has positive periods and a way out after the last extension", () => {
    expect(profile.registration.minDays).toBeGreaterThan(0);
    expect(profile.applicants.minPerPost).toBeGreaterThan(0);
    expect(profile.applicants.extensionDays).toBeGreaterThan(0);
    expect(profile.applicants.maxExtensions).toBeGreaterThanOrEqual(0);
    expect(profile.applicants.afterLastExtension.length).toBeGreaterThan(0);
    expect(profile.rotation.poorPerformanceProtectedMonths).toBeLessThanOrEqual(profile.rotation.protectedMonths);
    expect(isStage(profile.electionGate.approvalBeforeStage)).toBe(true);
    expect(profile.electionGate.monthsBeforeCandidatePairs).toBeGreaterThan(0);
  });

  it("says how its days are counted, and counts extensions as it counts registration", () => {
    expect(profile.registration.daysAre).toBe("calendar");
    expect(profile.applicants.extensionDaysAre).toBe(profile.registration.daysAre);
  });

  it("asks at least as much of a JPT Madya candidate as of a JPT Pratama one", () => {
    const { jptPratama, jptMadya } = profile.eligibility;
    expect(compareGolongan(jptMadya.minGolongan, jptPratama.minGolongan)).toBeGreaterThanOrEqual(0);
    expect(jptMadya.minYearsRelevant).toBeGreaterThanOrEqual(jptPratama.minYearsRelevant);
  });
});

describe("the default profile, Permenpan RB No. 15 Tahun 2019", () => {
  it("is the default and the only profile in force", () => {
    expect(DEFAULT_PROFILE).toBe(PERMENPANRB_15_2019);
    expect(DEFAULT_PROFILE.id).toBe(DEFAULT_PROFILE_ID);
    expect(DEFAULT_PROFILE_ID).toBe("permenpanrb-15-2019");
    expect(PROFILES).toEqual([PERMENPANRB_15_2019]);
  });

  it("carries the issue's numbers", () => {
    expect(DEFAULT_PROFILE.pansel).toMatchObject({
      minMembers: 5,
      maxMembers: 9,
      oddOnly: true,
      maxInternalPercent: 45,
    });
    expect(DEFAULT_PROFILE.registration.minDays).toBe(15);
    expect(DEFAULT_PROFILE.applicants).toMatchObject({ minPerPost: 4, extensionDays: 7, maxExtensions: 2 });
    expect(DEFAULT_PROFILE.applicants.afterLastExtension).toEqual(["cancelPost", "continueWithDecision"]);
    expect(DEFAULT_PROFILE.eligibility.jptPratama).toMatchObject({
      maxAge: 56,
      minGolongan: "IV/a",
      minEducation: "S1",
      minYearsInPost: 2,
    });
    expect(DEFAULT_PROFILE.rotation).toMatchObject({ protectedMonths: 24, poorPerformanceProtectedMonths: 6 });
    expect(DEFAULT_PROFILE.electionGate.approvalBeforeStage).toBe("pelantikan");
  });

  it("cites the laws named in the issue", () => {
    expect(DEFAULT_PROFILE.pansel.cite).toBe("Permenpan RB No. 15 Tahun 2019");
    expect(DEFAULT_PROFILE.registration.cite).toBe("Permenpan RB No. 15 Tahun 2019");
    expect(DEFAULT_PROFILE.electionGate.cite).toBe("UU No. 10 Tahun 2016 Pasal 71 ayat (2)");
    expect(DEFAULT_PROFILE.rotation.cite).toBe("UU No. 5 Tahun 2014 Pasal 116 ayat (1)");
  });
});

describe("profileById", () => {
  it.each([
    ["permenpanrb-15-2019", PROFILES, PERMENPANRB_15_2019],
    ["contoh-pendaftaran-20-hari", ALL, EXAMPLE_LATER_PROFILE],
    // The invented example is never offered to a real selection.
    ["contoh-pendaftaran-20-hari", PROFILES, undefined],
    ["permenpanrb-13-2014", PROFILES, undefined],
    ["", PROFILES, undefined],
    ["PERMENPANRB-15-2019", PROFILES, undefined],
  ] as const)("finds %j", (id, profiles, expected) => {
    expect(profileById(id, profiles)).toBe(expected);
  });

  it("looks in PROFILES by default", () => {
    expect(profileById("permenpanrb-15-2019")).toBe(PERMENPANRB_15_2019);
    expect(profileById(EXAMPLE_LATER_PROFILE.id)).toBeUndefined();
  });
});

describe("profileInForce", () => {
  it.each([
    ["2018-12-31", undefined], // before any profile
    ["2019-01-01", PERMENPANRB_15_2019.id], // its first day
    ["2021-09-11", PERMENPANRB_15_2019.id], // Metro's competency test
    ["2024-03-28", PERMENPANRB_15_2019.id], // Pontianak's selection starts
    ["2026-06-30", PERMENPANRB_15_2019.id], // the day before the example change
    ["2026-07-01", EXAMPLE_LATER_PROFILE.id], // the change takes effect
    ["2030-01-01", EXAMPLE_LATER_PROFILE.id],
  ])("on %s picks %s (with the example change)", (iso, expected) => {
    expect(profileInForce(date(iso), ALL)?.id).toBe(expected);
  });

  it("uses PROFILES by default, where the example never applies", () => {
    expect(profileInForce(date("2030-01-01"))).toBe(PERMENPANRB_15_2019);
  });

  it("does not depend on the order of the list", () => {
    expect(profileInForce(date("2027-01-01"), [...ALL].reverse())).toBe(EXAMPLE_LATER_PROFILE);
  });

  describe("with an end date", () => {
    const temporary: RegulationProfile = {
      ...PERMENPANRB_15_2019,
      id: "sementara",
      version: 2,
      effectiveFrom: "2020-01-01",
      effectiveTo: "2020-07-01",
    };
    const list = [PERMENPANRB_15_2019, temporary];

    it.each([
      ["2019-12-31", PERMENPANRB_15_2019.id],
      ["2020-01-01", "sementara"],
      ["2020-06-30", "sementara"], // its last day
      ["2020-07-01", PERMENPANRB_15_2019.id], // effectiveTo is the first day it no longer applies
    ])("on %s picks %s", (iso, expected) => {
      expect(profileInForce(date(iso), list)?.id).toBe(expected);
    });

    it("leaves a gap when nothing else is in force", () => {
      expect(profileInForce(date("2020-07-01"), [temporary])).toBeUndefined();
    });
  });

  it("prefers the later version of two profiles from the same day", () => {
    const v1 = { ...PERMENPANRB_15_2019, id: "v1", version: 1, effectiveFrom: "2025-01-01" };
    const v2 = { ...PERMENPANRB_15_2019, id: "v2", version: 2, effectiveFrom: "2025-01-01" };
    expect(profileInForce(date("2025-02-01"), [v2, v1])?.id).toBe("v2");
    expect(profileInForce(date("2025-02-01"), [v1, v2])?.id).toBe("v2");
  });

  it("skips a profile whose date cannot be read rather than guessing", () => {
    const broken = { ...PERMENPANRB_15_2019, id: "broken", effectiveFrom: "2025-02-30" };
    expect(profileInForce(date("2025-06-01"), [PERMENPANRB_15_2019, broken])).toBe(PERMENPANRB_15_2019);
  });
});

describe("a change in the law is a new profile", () => {
  it("the example differs from the default only in its identity and the registration rule", () => {
    const identity = ["id", "version", "title", "effectiveFrom", "registration"];
    const strip = (p: RegulationProfile) => Object.entries(p).filter(([k]) => !identity.includes(k));
    expect(strip(EXAMPLE_LATER_PROFILE)).toEqual(strip(PERMENPANRB_15_2019));
    expect(EXAMPLE_LATER_PROFILE.registration.minDays).toBe(20);
    expect(EXAMPLE_LATER_PROFILE.version).toBeGreaterThan(PERMENPANRB_15_2019.version);
  });
});
