import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../../../seed/metro2021.js";
import { DEFAULT_PROFILE } from "../regulation/profiles.js";
import type { FinalReportRule } from "../regulation/profile.js";
import { finalReportDeadline, finalReportIssues, isOverdue, proposalIssues } from "./closingLetters.js";
import type { StoredPpkChoice, StoredSelection } from "./stored.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const LIVE = ["asisten-1", "bappeda", "disdikbud", "dpkp"];
const RULE: FinalReportRule = DEFAULT_PROFILE.finalReport!;

function choice(chosenAt: string, rank = 1): StoredPpkChoice {
  return { applicationId: "a", name: "Calon", rank, reason: "", chosenBy: "ppk", chosenByName: "Wali Kota", chosenAt };
}

/** Metro with BPBD cancelled for too few applicants, in `stage`, with these choices. */
function metro(stage: StoredSelection["stage"], ppkChoices: StoredSelection["ppkChoices"] = {}): StoredSelection {
  return { ...METRO, stage, postDecisions: { bpbd: "cancelPost" }, ppkChoices };
}

const allChosen = (at: string) => Object.fromEntries(LIVE.map((id) => [id, choice(at)]));

describe("the proposal letter's conditions", () => {
  it("asks for a final lockable ranking of every live post, the cancelled one left out", () => {
    expect(proposalIssues(metro("laporanPpk"), new Set(LIVE))).toEqual([]);
    expect(proposalIssues(metro("penetapan"), new Set(LIVE))).toEqual([]);
    const missing = proposalIssues(metro("laporanPpk"), new Set(LIVE.slice(1)));
    expect(missing).toEqual([{ code: "err.letters.rankingNotFinal", params: { posts: METRO.posts[0]!.name } }]);
  });

  it("is refused before the ranking is final, after penetapan, and once the PPK has chosen", () => {
    for (const stage of ["pemeringkatan", "wawancara", "pelantikan", "dibatalkan"] as const) {
      expect(proposalIssues(metro(stage), new Set(LIVE))[0]?.code).toBe("err.letters.proposalStage");
    }
    const chosen = metro("penetapan", { bappeda: choice("2021-11-25T03:00:00.000Z") });
    expect(proposalIssues(chosen, new Set(LIVE))[0]?.code).toBe("err.letters.proposalAfterChoice");
  });
});

describe("the final report's conditions", () => {
  it("waits for a choice on every live post, from penetapan on", () => {
    const some = metro("penetapan", { bappeda: choice("2021-11-25T03:00:00.000Z") });
    const [issue, ...rest] = finalReportIssues(some);
    expect(rest).toEqual([]);
    expect(issue?.code).toBe("err.letters.noPpkChoice");
    const name = (id: string) => METRO.posts.find((p) => p.id === id)!.name;
    expect(issue?.params?.["posts"]).toBe(["asisten-1", "disdikbud", "dpkp"].map(name).join(", "));
    expect(finalReportIssues(metro("penetapan", allChosen("2021-11-25T03:00:00.000Z")))).toEqual([]);
    expect(finalReportIssues(metro("selesai", allChosen("2021-11-25T03:00:00.000Z")))).toEqual([]);
    expect(finalReportIssues(metro("laporanPpk", allChosen("2021-11-25T03:00:00.000Z")))[0]?.code).toBe(
      "err.letters.reportStage",
    );
  });
});

describe("the final report's deadline", () => {
  const rule: FinalReportRule = { ...RULE, days: 7 };

  it("counts the profile's days from the day of the last choice in the government's zone", () => {
    // 25 November 2021 17:30 UTC is already 26 November in Jakarta (UTC+7): the count starts there.
    const s = metro("penetapan", {
      ...allChosen("2021-11-24T03:00:00.000Z"),
      dpkp: choice("2021-11-25T17:30:00.000Z", 2),
    });
    const deadline = finalReportDeadline(s, rule, "Asia/Jakarta")!;
    expect(deadline.chosenOn).toBe("2021-11-26");
    expect(deadline.dueOn).toBe("2021-12-03");
    // The end of 3 December in Jakarta is 17:00 UTC that day.
    expect(deadline.dueAtMs).toBe(Date.parse("2021-12-03T17:00:00.000Z"));
    // In Jayapura (UTC+9) the same instant is the same day, and its end is 15:00 UTC.
    expect(finalReportDeadline(s, rule, "Asia/Jayapura")!.dueAtMs).toBe(Date.parse("2021-12-03T15:00:00.000Z"));
  });

  it("is overdue from the first instant after the last day, not before", () => {
    const deadline = finalReportDeadline(
      metro("penetapan", allChosen("2021-11-25T03:00:00.000Z")),
      rule,
      "Asia/Jakarta",
    )!;
    expect(deadline.dueOn).toBe("2021-12-02");
    expect(isOverdue(deadline, Date.parse("2021-12-02T16:59:59.999Z"))).toBe(false);
    expect(isOverdue(deadline, Date.parse("2021-12-02T17:00:00.000Z"))).toBe(true);
  });

  it("crosses months and years as calendar days", () => {
    const deadline = finalReportDeadline(
      metro("penetapan", allChosen("2021-12-28T03:00:00.000Z")),
      rule,
      "Asia/Jakarta",
    )!;
    expect(deadline.dueOn).toBe("2022-01-04");
  });

  it("has none until every live post is chosen, nor without the profile's rule", () => {
    expect(
      finalReportDeadline(metro("penetapan", { bappeda: choice("2021-11-25T03:00:00.000Z") }), rule, "Asia/Jakarta"),
    ).toBeNull();
    expect(
      finalReportDeadline(metro("penetapan", allChosen("2021-11-25T03:00:00.000Z")), undefined, "Asia/Jakarta"),
    ).toBeNull();
  });

  it("is profile data with its citation and the authority that replaced KASN", () => {
    expect(RULE.authorityShort).toBe("BKN");
    expect(RULE.cite).toMatch(/Permenpan RB/);
    expect(RULE.authorityCite).toMatch(/UU No\. 20 Tahun 2023/);
    expect(RULE.daysAre).toBe("calendar");
  });
});
