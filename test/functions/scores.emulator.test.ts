/**
 * The pansel's scores through the functions emulator, as a tablet calls them: submitScore locks a
 * member's score and takes it off the gate's count of unlocked scores; reopenScore (the ketua only,
 * with a reason) puts it back. Abuse first: every refusal must change nothing, counts included.
 * Conflicts declarations are written with the Admin SDK in the shape declareConflicts leaves them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { storedApplication, type StoredApplication } from "../../functions/src/domain/applications/application.js";
import type { StoredConflicts } from "../../functions/src/domain/scoring/conflicts.js";
import { scoreId } from "../../functions/src/domain/scoring/score.js";
import type { ScoringPlan } from "../../functions/src/domain/selection/setup.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { call } from "../support/callables.js";
import { auditOf, failureOf, newRequestId, resultOf, selectionRef, type User } from "../support/process.js";
import { METRO, refusedUnchanged, scoringRun, stateOf } from "../support/scoringRun.js";

const run = scoringRun("scores");
const METRO_ID = run.metroId;
const BAPPEDA = "bappeda";
const DISDIKBUD = "disdikbud";

/** The demo plan, with an imported written test and a direct-number practical in kompetensiTeknis too. */
const PLAN: ScoringPlan = {
  ...METRO.scoringPlan,
  components: [
    ...METRO.scoringPlan.components,
    {
      id: "tes-tertulis",
      label: "Tes tertulis",
      weight: 0,
      stage: "kompetensiTeknis",
      scale: { min: 0, max: 100 },
      imported: { rawMax: 400 },
    },
    { id: "uji-praktik", label: "Uji praktik", weight: 0, stage: "kompetensiTeknis", scale: { min: 0, max: 100 } },
  ],
};
const PAPER = { substansi: 75, "program-kerja": 90, presentasi: 60 };
const COUNTS = { ...ZERO_COUNTS, unlockedScores: 10, unlockedScoresByStage: { kompetensiTeknis: 6, wawancara: 4 } };

let ketua: User;
let member: User;
let narrowed: User; // on the committee, but disdikbud is narrowed to the ketua alone
let outsider: User; // pansel of Kota Metro, not on this committee
let foreign: User; // pansel of Kota Pontianak, named (by a forged list) on this committee
let operator: User;
let candidate: User;

const apps: Record<string, string> = {};

function application(selectionId: string, postId: string, uid: string, name: string, status: "ms" | "tms") {
  return storedApplication.parse({
    instansiId: METRO_ID,
    selectionId,
    postId,
    postName: METRO.posts.find((p) => p.id === postId)!.name,
    candidateUid: uid,
    candidateName: name,
    nip: "197806152003122001",
    status,
    createdAt: "2021-10-01T01:00:00.000Z",
    updatedAt: "2021-10-01T01:00:00.000Z",
  });
}

async function putApplication(app: StoredApplication): Promise<string> {
  const id = `${app.selectionId}_${app.postId}_${app.candidateUid}`;
  await db.collection(COLLECTIONS.applications).doc(id).set(app);
  return id;
}

async function declare(selectionId: string, postId: string, memberUid: string, kinds: Record<string, string>) {
  const doc: StoredConflicts = {
    instansiId: METRO_ID,
    selectionId,
    postId,
    memberUid,
    entries: Object.entries(kinds).map(([applicationId, kind]) => ({
      applicationId,
      kind: kind as StoredConflicts["entries"][number]["kind"],
      note: "",
    })),
    kinds: kinds as StoredConflicts["kinds"],
    declaredAt: "2021-10-26T01:00:00.000Z",
  };
  await db.collection(COLLECTIONS.conflicts).doc(`${selectionId}_${postId}_${memberUid}`).set(doc);
}

/** Metro in kompetensiTeknis, with its candidates declared: ani free, budi family, cici undeclared, dedi TMS. */
async function scoringSelection(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = await run.selection({
    stage: "kompetensiTeknis",
    announcedAt: "2021-09-20T01:00:00.000Z",
    scoringPlan: PLAN,
    pansel: [
      { name: ketua.name, origin: "internal", position: "ketua", affiliation: "Sekda", uid: ketua.uid },
      { name: member.name, origin: "akademisi", position: "anggota", affiliation: "Unila", uid: member.uid },
      { name: narrowed.name, origin: "akademisi", position: "sekretaris", affiliation: "Unila", uid: narrowed.uid },
    ],
    panselUids: [ketua.uid, member.uid, narrowed.uid, foreign.uid],
    panselAssignments: { [DISDIKBUD]: [ketua.uid] },
    counts: { ...COUNTS },
    ...changes,
  });
  apps["ani"] = await putApplication(application(id, BAPPEDA, "cand-ani", "Dr. Ani Rahmawati, S.E., M.Si.", "ms"));
  apps["budi"] = await putApplication(application(id, BAPPEDA, "cand-budi", "Ir. Budi Santoso, M.T.", "ms"));
  apps["cici"] = await putApplication(application(id, BAPPEDA, "cand-cici", "Cici Paramida, S.Sos.", "ms"));
  apps["dedi"] = await putApplication(application(id, BAPPEDA, "cand-dedi", "Dedi Kurniawan, S.H.", "tms"));
  apps["eka"] = await putApplication(application(id, DISDIKBUD, "cand-eka", "Eka Putri, M.Pd.", "ms"));
  const free = { [apps["ani"]]: "none", [apps["budi"]]: "family", [apps["dedi"]]: "none" };
  await declare(id, BAPPEDA, member.uid, free);
  await declare(id, BAPPEDA, ketua.uid, { [apps["ani"]]: "none" });
  await declare(id, BAPPEDA, outsider.uid, { [apps["ani"]]: "none" });
  await declare(id, BAPPEDA, foreign.uid, { [apps["ani"]]: "none" });
  await declare(id, DISDIKBUD, narrowed.uid, { [apps["eka"]]: "none" });
  return id;
}

function submit(who: User, selectionId: string, changes: Record<string, unknown> = {}, requestId = newRequestId()) {
  return call<{ scoreId: string; status: string; revision: number; submittedAt: string }>(
    "submitScore",
    {
      requestId,
      selectionId,
      applicationId: apps["ani"],
      componentId: "makalah",
      entry: { levels: PAPER, value: null, note: "Program kerja terukur." },
      ...changes,
    },
    who.idToken,
  );
}

function reopen(who: User, selectionId: string, id: string, reason = "Salah tekan pada indikator presentasi.") {
  return call<{ scoreId: string; status: string; revision: number }>(
    "reopenScore",
    { requestId: newRequestId(), selectionId, scoreId: id, reason },
    who.idToken,
  );
}

async function scoreDoc(id: string) {
  return (await db.collection(COLLECTIONS.scores).doc(id).get()).data();
}

/** The selection (its counts), audit, stored answers, and every score of it: what a refusal must leave. */
const everything = (selectionId: string) => stateOf(selectionId, COLLECTIONS.scores);

beforeAll(async () => {
  await run.createGovernments();
  const { accounts, metro } = run;
  [ketua, member, narrowed, outsider, foreign, operator, candidate] = await Promise.all([
    accounts.user("ketua", "Drs. H. Bambang Irawan, M.M.", metro(["pansel"])),
    accounts.user("member", "Prof. Dr. Hartini Saleh, M.Si.", metro(["pansel"])),
    accounts.user("narrowed", "Dr. Fikri Ramadhan, M.Si.", metro(["pansel"])),
    accounts.user("outsider", "Dr. Nurul Aini, M.Pd.", metro(["pansel"])),
    accounts.user("foreign", "Dr. Yohanes Kristianto", run.other(["pansel"])),
    accounts.user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
    accounts.user("candidate", "Dr. Ani Rahmawati, S.E., M.Si."),
  ]);
});

afterAll(() => run.removeAll([COLLECTIONS.applications, COLLECTIONS.conflicts, COLLECTIONS.scores]));

describe("submitScore: who may not, and what may not be submitted (each refusal changes nothing)", () => {
  let selectionId: string;
  beforeAll(async () => {
    selectionId = await scoringSelection();
  });

  const refusals: [string, () => User, Record<string, unknown>, string, string][] = [
    ["another government's pansel member", () => foreign, {}, "PERMISSION_DENIED", "err.selection.otherInstansi"],
    ["an operator", () => operator, {}, "PERMISSION_DENIED", "err.score.panselOnly"],
    ["a candidate", () => candidate, {}, "PERMISSION_DENIED", "err.score.panselOnly"],
    ["a member not on the committee", () => outsider, {}, "FAILED_PRECONDITION", "err.score.notPansel"],
    ["a recused member (family)", () => member, { applicationId: "budi" }, "FAILED_PRECONDITION", "err.score.recused"],
    ["an undeclared candidate", () => member, { applicationId: "cici" }, "FAILED_PRECONDITION", "err.score.undeclared"],
    ["a TMS application", () => member, { applicationId: "dedi" }, "FAILED_PRECONDITION", "err.score.notCandidate"],
    [
      "a score outside the scale",
      () => member,
      { componentId: "uji-praktik", entry: { levels: null, value: 101, note: "" } },
      "FAILED_PRECONDITION",
      "err.score.outsideScale",
    ],
    [
      "an incomplete rubric",
      () => member,
      { entry: { levels: { substansi: 75 }, value: null, note: "" } },
      "FAILED_PRECONDITION",
      "err.score.incomplete",
    ],
    [
      "a level the rubric does not have",
      () => member,
      { entry: { levels: { ...PAPER, substansi: 95 }, value: null, note: "" } },
      "FAILED_PRECONDITION",
      "err.score.notALevel",
    ],
    [
      "an imported component",
      () => member,
      { componentId: "tes-tertulis", entry: { levels: null, value: 70, note: "" } },
      "FAILED_PRECONDITION",
      "err.score.imported",
    ],
    [
      "a component of another stage",
      () => member,
      { componentId: "wawancara", entry: { levels: { "visi-misi": 90 }, value: null, note: "" } },
      "FAILED_PRECONDITION",
      "err.score.otherStage",
    ],
  ];

  it.each(refusals)("refuses %s", async (_what, who, changes, status, code) => {
    const appKey = changes["applicationId"];
    const input = typeof appKey === "string" ? { ...changes, applicationId: apps[appKey] } : changes;
    expect(
      await refusedUnchanged(
        () => everything(selectionId),
        () => submit(who(), selectionId, input),
      ),
    ).toEqual({
      status,
      codes: [code],
    });
  });

  it("refuses a member not assigned to the post (disdikbud narrowed to the ketua)", async () => {
    const result = () => submit(narrowed, selectionId, { applicationId: apps["eka"] });
    expect(await refusedUnchanged(() => everything(selectionId), result)).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.score.notAssigned"],
    });
  });

  it("refuses a signed-out caller", async () => {
    const result = await call("submitScore", { requestId: newRequestId(), selectionId }, undefined);
    expect(failureOf(result).status).toBe("UNAUTHENTICATED");
  });
});

describe("submitScore: locked once, counted once", () => {
  let selectionId: string;
  let id: string;
  const requestId = newRequestId();
  let first: { scoreId: string; revision: number; submittedAt: string };

  beforeAll(async () => {
    selectionId = await scoringSelection();
    id = scoreId(apps["ani"]!, "makalah", member.uid);
    first = resultOf(await submit(member, selectionId, {}, requestId));
  });

  it("stores the score, submitted by the server's clock, and takes it off both counts", async () => {
    expect(first).toMatchObject({ scoreId: id, status: "submitted", revision: 1 });
    expect(Math.abs(Date.parse(first.submittedAt) - Date.now())).toBeLessThan(60_000);
    expect(await scoreDoc(id)).toMatchObject({
      instansiId: METRO_ID,
      selectionId,
      postId: BAPPEDA,
      applicationId: apps["ani"],
      componentId: "makalah",
      memberUid: member.uid,
      levels: PAPER,
      value: null,
      status: "submitted",
      submittedAt: first.submittedAt,
      revision: 1,
    });
    const { counts } = (await everything(selectionId)).selection;
    expect(counts.unlockedScores).toBe(9);
    expect(counts.unlockedScoresByStage).toEqual({ kompetensiTeknis: 5, wawancara: 4 });
  });

  it("audits who scored whom in what, never the figure", async () => {
    const last = (await auditOf(selectionId)).at(-1)!;
    expect(last).toMatchObject({
      action: "submitScore",
      actor: { uid: member.uid, name: member.name, role: "pansel" },
      reference: id,
    });
    expect(last.reason).toContain("Dr. Ani Rahmawati");
    expect(last.reason).toContain("Penulisan makalah dan presentasi");
    expect(last.reason).not.toMatch(/\d/);
  });

  it("a replay with the same request id answers the first answer and changes nothing", async () => {
    const before = await everything(selectionId);
    expect(resultOf(await submit(member, selectionId, {}, requestId))).toEqual(first);
    expect(await everything(selectionId)).toEqual(before);
  });

  it("a second submission is refused and not counted again", async () => {
    const again = () => submit(member, selectionId, { entry: { levels: { ...PAPER, presentasi: 90 }, note: "" } });
    expect(await refusedUnchanged(() => everything(selectionId), again)).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.score.alreadySubmitted"],
    });
  });

  it("another member's replay of that request id is refused", async () => {
    expect(
      await refusedUnchanged(
        () => everything(selectionId),
        () => submit(ketua, selectionId, {}, requestId),
      ),
    ).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.request.reused"],
    });
  });
});

describe("reopenScore: the ketua alone, with a reason", () => {
  let selectionId: string;
  let id: string;

  beforeAll(async () => {
    selectionId = await scoringSelection();
    id = scoreId(apps["ani"]!, "makalah", member.uid);
    resultOf(await submit(member, selectionId));
  });

  it.each([
    ["a member who is not the ketua", () => member, undefined, "PERMISSION_DENIED", "err.score.ketuaOnly"],
    ["an operator", () => operator, undefined, "PERMISSION_DENIED", "err.score.panselOnly"],
    ["another government's pansel", () => foreign, undefined, "PERMISSION_DENIED", "err.selection.otherInstansi"],
    ["the ketua without a reason", () => ketua, "", "INVALID_ARGUMENT", "err.score.reopenReason"],
    ["the ketua with a reason too short", () => ketua, "  salah   ", "INVALID_ARGUMENT", "err.score.reopenReason"],
  ] as const)("refuses %s", async (_what, who, reason, status, code) => {
    const result = () =>
      reason === undefined ? reopen(who(), selectionId, id) : reopen(who(), selectionId, id, reason);
    expect(await refusedUnchanged(() => everything(selectionId), result)).toEqual({ status, codes: [code] });
  });

  it("refuses a score that is not there or not submitted", async () => {
    const missing = scoreId(apps["ani"]!, "makalah", ketua.uid);
    expect(
      await refusedUnchanged(
        () => everything(selectionId),
        () => reopen(ketua, selectionId, missing),
      ),
    ).toEqual({
      status: "NOT_FOUND",
      codes: ["err.score.notFound"],
    });
  });

  it("reopens: back to draft, counted again, the reason audited; the member resubmits once", async () => {
    const before = (await everything(selectionId)).selection.counts;
    expect(resultOf(await reopen(ketua, selectionId, id))).toEqual({ scoreId: id, status: "draft", revision: 2 });
    expect(await scoreDoc(id)).toMatchObject({
      status: "draft",
      submittedAt: null,
      revision: 2,
      reopened: { byUid: ketua.uid, reason: "Salah tekan pada indikator presentasi." },
    });
    const after = (await everything(selectionId)).selection.counts;
    expect(after.unlockedScores).toBe(before.unlockedScores + 1);
    expect(after.unlockedScoresByStage?.["kompetensiTeknis"]).toBe(
      before.unlockedScoresByStage!["kompetensiTeknis"]! + 1,
    );
    const last = (await auditOf(selectionId)).at(-1)!;
    expect(last).toMatchObject({ action: "reopenScore", actor: { uid: ketua.uid, role: "pansel" }, reference: id });
    expect(last.reason).toContain("Salah tekan pada indikator presentasi.");

    // A second reopen of a score already reopened is refused.
    expect(
      await refusedUnchanged(
        () => everything(selectionId),
        () => reopen(ketua, selectionId, id),
      ),
    ).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.score.notSubmitted"],
    });

    const again = resultOf(await submit(member, selectionId, { entry: { levels: { ...PAPER, presentasi: 90 } } }));
    expect(again).toMatchObject({ status: "submitted", revision: 3 });
    expect((await everything(selectionId)).selection.counts).toEqual(before);
    expect(await scoreDoc(id)).toMatchObject({ levels: { ...PAPER, presentasi: 90 }, status: "submitted" });
  });

  it("refuses to reopen a score whose stage is over", async () => {
    const other = await scoringSelection();
    const otherId = scoreId(apps["ani"]!, "makalah", member.uid);
    resultOf(await submit(member, other));
    await selectionRef(other).update({ stage: "wawancara" });
    expect(
      await refusedUnchanged(
        () => everything(other),
        () => reopen(ketua, other, otherId),
      ),
    ).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.score.stageOver"],
    });
  });
});
