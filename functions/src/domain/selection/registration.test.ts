/**
 * Too few applicants, on Kota Metro 2021 of the demo seed (five posts, registration 20 September to
 * 4 October 2021): which posts may be extended and to when, and when a decision may be recorded.
 */
import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../../../seed/metro2021.js";
import { inclusiveDays, type CalendarDate } from "../calendar.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { DEFAULT_PROFILE } from "../regulation/profiles.js";
import { extendablePosts, extendedEnd, planExtension, postShortfall, shortfallDecisionIssues } from "./registration.js";
import type { StoredSelection } from "./stored.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const CITE = "Permenpan RB No. 15 Tahun 2019";
const BPBD = "Kepala Pelaksana Badan Penanggulangan Bencana Daerah";
const DPKP = "Kepala Dinas Perumahan dan Permukiman";

function day(iso: string): CalendarDate {
  const [year, month, d] = iso.split("-").map(Number);
  return { year: year!, month: month!, day: d! };
}

/** Enough applicants everywhere but the posts given. */
function applicants(short: Record<string, number> = {}): Record<string, number> {
  return { "asisten-1": 7, bappeda: 9, disdikbud: 5, bpbd: 6, dpkp: 4, ...short };
}

/** Metro in pendaftaran with these applicant counts and process facts. */
function metro(short: Record<string, number> = {}, changes: Partial<StoredSelection> = {}): StoredSelection {
  return {
    ...METRO,
    stage: "pendaftaran",
    counts: { ...METRO.counts, applicantsPerPost: applicants(short) },
    ...changes,
  };
}

const AFTER_END = day("2021-10-05");
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe("extendedEnd", () => {
  it("starts on the day it is granted after the last day, counting that day as registration counts its first", () => {
    // Granted on 8 October: 8 to 14 October is 7 calendar days, first and last included.
    expect(extendedEnd(day("2021-10-04"), day("2021-10-08"), 7)).toEqual(day("2021-10-14"));
    expect(inclusiveDays(day("2021-10-08"), extendedEnd(day("2021-10-04"), day("2021-10-08"), 7))).toBe(7);
  });

  it("counts from the last day when it is still ahead", () => {
    expect(extendedEnd(day("2021-10-04"), day("2021-10-01"), 7)).toEqual(day("2021-10-11"));
    expect(extendedEnd(day("2021-10-04"), day("2021-10-04"), 7)).toEqual(day("2021-10-11"));
  });
});

describe("postShortfall and extendablePosts", () => {
  it("counts a post no one applied to as 0 applicants", () => {
    const s = metro();
    s.counts = { ...s.counts, applicantsPerPost: { bappeda: 9 } };
    const outcomes = postShortfall(s, DEFAULT_PROFILE);
    expect(Object.keys(outcomes)).toEqual(METRO.posts.map((p) => p.id));
    expect(outcomes["dpkp"]).toMatchObject({ status: "extend", applicants: 0, extension: 1 });
  });

  it("lists the posts short of applicants with an extension left, and none already decided", () => {
    const s = metro(
      { bpbd: 2, dpkp: 1, disdikbud: 0 },
      { extensions: { dpkp: 2, disdikbud: 2 }, postDecisions: { disdikbud: "cancelPost" } },
    );
    expect(extendablePosts(s, DEFAULT_PROFILE)).toEqual(["bpbd"]);
  });
});

describe("planExtension", () => {
  it("extends the posts short of applicants by 7 days from today (5 to 11 October) and counts the extension", () => {
    const s = metro({ bpbd: 2, dpkp: 3 }, { extensions: { dpkp: 1 } });

    const plan = planExtension(s, ["bpbd", "dpkp"], DEFAULT_PROFILE, AFTER_END);

    expect(plan).toEqual({
      ok: true,
      value: {
        end: "2021-10-11",
        extensions: { bpbd: 1, dpkp: 2 },
        granted: [
          { postId: "bpbd", extension: 1 },
          { postId: "dpkp", extension: 2 },
        ],
        // Metro's administrative verification was planned for 5 October.
        warnings: [
          {
            severity: "warning",
            code: "warn.extension.scheduleReached",
            field: "schedule.seleksiAdministrasi",
            params: { stage: "seleksiAdministrasi", start: "2021-10-05", end: "2021-10-11" },
          },
        ],
      },
    });
  });

  it("counts a post named twice once", () => {
    const plan = planExtension(metro({ bpbd: 2 }), ["bpbd", "bpbd"], DEFAULT_PROFILE, AFTER_END);
    expect(plan.ok && plan.value.granted).toEqual([{ postId: "bpbd", extension: 1 }]);
  });

  it("keeps the extensions of other posts", () => {
    const s = metro({ bpbd: 2 }, { extensions: { dpkp: 1 } });
    const plan = planExtension(s, ["bpbd"], DEFAULT_PROFILE, AFTER_END);
    expect(plan.ok && plan.value.extensions).toEqual({ dpkp: 1, bpbd: 1 });
  });

  it("warns of nothing when the later stages still fit", () => {
    const schedule = {
      pendaftaran: METRO.schedule.pendaftaran!,
      seleksiAdministrasi: { start: "2021-10-13", end: "2021-10-15" },
      pengumumanAdministrasi: { start: "2021-10-18", end: "2021-10-20" },
    };
    const plan = planExtension(metro({ bpbd: 2 }, { schedule }), ["bpbd"], DEFAULT_PROFILE, AFTER_END);
    expect(plan.ok && plan.value.warnings).toEqual([]);
  });

  it("follows the profile's extension length", () => {
    const longer: RegulationProfile = {
      ...DEFAULT_PROFILE,
      applicants: { ...DEFAULT_PROFILE.applicants, extensionDays: 14 },
    };
    const plan = planExtension(metro({ bpbd: 2 }), ["bpbd"], longer, day("2021-10-20"));
    // 20 October to 2 November: 14 calendar days, both ends included.
    expect(plan.ok && plan.value.end).toBe("2021-11-02");
  });

  it.each([
    ["on the last day of registration", "2021-10-04", { end: "2021-10-04" }],
    ["before it", "2021-09-28", { end: "2021-10-04" }],
  ])("refuses %s", (_when, today, params) => {
    const plan = planExtension(metro({ bpbd: 2 }), ["bpbd"], DEFAULT_PROFILE, day(today));
    expect(plan).toEqual({
      ok: false,
      errors: [{ severity: "error", code: "err.registration.notEnded", field: "schedule.pendaftaran", params }],
    });
  });

  it.each(["persiapan", "seleksiAdministrasi", "dibatalkan"] as const)("refuses in %s", (stage) => {
    const plan = planExtension(metro({ bpbd: 2 }, { stage }), ["bpbd"], DEFAULT_PROFILE, AFTER_END);
    expect(plan).toEqual({
      ok: false,
      errors: [{ severity: "error", code: "err.registration.notInStage", field: "stage", params: { stage } }],
    });
  });

  it("refuses without registration dates", () => {
    const schedule = { ...METRO.schedule };
    delete schedule.pendaftaran;
    const plan = planExtension(metro({ bpbd: 2 }, { schedule }), ["bpbd"], DEFAULT_PROFILE, AFTER_END);
    expect(!plan.ok && codes(plan.errors)).toEqual(["err.gate.noSchedule"]);
  });

  it("refuses a post with enough applicants, citing the rule", () => {
    const plan = planExtension(metro({ bpbd: 2 }), ["bpbd", "dpkp"], DEFAULT_PROFILE, AFTER_END);
    expect(plan).toEqual({
      ok: false,
      errors: [
        {
          severity: "error",
          code: "err.extension.enoughApplicants",
          field: "applicants.dpkp",
          params: { post: DPKP, count: 4, min: 4, cite: CITE },
          cite: CITE,
        },
      ],
    });
  });

  it("refuses a post whose extensions are used up: a decision is needed", () => {
    const s = metro({ bpbd: 3 }, { extensions: { bpbd: 2 } });
    const plan = planExtension(s, ["bpbd"], DEFAULT_PROFILE, AFTER_END);
    expect(plan).toEqual({
      ok: false,
      errors: [
        {
          severity: "error",
          code: "err.extension.exhausted",
          field: "applicants.bpbd",
          params: { post: BPBD, count: 3, min: 4, maxExtensions: 2, cite: CITE },
          cite: CITE,
        },
      ],
    });
  });

  it("refuses a post already decided, and a post the selection does not have, naming each", () => {
    const s = metro({ bpbd: 3 }, { extensions: { bpbd: 2 }, postDecisions: { bpbd: "continueWithDecision" } });
    const plan = planExtension(s, ["bpbd", "dinsos"], DEFAULT_PROFILE, AFTER_END);
    expect(!plan.ok && plan.errors.map((e) => [e.code, e.params])).toEqual([
      ["err.shortfall.alreadyDecided", { post: BPBD }],
      ["err.registration.unknownPost", { post: "dinsos" }],
    ]);
  });
});

describe("shortfallDecisionIssues", () => {
  const exhausted = (changes: Partial<StoredSelection> = {}) =>
    metro({ bpbd: 3 }, { extensions: { bpbd: 2 }, ...changes });

  it.each(["cancelPost", "continueWithDecision"] as const)(
    "allows %s for a post still short after its last extension",
    (decision) => {
      expect(shortfallDecisionIssues(exhausted(), "bpbd", decision, DEFAULT_PROFILE, AFTER_END)).toEqual([]);
    },
  );

  it("refuses while registration (its last extension) is still open", () => {
    const schedule = { ...METRO.schedule, pendaftaran: { start: "2021-09-20", end: "2021-10-18" } };
    const issues = shortfallDecisionIssues(exhausted({ schedule }), "bpbd", "cancelPost", DEFAULT_PROFILE, AFTER_END);
    expect(codes(issues)).toEqual(["err.registration.notEnded"]);
  });

  it("refuses outside pendaftaran", () => {
    const s = exhausted({ stage: "seleksiAdministrasi" });
    expect(codes(shortfallDecisionIssues(s, "bpbd", "cancelPost", DEFAULT_PROFILE, AFTER_END))).toEqual([
      "err.registration.notInStage",
    ]);
  });

  it("refuses a post with enough applicants", () => {
    expect(shortfallDecisionIssues(exhausted(), "dpkp", "cancelPost", DEFAULT_PROFILE, AFTER_END)).toEqual([
      {
        severity: "error",
        code: "err.shortfall.enoughApplicants",
        field: "applicants.dpkp",
        params: { post: DPKP, count: 4, min: 4, cite: CITE },
        cite: CITE,
      },
    ]);
  });

  it("refuses a post that may still be extended", () => {
    const s = metro({ bpbd: 3 }, { extensions: { bpbd: 1 } });
    expect(shortfallDecisionIssues(s, "bpbd", "continueWithDecision", DEFAULT_PROFILE, AFTER_END)).toEqual([
      {
        severity: "error",
        code: "err.shortfall.extendFirst",
        field: "applicants.bpbd",
        params: { post: BPBD, count: 3, extension: 2, maxExtensions: 2, cite: CITE },
        cite: CITE,
      },
    ]);
  });

  it("refuses a second decision: the first is on the record", () => {
    const s = exhausted({ postDecisions: { bpbd: "cancelPost" } });
    expect(codes(shortfallDecisionIssues(s, "bpbd", "continueWithDecision", DEFAULT_PROFILE, AFTER_END))).toEqual([
      "err.shortfall.alreadyDecided",
    ]);
  });

  it("refuses a post the selection does not have", () => {
    expect(codes(shortfallDecisionIssues(exhausted(), "dinsos", "cancelPost", DEFAULT_PROFILE, AFTER_END))).toEqual([
      "err.registration.unknownPost",
    ]);
  });

  it("refuses a way out the profile does not offer", () => {
    const cancelOnly: RegulationProfile = {
      ...DEFAULT_PROFILE,
      applicants: { ...DEFAULT_PROFILE.applicants, afterLastExtension: ["cancelPost"] },
    };
    const issues = shortfallDecisionIssues(exhausted(), "bpbd", "continueWithDecision", cancelOnly, AFTER_END);
    expect(codes(issues)).toEqual(["err.shortfall.decisionNotOffered"]);
    expect(shortfallDecisionIssues(exhausted(), "bpbd", "cancelPost", cancelOnly, AFTER_END)).toEqual([]);
  });
});
