import { describe, expect, it } from "vitest";
import { MEMBERS, METRO_CANDIDATES, METRO_PLAN } from "../../../../test/fixtures/metro2021Scoring.js";
import { parseWith } from "../validation.js";
import {
  conflictEntry,
  extendDeclaration,
  kindsOf,
  lockBlockers,
  mayScore,
  quorumReport,
  recusals,
  requiredQuorum,
  undeclaredCandidates,
  validateDeclaration,
  type ConflictEntry,
  type StoredConflicts,
} from "./conflicts.js";

const BAPPEDA = METRO_CANDIDATES.filter((c) => c.postId === "bappeda").map((c) => c.applicationId);
const [A, B, C] = BAPPEDA as [string, string, string];
const none = (applicationId: string): ConflictEntry => ({ applicationId, kind: "none", note: "" });

describe("declarations", () => {
  it("accept one entry per candidate, conflicts with or without notes as their kind needs", () => {
    const entries = BAPPEDA.map(none);
    entries[1] = { applicationId: B, kind: "family", note: "" };
    entries[2] = { applicationId: C, kind: "other", note: "Mantan atasan langsung di Bappeda (2015–2018)" };
    expect(validateDeclaration(BAPPEDA, entries)).toEqual([]);
  });

  it("refuse a skipped candidate, a candidate twice, a stranger and an unexplained 'other'", () => {
    const entries: ConflictEntry[] = [
      none(A),
      none(A),
      none("metro-2021-jpt_dpkp_someone"),
      { applicationId: C, kind: "other", note: "ada" },
    ];
    const codes = validateDeclaration(BAPPEDA, entries).map((i) => [i.code, i.field]);
    expect(codes).toEqual([
      ["err.conflict.duplicate", "entries.1"],
      ["err.conflict.notCandidate", "entries.2"],
      ["err.conflict.noteRequired", "entries.3.note"],
      ["err.conflict.incomplete", "entries"],
    ]);
  });

  it("after a first declaration, take exactly the candidates who became MS since", () => {
    const three = [A, B, C];
    const declared = new Set([A, B]);
    expect(undeclaredCandidates(three, { [A]: "none", [B]: "family" })).toEqual([C]);
    expect(undeclaredCandidates(three, undefined)).toEqual(three);
    expect(validateDeclaration(three, [none(C)], declared)).toEqual([]);
    // Naming a declared candidate again, even with the same kind, is changing a declaration: refused.
    const again = validateDeclaration(three, [{ applicationId: B, kind: "none", note: "" }, none(C)], declared);
    expect(again.map((i) => [i.code, i.field])).toEqual([["err.conflict.alreadyDeclared", "entries.0"]]);
    expect(validateDeclaration(three, [], declared).map((i) => [i.code, i.params])).toEqual([
      ["err.conflict.incomplete", { count: 1 }],
    ]);
  });

  it("extend a declaration without touching what it said", () => {
    const first = [none(A), { applicationId: B, kind: "family" as const, note: "" }];
    const prior: StoredConflicts = {
      instansiId: "kota-metro",
      selectionId: "metro-2021-jpt",
      postId: "bappeda",
      memberUid: "m",
      entries: first,
      kinds: kindsOf(first),
      declaredAt: "2021-10-20T02:00:00.000Z",
    };
    const later = { applicationId: C, kind: "other" as const, note: "Mantan bawahan langsung" };
    const extended = extendDeclaration(prior, [later], "2021-10-27T03:00:00.000Z");
    expect(extended).toEqual({
      ...prior,
      entries: [...first, later],
      kinds: { [A]: "none", [B]: "family", [C]: "other" },
      amendedAt: "2021-10-27T03:00:00.000Z",
    });
  });

  it("parse only the known kinds", () => {
    expect(parseWith(conflictEntry, { applicationId: A, kind: "friendship" }).ok).toBe(false);
    const ok = parseWith(conflictEntry, { applicationId: A, kind: "superiorSubordinate" });
    expect(ok.ok && ok.value.note).toBe("");
  });

  it("recuse a member from a candidate they declared a conflict with, and only from that one", () => {
    const decl = { entries: [none(A), { applicationId: B, kind: "family" as const, note: "" }] };
    expect(mayScore("m", A, decl)).toBe("ok");
    expect(mayScore("m", B, decl)).toBe("recused");
    expect(mayScore("m", C, decl)).toBe("undeclared");
    expect(mayScore("m", A, undefined)).toBe("undeclared");
    expect([...recusals([{ memberUid: "m", ...decl }])]).toEqual([`m ${B}`]);
  });
});

describe("quorum", () => {
  const submittedAll = (candidates: string[], members: readonly string[]) =>
    candidates.flatMap((applicationId) =>
      members.flatMap((memberUid) =>
        ["makalah", "wawancara", "rekam-jejak"].map((componentId) => ({ memberUid, applicationId, componentId })),
      ),
    );

  it("is a majority of the assigned members by default, or the plan's figure", () => {
    expect(requiredQuorum(METRO_PLAN, 5)).toBe(3);
    expect(requiredQuorum(METRO_PLAN, 7)).toBe(4);
    expect(requiredQuorum({ quorum: 5 }, 5)).toBe(5);
  });

  it("flags a candidate from whom too many members are recused, and blocks locking", () => {
    const recused = new Set([`${MEMBERS[0]} ${B}`, `${MEMBERS[1]} ${B}`, `${MEMBERS[2]} ${B}`]);
    const rows = quorumReport({
      plan: METRO_PLAN,
      assigned: MEMBERS,
      candidates: [A, B],
      recused,
      submitted: submittedAll([A, B], MEMBERS),
    });
    // The imported assessment needs no quorum.
    expect(rows.map((r) => r.componentId)).not.toContain("asesmen");
    const b = rows.filter((r) => r.applicationId === B);
    expect(b.every((r) => r.status === "belowQuorum" && r.eligible === 2 && r.required === 3)).toBe(true);
    // The recused members' submissions (which the rules never let in) would not count.
    expect(b[0]!.submitted).toBe(2);
    expect(rows.filter((r) => r.applicationId === A).every((r) => r.status === "complete")).toBe(true);
    expect(lockBlockers(rows)).toHaveLength(3);
  });

  it("with two of five recused, three remain: a quorum, complete once those three submit", () => {
    const recused = new Set([`${MEMBERS[0]} ${B}`, `${MEMBERS[1]} ${B}`]);
    const rest = MEMBERS.slice(2);
    const waiting = quorumReport({
      plan: METRO_PLAN,
      assigned: MEMBERS,
      candidates: [B],
      recused,
      submitted: submittedAll([B], rest.slice(0, 2)),
    });
    expect(waiting.map((r) => [r.status, r.submitted, r.eligible])).toEqual([
      ["awaiting", 2, 3],
      ["awaiting", 2, 3],
      ["awaiting", 2, 3],
    ]);
    const done = quorumReport({
      plan: METRO_PLAN,
      assigned: MEMBERS,
      candidates: [B],
      recused,
      submitted: submittedAll([B], rest),
    });
    expect(lockBlockers(done)).toEqual([]);
  });

  it("does not count a member who is not assigned to the post", () => {
    const rows = quorumReport({
      plan: METRO_PLAN,
      assigned: MEMBERS.slice(0, 3),
      candidates: [A],
      recused: new Set(),
      submitted: submittedAll([A], ["outsider", ...MEMBERS.slice(0, 2)]),
    });
    expect(rows.every((r) => r.status === "awaiting" && r.submitted === 2 && r.eligible === 3)).toBe(true);
  });

  it("counts a member who has not declared on a candidate as not yet able to score them", () => {
    // Member 0 declared before C became MS; the others declared on everyone.
    const declared = new Set(MEMBERS.flatMap((m, i) => (i === 0 ? [A, B] : [A, B, C]).map((app) => `${m} ${app}`)));
    const rows = quorumReport({
      plan: METRO_PLAN,
      assigned: MEMBERS,
      candidates: [A, C],
      recused: new Set(),
      declared,
      submitted: submittedAll([A], MEMBERS).concat(submittedAll([C], MEMBERS.slice(1))),
    });
    expect(rows.filter((r) => r.applicationId === A).every((r) => r.status === "complete")).toBe(true);
    const c = rows.filter((r) => r.applicationId === C);
    expect(c.map((r) => [r.status, r.eligible, r.undeclared, r.submitted])).toEqual([
      ["undeclared", 4, 1, 4],
      ["undeclared", 4, 1, 4],
      ["undeclared", 4, 1, 4],
    ]);
    // Three of five recused from C as well: even if member 0 declares none, two can never be a quorum.
    const recused = new Set(MEMBERS.slice(2).map((m) => `${m} ${C}`));
    const below = quorumReport({
      plan: METRO_PLAN,
      assigned: MEMBERS,
      candidates: [C],
      recused,
      declared,
      submitted: [],
    });
    expect(below.every((r) => r.status === "belowQuorum" && r.eligible === 1 && r.undeclared === 1)).toBe(true);
  });
});
