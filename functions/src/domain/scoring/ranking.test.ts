import { describe, expect, it } from "vitest";
import { MEMBERS, METRO_CANDIDATES, METRO_PLAN } from "../../../../test/fixtures/metro2021Scoring.js";
import type { ScoringPlan } from "../selection/setup.js";
import { markColumns, type Mark, type MarkColumns } from "./aggregate.js";
import { rank, tieRules, type RankingInput } from "./ranking.js";

const BAPPEDA = METRO_CANDIDATES.filter((c) => c.postId === "bappeda");
const DISDIKBUD = METRO_CANDIDATES.filter((c) => c.postId === "disdikbud");
const POSTS = [{ id: "asisten-1" }, { id: "bappeda" }, { id: "disdikbud" }];

interface Sheet {
  /** Raw total of 400 from the assessment report. */
  asesmen?: number;
  /** The level every member gives every indicator, or one level per member. */
  makalah?: number | number[];
  wawancara?: number | number[];
  rekamJejak?: number;
}

const INDICATORS = { makalah: 3, wawancara: 4 } as const;

function sheet(applicationId: string, s: Sheet): Mark[] {
  const out: Mark[] = [];
  if (s.asesmen !== undefined)
    out.push({ applicationId, componentId: "asesmen", memberUid: "import", marks: s.asesmen * 100 });
  for (const id of ["makalah", "wawancara"] as const) {
    const level = s[id];
    if (level === undefined) continue;
    MEMBERS.forEach((memberUid, i) => {
      const l = Array.isArray(level) ? level[i] : level;
      if (l !== undefined) out.push({ applicationId, componentId: id, memberUid, marks: l * 100 * INDICATORS[id] });
    });
  }
  if (s.rekamJejak !== undefined) {
    for (const memberUid of MEMBERS) {
      out.push({ applicationId, componentId: "rekam-jejak", memberUid, marks: s.rekamJejak * 100 });
    }
  }
  return out;
}

const id = (i: number) => BAPPEDA[i]!.applicationId;

/** Six Bappeda candidates with complete, distinct scores. */
function bappedaMarks(): Mark[] {
  return [
    ...sheet(id(0), { asesmen: 340, makalah: 90, wawancara: 90, rekamJejak: 85 }), // 85·.4+90·.25+90·.25+8.5 = 87.5
    ...sheet(id(1), { asesmen: 320, makalah: 75, wawancara: 90, rekamJejak: 80 }), // 32+18.75+22.5+8 = 81.25
    ...sheet(id(2), { asesmen: 300, makalah: 75, wawancara: 75, rekamJejak: 80 }), // 30+18.75+18.75+8 = 75.5
    ...sheet(id(3), { asesmen: 280, makalah: 60, wawancara: 75, rekamJejak: 70 }), // 28+15+18.75+7 = 68.75
    ...sheet(id(4), { asesmen: 260, makalah: 60, wawancara: 60, rekamJejak: 70 }), // 26+15+15+7 = 63
    ...sheet(id(5), { asesmen: 252, makalah: 40, wawancara: 60, rekamJejak: 60 }), // 25.2+10+15+6 = 56.2
  ];
}

const input = (marks: Mark[], extra: Partial<RankingInput> = {}): RankingInput => ({
  plan: METRO_PLAN,
  posts: POSTS,
  candidates: [...BAPPEDA, ...DISDIKBUD],
  marks,
  ...extra,
});
const post = (r: ReturnType<typeof rank>, postId: string) => r.posts.find((p) => p.postId === postId)!;

describe("rank", () => {
  it("ranks by the weighted total and proposes the 3 besar", () => {
    const r = rank(input(bappedaMarks()));
    const bappeda = post(r, "bappeda");
    expect(bappeda.ranked.map((x) => [x.rank, x.applicationId, x.total])).toEqual([
      [1, id(0), 8750],
      [2, id(1), 8125],
      [3, id(2), 7550],
      [4, id(3), 6875],
      [5, id(4), 6300],
      [6, id(5), 5620],
    ]);
    expect(bappeda.finalists).toEqual([id(0), id(1), id(2)]);
    expect(bappeda.finalistsTied).toBe(false);
    // Figures in hundredths, per component in the ranking's order: asesmen 340 of 400 = 85.00 → 34.00 points.
    expect(bappeda.ranked[0]!.figures).toEqual({
      scores: [8500, 9000, 9000, 8500],
      points: [3400, 2250, 2250, 850],
      scorers: [1, 5, 5, 5],
      trimmed: [false, false, false, false],
    });
    expect(r).toMatchObject({ interim: false, components: ["asesmen", "makalah", "wawancara", "rekam-jejak"] });
  });

  it("a candidate who missed a mandatory component is out with that reason, not ranked last", () => {
    const marks = bappedaMarks().filter((m) => !(m.applicationId === id(1) && m.componentId === "wawancara"));
    const bappeda = post(rank(input(marks)), "bappeda");
    expect(bappeda.ranked.map((x) => x.applicationId)).not.toContain(id(1));
    expect(bappeda.eliminated).toEqual([
      expect.objectContaining({ applicationId: id(1), reason: { code: "missedComponent", componentId: "wawancara" } }),
    ]);
    expect(bappeda.finalists).toEqual([id(0), id(2), id(3)]);
  });

  it("a missed optional component counts as no points, and the candidate stays ranked", () => {
    const plan: ScoringPlan = {
      ...METRO_PLAN,
      components: METRO_PLAN.components.map((c) => (c.id === "rekam-jejak" ? { ...c, mandatory: false } : c)),
    };
    const marks = bappedaMarks().filter((m) => !(m.applicationId === id(0) && m.componentId === "rekam-jejak"));
    const bappeda = post(rank(input(marks, { plan })), "bappeda");
    const first = bappeda.ranked.find((x) => x.applicationId === id(0))!;
    expect(first.total).toBe(7900);
    expect(first.figures.scores[3]).toBeNull();
    expect(first.figures.points[3]).toBeNull();
    expect(first.figures.scorers[3]).toBe(0);
    expect(bappeda.eliminated).toEqual([]);
  });

  it("a score below the component's minimum eliminates, with the score and the minimum", () => {
    const marks = [
      ...bappedaMarks().filter((m) => !(m.applicationId === id(5) && m.componentId === "asesmen")),
      ...sheet(id(5), { asesmen: 238 }), // 59.5 < 60
    ];
    const bappeda = post(rank(input(marks)), "bappeda");
    expect(bappeda.eliminated).toEqual([
      {
        applicationId: id(5),
        reason: { code: "belowMinScore", componentId: "asesmen", score: 5950, minScore: 60 },
        total: 5480, // 23.8 + 10 + 15 + 6: an eliminated candidate keeps their figures for the rekap
        figures: expect.objectContaining({ scores: [5950, 4000, 6000, 6000] }),
      },
    ]);
    // Exactly the minimum is not below it.
    const atMin = [
      ...bappedaMarks().filter((m) => !(m.applicationId === id(5) && m.componentId === "asesmen")),
      ...sheet(id(5), { asesmen: 240 }),
    ];
    expect(post(rank(input(atMin)), "bappeda").eliminated).toEqual([]);
  });

  it("only the top N go on after a stage with a cut; the others are out with their rank at the cut", () => {
    const plan: ScoringPlan = {
      ...METRO_PLAN,
      components: METRO_PLAN.components.map((c) => (c.id === "asesmen" ? { ...c, advancePerPost: 4 } : c)),
    };
    // The two cut after the assessment have no later scores: they are out for the cut, not for those.
    const marks = bappedaMarks().filter(
      (m) => m.componentId === "asesmen" || (m.applicationId !== id(4) && m.applicationId !== id(5)),
    );
    const bappeda = post(rank(input(marks, { plan })), "bappeda");
    expect(bappeda.ranked.map((x) => x.applicationId)).toEqual([id(0), id(1), id(2), id(3)]);
    expect(bappeda.eliminated.map((e) => [e.applicationId, e.reason])).toEqual([
      [id(4), { code: "notAdvanced", stage: "asesmenManajerial", rank: 5, advance: 4 }],
      [id(5), { code: "notAdvanced", stage: "asesmenManajerial", rank: 6, advance: 4 }],
    ]);
  });

  it("breaks an equal total by the configured components in order, and says so", () => {
    // Same total 75.5: id(2) 300/75/75/80; id(3) made equal with a better paper, a weaker interview.
    const marks = [
      ...bappedaMarks().filter((m) => m.applicationId !== id(3)),
      ...sheet(id(3), { asesmen: 300, makalah: 90, wawancara: 60, rekamJejak: 80 }),
    ];
    const bappeda = post(rank(input(marks)), "bappeda");
    // Default order: heaviest first (asesmen 40, then makalah 25): makalah decides for id(3).
    expect(tieRules(METRO_PLAN).components).toEqual(["asesmen", "makalah", "wawancara", "rekam-jejak"]);
    expect(bappeda.ranked.slice(2, 4).map((x) => [x.rank, x.applicationId, x.total, x.tie])).toEqual([
      [3, id(3), 7550, null],
      [4, id(2), 7550, { above: id(3), rule: "component", componentId: "makalah" }],
    ]);
    // A configured order that looks at the interview first turns it round.
    const plan: ScoringPlan = { ...METRO_PLAN, tieBreak: { components: ["wawancara"], final: "none" } };
    const other = post(rank(input(marks, { plan })), "bappeda");
    expect(other.ranked.slice(2, 4).map((x) => [x.applicationId, x.tie])).toEqual([
      [id(2), null],
      [id(3), { above: id(2), rule: "component", componentId: "wawancara" }],
    ]);
  });

  it("then by seniority read from the NIP; a tie no rule breaks shares the rank and is reported", () => {
    const same = { asesmen: 300, makalah: 75, wawancara: 75, rekamJejak: 80 };
    const marks = [
      ...bappedaMarks().filter((m) => m.applicationId !== id(1) && m.applicationId !== id(2)),
      ...sheet(id(1), same),
      ...sheet(id(2), same),
    ];
    const bappeda = post(rank(input(marks)), "bappeda");
    // 197508222000032002 started in 2000-03; 197011041997031003 in 1997-03: the longer service first.
    expect(BAPPEDA[1]!.nip.slice(8, 14)).toBe("200003");
    expect(BAPPEDA[2]!.nip.slice(8, 14)).toBe("199703");
    expect(bappeda.ranked.slice(1, 3).map((x) => [x.rank, x.applicationId, x.tie])).toEqual([
      [2, id(2), null],
      [3, id(1), { above: id(2), rule: "serviceStart" }],
    ]);
    const plan: ScoringPlan = { ...METRO_PLAN, tieBreak: { components: ["asesmen", "makalah"], final: "none" } };
    const tied = post(rank(input(marks, { plan, components: undefined })), "bappeda");
    const [a, b] = [id(1), id(2)].sort();
    expect(tied.ranked.slice(1, 3).map((x) => [x.rank, x.applicationId, x.tie])).toEqual([
      [2, a, null],
      [2, b, { above: a, rule: "unresolved" }],
    ]);
    expect(tied.ranked[3]!.rank).toBe(4);
  });

  it("a tie no rule breaks across the line gives more finalists and says so", () => {
    const same = { asesmen: 300, makalah: 75, wawancara: 75, rekamJejak: 80 };
    const marks = [
      ...bappedaMarks().filter((m) => m.applicationId !== id(2) && m.applicationId !== id(3)),
      ...sheet(id(2), same),
      ...sheet(id(3), same),
    ];
    const plan: ScoringPlan = { ...METRO_PLAN, tieBreak: { components: [], final: "none" } };
    const bappeda = post(rank(input(marks, { plan })), "bappeda");
    expect(bappeda.finalists).toHaveLength(4);
    expect(bappeda.finalistsTied).toBe(true);
  });

  it("interim standings rank the components done so far and name them; no 3 besar yet", () => {
    const marks = bappedaMarks().filter((m) => m.componentId === "asesmen" || m.componentId === "makalah");
    const r = rank(input(marks, { components: ["makalah", "asesmen"] }));
    expect(r.interim).toBe(true);
    expect(r.components).toEqual(["asesmen", "makalah"]);
    expect(r.tieBreak).toEqual({ components: ["asesmen", "makalah"], final: "seniority" });
    const bappeda = post(r, "bappeda");
    expect(bappeda.eliminated).toEqual([]);
    expect(bappeda.finalists).toEqual([]);
    expect(bappeda.ranked.map((x) => x.total)).toEqual([5650, 5075, 4875, 4300, 4100, 3520]);
    expect(bappeda.ranked[0]!.figures.scores).toEqual([8500, 9000]);
  });

  it("a cancelled post is left out of the ranking", () => {
    const marks = [
      ...bappedaMarks(),
      ...sheet(DISDIKBUD[0]!.applicationId, { asesmen: 300, makalah: 75, wawancara: 75, rekamJejak: 80 }),
    ];
    const r = rank(input(marks, { posts: [{ id: "bappeda" }, { id: "disdikbud", cancelled: true }] }));
    expect(r.posts.map((p) => p.postId)).toEqual(["bappeda"]);
    expect(r.cancelledPosts).toEqual(["disdikbud"]);
    expect(JSON.stringify(r)).not.toContain(DISDIKBUD[0]!.applicationId);
  });

  it("gives byte-identical JSON for the same input in any order", () => {
    const marks = [
      ...bappedaMarks(),
      ...DISDIKBUD.flatMap((c, i) =>
        sheet(c.applicationId, {
          asesmen: 250 + i * 13,
          makalah: [90, 75, 60, 75, 90],
          wawancara: [75, 75, 60, 90, 40],
          rekamJejak: 70 + i,
        }),
      ),
    ];
    const plan: ScoringPlan = { ...METRO_PLAN, aggregation: "trimmedMean" };
    const reference = JSON.stringify(rank(input(marks, { plan })));
    let seed = 20211011;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const shuffle = <T>(xs: readonly T[]) => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    };
    for (let round = 0; round < 20; round++) {
      const shuffled = rank(input(shuffle(marks), { plan, candidates: shuffle([...BAPPEDA, ...DISDIKBUD]) }));
      expect(JSON.stringify(shuffled)).toBe(reference);
    }
  });
  it("gives the same JSON from the scores as columns as from the scores as objects", () => {
    let seed = 9;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const candidates = [...BAPPEDA, ...DISDIKBUD];
    let tied = 0;
    let outs = 0;
    for (let round = 0; round < 30; round++) {
      // Random scores, some missing (eliminations), some for strangers or unknown components
      // (ignored), on a coarse grid so that equal totals and every tie rule occur.
      const marks: Mark[] = [];
      for (const c of [...candidates, { applicationId: "stranger" }]) {
        for (const componentId of ["asesmen", "makalah", "wawancara", "rekam-jejak", "unknown"]) {
          if (random() < 0.05) continue;
          const members = componentId === "asesmen" ? ["import"] : MEMBERS.filter(() => random() < 0.9);
          for (const memberUid of members) {
            const marksOf = componentId === "asesmen" ? 100 * pick([200, 280, 320, 400]) : 100 * pick([60, 75, 90]);
            marks.push({ applicationId: c.applicationId, componentId, memberUid, marks: marksOf });
          }
        }
      }
      const plan: ScoringPlan = { ...METRO_PLAN, aggregation: round % 2 ? "trimmedMean" : "mean" };
      const components = round % 3 === 0 ? ["asesmen", "makalah"] : undefined;
      const asObjects = JSON.stringify(rank(input(marks, { plan, components })));
      if (asObjects.includes('"rule"')) tied++;
      if (asObjects.includes('"code"')) outs++;
      expect(JSON.stringify(rank(input(marks, { plan, components, marks: markColumns(marks) })))).toBe(asObjects);

      // Columns as a caller reading Firestore builds them: ids listed in any order, with indexes
      // outside the lists (a score for nobody the ranking knows) ignored like unknown ids.
      const applicationIds = [...new Set(marks.map((m) => m.applicationId))].reverse();
      const componentIds = [...new Set(marks.map((m) => m.componentId))].reverse();
      const memberUids = [...new Set(marks.map((m) => m.memberUid))];
      const n = marks.length + 2;
      const columns: MarkColumns = {
        applicationIds,
        componentIds,
        memberUids,
        application: Int32Array.from({ length: n }, (_, i) =>
          i < marks.length ? applicationIds.indexOf(marks[i]!.applicationId) : i === marks.length ? 999 : 0,
        ),
        component: Int32Array.from({ length: n }, (_, i) =>
          i < marks.length ? componentIds.indexOf(marks[i]!.componentId) : i === marks.length ? 0 : -1,
        ),
        member: Int32Array.from({ length: n }, (_, i) =>
          i < marks.length ? memberUids.indexOf(marks[i]!.memberUid) : 0,
        ),
        marks: Float64Array.from({ length: n }, (_, i) => (i < marks.length ? marks[i]!.marks : 100)),
      };
      expect(JSON.stringify(rank(input(marks, { plan, components, marks: columns })))).toBe(asObjects);
    }
    // The rounds did exercise the tie rules and the eliminations, not only plain orderings.
    expect({ tied: tied > 5, outs: outs > 5 }).toEqual({ tied: true, outs: true });
  });
});
