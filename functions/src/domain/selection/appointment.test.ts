/**
 * When appointing needs the Minister of Home Affairs' written approval: the election window's
 * boundaries (six months before the candidate pairs are determined, to the end of the term, both
 * days included) and the acting regional head's period, on Pontianak's 2024 dates of the demo seed.
 */
import { describe, expect, it } from "vitest";
import { INSTANSI, SELECTIONS } from "../../../../seed/metro2021.js";
import { parseIsoDate, type CalendarDate } from "../calendar.js";
import { DEFAULT_PROFILE } from "../regulation/profiles.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { approvalReasons, electionWindow, plannedAppointmentDate, type AppointmentFacts } from "./appointment.js";

const d = (iso: string): CalendarDate => parseIsoDate(iso)!;
const ELECTION = { candidatePairsDetermination: "2024-09-22", termEnd: "2025-02-20" };
const electionOnly = { elections: [ELECTION], actingHeads: [] };
const kinds = (dates: string[], facts: AppointmentFacts = electionOnly, profile = DEFAULT_PROFILE) =>
  approvalReasons(facts, profile, dates.map(d)).map((r) => r.kind);

describe("the election window (UU 10/2016 Pasal 71 ayat 2)", () => {
  it("runs from six months before the candidate pairs are determined to the end of the term", () => {
    expect(electionWindow(ELECTION, DEFAULT_PROFILE)).toEqual({ from: d("2024-03-22"), to: d("2025-02-20") });
  });

  it.each([
    ["2024-03-21", false], // the day before the window
    ["2024-03-22", true], // its first day
    ["2024-09-22", true],
    ["2025-02-20", true], // the last day of the term
    ["2025-02-21", false], // the day after
  ])("an appointment on %s needs approval: %s", (date, needed) => {
    expect(kinds([date])).toEqual(needed ? ["electionWindow"] : []);
  });

  it("takes the months from the profile, as data", () => {
    const three: RegulationProfile = {
      ...DEFAULT_PROFILE,
      electionGate: { ...DEFAULT_PROFILE.electionGate, monthsBeforeCandidatePairs: 3 },
    };
    expect(kinds(["2024-06-21"], electionOnly, three)).toEqual([]);
    expect(kinds(["2024-06-22"], electionOnly, three)).toEqual(["electionWindow"]);
  });

  it("cites the law and names the window", () => {
    expect(approvalReasons(electionOnly, DEFAULT_PROFILE, [d("2024-05-14")])).toEqual([
      { kind: "electionWindow", from: "2024-03-22", to: "2025-02-20", cite: "UU No. 10 Tahun 2016 Pasal 71 ayat (2)" },
    ]);
  });

  it("ignores an election recorded with a date that does not exist", () => {
    const broken = {
      elections: [{ candidatePairsDetermination: "2024-02-30", termEnd: "2025-02-20" }],
      actingHeads: [],
    };
    expect(kinds(["2024-05-14"], broken)).toEqual([]);
  });
});

describe("an acting regional head (PP 49/2008 Pasal 132A)", () => {
  const acting = { elections: [], actingHeads: [{ from: "2023-12-23", to: "2025-02-20" }] };
  it.each([
    ["2023-12-22", false],
    ["2023-12-23", true],
    ["2025-02-20", true],
    ["2025-02-21", false],
  ])("an appointment on %s needs approval: %s", (date, needed) => {
    expect(kinds([date], acting)).toEqual(needed ? ["actingHead"] : []);
  });
});

describe("Pontianak 2024 of the demo seed", () => {
  const pontianak = INSTANSI["kota-pontianak"]!;
  const selection = SELECTIONS["pontianak-2024-jpt"]!;

  it("plans the appointment after the report to the PPK, its last scheduled day", () => {
    expect(plannedAppointmentDate(selection.schedule)).toEqual(d("2024-05-14"));
    expect(plannedAppointmentDate({})).toBeUndefined();
  });

  it("needs the Minister's approval twice over: the election window and the Penjabat", () => {
    expect(kinds(["2024-05-14"], pontianak)).toEqual(["electionWindow", "actingHead"]);
  });

  it("is gated even if any date on which the move is asked falls in a window", () => {
    const march = { elections: [ELECTION], actingHeads: [] };
    expect(kinds(["2024-03-01"], march)).toEqual([]);
    expect(kinds(["2024-03-01", "2024-03-25"], march)).toEqual(["electionWindow"]);
  });
});
