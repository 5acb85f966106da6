/**
 * publishStageResult through the functions emulator: a post ranked after a stage (the scores written
 * in the shapes the scoring functions leave), then its result announced: the numbered public PDF,
 * the selection's stageResults for the public page, and each candidate's own outcome. And every way
 * it must refuse, writing nothing: another government, the pansel, a candidate, a self-granted role,
 * a ranking not lockable or not computed, a stage not reached, a forged ranking, a replay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { storedApplication } from "../../functions/src/domain/applications/application.js";
import { documentRecord } from "../../functions/src/domain/documents/record.js";
import { storedRanking, type PostRankingResult } from "../../functions/src/domain/scoring/postRanking.js";
import type { PublishScores } from "../../functions/src/domain/selection/setup.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { readFile } from "../../functions/src/files/chunks.js";
import { INSTANSI } from "../../seed/metro2021.js";
import { auth, db } from "../support/admin.js";
import { call, signIn, uniqueSuffix } from "../support/callables.js";
import {
  auditOf,
  failureOf,
  newRequestId,
  resultOf,
  snapshotOf,
  staffAccounts,
  stored,
  type User,
} from "../support/process.js";
import { METRO, rankingSelection, seedRankingReadyPost } from "../support/ranking.js";

const RUN = uniqueSuffix();
const INSTANSI_ID = `kota-metro-hasil-${RUN}`;
const OTHER_ID = `kota-pontianak-hasil-${RUN}`;
const accounts = staffAccounts(`hasil.${RUN}`);

let operator: User;
let ketua: User;
let pejabat: User;
let candidate: User;
let selfGranted: User;
let operatorOther: User;
let members: string[];
let counter = 0;

interface Issued {
  documentId: string;
  number: string;
  version: number;
  sha256: string;
}

const compute = (selectionId: string, stage: string) =>
  call("computeRanking", { selectionId, postId: "bappeda", stage, requestId: newRequestId() }, operator.idToken);

const publish = (who: User, selectionId: string, stage = "pemeringkatan", requestId = newRequestId(), extra = {}) =>
  call<Issued>("publishStageResult", { selectionId, stage, requestId, ...extra }, who.idToken);

/** Metro 2021 with one live post (bappeda, six ranked candidates); the others cancelled. */
async function selection(over: Partial<StoredSelection> & { publishScores?: PublishScores } = {}) {
  const selectionId = `${INSTANSI_ID}-sel-${++counter}`;
  const { publishScores, ...rest } = over;
  const base = rankingSelection(INSTANSI_ID, members);
  const doc: StoredSelection = {
    ...base,
    scoringPlan: { ...base.scoringPlan, ...(publishScores ? { publishScores } : {}) },
    postDecisions: Object.fromEntries(METRO.posts.filter((p) => p.id !== "bappeda").map((p) => [p.id, "cancelPost"])),
    ...rest,
  };
  await db.collection(COLLECTIONS.selections).doc(selectionId).set(doc);
  const seeded = await seedRankingReadyPost(db, { instansiId: INSTANSI_ID, selectionId, postId: "bappeda", members });
  return { selectionId, ...seeded };
}

async function ranking(selectionId: string, stage: string): Promise<PostRankingResult> {
  const doc = await db.collection(COLLECTIONS.rankings).doc(`${selectionId}_bappeda_${stage}`).get();
  return JSON.parse(storedRanking.parse(doc.data()).json) as PostRankingResult;
}

async function outcomes(applicationIds: readonly string[], stage: string) {
  const snaps = await db.getAll(...applicationIds.map((id) => db.collection(COLLECTIONS.applications).doc(id)));
  return snaps.map((s) => storedApplication.parse(s.data()).stageOutcomes[stage] ?? null);
}

async function documentsOf(selectionId: string) {
  return (await db.collection(COLLECTIONS.documents).where("selectionId", "==", selectionId).get()).size;
}

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(INSTANSI_ID).set(INSTANSI["kota-metro"]!);
  const metro = { instansi: INSTANSI_ID, roles: ["operator" as const] };
  [operator, ketua, pejabat, candidate, selfGranted, operatorOther] = await Promise.all([
    accounts.user("operator", "Dewi Lestari, S.Sos.", metro),
    accounts.user("ketua", "Drs. H. Bambang Irawan, M.M.", { instansi: INSTANSI_ID, roles: ["pansel"] }),
    accounts.user("sekda", "Sekda Kota Metro", { instansi: INSTANSI_ID, roles: ["pejabat"] }),
    accounts.user("peserta", "Drs. Ahmad Fauzi, M.Si."),
    accounts.user("self-granted", "Rudi Santoso"),
    accounts.user("op-ptk", "Yohanes Kristianto, S.Kom.", { instansi: OTHER_ID, roles: ["operator"] }),
  ]);
  // Claims without the members record: what a forged or stale token would carry.
  await auth.setCustomUserClaims(selfGranted.uid, metro);
  selfGranted = {
    ...selfGranted,
    idToken: (await signIn(`self-granted.hasil.${RUN}@seleksi.demo`, "Seleksi2025")).idToken,
  };
  members = [ketua.uid, "pansel-rusdi", "pansel-hartini", "pansel-fikri", "pansel-nurul"];
});

afterAll(async () => {
  await accounts.deleteAll();
});

// Each announcement renders a PDF; a cold start on a busy machine takes its time.
describe("publishStageResult", { timeout: 90_000 }, () => {
  it("announces the 3 besar: a public PDF, the public result, each candidate's own outcome, audited", async () => {
    const { selectionId, applicationIds } = await selection();
    resultOf(await compute(selectionId, "pemeringkatan"));
    const r = await ranking(selectionId, "pemeringkatan");
    const requestId = newRequestId();
    const issued = resultOf(await publish(operator, selectionId, "pemeringkatan", requestId));
    expect(issued).toMatchObject({ documentId: `${selectionId}_pemeringkatan-hasilTahap-v1`, version: 1 });
    expect(issued.number).toMatch(/\/PENG\//);

    const record = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(record).toMatchObject({ kind: "hasilTahap", status: "valid", sha256: issued.sha256 });
    const file = (await db.collection(COLLECTIONS.files).doc(record.fileId).get()).data();
    expect(file?.["extra"]?.["public"]).toBe(true);
    const pdf = await readFile(db, record.fileId);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(
      /\s+/g,
      " ",
    );
    const who = (id: string) => r.candidates.find((c) => c.applicationId === id)!;
    for (const id of r.finalists) expect(text).toContain(who(id).nip);
    for (const row of r.ranked.slice(3)) expect(text).not.toContain(who(row.applicationId).name.split(",")[0]!);

    const result = (await stored(selectionId)).stageResults.pemeringkatan!;
    expect(result).toMatchObject({ documentId: issued.documentId, number: issued.number, final: true, version: 1 });
    expect(result.posts["bappeda"]!.map((c) => c.nip).sort()).toEqual(r.finalists.map((id) => who(id).nip).sort());
    expect(result.posts["bappeda"]!.every((c) => c.rank === null && c.total === null)).toBe(true);
    expect(Object.keys(result.posts)).toEqual(["bappeda"]);

    const own = await outcomes(applicationIds, "pemeringkatan");
    expect(own.map((o) => o?.advances)).toEqual([true, true, true, false, false, false]);
    expect(own[3]).toMatchObject({ reason: { code: "notFinalist" }, rank: null, total: null, number: issued.number });
    expect((await auditOf(selectionId)).at(-1)).toMatchObject({
      action: "publishStageResult",
      actor: { uid: operator.uid },
      reference: issued.documentId,
    });

    // A replay answers the first answer and writes nothing more.
    const before = await snapshotOf(selectionId);
    expect(resultOf(await publish(operator, selectionId, "pemeringkatan", requestId))).toEqual(issued);
    expect(await snapshotOf(selectionId)).toEqual(before);
    expect(await documentsOf(selectionId)).toBe(1);
  });

  it("refuses to announce the same rankings again; a changed ranking makes version 2, superseding", async () => {
    const { selectionId, applicationIds } = await selection();
    resultOf(await compute(selectionId, "pemeringkatan"));
    const issued = resultOf(await publish(operator, selectionId));
    expect(failureOf(await publish(operator, selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.stageResult.unchanged"],
    });
    expect(await documentsOf(selectionId)).toBe(1);
    await db.collection(COLLECTIONS.scores).doc(`${applicationIds[5]}_rekam-jejak_${members[0]}`).update({ value: 95 });
    resultOf(await compute(selectionId, "pemeringkatan"));
    const v2 = resultOf(await publish(operator, selectionId));
    expect(v2).toMatchObject({ version: 2, documentId: `${selectionId}_pemeringkatan-hasilTahap-v2` });
    const first = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(first).toMatchObject({ status: "superseded", supersededBy: v2.documentId });
    expect((await stored(selectionId)).stageResults.pemeringkatan).toMatchObject({ version: 2, number: v2.number });
  });

  it("announces an interim result with the components so far, ranks and totals as the plan publishes", async () => {
    const { selectionId, applicationIds } = await selection({ stage: "wawancara", publishScores: "total" });
    resultOf(await compute(selectionId, "kompetensiTeknis"));
    const r = await ranking(selectionId, "kompetensiTeknis");
    // A forged field in the input changes nothing: the plan decides what is published.
    resultOf(await publish(operator, selectionId, "kompetensiTeknis", newRequestId(), { publishScores: "none" }));
    const result = (await stored(selectionId)).stageResults.kompetensiTeknis!;
    expect(result.final).toBe(false);
    expect(result.components.map((c) => c.id)).toEqual(["asesmen", "makalah"]);
    expect(result.posts["bappeda"]!.map((c) => c.total)).toEqual(r.ranked.map((row) => row.total));
    const own = await outcomes(applicationIds, "kompetensiTeknis");
    expect(own.every((o) => o?.advances === true)).toBe(true);
    expect(own[0]).toMatchObject({ rank: 1, total: r.ranked[0]!.total, final: false });
  });

  it.each([
    ["an operator of another government", () => operatorOther, "PERMISSION_DENIED", "err.selection.otherInstansi"],
    ["the ketua pansel", () => ketua, "PERMISSION_DENIED", "err.role.operatorOnly"],
    ["a pejabat", () => pejabat, "PERMISSION_DENIED", "err.role.operatorOnly"],
    ["a candidate", () => candidate, "PERMISSION_DENIED", "err.role.operatorOnly"],
    ["a self-granted operator role (no members record)", () => selfGranted, "PERMISSION_DENIED", "err.role.revoked"],
  ])("refuses %s and writes nothing", async (_who, who, status, code) => {
    const { selectionId, applicationIds } = await selection();
    resultOf(await compute(selectionId, "pemeringkatan"));
    const before = await snapshotOf(selectionId);
    expect(failureOf(await publish(who(), selectionId))).toEqual({ status, codes: [code] });
    expect(await snapshotOf(selectionId)).toEqual(before);
    expect(await documentsOf(selectionId)).toBe(0);
    expect(await outcomes(applicationIds, "pemeringkatan")).toEqual(Array(6).fill(null));
  });

  it("refuses a ranking that cannot be locked, a live post not ranked, and a forged ranking", async () => {
    const { selectionId, applicationIds } = await selection();
    await db.collection(COLLECTIONS.scores).doc(`${applicationIds[1]}_wawancara_${members[2]}`).update({
      status: "draft",
    });
    resultOf(await compute(selectionId, "pemeringkatan"));
    const before = await snapshotOf(selectionId);
    expect(failureOf(await publish(operator, selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.stageResult.notLockable"],
    });
    expect(await snapshotOf(selectionId)).toEqual(before);

    // Another live post with no ranking.
    const second = await selection();
    resultOf(await compute(second.selectionId, "pemeringkatan"));
    await db
      .collection(COLLECTIONS.selections)
      .doc(second.selectionId)
      .update({ "postDecisions.disdikbud": "continueWithDecision" });
    expect(failureOf(await publish(operator, second.selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.stageResult.notComputed"],
    });

    // A ranking written under this selection's id by another tenant is not this selection's.
    const third = await selection();
    resultOf(await compute(third.selectionId, "pemeringkatan"));
    await db.collection(COLLECTIONS.rankings).doc(`${third.selectionId}_bappeda_pemeringkatan`).update({
      instansiId: OTHER_ID,
    });
    expect(failureOf(await publish(operator, third.selectionId))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.selection.otherInstansi"],
    });
    for (const id of [selectionId, second.selectionId, third.selectionId]) expect(await documentsOf(id)).toBe(0);
  });

  it.each([
    [
      "a stage the selection has not reached",
      "wawancara",
      "pemeringkatan",
      "FAILED_PRECONDITION",
      "err.stageResult.tooEarly",
    ],
    [
      "a stage where nothing is scored",
      "pemeringkatan",
      "pendaftaran",
      "FAILED_PRECONDITION",
      "err.ranking.notScoringStage",
    ],
    ["a stage that does not exist", "pemeringkatan", "tahapPalsu", "INVALID_ARGUMENT", "err.input.invalid"],
  ])("refuses %s", async (_what, at, stage, status, code) => {
    const { selectionId } = await selection({ stage: at as StoredSelection["stage"] });
    expect(failureOf(await publish(operator, selectionId, stage))).toEqual({ status, codes: [code] });
    expect(await documentsOf(selectionId)).toBe(0);
  });
});
