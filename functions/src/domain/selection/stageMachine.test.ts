/**
 * The whole stage table, cell by cell: for each way a selection may be set up (every optional stage,
 * none of them, Kota Metro 2021's), every pair of stages is either the one legal move forward, a
 * cancellation, or refused, and each legal move names who proposes, who approves and which gates it
 * must pass. The expected tables are written out by hand, not derived from the code under test.
 */
import { describe, expect, it } from "vitest";
import { STAGES, type Stage } from "../stages.js";
import type { StaffRole } from "../roles.js";
import {
  FINAL_STAGES,
  MANDATORY_STAGES,
  OPTIONAL_STAGES,
  findTransition,
  mayApprove,
  mayPropose,
  normaliseStagesUsed,
  reachesStage,
  transitionsFrom,
  type GateId,
  type TransitionRule,
} from "./stageMachine.js";

// Kota Metro 2021 (seed/metro2021.ts): all four scoring stages, no national recommendation step.
const METRO_STAGES_USED: readonly Stage[] = ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak"];

interface Variant {
  readonly name: string;
  readonly stagesUsed: readonly Stage[];
  /** The path from preparation to the end, as an operator would walk it. */
  readonly path: readonly Stage[];
}

const VARIANTS: readonly Variant[] = [
  {
    name: "every optional stage",
    stagesUsed: ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak", "rekomendasi"],
    path: [
      "persiapan",
      "pendaftaran",
      "seleksiAdministrasi",
      "pengumumanAdministrasi",
      "asesmenManajerial",
      "kompetensiTeknis",
      "wawancara",
      "rekamJejak",
      "pemeringkatan",
      "laporanPpk",
      "rekomendasi",
      "penetapan",
      "pelantikan",
      "selesai",
    ],
  },
  {
    name: "no optional stage",
    stagesUsed: [],
    path: [
      "persiapan",
      "pendaftaran",
      "seleksiAdministrasi",
      "pengumumanAdministrasi",
      "pemeringkatan",
      "laporanPpk",
      "penetapan",
      "pelantikan",
      "selesai",
    ],
  },
  {
    name: "Kota Metro 2021",
    stagesUsed: METRO_STAGES_USED,
    path: [
      "persiapan",
      "pendaftaran",
      "seleksiAdministrasi",
      "pengumumanAdministrasi",
      "asesmenManajerial",
      "kompetensiTeknis",
      "wawancara",
      "rekamJejak",
      "pemeringkatan",
      "laporanPpk",
      "penetapan",
      "pelantikan",
      "selesai",
    ],
  },
];

/** What a move forward out of each stage must show, by what that stage leaves behind. */
const GATES_LEAVING: Record<Exclude<Stage, "selesai" | "dibatalkan">, readonly GateId[]> = {
  persiapan: ["setupValid"],
  pendaftaran: ["registrationEnded", "applicantsSufficient"],
  seleksiAdministrasi: ["allApplicationsVerified"],
  pengumumanAdministrasi: ["objectionWindowClosed"],
  asesmenManajerial: ["scoresLocked"],
  kompetensiTeknis: ["scoresLocked"],
  wawancara: ["scoresLocked"],
  rekamJejak: ["scoresLocked"],
  pemeringkatan: ["scoresLocked"],
  // The letter proposing the 3 besar is what the report to the PPK stage delivers.
  laporanPpk: ["proposalIssued"],
  rekomendasi: ["recommendationRecorded"],
  // The Minister's approval in an election period is not in the table: the profile names the stage
  // it comes before, and gates.ts adds it (reachesStage below, gates.test.ts).
  penetapan: ["ppkChosen"],
  pelantikan: [],
};

/** The pansel finishes its scoring and the ranking; its chair may hand those on. */
const PANSEL_FINISHES: readonly Stage[] = [
  "asesmenManajerial",
  "kompetensiTeknis",
  "wawancara",
  "rekamJejak",
  "pemeringkatan",
];

type Move = readonly [from: Stage, to: Stage];

function forwardMoves(v: Variant): Move[] {
  return v.path.slice(0, -1).map((from, i) => [from, v.path[i + 1]!] as const);
}

function cancelMoves(v: Variant): Move[] {
  return v.path.filter((s) => !FINAL_STAGES.includes(s)).map((from) => [from, "dibatalkan"] as const);
}

type Why =
  | "skips a stage"
  | "goes backwards or stays"
  | "leaves a final stage"
  | "to a stage not used"
  | "from a stage not used";

/** Every pair of stages that is neither the next stage used nor a cancellation, with the reason. */
function illegalMoves(v: Variant): [Stage, Stage, Why][] {
  const legal = new Set([...forwardMoves(v), ...cancelMoves(v)].map(([f, t]) => `${f}>${t}`));
  const cases: [Stage, Stage, Why][] = [];
  for (const from of STAGES) {
    for (const to of STAGES) {
      if (legal.has(`${from}>${to}`)) continue;
      // Cancelling stays possible even from a stage the selection no longer uses (below).
      if (to === "dibatalkan" && !FINAL_STAGES.includes(from)) continue;
      let why: Why;
      if (FINAL_STAGES.includes(from)) why = "leaves a final stage";
      else if (!v.path.includes(from)) why = "from a stage not used";
      else if (!v.path.includes(to)) why = "to a stage not used";
      else if (v.path.indexOf(to) <= v.path.indexOf(from)) why = "goes backwards or stays";
      else why = "skips a stage";
      cases.push([from, to, why]);
    }
  }
  return cases;
}

function rule(from: Stage, to: Stage, stagesUsed: readonly Stage[]): TransitionRule {
  const found = findTransition(from, to, stagesUsed);
  if (!found) throw new Error(`expected ${from} → ${to} to be legal`);
  return found;
}

describe("the stage lists", () => {
  it("split every stage but cancellation into mandatory and optional, once each", () => {
    const both = [...MANDATORY_STAGES, ...OPTIONAL_STAGES].sort();
    expect(both).toEqual(STAGES.filter((s) => s !== "dibatalkan").sort());
    expect(new Set(both).size).toBe(both.length);
  });

  it("end in selesai or dibatalkan", () => {
    expect([...FINAL_STAGES].sort()).toEqual(["dibatalkan", "selesai"]);
  });
});

describe("normaliseStagesUsed", () => {
  it.each(VARIANTS.map((v) => [v.name, v] as const))("gives the path of %s in process order", (_name, v) => {
    expect(normaliseStagesUsed(v.stagesUsed)).toEqual(v.path);
  });

  it("always keeps the mandatory stages, puts stages in process order and never lists cancellation", () => {
    expect(normaliseStagesUsed(["rekomendasi", "wawancara", "dibatalkan", "wawancara", "persiapan"])).toEqual([
      "persiapan",
      "pendaftaran",
      "seleksiAdministrasi",
      "pengumumanAdministrasi",
      "wawancara",
      "pemeringkatan",
      "laporanPpk",
      "rekomendasi",
      "penetapan",
      "pelantikan",
      "selesai",
    ]);
  });
});

describe.each(VARIANTS.map((v) => [v.name, v] as const))("with %s", (_name, v) => {
  describe("legal moves forward", () => {
    it.each(forwardMoves(v))("%s → %s", (from, to) => {
      const r = rule(from, to, v.stagesUsed);
      expect(r).toEqual({
        from,
        to,
        proposers: PANSEL_FINISHES.includes(from) ? ["ketuaPansel", "operator"] : ["operator"],
        approvers: ["pejabat"],
        // The governor's consultation comes before the PPK's choice, from whichever stage leads there.
        gates: [
          ...GATES_LEAVING[from as keyof typeof GATES_LEAVING],
          ...(to === "penetapan" ? ["governorConsulted"] : []),
        ],
        reasonRequired: false,
      });
    });
  });

  describe("cancellation", () => {
    it.each(cancelMoves(v))("%s → %s: operator proposes with a reason, no gate", (from, to) => {
      expect(rule(from, to, v.stagesUsed)).toEqual({
        from,
        to,
        proposers: ["operator"],
        approvers: ["pejabat"],
        gates: [],
        reasonRequired: true,
      });
    });
  });

  describe("illegal moves", () => {
    it.each(illegalMoves(v))("%s → %s (%s)", (from, to) => {
      expect(findTransition(from, to, v.stagesUsed)).toBeUndefined();
    });
  });

  it("offers exactly the next stage and cancellation out of each stage of the path", () => {
    for (const [i, from] of v.path.entries()) {
      const targets = transitionsFrom(from, v.stagesUsed).map((t) => t.to);
      if (from === "selesai") expect(targets).toEqual([]);
      else expect(targets).toEqual([v.path[i + 1], "dibatalkan"]);
    }
    expect(transitionsFrom("dibatalkan", v.stagesUsed)).toEqual([]);
  });
});

describe("a selection left in a stage it no longer uses", () => {
  // e.g. rekomendasi taken out of stagesUsed after the selection reached it: no way forward is
  // guessed, but it can still be stopped.
  it.each(OPTIONAL_STAGES)("in %s with no optional stage used, can only be cancelled", (from) => {
    expect(transitionsFrom(from, []).map((t) => t.to)).toEqual(["dibatalkan"]);
    expect(rule(from, "dibatalkan", []).reasonRequired).toBe(true);
  });
});

describe("mayPropose", () => {
  type Actor = { roles: readonly StaffRole[]; isKetuaPansel: boolean };
  const operator: Actor = { roles: ["operator"], isKetuaPansel: false };
  const ketuaPansel: Actor = { roles: ["pansel"], isKetuaPansel: true };
  const anggotaPansel: Actor = { roles: ["pansel"], isKetuaPansel: false };
  const pejabat: Actor = { roles: ["pejabat"], isKetuaPansel: false };
  const nobody: Actor = { roles: [], isKetuaPansel: false };

  const all = VARIANTS[0]!;
  const everyMove = [...forwardMoves(all), ...cancelMoves(all)];

  it.each(everyMove)("an operator may propose %s → %s", (from, to) => {
    expect(mayPropose(rule(from, to, all.stagesUsed), operator)).toBe(true);
  });

  it.each(everyMove.map(([from, to]) => [from, to, to !== "dibatalkan" && PANSEL_FINISHES.includes(from)] as const))(
    "the ketua pansel may propose %s → %s: %s",
    (from, to, allowed) => {
      expect(mayPropose(rule(from, to, all.stagesUsed), ketuaPansel)).toBe(allowed);
    },
  );

  it.each(everyMove)(
    "no pansel member who is not ketua, no pejabat, no one without a role proposes %s → %s",
    (from, to) => {
      const r = rule(from, to, all.stagesUsed);
      expect(mayPropose(r, anggotaPansel)).toBe(false);
      expect(mayPropose(r, pejabat)).toBe(false);
      expect(mayPropose(r, nobody)).toBe(false);
    },
  );
});

describe("mayApprove (four eyes)", () => {
  const r = rule("persiapan", "pendaftaran", []);
  const cancel = rule("wawancara", "dibatalkan", METRO_STAGES_USED);

  it.each([
    { who: "a pejabat who did not propose", uid: "sekda", roles: ["pejabat"], proposer: "operator-1", expected: true },
    {
      who: "the proposer, even as pejabat",
      uid: "op-pejabat",
      roles: ["operator", "pejabat"],
      proposer: "op-pejabat",
      expected: false,
    },
    { who: "an operator", uid: "operator-2", roles: ["operator"], proposer: "operator-1", expected: false },
    { who: "a pansel member", uid: "pansel-1", roles: ["pansel"], proposer: "operator-1", expected: false },
    { who: "someone without a role", uid: "peserta", roles: [], proposer: "operator-1", expected: false },
  ] as const)("$who: $expected", ({ uid, roles, proposer, expected }) => {
    expect(mayApprove(r, { uid, roles }, proposer)).toBe(expected);
    expect(mayApprove(cancel, { uid, roles }, proposer)).toBe(expected);
  });
});

describe("reachesStage", () => {
  it("is the move into the stage", () => {
    expect(reachesStage(rule("penetapan", "pelantikan", []), "pelantikan")).toBe(true);
    expect(reachesStage(rule("laporanPpk", "penetapan", []), "pelantikan")).toBe(false);
    expect(reachesStage(rule("pelantikan", "selesai", []), "pelantikan")).toBe(false);
  });

  it("is the move past a stage the selection leaves out", () => {
    // No rekomendasi: laporanPpk → penetapan passes where it would have been.
    expect(reachesStage(rule("laporanPpk", "penetapan", []), "rekomendasi")).toBe(true);
    expect(reachesStage(rule("laporanPpk", "rekomendasi", ["rekomendasi"]), "rekomendasi")).toBe(true);
    expect(reachesStage(rule("rekomendasi", "penetapan", ["rekomendasi"]), "rekomendasi")).toBe(false);
  });

  it("is never a cancellation", () => {
    expect(reachesStage(rule("penetapan", "dibatalkan", []), "pelantikan")).toBe(false);
    expect(reachesStage(rule("penetapan", "dibatalkan", []), "selesai")).toBe(false);
  });
});
