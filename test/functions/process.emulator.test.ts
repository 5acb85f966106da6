/**
 * The process callables (createDraft, proposeStage, decideStage, recordProcessLetter) through the
 * functions emulator, called over HTTP the way a phone calls them. Staff are made with the Admin SDK
 * as the bootstrap command makes them; selections are written with the Admin SDK from the Kota Metro
 * 2021 seed, moved to a government id unique to this run, because the functions emulator serves only
 * demo-seleksi and every function test shares it.
 *
 * Each failure is checked for what the web client acts on (status and issue codes) and for what must
 * not happen: no proposal, no audit entry, no stored answer, no change to the selection.
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
  everyPostChosen,
  countOf,
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
const METRO_ID = `kota-metro-${RUN}`;
const PONTIANAK_ID = `kota-pontianak-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const METRO_INSTANSI = INSTANSI["kota-metro"]!;

// ---- dates ----------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
}

/** Metro's 2021 schedule moved so that registration starts `offset` days from today. */
function metroScheduleFrom(offset: number): Schedule {
  const shift = daysBetween(METRO.schedule.pendaftaran!.start, wibDate(offset));
  const move = (iso: string) => new Date(Date.parse(iso) + shift * DAY_MS).toISOString().slice(0, 10);
  return Object.fromEntries(
    Object.entries(METRO.schedule).map(([stage, range]) => [stage, { start: move(range.start), end: move(range.end) }]),
  );
}

// ---- people ---------------------------------------------------------------------------------------

const accounts = staffAccounts(`${RUN}`);
const user = accounts.user;

let operator: User; // BKPSDM Kota Metro
let operatorPejabat: User; // an operator who also holds the pejabat role
let sekda: User; // pejabat: approves
let asisten: User; // a second pejabat
let ketuaPansel: User;
let anggotaPansel: User;
let candidate: User; // signed in, no staff claims
let operatorPontianak: User;

// ---- selections, written as the seed writes them ------------------------------------------------

let selectionCounter = 0;

/** A Metro-shaped selection of this run's government, in persiapan with a valid setup, plus changes. */
async function selection(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = `${METRO_ID}-sel-${++selectionCounter}`;
  const pansel = METRO.pansel.map((m) => (m.position === "ketua" ? { ...m, uid: ketuaPansel.uid } : m));
  const doc: StoredSelection = {
    ...METRO,
    instansiId: METRO_ID,
    instansiName: METRO_INSTANSI.name,
    stage: "persiapan",
    public: false,
    announcedAt: null,
    schedule: metroScheduleFrom(10),
    pansel,
    panselUids: [ketuaPansel.uid],
    ...changes,
  };
  await db.collection(COLLECTIONS.selections).doc(id).set(doc);
  return id;
}

// ---- calls ----------------------------------------------------------------------------------------

interface ProposeResult {
  proposalId: string;
  warnings: { code: string }[];
}
interface DecideResult {
  stage: string;
  decision: "approve" | "reject";
}

function propose(who: User, selectionId: string, to: string, extra: { reason?: string; requestId?: string } = {}) {
  const data = { selectionId, to, requestId: extra.requestId ?? newRequestId(), reason: extra.reason };
  return call<ProposeResult>("proposeStage", data, who.idToken);
}

function decide(
  who: User,
  selectionId: string,
  proposalId: string,
  decision: "approve" | "reject",
  extra: { reason?: string; requestId?: string } = {},
) {
  const data = {
    selectionId,
    proposalId,
    decision,
    requestId: extra.requestId ?? newRequestId(),
    reason: extra.reason,
  };
  return call<DecideResult>("decideStage", data, who.idToken);
}

/** A pending proposal made by the operator, for tests about the decision. */
async function proposed(selectionId: string, to = "pendaftaran"): Promise<string> {
  return resultOf(await propose(operator, selectionId, to)).proposalId;
}

// ---- setup ----------------------------------------------------------------------------------------

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(METRO_ID).set(METRO_INSTANSI);
  await db.collection(COLLECTIONS.instansi).doc(PONTIANAK_ID).set(INSTANSI["kota-pontianak"]!);
  const metro = (roles: StaffRole[]) => ({ instansi: METRO_ID, roles });
  [operator, operatorPejabat, sekda, asisten, ketuaPansel, anggotaPansel, candidate, operatorPontianak] =
    await Promise.all([
      user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
      user("operator-pejabat", "Hendra Saputra, S.H., M.H.", metro(["operator", "pejabat"])),
      user("sekda", "Drs. H. Bambang Irawan, M.M.", metro(["pejabat"])),
      user("asisten", "Ir. Wahyu Hidayat, M.T.", metro(["pejabat"])),
      user("ketua-pansel", "Prof. Dr. Hartini Saleh, M.Si.", metro(["pansel"])),
      user("anggota-pansel", "Dr. Ahmad Fikri, S.H., M.H.", metro(["pansel"])),
      user("peserta", "Drs. Ahmad Fauzi, M.Si."),
      user("operator-pontianak", "Yohanes Kristianto, S.Kom.", { instansi: PONTIANAK_ID, roles: ["operator"] }),
    ]);
});

afterAll(async () => {
  // The functions' project is shared with the browser tests, whose public page lists the newest
  // announced selections: leave none of this file's behind, nor its test accounts.
  await deleteSelectionsOf([METRO_ID, PONTIANAK_ID]);
  await accounts.deleteAll();
});

// ---- createDraft ----------------------------------------------------------------------------------

describe("createDraft", () => {
  it("starts an empty selection in persiapan for the operator's own government, audit seq 1", async () => {
    const requestId = newRequestId();

    const { selectionId } = resultOf(
      await call<{ selectionId: string }>("createDraft", { requestId }, operator.idToken),
    );

    const draft = await stored(selectionId);
    expect(draft).toMatchObject({
      instansiId: METRO_ID,
      instansiName: METRO_INSTANSI.name,
      stage: "persiapan",
      public: false,
      announcedAt: null,
      pendingProposal: null,
      posts: [],
      schedule: {},
      auditSeq: 1,
    });
    expect(await auditOf(selectionId)).toEqual([
      {
        instansiId: METRO_ID,
        seq: 1,
        at: expect.any(String),
        actor: { uid: operator.uid, name: operator.name, role: "operator" },
        action: "create",
        from: null,
        to: "persiapan",
        reason: "",
        reference: null,
      },
    ]);

    // A retry of the same tap (the phone lost the answer) gives the same draft, not a second one.
    const again = await call<{ selectionId: string }>("createDraft", { requestId }, operator.idToken);
    expect(again).toEqual({ ok: true, result: { selectionId } });
    expect(await countOf(selectionId, "audit")).toBe(1);
  });

  it("copies the setup of a past selection, with the dates emptied and the process started afresh", async () => {
    const past = await selection({
      stage: "pemeringkatan",
      public: true,
      announcedAt: "2021-09-20T01:00:00.000Z",
      schedule: METRO.schedule,
      counts: { applicantsPerPost: { bappeda: 9 }, unverifiedApplications: 1, openObjections: 2, unlockedScores: 3 },
      extensions: { bpbd: 1 },
      postDecisions: { dpkp: "continueWithDecision" },
      electionApproval: { letterNumber: "100.2.2.6/7125/OTDA", date: "2021-11-29" },
      recommendation: { letterNumber: "B-3412/KASN/11/2021", date: "2021-11-19" },
      auditSeq: 12,
    });
    const source = await stored(past);

    const result = await call<{ selectionId: string }>(
      "createDraft",
      { requestId: newRequestId(), copyFrom: past },
      operator.idToken,
    );

    const copy = await stored(resultOf(result).selectionId);
    expect(copy).toEqual({
      // what the operator set up
      title: `${METRO.title} (salinan)`,
      year: new Date().getUTCFullYear(),
      legalBasis: source.legalBasis,
      referenceDate: source.referenceDate,
      openTo: source.openTo,
      openToRule: source.openToRule,
      maxPostsPerCandidate: source.maxPostsPerCandidate,
      regulationProfileId: source.regulationProfileId,
      stagesUsed: source.stagesUsed,
      posts: source.posts,
      scoringPlan: source.scoringPlan,
      pansel: source.pansel,
      contact: source.contact,
      schedule: {},
      // what the process decides, from the start
      instansiId: METRO_ID,
      instansiName: METRO_INSTANSI.name,
      stage: "persiapan",
      public: false,
      announcedAt: null,
      panselUids: [ketuaPansel.uid],
      pendingProposal: null,
      counts: ZERO_COUNTS,
      extensions: {},
      postDecisions: {},
      electionApproval: null,
      recommendation: null,
      announcementDocumentId: null,
      auditSeq: 1,
      setupRevision: 0,
      administrativeResult: null,
      // the copy's pansel works on every post until an operator assigns otherwise
      panselAssignments: {},
      // nothing of the past selection's decisions or documents
      governorConsultation: null,
      ppkChoices: {},
      rekapDocuments: {},
      stageResults: {},
      minutesDocuments: {},
      proposalDocumentId: null,
      finalReportDocumentId: null,
    });
    expect(await auditOf(resultOf(result).selectionId)).toEqual([
      expect.objectContaining({ seq: 1, action: "create", reason: `Disalin dari ${past}`, reference: past }),
    ]);
    // The past selection is untouched.
    expect(await stored(past)).toEqual(source);
  });

  it("does not copy another government's selection", async () => {
    const theirs = await selection();
    const result = await call(
      "createDraft",
      { requestId: newRequestId(), copyFrom: theirs },
      operatorPontianak.idToken,
    );
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.selection.otherInstansi"] });
  });

  it.each([
    ["a pejabat", () => sekda],
    ["a candidate", () => candidate],
  ])("refuses %s", async (_who, who) => {
    const requestId = newRequestId();
    const result = await call("createDraft", { requestId }, who().idToken);
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.operatorOnly"] });
  });

  it("refuses a caller who is not signed in", async () => {
    const result = await call("createDraft", { requestId: newRequestId() });
    expect(failureOf(result)).toEqual({ status: "UNAUTHENTICATED", codes: ["err.auth.required"] });
  });
});

// ---- proposeStage -------------------------------------------------------------------------------

describe("proposeStage", () => {
  it("records persiapan → pendaftaran as a pending proposal, on the selection and in the audit", async () => {
    const id = await selection();

    const result = resultOf(await propose(operator, id, "pendaftaran"));

    expect(result).toEqual({ proposalId: expect.any(String), warnings: [] });
    const proposal = (await selectionRef(id).collection(COLLECTIONS.proposals).doc(result.proposalId).get()).data();
    expect(proposal).toEqual({
      instansiId: METRO_ID,
      selectionId: id,
      selectionTitle: METRO.title,
      from: "persiapan",
      to: "pendaftaran",
      reason: "",
      status: "pending",
      proposedBy: { uid: operator.uid, name: operator.name, role: "operator" },
      proposedAt: expect.any(String),
      warnings: [],
      decidedBy: null,
      decidedAt: null,
      decisionReason: "",
      // The setup the approver reviews: saves are refused while this is pending (setup.emulator.test.ts).
      setupRevision: 0,
    });
    const after = await stored(id);
    expect(after.pendingProposal).toEqual({
      id: result.proposalId,
      from: "persiapan",
      to: "pendaftaran",
      proposedByName: operator.name,
      proposedAt: proposal?.["proposedAt"],
    });
    // Proposing moves nothing: the stage changes only on approval.
    expect(after).toMatchObject({ stage: "persiapan", public: false, announcedAt: null, auditSeq: 1 });
    expect(await auditOf(id)).toEqual([
      {
        instansiId: METRO_ID,
        seq: 1,
        at: proposal?.["proposedAt"],
        actor: { uid: operator.uid, name: operator.name, role: "operator" },
        action: "propose",
        from: "persiapan",
        to: "pendaftaran",
        reason: "",
        reference: result.proposalId,
      },
    ]);
  });

  it("answers a retried call with the first answer and writes nothing more", async () => {
    const id = await selection();
    const requestId = newRequestId();
    const first = resultOf(await propose(operator, id, "pendaftaran", { requestId }));
    const before = await snapshotOf(id);

    // Without the stored answer this would fail with err.stage.pendingExists.
    const retry = await propose(operator, id, "pendaftaran", { requestId });

    expect(retry).toEqual({ ok: true, result: first });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses a second proposal while one is pending", async () => {
    const id = await selection();
    await proposed(id);
    const before = await snapshotOf(id);

    const second = await propose(operatorPejabat, id, "pendaftaran");

    expect(failureOf(second)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.stage.pendingExists"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it.each([
    ["skipping registration", "persiapan", "seleksiAdministrasi"],
    ["going backwards", "seleksiAdministrasi", "pendaftaran"],
    ["to a stage this selection does not use", "laporanPpk", "rekomendasi"],
    ["to where it already is", "persiapan", "persiapan"],
  ] as const)("refuses a move %s (%s → %s) and writes nothing", async (_why, from, to) => {
    const id = await selection({ stage: from, public: from !== "persiapan" });
    const before = await snapshotOf(id);

    const result = await propose(operator, id, to);

    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.stage.illegal"] });
    if (!result.ok) expect(result.issues[0]?.params).toEqual({ from, to });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses to move a finished selection", async () => {
    const id = await selection({ stage: "selesai", public: true });
    expect(failureOf(await propose(operator, id, "dibatalkan", { reason: "Salah input" }))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.stage.illegal"],
    });
  });

  it.each([
    ["a pejabat", () => sekda, "err.stage.notProposer"],
    ["a pansel member", () => anggotaPansel, "err.stage.notProposer"],
    // No staff claims at all: the selection is not theirs to touch.
    ["a candidate", () => candidate, "err.selection.otherInstansi"],
    ["an operator of another government", () => operatorPontianak, "err.selection.otherInstansi"],
  ])("refuses %s and writes nothing", async (_who, who, code) => {
    const id = await selection();
    const before = await snapshotOf(id);

    const result = await propose(who(), id, "pendaftaran");

    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: [code] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("lets the ketua pansel hand on a finished scoring stage, but not cancel", async () => {
    const id = await selection({ stage: "asesmenManajerial", public: true });

    const cancel = await propose(ketuaPansel, id, "dibatalkan", { reason: "Tidak ada peserta" });
    expect(failureOf(cancel)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.stage.notProposer"] });

    const result = resultOf(await propose(ketuaPansel, id, "kompetensiTeknis"));
    const proposal = (await selectionRef(id).collection(COLLECTIONS.proposals).doc(result.proposalId).get()).data();
    expect(proposal?.["proposedBy"]).toEqual({ uid: ketuaPansel.uid, name: ketuaPansel.name, role: "ketuaPansel" });
  });

  it("asks a reason to propose cancelling", async () => {
    const id = await selection({ stage: "pendaftaran", public: true });
    const before = await snapshotOf(id);

    const result = await propose(operator, id, "dibatalkan");

    expect(failureOf(result)).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.stage.reasonRequired"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  describe("gates", () => {
    it("refuses to close registration while it is still open, with the deadline", async () => {
      const applicantsPerPost = Object.fromEntries(METRO.posts.map((p) => [p.id, 6]));
      const schedule = metroScheduleFrom(-5); // registration ends in 9 days
      const id = await selection({
        stage: "pendaftaran",
        public: true,
        schedule,
        counts: { ...ZERO_COUNTS, applicantsPerPost },
      });
      const before = await snapshotOf(id);

      const result = await propose(operator, id, "seleksiAdministrasi");

      expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.gate.registrationOpen"] });
      if (!result.ok) expect(result.issues[0]?.params).toEqual({ end: schedule.pendaftaran?.end });
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses to open registration when the weights do not add up to 100", async () => {
      const components = METRO.scoringPlan.components.map((c, i) => (i === 0 ? { ...c, weight: 30 } : c));
      const id = await selection({ scoringPlan: { ...METRO.scoringPlan, components } });
      const before = await snapshotOf(id);

      const result = await propose(operator, id, "pendaftaran");

      expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.weightsSum"] });
      if (!result.ok) expect(result.issues[0]?.params).toEqual({ sum: 90 });
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses to open registration while who may apply is not set, and opens it once the setup says", async () => {
      // A draft made before the rule existed: the stored setup has null.
      const id = await selection({ openToRule: null });
      const before = await snapshotOf(id);

      const refused = await propose(operator, id, "pendaftaran");

      expect(failureOf(refused)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.openToRuleMissing"] });
      if (!refused.ok) expect(refused.issues[0]?.field).toBe("openToRule.scope");
      expect(await snapshotOf(id)).toEqual(before);

      // The wizard's save of the rule is all it takes.
      const rule = { scope: "province", province: "Lampung", conditions: [] };
      const saved = await call(
        "saveSetup",
        { selectionId: id, baseRevision: 0, part: { openToRule: rule }, requestId: newRequestId() },
        operator.idToken,
      );
      expect(resultOf(saved)).toEqual({ revision: 1 });
      const proposalId = resultOf(await propose(operator, id, "pendaftaran")).proposalId;
      expect(resultOf(await decide(sekda, id, proposalId, "approve"))).toEqual({
        stage: "pendaftaran",
        decision: "approve",
      });
      expect(await stored(id)).toMatchObject({ stage: "pendaftaran", openToRule: rule });
    });

    it("refuses to open registration with a pansel of four, naming each rule it breaks", async () => {
      const id = await selection({ pansel: METRO.pansel.slice(0, 4) });
      const before = await snapshotOf(id);

      const result = await propose(operator, id, "pendaftaran");

      expect(failureOf(result)).toEqual({
        status: "FAILED_PRECONDITION",
        codes: ["err.setup.panselTooFew", "err.setup.panselEven", "err.setup.panselInternalShare"],
      });
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses every gated move under an unknown regulation profile, but still lets it be cancelled", async () => {
      const id = await selection({ regulationProfileId: "permenpanrb-13-2014" });
      const before = await snapshotOf(id);

      const open = await propose(operator, id, "pendaftaran");
      expect(failureOf(open)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.profileUnknown"] });
      expect(await snapshotOf(id)).toEqual(before);

      const reason = "Dasar hukum seleksi keliru; seleksi diulang dengan profil peraturan yang berlaku.";
      expect(await propose(operator, id, "dibatalkan", { reason })).toMatchObject({ ok: true });
    });

    it("passes a short registration with its warning on the proposal", async () => {
      const schedule = { ...metroScheduleFrom(10) };
      schedule.pendaftaran = { start: wibDate(10), end: wibDate(19) }; // 10 days
      const id = await selection({ schedule });

      const result = resultOf(await propose(operator, id, "pendaftaran"));

      expect(result.warnings.map((w) => w.code)).toEqual(["warn.setup.registrationShort"]);
    });
  });
});

// ---- decideStage --------------------------------------------------------------------------------

describe("decideStage", () => {
  it("does not let the proposer approve their own proposal, even holding the pejabat role", async () => {
    const id = await selection();
    const proposalId = resultOf(await propose(operatorPejabat, id, "pendaftaran")).proposalId;
    const before = await snapshotOf(id);

    const result = await decide(operatorPejabat, id, proposalId, "approve");

    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.stage.ownProposal"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it.each([
    ["an operator who did not propose", () => operator, "err.stage.notApprover"],
    ["the ketua pansel", () => ketuaPansel, "err.stage.notApprover"],
    ["a candidate", () => candidate, "err.selection.otherInstansi"],
    ["an operator of another government", () => operatorPontianak, "err.selection.otherInstansi"],
  ])("does not let %s decide", async (_who, who, code) => {
    const id = await selection();
    // Proposed by another operator, so that refusing the operator below is about the role alone.
    const proposalId = resultOf(await propose(operatorPejabat, id, "pendaftaran")).proposalId;
    const before = await snapshotOf(id);

    const result = await decide(who(), id, proposalId, "approve");

    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: [code] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  describe("a pejabat approving the opening of registration", () => {
    let id: string;
    let proposalId: string;
    let requestId: string;
    let first: CallResult<DecideResult>;

    beforeAll(async () => {
      id = await selection();
      proposalId = await proposed(id);
      requestId = newRequestId();
      first = await decide(sekda, id, proposalId, "approve", { requestId });
    });

    it("moves the stage and announces the selection", async () => {
      expect(first).toEqual({ ok: true, result: { stage: "pendaftaran", decision: "approve" } });
      const after = await stored(id);
      expect(after).toMatchObject({ stage: "pendaftaran", public: true, pendingProposal: null, auditSeq: 2 });
      expect(after.announcedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const proposal = (await selectionRef(id).collection(COLLECTIONS.proposals).doc(proposalId).get()).data();
      expect(proposal).toMatchObject({
        status: "approved",
        decidedBy: { uid: sekda.uid, name: sekda.name, role: "pejabat" },
        decidedAt: after.announcedAt,
        decisionReason: "",
      });
    });

    it("leaves the proposal and the approval in the audit, the approval referencing the proposal", async () => {
      const audit = await auditOf(id);
      expect(audit.map((e) => [e.seq, e.action, e.actor.uid, e.from, e.to, e.reference])).toEqual([
        [1, "propose", operator.uid, "persiapan", "pendaftaran", proposalId],
        [2, "approve", sekda.uid, "persiapan", "pendaftaran", proposalId],
      ]);
      expect(audit[1]?.actor).toEqual({ uid: sekda.uid, name: sekda.name, role: "pejabat" });
    });

    it("answers a retried call with the first answer and writes nothing more", async () => {
      const before = await snapshotOf(id);

      // Without the stored answer this would fail: the proposal is no longer pending.
      const retry = await decide(sekda, id, proposalId, "approve", { requestId });

      expect(retry).toEqual(first);
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses the same request id from another user", async () => {
      const before = await snapshotOf(id);

      const result = await decide(asisten, id, proposalId, "approve", { requestId });

      expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.request.reused"] });
      expect(await snapshotOf(id)).toEqual(before);
    });

    it("refuses a second decision on the decided proposal", async () => {
      const result = await decide(asisten, id, proposalId, "reject", { reason: "Terlambat" });
      expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.stage.notPending"] });
    });
  });

  it("asks a reason to reject", async () => {
    const id = await selection();
    const proposalId = await proposed(id);
    const before = await snapshotOf(id);

    const result = await decide(sekda, id, proposalId, "reject", { reason: "   " });

    expect(failureOf(result)).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.stage.reasonRequired"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("rejects with a reason: the stage stays, the proposal is closed, a new one may follow", async () => {
    const id = await selection();
    const proposalId = await proposed(id);
    const reason = "Jadwal pendaftaran bertepatan dengan libur nasional; mohon disesuaikan.";

    const result = await decide(sekda, id, proposalId, "reject", { reason });

    expect(result).toEqual({ ok: true, result: { stage: "persiapan", decision: "reject" } });
    const after = await stored(id);
    expect(after).toMatchObject({ stage: "persiapan", public: false, announcedAt: null, pendingProposal: null });
    const proposal = (await selectionRef(id).collection(COLLECTIONS.proposals).doc(proposalId).get()).data();
    expect(proposal).toMatchObject({ status: "rejected", decisionReason: reason, decidedBy: { uid: sekda.uid } });
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: "reject", reason, reference: proposalId });
    expect(await propose(operator, id, "pendaftaran")).toMatchObject({ ok: true });
  });

  it("checks the gates again on approval: facts may have changed since the proposal", async () => {
    const id = await selection({ stage: "seleksiAdministrasi", public: true });
    const proposalId = await proposed(id, "pengumumanAdministrasi");
    // Two late applications arrive unverified before the pejabat taps approve.
    await selectionRef(id).update({ "counts.unverifiedApplications": 2 });
    const before = await snapshotOf(id);

    const result = await decide(sekda, id, proposalId, "approve");

    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.gate.unverified"] });
    expect(await snapshotOf(id)).toEqual(before);
    expect(before.selection.pendingProposal?.id).toBe(proposalId);
  });

  it("cancels an announced selection with a reason, and it stays public", async () => {
    const id = await selection({ stage: "pendaftaran", public: true, announcedAt: "2025-01-06T01:00:00.000Z" });
    const reason = "Formasi ditiadakan oleh penataan organisasi perangkat daerah.";
    const proposalId = resultOf(await propose(operator, id, "dibatalkan", { reason })).proposalId;

    expect(await decide(sekda, id, proposalId, "approve")).toMatchObject({ ok: true, result: { stage: "dibatalkan" } });

    expect(await stored(id)).toMatchObject({
      stage: "dibatalkan",
      public: true,
      announcedAt: "2025-01-06T01:00:00.000Z",
    });
    expect((await auditOf(id))[0]).toMatchObject({ action: "propose", to: "dibatalkan", reason });
  });
});

// ---- recordProcessLetter and the election-period gate ------------------------------------------

describe("the election-period gate before pelantikan", () => {
  const letter = { letterNumber: "100.2.2.6/7125/OTDA", date: wibDate(-3) };
  const instansiRef = () => db.collection(COLLECTIONS.instansi).doc(METRO_ID);
  // The candidate pairs are determined in 200 days: the window opens in about 18 days, after today
  // but before the planned appointment (the report to the PPK ends about 67 days from now).
  const inWindow = { elections: [{ candidatePairsDetermination: wibDate(200), termEnd: wibDate(400) }] };
  const noElection = { elections: [], actingHeads: [] };
  afterAll(async () => {
    await instansiRef().update(noElection);
  });

  it("blocks until the Minister's letter is recorded, then lets the pejabat approve", async () => {
    await instansiRef().update(inWindow);
    const id = await selection({
      stage: "penetapan",
      public: true,
      announcedAt: "2025-01-06T01:00:00.000Z",
      ppkChoices: everyPostChosen(METRO.posts),
    });
    const before = await snapshotOf(id);

    const blocked = await propose(operator, id, "pelantikan");
    expect(failureOf(blocked)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.electionApprovalMissing"] });
    expect(await snapshotOf(id)).toEqual(before);

    const record = { selectionId: id, kind: "electionApproval", letter, requestId: newRequestId() };
    const notOperator = await call("recordProcessLetter", record, sekda.idToken);
    expect(failureOf(notOperator)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.operatorOnly"] });

    expect(await call("recordProcessLetter", record, operator.idToken)).toEqual({
      ok: true,
      result: { recorded: true },
    });
    expect((await stored(id)).electionApproval).toEqual(letter);

    const proposalId = resultOf(await propose(operator, id, "pelantikan")).proposalId;
    expect(await decide(sekda, id, proposalId, "approve")).toEqual({
      ok: true,
      result: { stage: "pelantikan", decision: "approve" },
    });

    expect(await stored(id)).toMatchObject({ stage: "pelantikan", public: true, auditSeq: 3 });
    expect((await auditOf(id)).map((e) => [e.seq, e.action, e.from, e.to, e.reference])).toEqual([
      [1, "record", "penetapan", null, letter.letterNumber],
      [2, "propose", "penetapan", "pelantikan", proposalId],
      [3, "approve", "penetapan", "pelantikan", proposalId],
    ]);
  });

  it("is open outside an election period", async () => {
    await instansiRef().update(noElection);
    const id = await selection({ stage: "penetapan", public: true, ppkChoices: everyPostChosen(METRO.posts) });
    expect(await propose(operator, id, "pelantikan")).toMatchObject({ ok: true });
  });

  it("blocks any appointment under an acting regional head (Penjabat), citing PP 49/2008", async () => {
    await instansiRef().update({ elections: [], actingHeads: [{ from: wibDate(-30), to: wibDate(300) }] });
    const id = await selection({ stage: "penetapan", public: true, ppkChoices: everyPostChosen(METRO.posts) });
    expect(failureOf(await propose(operator, id, "pelantikan"))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.setup.actingHeadApprovalMissing"],
    });
    await instansiRef().update(noElection);
  });

  it("refuses a letter with no number", async () => {
    const id = await selection({ stage: "penetapan", public: true, ppkChoices: everyPostChosen(METRO.posts) });
    const before = await snapshotOf(id);
    const result = await call(
      "recordProcessLetter",
      {
        selectionId: id,
        kind: "electionApproval",
        letter: { ...letter, letterNumber: " " },
        requestId: newRequestId(),
      },
      operator.idToken,
    );
    expect(failureOf(result).status).toBe("INVALID_ARGUMENT");
    expect(await snapshotOf(id)).toEqual(before);
  });
});
