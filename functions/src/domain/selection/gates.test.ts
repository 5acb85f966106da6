/**
 * Every gate of the stage machine, passing and failing, on the Kota Metro 2021 selection of the demo
 * seed: the issue code and values the official reads, and whether the move is blocked (errors) or
 * only comes with a note (warnings).
 */
import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../../../seed/metro2021.js";
import type { CalendarDate } from "../calendar.js";
import { DEFAULT_PROFILE, DEFAULT_PROFILE_ID } from "../regulation/profiles.js";
import type { RegulationProfile } from "../regulation/profile.js";
import type { Stage } from "../stages.js";
import { emptySetup } from "./defaults.js";
import { evaluateGates, gatesUnder } from "./gates.js";
import { findTransition, type GateId, type TransitionRule } from "./stageMachine.js";
import type { Schedule, ScheduledStage } from "./setup.js";
import type { StoredSelection } from "./stored.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const CITE = "Permenpan RB No. 15 Tahun 2019";
const POST_IDS = METRO.posts.map((p) => p.id);

function day(iso: string): CalendarDate {
  const [year, month, d] = iso.split("-").map(Number);
  return { year: year!, month: month!, day: d! };
}

/**
 * Metro as stored, with process facts changed; the setup is the seed's, which is valid. The letter
 * proposing the 3 besar is issued, so the gates past laporanPpk are seen alone.
 */
function metro(changes: Partial<StoredSelection> = {}): StoredSelection {
  return { ...METRO, proposalDocumentId: "metro-2021-jpt-usulanPpk-v1", ...changes };
}

/** Metro's schedule without the dates of one stage. */
function withoutDates(stage: ScheduledStage): Schedule {
  const schedule = { ...METRO.schedule };
  delete schedule[stage];
  return schedule;
}

/** Enough applicants for every post: what a registration that went well leaves behind. */
const FULL = Object.fromEntries(POST_IDS.map((id) => [id, 6]));

/** A rule with one gate, to see that gate alone. */
function only(gate: GateId): TransitionRule {
  return {
    from: "persiapan",
    to: "pendaftaran",
    proposers: ["operator"],
    approvers: ["pejabat"],
    gates: [gate],
    reasonRequired: false,
  };
}

function move(from: Stage, to: Stage, s: StoredSelection = METRO): TransitionRule {
  const rule = findTransition(from, to, s.stagesUsed);
  if (!rule) throw new Error(`${from} → ${to} is not legal`);
  return rule;
}

/** The PPK's choice recorded for every post, as the move out of penetapan needs. */
const EVERY_POST_CHOSEN: StoredSelection["ppkChoices"] = Object.fromEntries(
  POST_IDS.map((id) => [
    id,
    {
      applicationId: `a-${id}`,
      name: "Drs. Contoh",
      rank: 1,
      reason: "",
      chosenBy: "ppk",
      chosenByName: "Wali Kota",
      chosenAt: "2021-11-25T03:00:00.000Z",
    },
  ]),
);

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);
const NONE = { errors: [], warnings: [] };

describe("setupValid", () => {
  it("passes the Kota Metro 2021 setup, with nothing to note", () => {
    expect(evaluateGates(move("persiapan", "pendaftaran"), metro(), day("2021-09-01"))).toEqual(NONE);
  });

  it("blocks an empty setup: no posts, no dates, no pansel", () => {
    const empty = metro({ ...emptySetup(2025, DEFAULT_PROFILE_ID) });
    const result = evaluateGates(only("setupValid"), empty, day("2025-01-10"));
    expect(codes(result.errors)).toEqual([
      "err.setup.openToRuleMissing",
      "err.setup.noPosts",
      ...[
        "pendaftaran",
        "seleksiAdministrasi",
        "pengumumanAdministrasi",
        "asesmenManajerial",
        "kompetensiTeknis",
        "wawancara",
        "rekamJejak",
        "pemeringkatan",
        "laporanPpk",
      ].map(() => "err.setup.scheduleMissing"),
      "err.setup.panselTooFew",
    ]);
    expect(result.errors.at(-1)).toMatchObject({ params: { count: 0, min: 5, cite: CITE } });
    expect(codes(result.warnings)).toEqual(Array(4).fill("warn.setup.componentStageUnscheduled"));
  });

  it("asks for the dates of the mandatory stages, which stagesUsed does not list", () => {
    const schedule = withoutDates("seleksiAdministrasi");
    const result = evaluateGates(only("setupValid"), metro({ schedule }), day("2021-09-01"));
    expect(result.errors).toEqual([
      {
        severity: "error",
        code: "err.setup.scheduleMissing",
        field: "schedule.seleksiAdministrasi",
        params: { stage: "seleksiAdministrasi" },
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("blocks weights that do not add up to 100", () => {
    const components = METRO.scoringPlan.components.map((c, i) => (i === 0 ? { ...c, weight: 30 } : c));
    const result = evaluateGates(
      only("setupValid"),
      metro({ scoringPlan: { ...METRO.scoringPlan, components } }),
      day("2021-09-01"),
    );
    expect(result.errors).toEqual([
      { severity: "error", code: "err.setup.weightsSum", field: "scoringPlan.components", params: { sum: 90 } },
    ]);
  });

  it("blocks an even pansel", () => {
    const result = evaluateGates(only("setupValid"), metro({ pansel: METRO.pansel.slice(0, 4) }), day("2021-09-01"));
    expect(codes(result.errors)).toContain("err.setup.panselEven");
  });

  it("refuses to open registration while who may apply is not set (a setup from before the rule)", () => {
    const result = evaluateGates(move("persiapan", "pendaftaran"), metro({ openToRule: null }), day("2021-09-01"));
    expect(result).toEqual({
      errors: [{ code: "err.setup.openToRuleMissing", severity: "error", field: "openToRule.scope", params: {} }],
      warnings: [],
    });
  });

  it("does not hold a selection already past registration opening for a rule it never had", () => {
    const counts = { ...METRO.counts, applicantsPerPost: FULL };
    const open = metro({ stage: "pendaftaran", openToRule: null, counts });
    expect(evaluateGates(move("pendaftaran", "seleksiAdministrasi"), open, day("2021-10-05"))).toEqual(NONE);
    const later = metro({ stage: "seleksiAdministrasi", openToRule: null });
    expect(evaluateGates(move("seleksiAdministrasi", "pengumumanAdministrasi"), later, day("2021-10-20"))).toEqual(
      NONE,
    );
  });

  it("lets a short registration through with a warning citing the rule", () => {
    const schedule = { ...METRO.schedule, pendaftaran: { start: "2021-09-27", end: "2021-10-04" } };
    const result = evaluateGates(only("setupValid"), metro({ schedule }), day("2021-09-01"));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: "warn.setup.registrationShort", params: { days: 8, min: 15, cite: CITE } }),
    ]);
  });
});

describe("registrationEnded", () => {
  // Metro's registration: 20 September to 4 October 2021, both days included.
  it.each([
    ["2021-09-20", false],
    ["2021-10-04", false], // the last day is still a day to apply
    ["2021-10-05", true],
    ["2022-01-01", true],
  ])("on %s: registration over %s", (today, over) => {
    const result = evaluateGates(only("registrationEnded"), metro(), day(today));
    expect(result.errors).toEqual(
      over
        ? []
        : [
            {
              severity: "error",
              code: "err.gate.registrationOpen",
              field: "schedule.pendaftaran",
              params: { end: "2021-10-04" },
            },
          ],
    );
  });

  it.each([
    ["no dates", {}],
    ["a date that does not exist", { ...METRO.schedule, pendaftaran: { start: "2021-09-20", end: "2021-09-31" } }],
  ])("with %s cannot tell: err.gate.noSchedule", (_why, schedule) => {
    const result = evaluateGates(only("registrationEnded"), metro({ schedule }), day("2021-10-05"));
    expect(result.errors).toEqual([
      {
        severity: "error",
        code: "err.gate.noSchedule",
        field: "schedule.pendaftaran",
        params: { stage: "pendaftaran" },
      },
    ]);
  });
});

describe("applicantsSufficient", () => {
  const gate = only("applicantsSufficient");
  const today = day("2021-10-05");
  const bappeda = METRO.posts[1]!;

  it("blocks every post with no applicant, proposing the first extension", () => {
    const result = evaluateGates(gate, metro(), today);
    expect(result.errors).toHaveLength(METRO.posts.length);
    expect(result.errors[1]).toEqual({
      severity: "error",
      code: "warn.applicants.extend",
      field: `applicants.${bappeda.id}`,
      params: { post: bappeda.name, count: 0, min: 4, days: 7, extension: 1, maxExtensions: 2, cite: CITE },
      cite: CITE,
    });
  });

  it.each([4, 5, 12])("passes with %i applicants for every post", (n) => {
    const counts = { ...METRO.counts, applicantsPerPost: Object.fromEntries(POST_IDS.map((id) => [id, n])) };
    expect(evaluateGates(gate, metro({ counts }), today)).toEqual(NONE);
  });

  it("blocks only the post with 3 applicants, and counts its extensions", () => {
    const counts = { ...METRO.counts, applicantsPerPost: { ...FULL, [bappeda.id]: 3 } };
    const result = evaluateGates(gate, metro({ counts, extensions: { [bappeda.id]: 1 } }), today);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: "warn.applicants.extend",
        params: expect.objectContaining({ post: bappeda.name, count: 3, extension: 2 }),
      }),
    ]);
  });

  it("after two extensions asks for a recorded decision", () => {
    const counts = { ...METRO.counts, applicantsPerPost: { ...FULL, [bappeda.id]: 2 } };
    const result = evaluateGates(gate, metro({ counts, extensions: { [bappeda.id]: 2 } }), today);
    expect(result.errors).toEqual([
      {
        severity: "error",
        code: "err.applicants.decisionNeeded",
        field: `applicants.${bappeda.id}`,
        params: { post: bappeda.name, count: 2, min: 4, extensions: 2, cite: CITE },
        cite: CITE,
      },
    ]);
  });

  it.each(["continueWithDecision", "cancelPost"] as const)(
    "is unblocked once the decision (%s) for that post is recorded",
    (decision) => {
      const counts = { ...METRO.counts, applicantsPerPost: { ...FULL, [bappeda.id]: 2 } };
      const s = metro({ counts, extensions: { [bappeda.id]: 2 }, postDecisions: { [bappeda.id]: decision } });
      expect(evaluateGates(gate, s, today)).toEqual(NONE);
    },
  );

  it("counts only the selection's posts", () => {
    const counts = { ...METRO.counts, applicantsPerPost: { ...FULL, "post-removed": 0 } };
    expect(evaluateGates(gate, metro({ counts }), today)).toEqual(NONE);
  });
});

describe("allApplicationsVerified", () => {
  it("passes when every application is verified", () => {
    expect(evaluateGates(only("allApplicationsVerified"), metro(), day("2021-10-09"))).toEqual(NONE);
  });

  it("blocks with the number still unverified", () => {
    const counts = { ...METRO.counts, unverifiedApplications: 3 };
    const result = evaluateGates(only("allApplicationsVerified"), metro({ counts }), day("2021-10-09"));
    expect(result.errors).toEqual([{ severity: "error", code: "err.gate.unverified", params: { count: 3 } }]);
  });
});

describe("objectionWindowClosed", () => {
  // Metro's announcement and objection window: 11 to 13 October 2021.
  const gate = only("objectionWindowClosed");
  const window = {
    severity: "error",
    code: "err.gate.objectionWindow",
    field: "schedule.pengumumanAdministrasi",
    params: { end: "2021-10-13" },
  };
  const open2 = { severity: "error", code: "err.gate.openObjections", params: { count: 2 } };

  it.each([
    ["2021-10-13", 0, [window]],
    ["2021-10-14", 0, []],
    ["2021-10-14", 2, [open2]],
    ["2021-10-13", 2, [window, open2]],
  ])("on %s with %i open objections", (today, openObjections, errors) => {
    const counts = { ...METRO.counts, openObjections };
    expect(evaluateGates(gate, metro({ counts }), day(today)).errors).toEqual(errors);
  });

  it("holds the move while the window counted from a late announcement is still open", () => {
    // Published on 12 October: three days after it is 15 October, past the scheduled 13 October.
    const administrativeResult = {
      publishedAt: "2021-10-12T03:00:00.000Z",
      objectionClosesAtMs: Date.parse("2021-10-15T17:00:00Z"),
      objectionLastDay: "2021-10-15",
      documentId: "d",
      number: "n",
      ms: {},
    };
    const late = { severity: "error", code: "err.gate.objectionWindow", params: { end: "2021-10-15" } };
    expect(evaluateGates(gate, metro({ administrativeResult }), day("2021-10-15")).errors).toEqual([late]);
    expect(evaluateGates(gate, metro({ administrativeResult }), day("2021-10-16")).errors).toEqual([]);
  });

  it("without dates for the window: err.gate.noSchedule", () => {
    const schedule = withoutDates("pengumumanAdministrasi");
    expect(codes(evaluateGates(gate, metro({ schedule }), day("2021-10-14")).errors)).toEqual(["err.gate.noSchedule"]);
  });
});

describe("scoresLocked", () => {
  const leaving = (from: Stage): TransitionRule => ({ ...only("scoresLocked"), from });

  it("passes when every score is locked", () => {
    expect(evaluateGates(leaving("wawancara"), metro(), day("2021-10-21"))).toEqual(NONE);
    expect(evaluateGates(leaving("pemeringkatan"), metro(), day("2021-10-21"))).toEqual(NONE);
  });

  it("leaving a scoring stage: blocks with the number of that stage's unlocked scores", () => {
    const counts = { ...METRO.counts, unlockedScores: 9, unlockedScoresByStage: { wawancara: 7, rekamJejak: 2 } };
    expect(evaluateGates(leaving("wawancara"), metro({ counts }), day("2021-10-21")).errors).toEqual([
      { severity: "error", code: "err.gate.unlockedScores", params: { count: 7 } },
    ]);
  });

  it("leaving a scoring stage: another stage's unlocked scores do not block it", () => {
    const counts = { ...METRO.counts, unlockedScores: 2, unlockedScoresByStage: { wawancara: 0, rekamJejak: 2 } };
    expect(evaluateGates(leaving("wawancara"), metro({ counts }), day("2021-10-21"))).toEqual(NONE);
    expect(evaluateGates(leaving("kompetensiTeknis"), metro({ counts }), day("2021-10-21"))).toEqual(NONE);
  });

  it("leaving pemeringkatan: blocks with the total of unlocked scores", () => {
    const counts = { ...METRO.counts, unlockedScores: 2, unlockedScoresByStage: { wawancara: 0, rekamJejak: 2 } };
    expect(evaluateGates(leaving("pemeringkatan"), metro({ counts }), day("2021-10-21")).errors).toEqual([
      { severity: "error", code: "err.gate.unlockedScores", params: { count: 2 } },
    ]);
  });
});

describe("recommendationRecorded", () => {
  it("blocks until the letter is recorded", () => {
    expect(evaluateGates(only("recommendationRecorded"), metro(), day("2021-11-20")).errors).toEqual([
      { severity: "error", code: "err.gate.noRecommendation", field: "recommendation" },
    ]);
  });

  it("passes with the letter", () => {
    const recommendation = { letterNumber: "B-3412/KASN/11/2021", date: "2021-11-19" };
    expect(evaluateGates(only("recommendationRecorded"), metro({ recommendation }), day("2021-11-20"))).toEqual(NONE);
  });
});

describe("governorConsulted", () => {
  // Pontianak's selection (a kota) with its Sekda post, as in 2023; Metro's posts are no Sekda.
  const sekda = { ...METRO.posts[0]!, id: "sekda", name: "Sekretaris Daerah Kota Metro" };
  const letter = { letterNumber: "800/1234/BKD/2021", date: "2021-11-22" };

  it("asks nothing of a selection without a Sekda post", () => {
    expect(evaluateGates(only("governorConsulted"), metro(), day("2021-11-20"))).toEqual(NONE);
  });

  it("holds the move for a kota's Sekda until the governor's answer is recorded", () => {
    const s = metro({ posts: [...METRO.posts, sekda] });
    expect(evaluateGates(only("governorConsulted"), s, day("2021-11-20")).errors).toEqual([
      {
        severity: "error",
        code: "err.gate.noGovernorConsultation",
        field: "governorConsultation",
        params: { posts: "Sekretaris Daerah Kota Metro" },
      },
    ]);
    expect(evaluateGates(only("governorConsulted"), { ...s, governorConsultation: letter }, day("2021-11-23"))).toEqual(
      NONE,
    );
  });

  it("asks nothing of a province's Sekda, nor of a cancelled Sekda post", () => {
    const province = metro({ posts: [...METRO.posts, sekda], instansiName: "Pemerintah Provinsi Lampung" });
    expect(evaluateGates(only("governorConsulted"), province, day("2021-11-20"))).toEqual(NONE);
    const cancelled = metro({ posts: [...METRO.posts, sekda], postDecisions: { sekda: "cancelPost" } });
    expect(evaluateGates(only("governorConsulted"), cancelled, day("2021-11-20"))).toEqual(NONE);
  });

  it("is on the move into the PPK's choice", () => {
    expect(move("laporanPpk", "penetapan").gates).toContain("governorConsulted");
    expect(move("penetapan", "pelantikan").gates).not.toContain("governorConsulted");
  });
});

describe("ppkChosen", () => {
  const choice = (applicationId: string) => ({
    applicationId,
    name: "Drs. Contoh",
    rank: 1,
    reason: "",
    chosenBy: "ppk",
    chosenByName: "Wali Kota",
    chosenAt: "2021-11-25T03:00:00.000Z",
  });

  it("holds leaving penetapan until every live post has the PPK's choice", () => {
    const some = metro({ ppkChoices: { [POST_IDS[0]!]: choice("a") } });
    const result = evaluateGates(move("penetapan", "pelantikan"), some, day("2021-11-26"));
    expect(codes(result.errors)).toContain("err.gate.noPpkChoice");
    const missing = result.errors.find((e) => e.code === "err.gate.noPpkChoice")!;
    expect(missing.params?.["posts"]).toBe(
      METRO.posts
        .slice(1)
        .map((p) => p.name)
        .join(", "),
    );
  });

  it("passes when each post is chosen or cancelled", () => {
    const [first, ...rest] = POST_IDS;
    const s = metro({
      ppkChoices: Object.fromEntries(rest.map((id) => [id, choice(id)])),
      postDecisions: { [first!]: "cancelPost" },
    });
    expect(evaluateGates(only("ppkChosen"), s, day("2021-11-26"))).toEqual(NONE);
  });
});

describe("electionApproval", () => {
  const gate = only("electionApproval");
  // Metro's last scheduled day is its report to the PPK; the move into pelantikan comes later.
  const planned = METRO.schedule.laporanPpk!.end;
  const today = day("2021-12-01");
  const letter = { letterNumber: "100.2.2.6/7125/OTDA", date: "2021-11-29" };
  const cite = "UU No. 10 Tahun 2016 Pasal 71 ayat (2)";
  const actingCite = "PP No. 49 Tahun 2008 Pasal 132A";
  /** An election whose window (six months before the candidate pairs, to the term's end) holds `planned`. */
  const ELECTION = { candidatePairsDetermination: "2022-03-01", termEnd: "2022-06-30" };
  const inWindow = { instansi: { elections: [ELECTION], actingHeads: [] } };
  const none = { instansi: { elections: [], actingHeads: [] } };

  it("passes with no election window or Penjabat around the appointment, with or without a letter", () => {
    expect(evaluateGates(gate, metro(), today, none)).toEqual(NONE);
    expect(evaluateGates(gate, metro({ electionApproval: letter }), today, none)).toEqual(NONE);
    const later = {
      instansi: { elections: [{ candidatePairsDetermination: "2024-09-22", termEnd: "2025-02-20" }], actingHeads: [] },
    };
    expect(evaluateGates(gate, metro(), today, later)).toEqual(NONE);
  });

  it("blocks an appointment inside an election window without the Minister's letter, naming the window", () => {
    expect(evaluateGates(gate, metro(), today, inWindow).errors).toEqual([
      {
        severity: "error",
        code: "err.setup.electionApprovalMissing",
        field: "electionApproval",
        params: { stage: "pelantikan", from: "2021-09-01", to: "2022-06-30", cite },
        cite,
      },
    ]);
  });

  it("passes inside the window with the letter on record", () => {
    expect(evaluateGates(gate, metro({ electionApproval: letter }), today, inWindow)).toEqual(NONE);
  });

  it.each([
    ["a blank letter number", { ...letter, letterNumber: "   " }, "err.setup.electionApprovalLetter"],
    ["a date that does not exist", { ...letter, date: "2021-02-30" }, "err.setup.electionApprovalDate"],
  ])("blocks %s", (_why, electionApproval, code) => {
    expect(codes(evaluateGates(gate, metro({ electionApproval }), today, inWindow).errors)).toEqual([code]);
  });

  it("blocks any appointment under an acting regional head (Penjabat) without the letter", () => {
    const acting = { instansi: { elections: [], actingHeads: [{ from: "2021-06-01", to: "2022-05-31" }] } };
    expect(evaluateGates(gate, metro(), today, acting).errors).toEqual([
      {
        severity: "error",
        code: "err.setup.actingHeadApprovalMissing",
        field: "electionApproval",
        params: { stage: "pelantikan", from: "2021-06-01", to: "2022-05-31", cite: actingCite },
        cite: actingCite,
      },
    ]);
    expect(evaluateGates(gate, metro({ electionApproval: letter }), today, acting)).toEqual(NONE);
  });

  it("gates a selection set up before the window when the appointment is asked inside it", () => {
    // The window opens on 20 November 2021, after the planned day (16 November); the move comes on 1 December.
    const opensAfterPlan = { candidatePairsDetermination: "2022-05-20", termEnd: "2022-06-30" };
    const facts = { instansi: { elections: [opensAfterPlan], actingHeads: [] } };
    expect(evaluateGates(gate, metro(), day(planned), facts)).toEqual(NONE);
    expect(codes(evaluateGates(gate, metro(), today, facts).errors)).toEqual(["err.setup.electionApprovalMissing"]);
  });

  it("is asked on the way into pelantikan, the stage the profile names, and on no other move", () => {
    const s = metro({ stage: "penetapan", ppkChoices: EVERY_POST_CHOSEN });
    expect(codes(evaluateGates(move("penetapan", "pelantikan", s), s, today, inWindow).errors)).toEqual([
      "err.setup.electionApprovalMissing",
    ]);
    expect(evaluateGates(move("laporanPpk", "penetapan", s), s, today, inWindow)).toEqual(NONE);
    expect(evaluateGates(move("pelantikan", "selesai", s), s, today, inWindow)).toEqual(NONE);
  });

  describe("under a profile that asks the approval before another stage", () => {
    // NOT LAW: a rule that wants the Minister's letter before the appointment decree is signed.
    const EARLIER = { ...DEFAULT_PROFILE, id: "contoh-persetujuan-sebelum-penetapan" };
    const before = (approvalBeforeStage: Stage): RegulationProfile => ({
      ...EARLIER,
      electionGate: { ...EARLIER.electionGate, approvalBeforeStage },
    });
    const inElection = (changes: Partial<StoredSelection> = {}) =>
      metro({ regulationProfileId: EARLIER.id, ...changes });
    const ctx = (profile: RegulationProfile) => ({ ...inWindow, profiles: [profile] });

    it("blocks the move into that stage and no longer the move into pelantikan", () => {
      const s = inElection();
      const result = evaluateGates(move("laporanPpk", "penetapan", s), s, today, ctx(before("penetapan")));
      expect(result.errors).toEqual([
        {
          severity: "error",
          code: "err.setup.electionApprovalMissing",
          field: "electionApproval",
          params: { stage: "penetapan", from: "2021-09-01", to: "2022-06-30", cite },
          cite,
        },
      ]);
      const chosen = { ...s, ppkChoices: EVERY_POST_CHOSEN };
      expect(evaluateGates(move("penetapan", "pelantikan", s), chosen, today, ctx(before("penetapan")))).toEqual(NONE);
    });

    it("passes that move with the letter on record", () => {
      const s = inElection({ electionApproval: letter });
      expect(evaluateGates(move("laporanPpk", "penetapan", s), s, today, ctx(before("penetapan")))).toEqual(NONE);
    });

    it("asks it at the move past the stage when the selection leaves that stage out", () => {
      // Metro 2021 has no rekomendasi step: laporanPpk → penetapan passes where it would be.
      const s = inElection();
      const result = evaluateGates(move("laporanPpk", "penetapan", s), s, today, ctx(before("rekomendasi")));
      expect(codes(result.errors)).toEqual(["err.setup.electionApprovalMissing"]);
    });

    it("adds it to the stage table's own gates, once", () => {
      const profile = before("seleksiAdministrasi");
      const rule = move("pendaftaran", "seleksiAdministrasi");
      expect(gatesUnder(rule, profile)).toEqual(["registrationEnded", "applicantsSufficient", "electionApproval"]);
      expect(gatesUnder(rule, DEFAULT_PROFILE)).toEqual(["registrationEnded", "applicantsSufficient"]);
      expect(gatesUnder(move("penetapan", "dibatalkan"), before("dibatalkan"))).toEqual([]);
    });
  });
});

describe("a real move asks all its gates together", () => {
  it("closing registration early with too few applicants reports both", () => {
    const s = metro({ counts: { ...METRO.counts, applicantsPerPost: { ...FULL, bpbd: 1 } } });
    const result = evaluateGates(move("pendaftaran", "seleksiAdministrasi"), s, day("2021-10-01"));
    expect(codes(result.errors)).toEqual(["err.gate.registrationOpen", "warn.applicants.extend"]);
  });

  it("cancelling asks no gate at all", () => {
    const s = metro({ counts: { ...METRO.counts, unlockedScores: 4 } });
    expect(evaluateGates(move("pendaftaran", "dibatalkan"), s, day("2021-09-21"))).toEqual(NONE);
  });
});

describe("an unknown regulation profile", () => {
  it.each(["permenpanrb-13-2014", "", "contoh-pendaftaran-20-hari"])(
    "%j blocks a gated move with err.setup.profileUnknown and nothing else",
    (regulationProfileId) => {
      const s = metro({ regulationProfileId });
      expect(evaluateGates(move("persiapan", "pendaftaran"), s, day("2021-09-01"))).toEqual({
        errors: [
          {
            severity: "error",
            code: "err.setup.profileUnknown",
            field: "regulationProfileId",
            params: { id: regulationProfileId },
          },
        ],
        warnings: [],
      });
    },
  );

  it("still lets the selection be cancelled: cancelling asks nothing of the profile", () => {
    const s = metro({ regulationProfileId: "permenpanrb-13-2014" });
    expect(evaluateGates(move("persiapan", "dibatalkan"), s, day("2021-09-01"))).toEqual(NONE);
    expect(evaluateGates(move("penetapan", "dibatalkan", s), s, day("2021-11-20"))).toEqual(NONE);
  });

  it("blocks a move forward the stage table leaves ungated: the profile may put its election gate there", () => {
    const s = metro({ regulationProfileId: "permenpanrb-13-2014" });
    expect(codes(evaluateGates(move("laporanPpk", "penetapan", s), s, day("2021-11-20")).errors)).toEqual([
      "err.setup.profileUnknown",
    ]);
  });
});

describe("the letter proposing the 3 besar", () => {
  it("is asked before leaving the report to the PPK, whichever stage comes next", () => {
    const s = metro({ proposalDocumentId: null });
    const result = evaluateGates(move("laporanPpk", "penetapan", s), s, day("2021-11-20"));
    expect(result.errors).toEqual([{ code: "err.gate.noProposal", severity: "error", field: "proposalDocumentId" }]);
    const issued = metro();
    expect(evaluateGates(move("laporanPpk", "penetapan", issued), issued, day("2021-11-20"))).toEqual(NONE);
    // Cancelling is never held back by a letter.
    expect(evaluateGates(move("laporanPpk", "dibatalkan", s), s, day("2021-11-20"))).toEqual(NONE);
  });
});
