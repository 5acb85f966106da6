/**
 * Conflicts of interest (issue 9) through the functions emulator, as a tablet calls them:
 * declareConflicts and panselRoster. Each caller who must be refused is (another government's member
 * or operator, a candidate, a member off the committee or off the post, a self-granted role), and each
 * forged declaration (a stranger, a skipped candidate, a duplicate, "other" without a note, a second
 * declaration, the wrong stage), and each forged extension for a candidate who became MS later (a
 * declared candidate again, a stranger, a replay); a refusal leaves the selection, its audit and the
 * conflicts as they were. Applications are written with the Admin SDK as the administrative result leaves them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { ConflictEntry } from "../../functions/src/domain/scoring/conflicts.js";
import type { PanselRoster } from "../../functions/src/domain/scoring/declaration.js";
import type { ScoringPlan } from "../../functions/src/domain/selection/setup.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { auth, db } from "../support/admin.js";
import { call, signIn } from "../support/callables.js";
import { auditOf, failureOf, newRequestId, resultOf, stored, type User } from "../support/process.js";
import { METRO, refusedUnchanged, scoringRun, stateOf } from "../support/scoringRun.js";
import { submittedApplication, writeApplication } from "../support/applications.js";

const run = scoringRun("coi");
const METRO_ID = run.metroId;

let operator: User;
let memberA: User; // on the committee, assigned to bappeda
let memberB: User; // on the committee, assigned to bappeda
let memberC: User; // on the committee, not assigned to bappeda (whole committee elsewhere)
let outsider: User; // pansel of Metro, not on this committee
let otherPansel: User; // pansel of another government
let otherOperator: User;
let candidate: User;
let selfGranted: User; // claims pansel of Metro, no members record backs them

/** Two components the committee scores in the interview stage, and the assessment centre's, imported. */
const PLAN: ScoringPlan = {
  components: [
    {
      id: "asesmen",
      label: "Asesmen kompetensi manajerial",
      weight: 40,
      stage: "asesmenManajerial",
      scale: { min: 0, max: 100 },
      imported: { rawMax: 400 },
    },
    { id: "makalah", label: "Presentasi makalah", weight: 30, stage: "wawancara", scale: { min: 0, max: 100 } },
    { id: "wawancara", label: "Wawancara akhir", weight: 30, stage: "wawancara", scale: { min: 0, max: 100 } },
  ],
  finalistsPerPost: 3,
};

beforeAll(async () => {
  await run.createGovernments();
  const { accounts, metro } = run;
  [operator, memberA, memberB, memberC, outsider, otherPansel, otherOperator, candidate, selfGranted] =
    await Promise.all([
      accounts.user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
      accounts.user("member-a", "Drs. H. Bambang Irawan, M.M.", metro(["pansel"])),
      accounts.user("member-b", "Prof. Dr. Hartini Saleh, M.Si.", metro(["pansel"])),
      accounts.user("member-c", "Dr. Ahmad Fikri, S.H., M.H.", metro(["pansel"])),
      accounts.user("outsider", "Dr. Nurul Aini, M.Pd.", metro(["pansel"])),
      accounts.user("pansel-other", "Dr. Yusuf Alamsyah", run.other(["pansel"])),
      accounts.user("operator-other", "Yohanes Kristianto, S.Kom.", run.other(["operator"])),
      accounts.user("peserta", "Drs. Ahmad Fauzi, M.Si."),
      accounts.user("self-granted", "Rudi Santoso"),
    ]);
  // Claims without the members record: what a forged or stale token would carry.
  await auth.setCustomUserClaims(selfGranted.uid, metro(["pansel"]));
  selfGranted = {
    ...selfGranted,
    idToken: (await signIn(run.emailOf("self-granted"), "Seleksi2025")).idToken,
  };
  // Start both functions under the hook's longer timeout (a cold start on a busy machine).
  await Promise.all(["declareConflicts", "panselRoster"].map((name) => call(name, {})));
});

afterAll(() => run.removeAll([COLLECTIONS.applications, COLLECTIONS.conflicts]));

// ---- data -----------------------------------------------------------------------------------------

const NAMES = ["Dr. Ir. Hendra Gunawan, M.T.", "Sri Wahyuni, S.E., M.Si.", "Drs. Agus Salim, M.Pd."];

interface Fixture {
  readonly id: string;
  /** The three MS candidates of bappeda, in submission order. */
  readonly bappeda: [string, string, string];
  /** A TMS applicant of bappeda and an MS candidate of another post. */
  readonly tms: string;
  readonly elsewhere: string;
}

/** Metro in `stage`: bappeda narrowed to members A and B, bpbd cancelled, the rest the whole committee. */
async function selectionIn(stage: StoredSelection["stage"] = "wawancara"): Promise<Fixture> {
  const uids = [memberA.uid, memberB.uid, memberC.uid];
  const id = await run.selection({
    stage,
    scoringPlan: PLAN,
    pansel: METRO.pansel.slice(0, 3).map((m, i) => ({ ...m, uid: uids[i]! })),
    panselUids: uids,
    panselAssignments: { bappeda: [memberA.uid, memberB.uid] },
    postDecisions: { bpbd: "cancelPost" },
    counts: { ...ZERO_COUNTS, applicantsPerPost: { bappeda: 4, disdikbud: 1 } },
  });
  const write = async (postId: string, uid: string, name: string, status: "ms" | "tms", minute: number) => {
    const app = submittedApplication({
      instansiId: METRO_ID,
      selectionId: id,
      postId,
      postName: METRO.posts.find((p) => p.id === postId)!.name,
      candidateUid: uid,
      candidateName: name,
      status,
      submittedAt: new Date(Date.UTC(2021, 9, 1, 2, minute)).toISOString(),
    });
    await writeApplication(db, app);
    return app.id;
  };
  const bappeda = await Promise.all(NAMES.map((name, i) => write("bappeda", `cand-${i}`, name, "ms", i)));
  const tms = await write("bappeda", "cand-tms", "Bayu Pratama, S.H.", "tms", 9);
  const elsewhere = await write("disdikbud", "cand-dik", "Dra. Lina Marlina, M.Pd.", "ms", 10);
  return { id, bappeda: bappeda as [string, string, string], tms, elsewhere };
}

const none = (applicationId: string): ConflictEntry => ({ applicationId, kind: "none", note: "" });

interface Declared {
  conflictsId: string;
  recusals: number;
  expectedScores: Record<string, number>;
}

function declare(
  who: User,
  selectionId: string,
  postId: string,
  entries: readonly ConflictEntry[],
  requestId = newRequestId(),
) {
  return call<Declared>("declareConflicts", { requestId, selectionId, postId, entries }, who.idToken);
}

const conflictsOf = async (selectionId: string): Promise<Record<string, unknown>[]> =>
  (await db.collection(COLLECTIONS.conflicts).where("selectionId", "==", selectionId).get()).docs.map((d) => ({
    id: d.id,
    ...d.data(),
  }));

/** Everything a refused declaration must leave as it was. */
const everything = (selectionId: string) => stateOf(selectionId, COLLECTIONS.conflicts);

// ---- declaring ------------------------------------------------------------------------------------

describe("declareConflicts", () => {
  it("stores the declaration once, audits it, and counts the scores the member now owes", async () => {
    const f = await selectionIn();
    const [a, b, c] = f.bappeda;
    const entries: ConflictEntry[] = [none(a), { applicationId: b, kind: "family", note: "" }, none(c)];
    const requestId = newRequestId();
    const first = resultOf(await declare(memberA, f.id, "bappeda", entries, requestId));
    // 3 candidates, 1 recused, 2 committee components in wawancara (the assessment is imported): 2 × 2.
    expect(first).toEqual({
      conflictsId: `${f.id}_bappeda_${memberA.uid}`,
      recusals: 1,
      expectedScores: { wawancara: 4 },
    });
    const counts = (await stored(f.id)).counts;
    expect(counts.unlockedScores).toBe(4);
    expect(counts.unlockedScoresByStage).toEqual({ wawancara: 4 });
    expect(counts.applicantsPerPost).toEqual({ bappeda: 4, disdikbud: 1 });

    const [doc] = await conflictsOf(f.id);
    expect(doc).toMatchObject({
      id: first.conflictsId,
      instansiId: METRO_ID,
      selectionId: f.id,
      postId: "bappeda",
      memberUid: memberA.uid,
      kinds: { [a]: "none", [b]: "family", [c]: "none" },
    });
    // The server's clock, not anything the tablet sent.
    expect(Math.abs(Date.parse(String(doc?.["declaredAt"])) - Date.now())).toBeLessThan(60_000);

    const audit = await auditOf(f.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "declareConflicts",
      actor: { uid: memberA.uid, name: "Drs. H. Bambang Irawan, M.M.", role: "pansel" },
      reference: "bappeda",
    });
    expect(audit[0]!.reason).toContain("1 tidak dinilai");

    // A replay (the answer was lost on the way to the tablet): the first answer, nothing written again.
    const before = await everything(f.id);
    expect(resultOf(await declare(memberA, f.id, "bappeda", entries, requestId))).toEqual(first);
    expect(await everything(f.id)).toEqual(before);

    // A second member adds their own owed scores to the same counts.
    const second = resultOf(await declare(memberB, f.id, "bappeda", [none(a), none(b), none(c)]));
    expect(second.expectedScores).toEqual({ wawancara: 6 });
    expect((await stored(f.id)).counts).toMatchObject({ unlockedScores: 10, unlockedScoresByStage: { wawancara: 10 } });
  });

  it("keeps the notes out of the audit timeline", async () => {
    const f = await selectionIn("pengumumanAdministrasi");
    const [a, b, c] = f.bappeda;
    const note = "Adik ipar dari istri saya";
    resultOf(await declare(memberA, f.id, "bappeda", [none(a), none(b), { applicationId: c, kind: "other", note }]));
    const audit = await auditOf(f.id);
    expect(JSON.stringify(audit)).not.toContain(note);
  });

  it("lets a member of the whole committee declare on a post without an assignment", async () => {
    const f = await selectionIn("asesmenManajerial");
    const answer = resultOf(await declare(memberC, f.id, "disdikbud", [none(f.elsewhere)]));
    expect(answer).toMatchObject({ recusals: 0, expectedScores: { wawancara: 2 } });
  });

  it("refuses a second declaration for the same post and leaves the first", async () => {
    const f = await selectionIn();
    resultOf(await declare(memberA, f.id, "bappeda", f.bappeda.map(none)));
    const [a, b, c] = f.bappeda;
    const again = [none(a), { applicationId: b, kind: "family" as const, note: "" }, none(c)];
    expect(
      await refusedUnchanged(
        () => everything(f.id),
        () => declare(memberA, f.id, "bappeda", again),
      ),
    ).toEqual({
      status: "ALREADY_EXISTS",
      codes: ["err.conflict.alreadyDeclared"],
    });
  });

  describe("a candidate who becomes MS after the declaration", () => {
    /** Member A declared on the three; then the TMS applicant's objection is accepted (status ms). */
    async function lateCandidate() {
      const f = await selectionIn();
      const [a, b, c] = f.bappeda;
      resultOf(
        await declare(memberA, f.id, "bappeda", [none(a), { applicationId: b, kind: "family", note: "" }, none(c)]),
      );
      await db.collection(COLLECTIONS.applications).doc(f.tms).update({ status: "ms" });
      return f;
    }

    it("is declared on alone, the first entries kept, and the scores now owed counted", async () => {
      const f = await lateCandidate();
      const [a, b, c] = f.bappeda;
      const before = await stored(f.id);
      expect(before.counts.unlockedScores).toBe(4);
      const post = resultOf(await call<PanselRoster>("panselRoster", { selectionId: f.id }, memberA.idToken)).posts;
      const bappeda = post.find((p) => p.postId === "bappeda")!;
      expect(bappeda.candidates.map((x) => x.applicationId)).toContain(f.tms);
      expect(Object.keys(bappeda.declaration!.kinds)).not.toContain(f.tms);

      const requestId = newRequestId();
      const answer = resultOf(await declare(memberA, f.id, "bappeda", [none(f.tms)], requestId));
      expect(answer).toEqual({
        conflictsId: `${f.id}_bappeda_${memberA.uid}`,
        recusals: 0,
        expectedScores: { wawancara: 2 },
      });
      expect((await stored(f.id)).counts).toMatchObject({ unlockedScores: 6, unlockedScoresByStage: { wawancara: 6 } });
      const [doc] = await conflictsOf(f.id);
      expect(doc).toMatchObject({
        kinds: { [a]: "none", [b]: "family", [c]: "none", [f.tms]: "none" },
        declaredAt: (await conflictsOf(f.id))[0]!["declaredAt"],
      });
      expect(doc!["amendedAt"]).toEqual(expect.any(String));
      expect(doc!["amendedAt"]).not.toBe(doc!["declaredAt"]);
      const audit = await auditOf(f.id);
      expect(audit.map((e) => e.action)).toEqual(["declareConflicts", "declareConflicts"]);
      expect(audit[1]!.reason).toContain("1 peserta");

      // A replay answers the first answer and counts nothing twice; with nobody left, it is declared.
      const after = await everything(f.id);
      expect(resultOf(await declare(memberA, f.id, "bappeda", [none(f.tms)], requestId))).toEqual(answer);
      expect(await everything(f.id)).toEqual(after);
      expect(failureOf(await declare(memberA, f.id, "bappeda", [none(f.tms)]))).toEqual({
        status: "ALREADY_EXISTS",
        codes: ["err.conflict.alreadyDeclared"],
      });
      expect(await everything(f.id)).toEqual(after);
    });

    const forgedLater: [string, (f: Fixture) => ConflictEntry[], string[]][] = [
      [
        "a declared candidate declared again differently",
        (f) => [none(f.bappeda[1]), none(f.tms)],
        ["err.conflict.alreadyDeclared"],
      ],
      [
        "a declared candidate again with the same kind",
        (f) => [none(f.bappeda[0]), none(f.tms)],
        ["err.conflict.alreadyDeclared"],
      ],
      [
        "the whole post again, changed",
        (f) => [none(f.bappeda[0]), none(f.bappeda[1]), none(f.bappeda[2]), none(f.tms)],
        ["err.conflict.alreadyDeclared", "err.conflict.alreadyDeclared", "err.conflict.alreadyDeclared"],
      ],
      ["a candidate of another post", (f) => [none(f.tms), none(f.elsewhere)], ["err.conflict.notCandidate"]],
      ["nobody (the new candidate left out)", () => [], ["err.conflict.incomplete"]],
    ];
    it.each(forgedLater)("refuses %s and changes nothing", async (_what, make, codes) => {
      const f = await lateCandidate();
      const answer = await refusedUnchanged(
        () => everything(f.id),
        () => declare(memberA, f.id, "bappeda", make(f)),
      );
      expect(answer).toEqual({ status: "FAILED_PRECONDITION", codes });
    });

    it("refuses a TMS applicant among the new candidates", async () => {
      const f = await lateCandidate();
      const tms = submittedApplication({
        instansiId: METRO_ID,
        selectionId: f.id,
        postId: "bappeda",
        postName: METRO.posts.find((p) => p.id === "bappeda")!.name,
        candidateUid: "cand-tms-2",
        candidateName: "Rina Kartika, S.E.",
        status: "tms",
        submittedAt: new Date(Date.UTC(2021, 9, 1, 2, 30)).toISOString(),
      });
      await writeApplication(db, tms);
      expect(
        await refusedUnchanged(
          () => everything(f.id),
          () => declare(memberA, f.id, "bappeda", [none(f.tms), none(tms.id)]),
        ),
      ).toEqual({
        status: "FAILED_PRECONDITION",
        codes: ["err.conflict.notCandidate"],
      });
    });

    it("leaves nothing to declare when the candidate is no longer MS", async () => {
      const f = await lateCandidate();
      await db.collection(COLLECTIONS.applications).doc(f.tms).update({ status: "tms" });
      expect(
        await refusedUnchanged(
          () => everything(f.id),
          () => declare(memberA, f.id, "bappeda", [none(f.tms)]),
        ),
      ).toEqual({
        status: "ALREADY_EXISTS",
        codes: ["err.conflict.alreadyDeclared"],
      });
    });

    it("refuses another government's member declaring on the new candidate", async () => {
      const f = await lateCandidate();
      expect(
        await refusedUnchanged(
          () => everything(f.id),
          () => declare(otherPansel, f.id, "bappeda", [none(f.tms)]),
        ),
      ).toEqual({
        status: "PERMISSION_DENIED",
        codes: ["err.selection.otherInstansi"],
      });
    });
  });

  it.each([
    ["another government's pansel member", () => otherPansel, "PERMISSION_DENIED", "err.selection.otherInstansi"],
    ["another government's operator", () => otherOperator, "PERMISSION_DENIED", "err.role.panselOnly"],
    ["the government's own operator", () => operator, "PERMISSION_DENIED", "err.role.panselOnly"],
    ["a candidate", () => candidate, "PERMISSION_DENIED", "err.role.panselOnly"],
    ["a self-granted pansel role (no members record)", () => selfGranted, "PERMISSION_DENIED", "err.role.revoked"],
    ["a pansel member not on this committee", () => outsider, "FAILED_PRECONDITION", "err.conflict.notCommittee"],
    ["a member not assigned to the post", () => memberC, "FAILED_PRECONDITION", "err.conflict.notAssigned"],
  ])("refuses %s and changes nothing", async (_who, who, status, code) => {
    const f = await selectionIn();
    expect(
      await refusedUnchanged(
        () => everything(f.id),
        () => declare(who(), f.id, "bappeda", f.bappeda.map(none)),
      ),
    ).toEqual({ status, codes: [code] });
  });

  const forged: [string, (f: Fixture) => { postId: string; entries: ConflictEntry[] }, string][] = [
    ["an unknown post", (f) => ({ postId: "dishub", entries: f.bappeda.map(none) }), "err.conflict.noPost"],
    ["a cancelled post", () => ({ postId: "bpbd", entries: [] }), "err.conflict.postCancelled"],
    [
      "a TMS applicant among the candidates",
      (f) => ({ postId: "bappeda", entries: [...f.bappeda.map(none), none(f.tms)] }),
      "err.conflict.notCandidate",
    ],
    [
      "a candidate of another post",
      (f) => ({ postId: "bappeda", entries: [...f.bappeda.map(none), none(f.elsewhere)] }),
      "err.conflict.notCandidate",
    ],
    [
      "a candidate left out",
      (f) => ({ postId: "bappeda", entries: f.bappeda.slice(0, 2).map(none) }),
      "err.conflict.incomplete",
    ],
    [
      "a candidate twice",
      (f) => ({ postId: "bappeda", entries: [...f.bappeda.map(none), none(f.bappeda[0])] }),
      "err.conflict.duplicate",
    ],
    [
      "'other' without a note",
      (f) => ({
        postId: "bappeda",
        entries: [none(f.bappeda[0]), none(f.bappeda[1]), { applicationId: f.bappeda[2], kind: "other", note: " " }],
      }),
      "err.conflict.noteRequired",
    ],
  ];
  it.each(forged)("refuses %s and changes nothing", async (_what, make, code) => {
    const f = await selectionIn();
    const { postId, entries } = make(f);
    expect(
      await refusedUnchanged(
        () => everything(f.id),
        () => declare(memberA, f.id, postId, entries),
      ),
    ).toEqual({
      status: "FAILED_PRECONDITION",
      codes: [code],
    });
  });

  it.each([["seleksiAdministrasi"], ["pemeringkatan"], ["dibatalkan"]] as const)(
    "refuses a declaration in %s and changes nothing",
    async (stage) => {
      const f = await selectionIn(stage);
      expect(
        await refusedUnchanged(
          () => everything(f.id),
          () => declare(memberA, f.id, "bappeda", f.bappeda.map(none)),
        ),
      ).toEqual({
        status: "FAILED_PRECONDITION",
        codes: ["err.conflict.stage"],
      });
    },
  );

  it("refuses a forged kind at the boundary", async () => {
    const f = await selectionIn();
    const entries = [{ applicationId: f.bappeda[0], kind: "friend", note: "" }];
    const answer = await call(
      "declareConflicts",
      { requestId: newRequestId(), selectionId: f.id, postId: "bappeda", entries },
      memberA.idToken,
    );
    expect(failureOf(answer).status).toBe("INVALID_ARGUMENT");
    expect(await conflictsOf(f.id)).toEqual([]);
  });
});

// ---- what a member learns before declaring ---------------------------------------------------------

describe("panselRoster", () => {
  const roster = (who: User, selectionId: string) => call<PanselRoster>("panselRoster", { selectionId }, who.idToken);

  it("lists the member's posts with their MS candidates, then the member's own declaration", async () => {
    const f = await selectionIn();
    const before = resultOf(await roster(memberA, f.id));
    expect(before).toMatchObject({ selectionId: f.id, stage: "wawancara", declarationOpen: true });
    // bpbd is cancelled; bappeda is theirs; the others are the whole committee's.
    expect(before.posts.map((p) => p.postId)).toEqual(["asisten-1", "bappeda", "disdikbud", "dpkp"]);
    const bappeda = before.posts.find((p) => p.postId === "bappeda")!;
    expect(bappeda.declaration).toBeNull();
    expect(bappeda.candidates.map((c) => c.applicationId)).toEqual(f.bappeda);
    expect(bappeda.candidates[0]).toMatchObject({
      name: NAMES[0],
      maskedNip: expect.stringMatching(/^\d{6}\*{8}\d{4}$/),
    });
    expect(bappeda.candidates[0]!.currentPost).not.toBe("");
    // Who a candidate is, never what they submitted.
    expect(Object.keys(bappeda.candidates[0]!).sort()).toEqual(
      ["applicationId", "currentInstansi", "currentPost", "maskedNip", "name"].sort(),
    );

    const [a, b, c] = f.bappeda;
    resultOf(
      await declare(memberA, f.id, "bappeda", [none(a), { applicationId: b, kind: "family", note: "" }, none(c)]),
    );
    const after = resultOf(await roster(memberA, f.id)).posts.find((p) => p.postId === "bappeda")!;
    expect(after.declaration?.kinds).toEqual({ [a]: "none", [b]: "family", [c]: "none" });
    // Another member's declaration is theirs alone.
    const ofB = resultOf(await roster(memberB, f.id)).posts.find((p) => p.postId === "bappeda")!;
    expect(ofB.declaration).toBeNull();
  });

  it("leaves out the posts a member is not assigned to", async () => {
    const f = await selectionIn();
    const posts = resultOf(await roster(memberC, f.id)).posts.map((p) => p.postId);
    expect(posts).toEqual(["asisten-1", "disdikbud", "dpkp"]);
  });

  it.each([
    ["a pansel member not on this committee", () => outsider, "err.conflict.notCommittee"],
    ["another government's pansel member", () => otherPansel, "err.selection.otherInstansi"],
    ["the government's own operator", () => operator, "err.role.panselOnly"],
    ["a candidate", () => candidate, "err.role.panselOnly"],
  ])("refuses %s", async (_who, who, code) => {
    const f = await selectionIn();
    expect(failureOf(await roster(who(), f.id)).codes).toEqual([code]);
  });
});
