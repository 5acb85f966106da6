/**
 * Calibration and the berita acara through the functions emulator: the committee's decision on a
 * spread flag (resolveSpreadFlag, ketua or operator, with the abuse it must refuse), the ketua's
 * reopened score it may name, and the numbered minutes of a stage (issueBeritaAcara) with the
 * signatures the tablets left, refused while a flag is open or a post's ranking is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { documentRecord } from "../../functions/src/domain/documents/record.js";
import { signatureId } from "../../functions/src/domain/documents/signature.js";
import { storedCalibration } from "../../functions/src/domain/scoring/calibration.js";
import { scoreId } from "../../functions/src/domain/scoring/score.js";
import { readFile, sha256Hex } from "../../functions/src/files/chunks.js";
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
import { METRO, rankingSelection, seedRankingReadyPost } from "../support/ranking.js";

const RUN = uniqueSuffix();
const INSTANSI_ID = `kota-metro-cal-${RUN}`;
const OTHER_ID = `kota-pontianak-cal-${RUN}`;
const accounts = staffAccounts(`cal.${RUN}`);
const STAGE = "wawancara";
const SIGNATURE = "M10 50L40 20L70 80L100 30L130 70L160 25L190 75L220 40L250 60L280 50";

let operator: User;
let ketua: User;
let member: User;
let pejabat: User;
let operatorOther: User;
let members: string[];
let counter = 0;

interface Resolved {
  rankingId: string;
  flagKey: string;
  outcome: string;
}
interface Issued {
  documentId: string;
  number: string;
  version: number;
  sha256: string;
}

/**
 * Metro in its interview with one post live (the others cancelled unless `allPosts`), ranked after
 * the interview; the fifth member scored the first candidate's interview 40 where the others gave
 * 90: one spread flag.
 */
async function interview(opts: { allPosts?: boolean; rank?: boolean } = {}) {
  const selectionId = `${INSTANSI_ID}-sel-${++counter}`;
  const others = Object.fromEntries(METRO.posts.filter((p) => p.id !== "bappeda").map((p) => [p.id, "cancelPost"]));
  await db
    .collection(COLLECTIONS.selections)
    .doc(selectionId)
    .set({
      ...rankingSelection(INSTANSI_ID, members),
      stage: STAGE,
      postDecisions: opts.allPosts ? { bpbd: "cancelPost" } : others,
    });
  const { applicationIds } = await seedRankingReadyPost(db, {
    instansiId: INSTANSI_ID,
    selectionId,
    postId: "bappeda",
    members,
  });
  const spreadScore = scoreId(applicationIds[0]!, "wawancara", members[4]!);
  await db
    .collection(COLLECTIONS.scores)
    .doc(spreadScore)
    .update({
      levels: Object.fromEntries(["visi-misi", "integritas", "kepemimpinan", "pemahaman-tugas"].map((k) => [k, 40])),
    });
  if (opts.rank !== false) {
    resultOf(
      await call(
        "computeRanking",
        { selectionId, postId: "bappeda", stage: STAGE, requestId: newRequestId() },
        operator.idToken,
      ),
    );
  }
  const flagKey = `cell:${applicationIds[0]}:wawancara`;
  return { selectionId, applicationIds, spreadScore, flagKey, rankingId: `${selectionId}_bappeda_${STAGE}` };
}

const resolve = (who: User, input: Record<string, unknown>) =>
  call<Resolved>(
    "resolveSpreadFlag",
    { postId: "bappeda", stage: STAGE, requestId: newRequestId(), ...input },
    who.idToken,
  );

const KEPT = { outcome: "kept", reason: "Perbedaan pandangan sudah dibahas; nilai dipertahankan." };

async function calibration(rankingId: string) {
  const snap = await db.collection(COLLECTIONS.calibrations).doc(rankingId).get();
  return snap.exists ? storedCalibration.parse(snap.data()) : undefined;
}

async function sign(selectionId: string, uid: string, at: string) {
  await db
    .collection(COLLECTIONS.signatures)
    .doc(signatureId(selectionId, STAGE, uid))
    .set({ instansiId: INSTANSI_ID, selectionId, stage: STAGE, memberUid: uid, path: SIGNATURE, signedAtDevice: at });
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

describe("resolveSpreadFlag", () => {
  it("records the ketua's 'kept' with its reason, audited; a replay answers the same and writes nothing", async () => {
    const { selectionId, flagKey, rankingId } = await interview();
    const requestId = newRequestId();
    const first = await resolve(ketua, { selectionId, flagKey, ...KEPT, requestId });
    expect(resultOf(first)).toEqual({ rankingId, flagKey, outcome: "kept" });
    const stored = await calibration(rankingId);
    expect(stored).toMatchObject({ instansiId: INSTANSI_ID, selectionId, postId: "bappeda", stage: STAGE });
    expect(stored?.resolutions[flagKey]).toMatchObject({
      outcome: "kept",
      reason: KEPT.reason,
      scoreId: null,
      by: { uid: ketua.uid, role: "ketuaPansel" },
    });
    const audit = (await auditOf(selectionId)).filter((e) => e.action === "resolveSpreadFlag");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toContain(KEPT.reason);

    const before = await snapshotOf(selectionId);
    expect(
      await resolve(ketua, { selectionId, flagKey, ...KEPT, reason: "Alasan lain yang berbeda.", requestId }),
    ).toEqual(first);
    expect(await snapshotOf(selectionId)).toEqual(before);
    expect((await calibration(rankingId))?.resolutions[flagKey]?.reason).toBe(KEPT.reason);
  });

  it("takes a rescore only once the ketua reopened the score and the member submitted it again", async () => {
    const { selectionId, flagKey, spreadScore, rankingId, applicationIds } = await interview();
    const rescored = {
      selectionId,
      flagKey,
      outcome: "rescored",
      reason: "Anggota salah membaca rubrik.",
      scoreId: spreadScore,
    };
    expect(failureOf(await resolve(ketua, rescored))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.calibration.notReopened"],
    });
    resultOf(
      await call(
        "reopenScore",
        { selectionId, scoreId: spreadScore, reason: "Salah membaca rubrik wawancara.", requestId: newRequestId() },
        ketua.idToken,
      ),
    );
    expect(failureOf(await resolve(ketua, rescored))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.calibration.notResubmitted"],
    });
    // The member submits again (as submitScore leaves it: submitted, the reopening kept).
    await db
      .collection(COLLECTIONS.scores)
      .doc(spreadScore)
      .update({ status: "submitted", submittedAt: new Date().toISOString() });
    // The same member's score of another candidate is not this flag's.
    const otherCell = scoreId(applicationIds[1]!, "wawancara", members[4]!);
    expect(failureOf(await resolve(ketua, { ...rescored, scoreId: otherCell }))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.calibration.scoreMismatch"],
    });
    expect(resultOf(await resolve(operator, rescored))).toMatchObject({ outcome: "rescored" });
    expect((await calibration(rankingId))?.resolutions[flagKey]).toMatchObject({
      outcome: "rescored",
      scoreId: spreadScore,
      scoreMemberUid: members[4],
      by: { uid: operator.uid, role: "operator" },
    });
  });

  it.each([
    ["a pansel member who is not the ketua", () => member, "PERMISSION_DENIED", "err.calibration.notAllowed"],
    ["a pejabat", () => pejabat, "PERMISSION_DENIED", "err.calibration.notAllowed"],
    ["an operator of another government", () => operatorOther, "PERMISSION_DENIED", "err.selection.otherInstansi"],
  ])("refuses %s and writes nothing", async (_who, who, status, code) => {
    const { selectionId, flagKey, rankingId } = await interview();
    const before = await snapshotOf(selectionId);
    expect(failureOf(await resolve(who(), { selectionId, flagKey, ...KEPT }))).toEqual({ status, codes: [code] });
    expect(await snapshotOf(selectionId)).toEqual(before);
    expect(await calibration(rankingId)).toBeUndefined();
  });

  it.each([
    ["an unknown flag", { flagKey: "member:pansel-hartini" }, "FAILED_PRECONDITION", "err.calibration.unknownFlag"],
    ["a stage not reached", { stage: "rekamJejak" }, "FAILED_PRECONDITION", "err.calibration.stageNotReached"],
    [
      "a stage whose ranking was never computed",
      { stage: "kompetensiTeknis" },
      "FAILED_PRECONDITION",
      "err.ranking.notComputed",
    ],
    ["a short reason", { reason: "oke" }, "INVALID_ARGUMENT", "err.calibration.reason"],
    ["a forged outcome", { outcome: "abaikan" }, "INVALID_ARGUMENT", "err.calibration.outcome"],
    ["a malformed flag key", { flagKey: "cell:../x" }, "INVALID_ARGUMENT", "err.calibration.unknownFlag"],
    ["'kept' naming a score", { scoreId: "x_wawancara_y" }, "FAILED_PRECONDITION", "err.calibration.keptNoScore"],
  ])("refuses %s", async (_what, override, status, code) => {
    const { selectionId, flagKey, rankingId } = await interview();
    const failure = failureOf(await resolve(ketua, { selectionId, flagKey, ...KEPT, ...override }));
    expect(failure.status).toBe(status);
    expect(failure.codes).toContain(code);
    expect(await calibration(rankingId)).toBeUndefined();
  });
});

describe("issueBeritaAcara", () => {
  const issue = (who: User, selectionId: string, stage = STAGE, requestId = newRequestId()) =>
    call<Issued>("issueBeritaAcara", { selectionId, stage, requestId }, who.idToken);

  it("refuses while a flag is open, then issues the minutes with the signatures, staff only, versioned", async () => {
    const { selectionId, flagKey, rankingId, applicationIds } = await interview();
    await sign(selectionId, ketua.uid, "2021-11-03T07:05:00.000Z");
    await sign(selectionId, member.uid, "2021-11-03T07:09:00.000Z");
    expect(failureOf(await issue(operator, selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.minutes.unresolved"],
    });
    resultOf(await resolve(ketua, { selectionId, flagKey, ...KEPT }));
    // Recomputed since (another candidate's score changed): the flag still stands, keyed the same.
    const levels75 = Object.fromEntries(
      ["visi-misi", "integritas", "kepemimpinan", "pemahaman-tugas"].map((k) => [k, 75]),
    );
    await db
      .collection(COLLECTIONS.scores)
      .doc(scoreId(applicationIds[5]!, "wawancara", members[1]!))
      .update({ levels: levels75 });
    const recomputed = resultOf(
      await call<{ sha256: string }>(
        "computeRanking",
        { selectionId, postId: "bappeda", stage: STAGE, requestId: newRequestId() },
        operator.idToken,
      ),
    );
    expect(recomputed.sha256).not.toBe((await calibration(rankingId))?.resolutions[flagKey]?.rankingSha256);

    const requestId = newRequestId();
    const issued = resultOf(await issue(operator, selectionId, STAGE, requestId));
    expect(issued.documentId).toBe(`${selectionId}_${STAGE}-beritaAcara-v1`);
    expect(issued.number).toMatch(/^\d{3}\/BA\//);
    const record = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(record).toMatchObject({ kind: "beritaAcara", status: "valid", sha256: issued.sha256 });
    const file = (await db.collection(COLLECTIONS.files).doc(record.fileId).get()).data();
    expect(file).toMatchObject({ selectionId });
    expect(file?.["extra"]?.["public"]).toBeUndefined();
    const selection = (await db.collection(COLLECTIONS.selections).doc(selectionId).get()).data();
    expect(selection?.["minutesDocuments"]).toEqual({ [STAGE]: issued.documentId });

    const pdf = await readFile(db, record.fileId);
    expect(sha256Hex(pdf)).toBe(issued.sha256);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("BERITA ACARA");
    expect(flat).toContain(issued.number);
    for (const m of METRO.pansel) expect(flat).toContain(m.name);
    expect(flat).toContain("3 November 2021 pukul 14.05 WIB");
    expect(flat).toContain("Hadir dan menandatangani (2 orang)");
    expect(flat).toContain(KEPT.reason);

    expect(resultOf(await issue(operator, selectionId, STAGE, requestId))).toEqual(issued);
    const v2 = resultOf(await issue(operator, selectionId));
    expect(v2.version).toBe(2);
    const first = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(first).toMatchObject({ status: "superseded", supersededBy: v2.documentId });
  });

  it("refuses a live post whose ranking for the stage is missing, or not lockable, taking no number", async () => {
    const all = await interview({ allPosts: true });
    await sign(all.selectionId, ketua.uid, "2021-11-03T07:05:00.000Z");
    resultOf(await resolve(ketua, { selectionId: all.selectionId, flagKey: all.flagKey, ...KEPT }));
    const missing = failureOf(await issue(operator, all.selectionId));
    expect(missing).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.minutes.noRanking"] });

    const { selectionId, applicationIds } = await interview({ rank: false });
    await sign(selectionId, ketua.uid, "2021-11-03T07:05:00.000Z");
    await db
      .collection(COLLECTIONS.scores)
      .doc(scoreId(applicationIds[2]!, "wawancara", members[3]!))
      .update({ status: "draft" });
    resultOf(
      await call(
        "computeRanking",
        { selectionId, postId: "bappeda", stage: STAGE, requestId: newRequestId() },
        operator.idToken,
      ),
    );
    expect(failureOf(await issue(operator, selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.minutes.notLockable"],
    });
    const records = await db
      .collection(COLLECTIONS.documents)
      .where("selectionId", "in", [selectionId, all.selectionId])
      .get();
    expect(records.size).toBe(0);
  });

  it("refuses minutes nobody signed", async () => {
    const { selectionId, flagKey } = await interview();
    resultOf(await resolve(ketua, { selectionId, flagKey, ...KEPT }));
    expect(failureOf(await issue(operator, selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.minutes.noSignatures"],
    });
  });

  it.each([
    ["the ketua (operators issue)", () => ketua, STAGE, "PERMISSION_DENIED", "err.role.operatorOnly"],
    [
      "an operator of another government",
      () => operatorOther,
      STAGE,
      "PERMISSION_DENIED",
      "err.selection.otherInstansi",
    ],
    [
      "a stage with nothing scored",
      () => operator,
      "pendaftaran",
      "FAILED_PRECONDITION",
      "err.minutes.notScoringStage",
    ],
    ["a stage not reached", () => operator, "rekamJejak", "FAILED_PRECONDITION", "err.calibration.stageNotReached"],
    ["a stage that does not exist", () => operator, "tahapPalsu", "INVALID_ARGUMENT", "err.input.invalid"],
  ])("refuses %s and writes nothing", async (_what, who, stage, status, code) => {
    const { selectionId, flagKey } = await interview();
    await sign(selectionId, ketua.uid, "2021-11-03T07:05:00.000Z");
    resultOf(await resolve(ketua, { selectionId, flagKey, ...KEPT }));
    const before = await snapshotOf(selectionId);
    expect(failureOf(await issue(who(), selectionId, stage))).toEqual({ status, codes: [code] });
    expect(await snapshotOf(selectionId)).toEqual(before);
  });
});
