/**
 * Too few applicants at the end of registration, through the functions emulator: extendRegistration
 * and decidePostShortfall called over HTTP as a phone calls them, and the pendaftaran →
 * seleksiAdministrasi gate they open. Selections are Kota Metro 2021 from the seed, moved to a
 * government id unique to this run (the functions emulator serves one project, shared by every
 * function test and the browser tests). Applications do not exist yet: the counters they will keep
 * are written with the Admin SDK, and so is the passing of time (the last day of registration).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StaffRole } from "../../functions/src/domain/roles.js";
import type { Schedule } from "../../functions/src/domain/selection/setup.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { call, uniqueSuffix, type CallResult } from "../support/callables.js";
import {
  auditOf,
  deleteSelectionsOf,
  failureOf,
  newRequestId,
  resultOf,
  selectionRef,
  snapshotOf,
  staffAccounts,
  stored,
  wibDate,
  type User,
} from "../support/process.js";

const RUN = uniqueSuffix();
const METRO_ID = `kota-metro-reg-${RUN}`;
const PONTIANAK_ID = `kota-pontianak-reg-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const METRO_INSTANSI = INSTANSI["kota-metro"]!;
const BPBD = "Kepala Pelaksana Badan Penanggulangan Bencana Daerah";
const DPKP = "Kepala Dinas Perumahan dan Permukiman";
const CITE = "Permenpan RB No. 15 Tahun 2019";

// ---- dates ----------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** Metro's 2021 schedule moved so that its 15-day registration ends `offset` days from today. */
function scheduleEnding(offset: number): Schedule {
  const shift = Math.round((Date.parse(wibDate(offset)) - Date.parse(METRO.schedule.pendaftaran!.end)) / DAY_MS);
  const move = (iso: string) => new Date(Date.parse(iso) + shift * DAY_MS).toISOString().slice(0, 10);
  return Object.fromEntries(
    Object.entries(METRO.schedule).map(([stage, range]) => [stage, { start: move(range.start), end: move(range.end) }]),
  );
}

// ---- people ---------------------------------------------------------------------------------------

const accounts = staffAccounts(`reg.${RUN}`);
const user = accounts.user;

let operator: User;
let operator2: User; // a second operator of Metro
let sekda: User; // pejabat
let candidate: User;
let operatorPontianak: User;

// ---- selections -----------------------------------------------------------------------------------

let selectionCounter = 0;

/** Enough applicants for every post but those given. */
function applicants(short: Record<string, number> = {}): Record<string, number> {
  return { ...Object.fromEntries(METRO.posts.map((p) => [p.id, 6])), ...short };
}

/**
 * Metro in pendaftaran, announced, registration ended yesterday, with these applicants per post
 * and process facts.
 */
async function selection(short: Record<string, number>, changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = `${METRO_ID}-sel-${++selectionCounter}`;
  const doc: StoredSelection = {
    ...METRO,
    instansiId: METRO_ID,
    instansiName: METRO_INSTANSI.name,
    stage: "pendaftaran",
    public: true,
    announcedAt: "2025-01-06T01:00:00.000Z",
    schedule: scheduleEnding(-1),
    panselUids: [],
    counts: { ...ZERO_COUNTS, applicantsPerPost: applicants(short) },
    ...changes,
  };
  await db.collection(COLLECTIONS.selections).doc(id).set(doc);
  return id;
}

/** The extension's days have passed: registration ended yesterday again. */
async function registrationEndedYesterday(id: string): Promise<void> {
  await selectionRef(id).update({ "schedule.pendaftaran.end": wibDate(-1) });
}

// ---- calls ----------------------------------------------------------------------------------------

interface ExtendResult {
  end: string;
  extensions: Record<string, number>;
  warnings: { code: string; params?: Record<string, unknown> }[];
}
interface DecisionResult {
  postId: string;
  decision: string;
}

function extend(who: User, selectionId: string, postIds: string[], requestId = newRequestId()) {
  return call<ExtendResult>("extendRegistration", { selectionId, postIds, requestId }, who.idToken);
}

function decidePost(
  who: User,
  selectionId: string,
  postId: string,
  decision: string,
  reason: string,
  requestId = newRequestId(),
) {
  return call<DecisionResult>("decidePostShortfall", { selectionId, postId, decision, reason, requestId }, who.idToken);
}

function propose(who: User, selectionId: string, to: string) {
  return call<{ proposalId: string; warnings: { code: string }[] }>(
    "proposeStage",
    { selectionId, to, requestId: newRequestId() },
    who.idToken,
  );
}

// ---- setup ----------------------------------------------------------------------------------------

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(METRO_ID).set(METRO_INSTANSI);
  await db.collection(COLLECTIONS.instansi).doc(PONTIANAK_ID).set(INSTANSI["kota-pontianak"]!);
  const metro = (roles: StaffRole[]) => ({ instansi: METRO_ID, roles });
  [operator, operator2, sekda, candidate, operatorPontianak] = await Promise.all([
    user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
    user("operator-2", "Rina Marlina, S.E.", metro(["operator"])),
    user("sekda", "Drs. H. Bambang Irawan, M.M.", metro(["pejabat"])),
    user("peserta", "Drs. Ahmad Fauzi, M.Si."),
    user("operator-pontianak", "Yohanes Kristianto, S.Kom.", { instansi: PONTIANAK_ID, roles: ["operator"] }),
  ]);
});

afterAll(async () => {
  // The functions' project is shared with the browser tests, whose public page lists the newest
  // announced selections: leave none of this file's behind, nor its test accounts.
  await deleteSelectionsOf([METRO_ID, PONTIANAK_ID]);
  await Promise.all([METRO_ID, PONTIANAK_ID].map((id) => db.collection(COLLECTIONS.instansi).doc(id).delete()));
  await accounts.deleteAll();
});

// ---- extendRegistration ---------------------------------------------------------------------------

describe("extendRegistration", () => {
  describe("after the last day of registration, for two posts short of applicants", () => {
    let id: string;
    let requestId: string;
    let first: CallResult<ExtendResult>;
    let oldSchedule: Schedule;

    beforeAll(async () => {
      id = await selection({ bpbd: 2, dpkp: 1 }, { extensions: { bappeda: 1 } });
      oldSchedule = (await stored(id)).schedule;
      requestId = newRequestId();
      first = await extend(operator, id, ["bpbd", "dpkp"], requestId);
    });

    it("gives 7 days from today, today included, and counts the extension per post", async () => {
      // Counted as registration days are: today and the six days after it.
      const end = wibDate(6);
      expect(resultOf(first)).toEqual({
        end,
        extensions: { bappeda: 1, bpbd: 1, dpkp: 1 },
        // Metro's administrative verification was planned for the day after registration.
        warnings: [
          expect.objectContaining({
            code: "warn.extension.scheduleReached",
            params: { stage: "seleksiAdministrasi", start: oldSchedule.seleksiAdministrasi!.start, end },
          }),
        ],
      });
      const after = await stored(id);
      expect(after.schedule).toEqual({ ...oldSchedule, pendaftaran: { start: oldSchedule.pendaftaran!.start, end } });
      expect(after).toMatchObject({ stage: "pendaftaran", extensions: { bappeda: 1, bpbd: 1, dpkp: 1 }, auditSeq: 1 });
    });

    it("writes the extension to the audit, naming the posts and the dates", async () => {
      expect(await auditOf(id)).toEqual([
        {
          instansiId: METRO_ID,
          seq: 1,
          at: expect.any(String),
          actor: { uid: operator.uid, name: operator.name, role: "operator" },
          action: "extend",
          from: "pendaftaran",
          to: null,
          reason: `${BPBD}, ${DPKP}: ${oldSchedule.pendaftaran!.end} → ${wibDate(6)}`,
          reference: "bpbd,dpkp",
        },
      ]);
    });

    it("answers a retried call with the first answer and writes nothing more", async () => {
      const before = await snapshotOf(id);

      // Without the stored answer this would fail: registration is open again.
      const retry = await extend(operator, id, ["bpbd", "dpkp"], requestId);

      expect(retry).toEqual(first);
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses the same request id from another operator", async () => {
      const before = await snapshotOf(id);
      const result = await extend(operator2, id, ["bpbd", "dpkp"], requestId);
      expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.request.reused"] });
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses a second extension while the first runs", async () => {
      const before = await snapshotOf(id);
      const result = await extend(operator, id, ["bpbd"]);
      expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.registration.notEnded"] });
      if (!result.ok) expect(result.issues[0]?.params).toEqual({ end: wibDate(6) });
      expect(await snapshotOf(id)).toEqual(before);
    });
  });

  it("refuses before the last day of registration has passed, with that day", async () => {
    const schedule = scheduleEnding(0); // today is the last day
    const id = await selection({ bpbd: 2 }, { schedule });
    const before = await snapshotOf(id);

    const result = await extend(operator, id, ["bpbd"]);

    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.registration.notEnded"] });
    if (!result.ok) expect(result.issues[0]?.params).toEqual({ end: schedule.pendaftaran!.end });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses a post with enough applicants, and extends none of the others named with it", async () => {
    const id = await selection({ bpbd: 2, dpkp: 4 });
    const before = await snapshotOf(id);

    const result = await extend(operator, id, ["bpbd", "dpkp"]);

    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.extension.enoughApplicants"] });
    if (!result.ok) expect(result.issues[0]?.params).toEqual({ post: DPKP, count: 4, min: 4, cite: CITE });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses a post whose two extensions are used up: a decision is needed", async () => {
    const id = await selection({ bpbd: 3 }, { extensions: { bpbd: 2 } });
    const before = await snapshotOf(id);

    const result = await extend(operator, id, ["bpbd"]);

    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.extension.exhausted"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses outside registration", async () => {
    const id = await selection({ bpbd: 2 }, { stage: "seleksiAdministrasi" });
    const before = await snapshotOf(id);
    const result = await extend(operator, id, ["bpbd"]);
    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.registration.notInStage"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses an empty list of posts", async () => {
    const id = await selection({ bpbd: 2 });
    const result = await extend(operator, id, []);
    expect(failureOf(result)).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.input.invalid"] });
  });

  it.each([
    ["a pejabat", () => sekda, "PERMISSION_DENIED", "err.role.operatorOnly"],
    ["a candidate", () => candidate, "PERMISSION_DENIED", "err.role.operatorOnly"],
    ["an operator of another government", () => operatorPontianak, "PERMISSION_DENIED", "err.selection.otherInstansi"],
  ])("refuses %s and writes nothing", async (_who, who, status, code) => {
    const id = await selection({ bpbd: 2 });
    const before = await snapshotOf(id);
    expect(failureOf(await extend(who(), id, ["bpbd"]))).toEqual({ status, codes: [code] });
    expect(await snapshotOf(id)).toEqual(before);
  });
});

// ---- decidePostShortfall --------------------------------------------------------------------------

describe("decidePostShortfall", () => {
  it.each([
    ["a pejabat", () => sekda, "err.role.operatorOnly"],
    ["a candidate", () => candidate, "err.role.operatorOnly"],
    ["an operator of another government", () => operatorPontianak, "err.selection.otherInstansi"],
  ])("refuses %s and writes nothing", async (_who, who, code) => {
    const id = await selection({ bpbd: 3 }, { extensions: { bpbd: 2 } });
    const before = await snapshotOf(id);
    const result = await decidePost(who(), id, "bpbd", "cancelPost", "Pelamar tidak mencukupi.");
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: [code] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("asks a reason", async () => {
    const id = await selection({ bpbd: 3 }, { extensions: { bpbd: 2 } });
    const before = await snapshotOf(id);
    const result = await decidePost(operator, id, "bpbd", "cancelPost", "   ");
    expect(failureOf(result)).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.stage.reasonRequired"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses a post with enough applicants", async () => {
    const id = await selection({ bpbd: 3 }, { extensions: { bpbd: 2 } });
    const result = await decidePost(operator, id, "dpkp", "continueWithDecision", "Tetap dilanjutkan.");
    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.shortfall.enoughApplicants"] });
  });
});

// ---- the whole way: extend twice, decide, close registration --------------------------------------

describe("a post still short after two extensions", () => {
  let id: string;

  beforeAll(async () => {
    // BPBD has two applicants and DPKP three at the end of registration; the rest are full.
    id = await selection({ bpbd: 2, dpkp: 3 });
  });

  it("keeps registration from closing until each short post is extended or decided", async () => {
    const before = await snapshotOf(id);
    const blocked = await propose(operator, id, "seleksiAdministrasi");
    expect(failureOf(blocked)).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["warn.applicants.extend", "warn.applicants.extend"],
    });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("is extended a first time, both posts together", async () => {
    expect(resultOf(await extend(operator, id, ["bpbd", "dpkp"])).extensions).toEqual({ bpbd: 1, dpkp: 1 });
    // A week later: DPKP now has enough applicants, BPBD has three.
    await selectionRef(id).update({ "counts.applicantsPerPost.dpkp": 5, "counts.applicantsPerPost.bpbd": 3 });
    await registrationEndedYesterday(id);
  });

  it("cannot be decided while an extension is left", async () => {
    const result = await decidePost(operator, id, "bpbd", "cancelPost", "Pelamar tidak mencukupi.");
    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.shortfall.extendFirst"] });
  });

  it("is extended a second time; DPKP, now full, is not", async () => {
    const refused = await extend(operator, id, ["bpbd", "dpkp"]);
    expect(failureOf(refused).codes).toEqual(["err.extension.enoughApplicants"]);

    expect(resultOf(await extend(operator, id, ["bpbd"])).extensions).toEqual({ bpbd: 2, dpkp: 1 });
    await registrationEndedYesterday(id);
  });

  it("gets no third extension: a decision is needed, and registration still cannot close", async () => {
    expect(failureOf(await extend(operator, id, ["bpbd"]))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.extension.exhausted"],
    });
    expect(failureOf(await propose(operator, id, "seleksiAdministrasi"))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.applicants.decisionNeeded"],
    });
  });

  describe("the operator records that the post continues", () => {
    const reason =
      "Berdasarkan arahan PPK, seleksi jabatan ini dilanjutkan dengan 3 pelamar mengingat kebutuhan organisasi.";
    let requestId: string;
    let first: CallResult<DecisionResult>;

    beforeAll(async () => {
      requestId = newRequestId();
      first = await decidePost(operator, id, "bpbd", "continueWithDecision", reason, requestId);
    });

    it("puts the decision on the selection and in the audit", async () => {
      expect(first).toEqual({ ok: true, result: { postId: "bpbd", decision: "continueWithDecision" } });
      const after = await stored(id);
      expect(after).toMatchObject({ postDecisions: { bpbd: "continueWithDecision" }, extensions: { bpbd: 2 } });
      const audit = await auditOf(id);
      expect(audit.map((e) => [e.seq, e.action, e.reference])).toEqual([
        [1, "extend", "bpbd,dpkp"],
        [2, "extend", "bpbd"],
        [3, "continueWithDecision", "bpbd"],
      ]);
      expect(audit[2]).toMatchObject({
        actor: { uid: operator.uid, name: operator.name, role: "operator" },
        from: "pendaftaran",
        to: null,
        reason: `${BPBD}: ${reason}`,
      });
    });

    it("answers a retried call with the first answer and writes nothing more", async () => {
      const before = await snapshotOf(id);
      const retry = await decidePost(operator, id, "bpbd", "continueWithDecision", reason, requestId);
      expect(retry).toEqual(first);
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses a second decision on the post", async () => {
      const before = await snapshotOf(id);
      const result = await decidePost(operator, id, "bpbd", "cancelPost", "Dibatalkan saja.");
      expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.shortfall.alreadyDecided"] });
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("lets the operator propose closing registration", async () => {
      const result = resultOf(await propose(operator, id, "seleksiAdministrasi"));
      expect(result.warnings).toEqual([]);
      expect((await stored(id)).pendingProposal).toMatchObject({ id: result.proposalId, to: "seleksiAdministrasi" });
    });
  });
});

describe("a post cancelled after its last extension", () => {
  it("is recorded as cancelled, stays among the posts, and no longer blocks closing registration", async () => {
    const id = await selection({ bpbd: 1 }, { extensions: { bpbd: 2 } });

    const reason = "Pelamar tetap satu orang setelah dua kali perpanjangan.";
    expect(await decidePost(operator, id, "bpbd", "cancelPost", reason)).toEqual({
      ok: true,
      result: { postId: "bpbd", decision: "cancelPost" },
    });

    const after = await stored(id);
    expect(after.postDecisions).toEqual({ bpbd: "cancelPost" });
    expect(after.posts.map((p) => p.id)).toContain("bpbd");
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["cancelPost"]);
    expect(await propose(operator, id, "seleksiAdministrasi")).toMatchObject({ ok: true });
  });
});

// ---- assignPansel (issue 9: operators assign pansel members to posts) ------------------------------

describe("assignPansel", () => {
  const PANSEL = ["pansel-ketua", "pansel-sekretaris", "pansel-anggota"];
  const assign = (who: User, selectionId: string, postId: string, memberUids: string[], requestId = newRequestId()) =>
    call<{ postId: string; memberUids: string[] }>(
      "assignPansel",
      { selectionId, postId, memberUids, requestId },
      who.idToken,
    );
  const withPansel = () =>
    selection(
      {},
      {
        stage: "seleksiAdministrasi",
        panselUids: PANSEL,
        pansel: METRO.pansel.slice(0, 3).map((m, i) => ({ ...m, uid: PANSEL[i]! })),
        postDecisions: { bpbd: "cancelPost" },
      },
    );

  it("narrows a post to members of the committee, in the committee's order, with an audit entry", async () => {
    const id = await withPansel();
    const requestId = newRequestId();
    const first = await assign(operator, id, "bappeda", ["pansel-anggota", "pansel-ketua"], requestId);
    expect(resultOf(first)).toEqual({ postId: "bappeda", memberUids: ["pansel-ketua", "pansel-anggota"] });
    expect((await stored(id)).panselAssignments).toEqual({ bappeda: ["pansel-ketua", "pansel-anggota"] });
    // A replay answers the first answer and writes nothing more.
    expect(resultOf(await assign(operator, id, "bappeda", ["pansel-sekretaris"], requestId))).toEqual(resultOf(first));
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["assignPansel"]);
  });

  it.each([
    ["a pejabat", () => sekda, "PERMISSION_DENIED", "err.role.operatorOnly"],
    ["a candidate", () => candidate, "PERMISSION_DENIED", "err.role.operatorOnly"],
    ["an operator of another government", () => operatorPontianak, "PERMISSION_DENIED", "err.selection.otherInstansi"],
  ])("refuses %s and writes nothing", async (_who, who, status, code) => {
    const id = await withPansel();
    const before = await snapshotOf(id);
    expect(failureOf(await assign(who(), id, "bappeda", ["pansel-ketua"]))).toEqual({ status, codes: [code] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it.each([
    [
      "someone not on the committee (a self-granted seat)",
      "bappeda",
      ["pansel-ketua", "pansel-intruder"],
      "err.assign.notMember",
    ],
    ["an unknown post", "dishub", ["pansel-ketua"], "err.assign.noPost"],
    ["a cancelled post", "bpbd", ["pansel-ketua"], "err.assign.postCancelled"],
  ])("refuses %s and writes nothing", async (_what, postId, members, code) => {
    const id = await withPansel();
    const before = await snapshotOf(id);
    expect(failureOf(await assign(operator, id, postId, members)).codes).toEqual([code]);
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses an empty list at the boundary", async () => {
    const id = await withPansel();
    expect(failureOf(await assign(operator, id, "bappeda", []))).toEqual({
      status: "INVALID_ARGUMENT",
      codes: ["err.assign.empty"],
    });
  });
});
