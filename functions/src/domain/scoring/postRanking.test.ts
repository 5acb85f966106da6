import { describe, expect, it } from "vitest";
import { MEMBERS, METRO_CANDIDATES, METRO_PLAN } from "../../../../test/fixtures/metro2021Scoring.js";
import { canonicalJson, componentsUpTo, computePostRanking, hundredths, type RankingSources } from "./postRanking.js";

const BAPPEDA = METRO_CANDIDATES.filter((c) => c.postId === "bappeda");
const id = (i: number) => BAPPEDA[i]!.applicationId;
const INDICATORS = {
  makalah: ["substansi", "program-kerja", "presentasi"],
  wawancara: ["visi-misi", "integritas", "kepemimpinan", "pemahaman-tugas"],
} as const;

type Score = RankingSources["scores"][number];

function rubricScore(
  applicationId: string,
  componentId: "makalah" | "wawancara",
  memberUid: string,
  level: number,
): Score {
  const levels = Object.fromEntries(INDICATORS[componentId].map((i) => [i, level]));
  return { applicationId, componentId, memberUid, levels, value: null, note: "", status: "submitted" };
}

/** Every member scores every Bappeda candidate: makalah and wawancara at `level[i]`, rekam jejak 80. */
function allScores(levels: number[]): Score[] {
  return BAPPEDA.flatMap((c, i) =>
    MEMBERS.flatMap((m) => [
      rubricScore(c.applicationId, "makalah", m, levels[i]!),
      rubricScore(c.applicationId, "wawancara", m, levels[i]!),
      {
        applicationId: c.applicationId,
        componentId: "rekam-jejak",
        memberUid: m,
        levels: null,
        value: 80,
        note: "",
        status: "submitted",
      },
    ]),
  );
}

/** Every member's declaration on every Bappeda candidate: none, but for the conflicts given. */
function declarations(conflicted: readonly (readonly [member: string, applicationId: string])[] = []) {
  return MEMBERS.map((memberUid) => ({
    memberUid,
    entries: BAPPEDA.map(({ applicationId }) => ({
      applicationId,
      kind: conflicted.some(([m, a]) => m === memberUid && a === applicationId) ? "family" : "none",
    })),
  }));
}

function sources(extra: Partial<RankingSources> = {}): RankingSources {
  return {
    plan: METRO_PLAN,
    selectionId: "metro-2021-jpt",
    postId: "bappeda",
    stage: "pemeringkatan",
    members: MEMBERS.map((uid) => ({ uid, name: uid })),
    applications: METRO_CANDIDATES.map((c, i) => ({
      applicationId: c.applicationId,
      postId: c.postId,
      status: "ms",
      name: `Calon ${i + 1}`,
      nip: c.nip,
    })),
    scores: allScores([90, 75, 75, 60, 60, 40]),
    imported: BAPPEDA.map((c, i) => ({
      applicationId: c.applicationId,
      componentId: "asesmen",
      marks: (340 - i * 10) * 100,
    })),
    conflicts: declarations(),
    ...extra,
  };
}

const run = (s: RankingSources) => {
  const r = computePostRanking(s);
  if ("code" in r) throw new Error(r.code);
  return r;
};

describe("computePostRanking", () => {
  it("ranks the post's MS candidates, proposes the 3 besar and is lockable when every score is in", () => {
    const r = run(sources());
    expect(r.ranked.map((x) => x.applicationId)).toEqual([id(0), id(1), id(2), id(3), id(4), id(5)]);
    // 340/400 = 85 → 34.00; 90 → 22.50 twice; 80 → 8.00: 87.00.
    expect(r.ranked[0]!.total).toBe(8700);
    expect(r.finalists).toEqual([id(0), id(1), id(2)]);
    expect(r.cutoff).toBe(3);
    expect(r).toMatchObject({ final: true, interim: false, lockable: true, blockers: [] });
    expect(r.candidates).toHaveLength(6);
    expect(r.candidates[0]!.nip).toMatch(/\*{8}/);
  });

  it("drops a recused member's marks before ranking and before the spread flags", () => {
    const scores = allScores([90, 75, 75, 60, 60, 40]).map((s) =>
      s.applicationId === id(5) && s.memberUid === MEMBERS[0] && s.componentId !== "rekam-jejak"
        ? rubricScore(s.applicationId, s.componentId as "makalah", s.memberUid, 90)
        : s,
    );
    const withoutConflict = run(sources({ scores }));
    // The recused member's 90s against the others' 40s: a spread flag and a higher total.
    expect(withoutConflict.spread.cells.map((c) => c.applicationId)).toContain(id(5));
    const conflicts = declarations([[MEMBERS[0], id(5)]]);
    const r = run(sources({ scores, conflicts }));
    const fifth = r.ranked.find((x) => x.applicationId === id(5))!;
    expect(fifth.total).toBe(run(sources()).ranked.find((x) => x.applicationId === id(5))!.total);
    expect(fifth.figures.scorers).toEqual([1, 4, 4, 4]);
    expect(r.spread.cells.map((c) => c.applicationId)).not.toContain(id(5));
    expect(r.dropped).toEqual({ recused: 3, notAssigned: 0, invalid: 0 });
    const dot = r.dots.find((d) => d.applicationId === id(5) && d.componentId === "makalah")!;
    expect(dot.scores[r.members.findIndex((m) => m.uid === MEMBERS[0])]).toBeNull();
    expect(dot.scores.filter((x) => x !== null)).toEqual([4000, 4000, 4000, 4000]);
  });

  it("ignores drafts, members not assigned to the post and scores that do not fit the plan", () => {
    const base = allScores([90, 75, 75, 60, 60, 40]);
    const extra: Score[] = [
      { ...rubricScore(id(5), "makalah", "pansel-intruder", 90) },
      { ...rubricScore(id(5), "wawancara", MEMBERS[1], 90), status: "draft" },
      { ...rubricScore(id(4), "makalah", MEMBERS[1], 90), levels: { substansi: 90 } },
    ];
    const clean = run(sources({ scores: base }));
    // The malformed one replaces member 1's valid makalah score for id(4): it is dropped, not counted.
    const r = run(
      sources({
        scores: [
          ...base.filter(
            (s) => !(s.applicationId === id(4) && s.memberUid === MEMBERS[1] && s.componentId === "makalah"),
          ),
          ...extra,
        ],
      }),
    );
    expect(r.dropped).toEqual({ recused: 0, notAssigned: 1, invalid: 1 });
    expect(r.ranked.find((x) => x.applicationId === id(5))!.total).toBe(
      clean.ranked.find((x) => x.applicationId === id(5))!.total,
    );
    // Member 1's makalah for id(4) is missing: awaited, so the post cannot be locked.
    expect(r.lockable).toBe(false);
    expect(r.blockers).toEqual([
      {
        applicationId: id(4),
        componentId: "makalah",
        required: 3,
        eligible: 5,
        undeclared: 0,
        submitted: 4,
        status: "awaiting",
      },
    ]);
  });

  it("a candidate below quorum after recusals blocks locking; a missing import is awaited", () => {
    const conflicts = declarations(MEMBERS.slice(0, 3).map((m) => [m, id(2)] as const));
    const r = run(sources({ conflicts, imported: sources().imported.filter((i) => i.applicationId !== id(3)) }));
    expect(r.lockable).toBe(false);
    expect(r.blockers.map((b) => [b.applicationId, b.componentId, b.status])).toEqual(
      [
        [id(2), "makalah", "belowQuorum"],
        [id(2), "wawancara", "belowQuorum"],
        [id(2), "rekam-jejak", "belowQuorum"],
        [id(3), "asesmen", "awaiting"],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)),
    );
    expect(r.eliminated).toContainEqual(
      expect.objectContaining({ applicationId: id(3), reason: { code: "missedComponent", componentId: "asesmen" } }),
    );
  });

  it("waits for a member who declared before a candidate became MS, who cannot score them yet", () => {
    const late = id(1);
    // Member 0 declared when the post had five candidates; id(1) became MS afterwards (an objection).
    const conflicts = declarations().map((d) =>
      d.memberUid === MEMBERS[0] ? { ...d, entries: d.entries.filter((e) => e.applicationId !== late) } : d,
    );
    const scores = allScores([90, 75, 75, 60, 60, 40]).filter(
      (s) => !(s.applicationId === late && s.memberUid === MEMBERS[0]),
    );
    const r = run(sources({ conflicts, scores }));
    expect(r.lockable).toBe(false);
    expect(r.blockers).toEqual(
      ["makalah", "wawancara", "rekam-jejak"].map((componentId) => ({
        applicationId: late,
        componentId,
        required: 3,
        eligible: 4,
        undeclared: 1,
        submitted: 4,
        status: "undeclared",
      })),
    );
    // Once the member declares none and scores, the post is complete again.
    expect(run(sources()).lockable).toBe(true);
  });

  it("a candidate nobody declared on can never reach the quorum until they do", () => {
    const conflicts = declarations().map((d) => ({
      ...d,
      entries: d.entries.filter((e) => e.applicationId !== id(0)),
    }));
    const r = run(
      sources({ conflicts, scores: allScores([90, 75, 75, 60, 60, 40]).filter((s) => s.applicationId !== id(0)) }),
    );
    const first = r.blockers.filter((b) => b.applicationId === id(0));
    expect(first.map((b) => [b.status, b.eligible, b.undeclared])).toEqual([
      ["undeclared", 0, 5],
      ["undeclared", 0, 5],
      ["undeclared", 0, 5],
    ]);
  });

  it("an interim ranking counts the components up to its stage and proposes nobody", () => {
    const r = run(sources({ stage: "kompetensiTeknis" }));
    expect(r.components.map((c) => c.id)).toEqual(["asesmen", "makalah"]);
    expect(r).toMatchObject({ final: false, interim: true, finalists: [] });
    expect(r.ranked[0]!.total).toBe(3400 + 2250);
    expect(componentsUpTo(METRO_PLAN, "pendaftaran")).toEqual({
      code: "err.ranking.notScoringStage",
      params: { stage: "pendaftaran" },
    });
  });

  it("gives the same canonical JSON whatever order the stored documents were read in", () => {
    const a = sources();
    const b = {
      ...a,
      scores: [...a.scores].reverse(),
      applications: [...a.applications].reverse(),
      imported: [...a.imported].reverse(),
      members: [...a.members].reverse(),
    };
    expect(canonicalJson(run(b))).toBe(canonicalJson(run(a)));
    // Keys are sorted at every level.
    expect(canonicalJson({ b: 1, a: { d: 2, c: [{ f: 1, e: 2 }] } })).toBe('{"a":{"c":[{"e":2,"f":1}],"d":2},"b":1}');
  });

  it("prints hundredths with a decimal comma", () => {
    expect([hundredths(8750), hundredths(5), hundredths(10000, ".")]).toEqual(["87,50", "0,05", "100.00"]);
  });
});
