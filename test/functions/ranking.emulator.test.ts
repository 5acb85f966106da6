/**
 * computeRanking through the functions emulator, as the officials' screen calls it: a post's stored
 * scores (written with the Admin SDK in the shapes the scoring functions leave) ranked into
 * `rankings/{selectionId}_{postId}_{stage}`, byte for byte the same on every re-run.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { documentRecord } from "../../functions/src/domain/documents/record.js";
import { readFile, sha256Hex } from "../../functions/src/files/chunks.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { storedRanking, type PostRankingResult } from "../../functions/src/domain/scoring/postRanking.js";
import { INSTANSI } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { call, uniqueSuffix } from "../support/callables.js";
import {
  auditOf,
  failureOf,
  newRequestId,
  resultOf,
  snapshotOf,
  staffAccounts,
  type User,
} from "../support/process.js";
import { rankingSelection, seedRankingReadyPost, writeScores } from "../support/ranking.js";

const RUN = uniqueSuffix();
const INSTANSI_ID = `kota-metro-rank-${RUN}`;
const OTHER_ID = `kota-pontianak-rank-${RUN}`;
const accounts = staffAccounts(`rank.${RUN}`);

let operator: User;
let ketua: User;
let member: User; // on the committee, not its ketua
let pejabat: User;
let operatorOther: User;
let members: string[];
let counter = 0;

interface Answer {
  rankingId: string;
  sha256: string;
  lockable: boolean;
  blockers: number;
}

const compute = (
  who: User,
  selectionId: string,
  stage = "pemeringkatan",
  postId = "bappeda",
  requestId = newRequestId(),
) => call<Answer>("computeRanking", { selectionId, postId, stage, requestId }, who.idToken);

async function post(opts: { recused?: string } = {}) {
  const selectionId = `${INSTANSI_ID}-sel-${++counter}`;
  await db.collection(COLLECTIONS.selections).doc(selectionId).set(rankingSelection(INSTANSI_ID, members));
  const seeded = await seedRankingReadyPost(db, {
    instansiId: INSTANSI_ID,
    selectionId,
    postId: "bappeda",
    members,
    ...opts,
  });
  return { selectionId, ...seeded };
}

async function stored(rankingId: string) {
  const doc = storedRanking.parse((await db.collection(COLLECTIONS.rankings).doc(rankingId).get()).data());
  return { doc, result: JSON.parse(doc.json) as PostRankingResult };
}

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(INSTANSI_ID).set(INSTANSI["kota-metro"]!);
  operator = await accounts.user("operator", "Operator BKPSDM", { instansi: INSTANSI_ID, roles: ["operator"] });
  ketua = await accounts.user("ketua", "Drs. H. Bambang Irawan, M.M.", { instansi: INSTANSI_ID, roles: ["pansel"] });
  member = await accounts.user("rusdi", "Ir. Rusdi Hartono, M.T.", { instansi: INSTANSI_ID, roles: ["pansel"] });
  pejabat = await accounts.user("sekda", "Sekda", { instansi: INSTANSI_ID, roles: ["pejabat"] });
  operatorOther = await accounts.user("op-ptk", "Operator Pontianak", { instansi: OTHER_ID, roles: ["operator"] });
  members = [ketua.uid, member.uid, "pansel-hartini", "pansel-fikri", "pansel-nurul"];
});

afterAll(async () => {
  await accounts.deleteAll();
});

describe("computeRanking", () => {
  it("writes the ranking as canonical JSON with its SHA-256, the same bytes on a re-run", async () => {
    const { selectionId, applicationIds } = await post();
    const first = resultOf(await compute(operator, selectionId));
    expect(first).toMatchObject({ rankingId: `${selectionId}_bappeda_pemeringkatan`, lockable: true, blockers: 0 });
    const { doc, result } = await stored(first.rankingId);
    expect(createHash("sha256").update(doc.json, "utf8").digest("hex")).toBe(first.sha256);
    expect(doc).toMatchObject({ instansiId: INSTANSI_ID, lockable: true, computedBy: { uid: operator.uid } });
    expect(doc.components).toEqual(["asesmen", "makalah", "wawancara", "rekam-jejak"]);
    expect(result.ranked.map((r) => r.applicationId)).toEqual(applicationIds);
    expect(doc.finalists).toEqual(applicationIds.slice(0, 3));
    expect(result.finalists).toEqual(applicationIds.slice(0, 3));

    const again = resultOf(await compute(operator, selectionId));
    expect(again.sha256).toBe(first.sha256);
    expect((await stored(first.rankingId)).doc.json).toBe(doc.json);
    expect((await auditOf(selectionId)).map((e) => e.action)).toEqual(["computeRanking", "computeRanking"]);
  });

  it("gives the same SHA-256 when the same scores were written in another order", async () => {
    const { selectionId, scores } = await post();
    const first = resultOf(await compute(operator, selectionId));
    const existing = await db.collection(COLLECTIONS.scores).where("selectionId", "==", selectionId).get();
    await Promise.all(existing.docs.map((d) => d.ref.delete()));
    await writeScores(db, [...scores].reverse());
    expect(resultOf(await compute(ketua, selectionId)).sha256).toBe(first.sha256);
    expect((await stored(first.rankingId)).doc.computedBy).toMatchObject({ uid: ketua.uid, role: "ketuaPansel" });
  });

  it("drops a recused member's scores before ranking and the spread flags", async () => {
    const { selectionId, applicationIds } = await post({ recused: "pansel-fikri" });
    const last = applicationIds.at(-1)!;
    const { rankingId } = resultOf(await compute(operator, selectionId));
    const { result } = await stored(rankingId);
    const row = result.ranked.find((r) => r.applicationId === last)!;
    // makalah, wawancara, rekam jejak counted from four members, the assessment from its report.
    expect(row.figures.scorers).toEqual([1, 4, 4, 4]);
    expect(row.figures.scores.slice(1, 3)).toEqual([6000, 6000]);
    expect(result.dropped).toEqual({ recused: 3, notAssigned: 0, invalid: 0 });
    expect(result.spread.cells).toEqual([]);
    // Four can still score that candidate (quorum 3 of 5): nothing blocks.
    expect(result.lockable).toBe(true);
  });

  it("ranks a post with missing scores but marks it not lockable, naming what blocks", async () => {
    const { selectionId, applicationIds } = await post();
    const missing = `${applicationIds[1]}_wawancara_${members[2]}`;
    await db.collection(COLLECTIONS.scores).doc(missing).update({ status: "draft" });
    const answer = resultOf(await compute(operator, selectionId));
    expect(answer).toMatchObject({ lockable: false, blockers: 1 });
    const { doc, result } = await stored(answer.rankingId);
    expect(doc.lockable).toBe(false);
    expect(result.blockers).toEqual([
      {
        applicationId: applicationIds[1],
        componentId: "wawancara",
        required: 3,
        eligible: 5,
        undeclared: 0,
        submitted: 4,
        status: "awaiting",
      },
    ]);
  });

  it("computes an interim ranking that names its components and proposes nobody", async () => {
    const { selectionId } = await post();
    const answer = resultOf(await compute(operator, selectionId, "kompetensiTeknis"));
    expect(answer.rankingId).toBe(`${selectionId}_bappeda_kompetensiTeknis`);
    const { doc, result } = await stored(answer.rankingId);
    expect(doc.components).toEqual(["asesmen", "makalah"]);
    expect(doc.finalists).toEqual([]);
    expect(result).toMatchObject({ interim: true, final: false });
  });

  it("does not count a score forged under another tenant's id for the same selection", async () => {
    const { selectionId, scores, applicationIds } = await post();
    const clean = resultOf(await compute(operator, selectionId));
    const forged = scores.find((s) => s.applicationId === applicationIds[5] && s.componentId === "makalah")!;
    await writeScores(db, [{ ...forged, id: `${forged.id}x`, memberUid: "pansel-x", instansiId: OTHER_ID }]);
    expect(resultOf(await compute(operator, selectionId)).sha256).toBe(clean.sha256);
  });

  it("answers a replayed request with the first answer and writes nothing more", async () => {
    const { selectionId } = await post();
    const requestId = newRequestId();
    const first = await compute(operator, selectionId, "pemeringkatan", "bappeda", requestId);
    const before = await snapshotOf(selectionId);
    expect(await compute(operator, selectionId, "pemeringkatan", "bappeda", requestId)).toEqual(first);
    expect(await snapshotOf(selectionId)).toEqual(before);
  });

  it.each([
    ["a pansel member who is not the ketua", () => member, "PERMISSION_DENIED", "err.ranking.notAllowed"],
    ["a pejabat", () => pejabat, "PERMISSION_DENIED", "err.ranking.notAllowed"],
    ["an operator of another government", () => operatorOther, "PERMISSION_DENIED", "err.selection.otherInstansi"],
  ])("refuses %s and writes nothing", async (_who, who, status, code) => {
    const { selectionId } = await post();
    const before = await snapshotOf(selectionId);
    expect(failureOf(await compute(who(), selectionId))).toEqual({ status, codes: [code] });
    expect(await snapshotOf(selectionId)).toEqual(before);
    expect((await db.collection(COLLECTIONS.rankings).doc(`${selectionId}_bappeda_pemeringkatan`).get()).exists).toBe(
      false,
    );
  });

  it.each([
    ["a cancelled post", "bpbd", "pemeringkatan", "FAILED_PRECONDITION", "err.ranking.postCancelled"],
    ["an unknown post", "dishub", "pemeringkatan", "NOT_FOUND", "err.ranking.noPost"],
    ["a stage with nothing scored", "bappeda", "pendaftaran", "FAILED_PRECONDITION", "err.ranking.notScoringStage"],
    ["a stage that does not exist", "bappeda", "tahapPalsu", "INVALID_ARGUMENT", "err.input.invalid"],
  ])("refuses %s", async (_what, postId, stage, status, code) => {
    const { selectionId } = await post();
    expect(failureOf(await compute(operator, selectionId, stage, postId))).toEqual({ status, codes: [code] });
    expect((await db.collection(COLLECTIONS.rankings).doc(`${selectionId}_${postId}_${stage}`).get()).exists).toBe(
      false,
    );
  });
});

describe("issueRekap", () => {
  interface Issued {
    documentId: string;
    number: string;
    version: number;
    sha256: string;
  }
  const issue = (who: User, selectionId: string, stage = "pemeringkatan", requestId = newRequestId()) =>
    call<Issued>("issueRekap", { selectionId, postId: "bappeda", stage, requestId }, who.idToken);

  it("issues the numbered rekap from the stored ranking, its file's SHA-256 on the record", async () => {
    const { selectionId, applicationIds } = await post();
    const ranking = resultOf(await compute(operator, selectionId));
    const requestId = newRequestId();
    const issued = resultOf(await issue(operator, selectionId, "pemeringkatan", requestId));
    expect(issued.documentId).toBe(`${ranking.rankingId}-rekapNilai-v1`);
    expect(issued.number).toMatch(/^\d{3}\/REKAP\//);
    const record = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(record).toMatchObject({ kind: "rekapNilai", status: "valid", sha256: issued.sha256, number: issued.number });
    const pdf = await readFile(db, record.fileId);
    expect(sha256Hex(pdf)).toBe(issued.sha256);
    // Every candidate's scores: a file for the selection's staff, not a public one.
    const file = (await db.collection(COLLECTIONS.files).doc(record.fileId).get()).data();
    expect(file).toMatchObject({ selectionId });
    expect(file?.["extra"]?.["public"]).toBeUndefined();
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(issued.number);
    expect(flat).toContain(ranking.sha256);
    const { result } = await stored(ranking.rankingId);
    for (const id of applicationIds)
      expect(flat).toContain(result.candidates.find((c) => c.applicationId === id)!.name);
    // A retry answers the same document; a second issue is version 2 and supersedes the first.
    expect(resultOf(await issue(operator, selectionId, "pemeringkatan", requestId))).toEqual(issued);
    const v2 = resultOf(await issue(operator, selectionId));
    expect(v2.version).toBe(2);
    const first = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(first).toMatchObject({ status: "superseded", supersededBy: v2.documentId });
  });

  it("refuses a ranking not computed yet, and a pansel member, taking no number", async () => {
    const { selectionId } = await post();
    expect(failureOf(await issue(operator, selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.ranking.notComputed"],
    });
    resultOf(await compute(operator, selectionId));
    expect(failureOf(await issue(ketua, selectionId))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.role.operatorOnly"],
    });
    const records = await db.collection(COLLECTIONS.documents).where("selectionId", "==", selectionId).get();
    expect(records.size).toBe(0);
  });
});
