/**
 * Publishing the administrative result and the objections to it, through the functions emulator as
 * a phone calls them: decideStage (approval of the move to pengumumanAdministrasi), fileObjection and
 * answerObjection. Applications and their reviews are written with the Admin SDK as the verification
 * functions (another part of issue 8) leave them; so is the passing of time (the window's end).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OBJECTION_ATTACHMENT } from "../../functions/src/domain/applications/objection.js";
import { sha256Hex } from "../../functions/src/files/hash.js";
import { tinyPdf } from "../../seed/files.js";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import {
  applicationId,
  storedApplication,
  type StoredApplication,
} from "../../functions/src/domain/applications/application.js";
import { documentRecord } from "../../functions/src/domain/documents/record.js";
import type { StaffRole } from "../../functions/src/domain/roles.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { call, uniqueSuffix } from "../support/callables.js";
import {
  auditOf,
  deleteSelectionsOf,
  failureOf,
  newRequestId,
  resultOf,
  selectionRef,
  staffAccounts,
  stored,
  wibDate,
  type User,
} from "../support/process.js";
import { projected } from "../support/projection.js";

// After support/admin.js has bound the Admin SDK to the functions' project.
const { verifyUpload } = await import("../../functions/src/files/uploads.js");

const RUN = uniqueSuffix();
const METRO_ID = `kota-metro-obj-${RUN}`;
const PONTIANAK_ID = `kota-pontianak-obj-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const POST = METRO.posts[0]!;
const OTHER_POST = METRO.posts[1]!;

const accounts = staffAccounts(`obj.${RUN}`);
let operator: User;
let operator2: User;
let sekda: User;
let tmsCandidate: User;
let otherCandidate: User;
let msCandidate: User;
let operatorPontianak: User;

const NIPS = {
  tms: "197806152003122001",
  other: "197503102000031002",
  ms: "197011202005011003",
};

const appsRef = () => db.collection(COLLECTIONS.applications);

function application(selectionId: string, postId: string, who: User, nip: string): StoredApplication {
  return storedApplication.parse({
    instansiId: METRO_ID,
    selectionId,
    postId,
    postName: METRO.posts.find((p) => p.id === postId)!.name,
    candidateUid: who.uid,
    candidateName: who.name,
    nip,
    status: "submitted",
    createdAt: "2025-01-10T01:00:00.000Z",
    updatedAt: "2025-01-10T01:00:00.000Z",
    submittedAt: "2025-01-10T01:00:00.000Z",
    reviewed: true,
  });
}

function verification(decision: "ms" | "tms", reasons: string[] = []) {
  return {
    decision,
    reasons,
    byUid: "verifier",
    byName: "Verifikator",
    at: "2025-01-12T01:00:00.000Z",
    confirmedByUid: null,
    confirmedByName: null,
    confirmedAt: null,
    changedByObjection: null,
  };
}

let selectionCounter = 0;

/** Metro in seleksiAdministrasi, every application verified: ready to publish. */
async function selectionInVerification(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = `${METRO_ID}-sel-${++selectionCounter}`;
  const doc: StoredSelection = {
    ...METRO,
    instansiId: METRO_ID,
    instansiName: INSTANSI["kota-metro"]!.name,
    stage: "seleksiAdministrasi",
    public: true,
    announcedAt: "2025-01-06T01:00:00.000Z",
    panselUids: [],
    counts: { ...ZERO_COUNTS },
    ...changes,
  };
  await selectionRef(id).set(doc);
  return id;
}

async function putApplication(app: StoredApplication, review: ReturnType<typeof verification> | null) {
  const id = applicationId(app.selectionId, app.postId, app.candidateUid);
  await appsRef().doc(id).set(app);
  await appsRef()
    .doc(id)
    .collection(COLLECTIONS.review)
    .doc("main")
    .set({ instansiId: app.instansiId, selectionId: app.selectionId, postId: app.postId, verification: review });
  return id;
}

async function storedApp(id: string): Promise<StoredApplication> {
  return storedApplication.parse((await appsRef().doc(id).get()).data());
}

async function publish(selectionId: string) {
  const proposed = resultOf(
    await call<{ proposalId: string }>(
      "proposeStage",
      { selectionId, to: "pengumumanAdministrasi", requestId: newRequestId() },
      operator.idToken,
    ),
  );
  return call<{ stage: string; documentId: string | null }>(
    "decideStage",
    { selectionId, proposalId: proposed.proposalId, decision: "approve", requestId: newRequestId() },
    sekda.idToken,
  );
}

const TEXT = "Pangkat saya sudah Pembina IV/a sejak 1 April 2024; SK kenaikan pangkat terlampir.";

function fileObjection(who: User, id: string, requestId = newRequestId(), text = TEXT) {
  return call<{ answerDue: string }>("fileObjection", { applicationId: id, text, requestId }, who.idToken);
}

function answer(who: User, id: string, decision: "accept" | "reject", requestId = newRequestId()) {
  return call<{ status: string }>(
    "answerObjection",
    { applicationId: id, decision, reason: "SK kenaikan pangkat sah; memenuhi syarat.", requestId },
    who.idToken,
  );
}

function proposeNext(selectionId: string) {
  return call<{ proposalId: string }>(
    "proposeStage",
    { selectionId, to: "asesmenManajerial", requestId: newRequestId() },
    operator2.idToken,
  );
}

/** The objection window and the scheduled stage are over (time passing, written by hand). */
async function windowOver(selectionId: string) {
  await selectionRef(selectionId).update({
    "administrativeResult.objectionClosesAtMs": Date.now() - 60_000,
    "administrativeResult.objectionLastDay": wibDate(-2),
    "schedule.pengumumanAdministrasi": { start: wibDate(-6), end: wibDate(-2) },
  });
}

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(METRO_ID).set(INSTANSI["kota-metro"]!);
  await db.collection(COLLECTIONS.instansi).doc(PONTIANAK_ID).set(INSTANSI["kota-pontianak"]!);
  const metro = (roles: StaffRole[]) => ({ instansi: METRO_ID, roles });
  [operator, operator2, sekda, tmsCandidate, otherCandidate, msCandidate, operatorPontianak] = await Promise.all([
    accounts.user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
    accounts.user("operator-2", "Rina Marlina, S.E.", metro(["operator"])),
    accounts.user("sekda", "Drs. H. Bambang Irawan, M.M.", metro(["pejabat"])),
    accounts.user("tms", "Ir. Budi Santoso, M.T."),
    accounts.user("other", "Hendra Gunawan, S.H."),
    accounts.user("ms", "Dr. Ani Rahmawati, S.E., M.Si."),
    accounts.user("operator-pontianak", "Yohanes Kristianto, S.Kom.", { instansi: PONTIANAK_ID, roles: ["operator"] }),
  ]);
});

afterAll(async () => {
  await deleteSelectionsOf([METRO_ID, PONTIANAK_ID]);
  const apps = await appsRef().where("instansiId", "==", METRO_ID).get();
  await Promise.all(apps.docs.map((d) => db.recursiveDelete(d.ref)));
  await Promise.all([METRO_ID, PONTIANAK_ID].map((id) => db.collection(COLLECTIONS.instansi).doc(id).delete()));
  await accounts.deleteAll();
});

describe("publishing the administrative result (approval of the move to pengumumanAdministrasi)", () => {
  let selectionId: string;
  let tmsId: string;
  let msId: string;
  let draftId: string;
  let documentId: string | null;

  beforeAll(async () => {
    selectionId = await selectionInVerification();
    tmsId = await putApplication(
      application(selectionId, POST.id, tmsCandidate, NIPS.tms),
      verification("tms", ["Pangkat/golongan belum IV/a."]),
    );
    msId = await putApplication(application(selectionId, POST.id, msCandidate, NIPS.ms), verification("ms"));
    draftId = await putApplication(
      { ...application(selectionId, OTHER_POST.id, otherCandidate, NIPS.other), status: "draft", reviewed: false },
      null,
    );
    documentId = resultOf(await publish(selectionId)).documentId;
  });

  it("copies each submitted application's verification as its result, and leaves drafts alone", async () => {
    expect(await storedApp(tmsId)).toMatchObject({
      status: "tms",
      result: { decision: "tms", reasons: ["Pangkat/golongan belum IV/a."] },
    });
    expect(await storedApp(msId)).toMatchObject({ status: "ms", result: { decision: "ms" } });
    expect(await storedApp(draftId)).toMatchObject({ status: "draft", result: null });
  });

  it("issues the numbered pengumuman with its PDF, and records the result with masked NIPs", async () => {
    expect(documentId).toBe(`${selectionId}-hasilAdministrasi-v1`);
    const record = documentRecord.parse((await db.collection(COLLECTIONS.documents).doc(documentId!).get()).data());
    expect(record).toMatchObject({ kind: "hasilAdministrasi", status: "valid", selectionId });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    const s = await stored(selectionId);
    expect(s.stage).toBe("pengumumanAdministrasi");
    expect(s.administrativeResult).toMatchObject({ documentId, number: record.number });
    expect(s.administrativeResult?.ms[POST.id]).toEqual([{ name: msCandidate.name, nip: "197011********1003" }]);
    expect(s.administrativeResult!.objectionClosesAtMs).toBeGreaterThan(Date.now());
  });

  it("shows the MS names on the public page, never a TMS name or a reason", async () => {
    await projected(selectionId, (p) => p?.administrativeResult != null);
    const snap = await db.collection(COLLECTIONS.publicSelections).doc(selectionId).get();
    const text = JSON.stringify(snap.data());
    expect(text).toContain(msCandidate.name);
    expect(text).toContain("197011********1003");
    expect(text).not.toContain(tmsCandidate.name);
    expect(text).not.toContain("Pangkat/golongan belum IV/a.");
    expect(text).not.toContain(NIPS.ms);
  });

  it("refuses to publish when a submitted application has no verification (the count was wrong)", async () => {
    const id = await selectionInVerification();
    await putApplication(application(id, POST.id, tmsCandidate, NIPS.tms), null);
    const failure = failureOf(await publish(id));
    expect(failure).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.gate.unverified"] });
    expect((await stored(id)).stage).toBe("seleksiAdministrasi");
  });
});

describe("objections", () => {
  let selectionId: string;
  let tmsId: string;
  let msId: string;
  let lateId: string;
  const requestId = newRequestId();

  beforeAll(async () => {
    selectionId = await selectionInVerification();
    tmsId = await putApplication(
      application(selectionId, POST.id, tmsCandidate, NIPS.tms),
      verification("tms", ["Pangkat/golongan belum IV/a."]),
    );
    msId = await putApplication(application(selectionId, POST.id, msCandidate, NIPS.ms), verification("ms"));
    lateId = await putApplication(
      application(selectionId, OTHER_POST.id, otherCandidate, NIPS.other),
      verification("tms", ["Ijazah S1 tidak diunggah."]),
    );
    resultOf(await publish(selectionId));
  });

  it("refuses another candidate's objection without telling the result", async () => {
    expect(failureOf(await fileObjection(otherCandidate, tmsId))).toEqual({
      status: "NOT_FOUND",
      codes: ["err.objection.notFound"],
    });
  });

  it("refuses an objection to an MS result", async () => {
    expect(failureOf(await fileObjection(msCandidate, msId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.objection.notTms"],
    });
  });

  it("refuses a text too short to say anything", async () => {
    expect(failureOf(await fileObjection(tmsCandidate, tmsId, newRequestId(), "tidak setuju"))).toEqual({
      status: "INVALID_ARGUMENT",
      codes: ["err.objection.textShort"],
    });
  });

  it("files the TMS candidate's objection with its deadline and counts it in the same step", async () => {
    const filed = resultOf(await fileObjection(tmsCandidate, tmsId, requestId));
    expect(Date.parse(filed.answerDue)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await storedApp(tmsId)).objection).toMatchObject({
      status: "open",
      text: TEXT,
      answerDue: filed.answerDue,
    });
    expect((await stored(selectionId)).counts.openObjections).toBe(1);
    const audit = await auditOf(selectionId);
    expect(audit.at(-1)).toMatchObject({ action: "fileObjection", reference: tmsId, actor: { uid: tmsCandidate.uid } });
  });

  it("answers a replay with the first answer and counts nothing twice; another caller may not reuse the id", async () => {
    const before = await stored(selectionId);
    expect(resultOf(await fileObjection(tmsCandidate, tmsId, requestId))).toEqual(
      expect.objectContaining({ answerDue: expect.any(String) }),
    );
    expect((await stored(selectionId)).counts.openObjections).toBe(1);
    expect((await stored(selectionId)).auditSeq).toBe(before.auditSeq);
    expect(failureOf(await fileObjection(otherCandidate, lateId, requestId)).codes).toEqual(["err.request.reused"]);
  });

  it("refuses a second objection to the same application", async () => {
    expect(failureOf(await fileObjection(tmsCandidate, tmsId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.objection.already"],
    });
  });

  it("holds the next stage while the objection is open", async () => {
    await windowOver(selectionId);
    expect(failureOf(await proposeNext(selectionId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.gate.openObjections"],
    });
  });

  it("refuses an objection after the window, by the server's clock", async () => {
    expect(failureOf(await fileObjection(otherCandidate, lateId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.objection.closed"],
    });
    expect((await storedApp(lateId)).objection).toBeNull();
  });

  it("refuses an answer from another government's operator, and from the candidate", async () => {
    expect(failureOf(await answer(operatorPontianak, tmsId, "accept"))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.selection.otherInstansi"],
    });
    expect(failureOf(await answer(tmsCandidate, tmsId, "accept")).status).toBe("PERMISSION_DENIED");
    expect((await storedApp(tmsId)).status).toBe("tms");
  });

  it("accepting makes the result MS, with the change on the record, and closes the count", async () => {
    expect(resultOf(await answer(operator, tmsId, "accept"))).toEqual({ status: "accepted" });
    const after = await storedApp(tmsId);
    expect(after).toMatchObject({
      status: "ms",
      result: {
        decision: "ms",
        reasons: [],
        byUid: operator.uid,
        changedByObjection: { from: "tms", reasons: ["Pangkat/golongan belum IV/a."] },
      },
      objection: {
        status: "accepted",
        answeredByUid: operator.uid,
        answer: "SK kenaikan pangkat sah; memenuhi syarat.",
      },
    });
    const s = await stored(selectionId);
    expect(s.counts.openObjections).toBe(0);
    expect(s.administrativeResult?.ms[POST.id]?.map((c) => c.name)).toEqual(
      [msCandidate.name, tmsCandidate.name].sort((a, b) => a.localeCompare(b, "id")),
    );
    expect((await auditOf(selectionId)).at(-1)).toMatchObject({
      action: "acceptObjection",
      reference: tmsId,
      actor: { uid: operator.uid, role: "operator" },
    });
  });

  it("changes TMS to MS once: a second answer is refused and counts nothing", async () => {
    expect(failureOf(await answer(operator2, tmsId, "reject"))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.objection.notOpen"],
    });
    expect((await storedApp(tmsId)).objection?.status).toBe("accepted");
    expect((await stored(selectionId)).counts.openObjections).toBe(0);
  });

  it("lets the stage move on once every objection is answered", async () => {
    expect(resultOf(await proposeNext(selectionId))).toEqual(
      expect.objectContaining({ proposalId: expect.any(String) }),
    );
  });
});

describe("an objection's attachment", () => {
  let selectionId: string;
  let tmsId: string;
  let otherId: string;
  const uploadsRef = () => db.collection(COLLECTIONS.uploads);
  const fileId = (name: string) => `obj-att-${RUN}-${name}`;

  /** As the phone leaves it (the rules table covers who may write it): chunk, then manifest `complete`. */
  async function putAttachment(id: string, who: User, appId: string, bytes: Uint8Array, changes = {}) {
    const ref = uploadsRef().doc(id);
    await ref
      .collection(COLLECTIONS.chunks)
      .doc("00000")
      .set({ data: Buffer.from(bytes) });
    await ref.set({
      ownerUid: who.uid,
      instansiId: METRO_ID,
      selectionId,
      applicationId: appId,
      postId: POST.id,
      documentType: "sanggah",
      purpose: "objection",
      fileName: "sk-pangkat-baru.pdf",
      mimeType: "application/pdf",
      size: bytes.length,
      sha256: sha256Hex(bytes),
      chunkCount: 1,
      status: "complete",
      ...changes,
    });
    await verifyUpload(id);
    return (await ref.get()).data()!;
  }

  function fileWith(who: User, id: string, attachmentFileId: string) {
    return call<{ answerDue: string }>(
      "fileObjection",
      { applicationId: id, text: TEXT, attachmentFileId, requestId: newRequestId() },
      who.idToken,
    );
  }

  beforeAll(async () => {
    selectionId = await selectionInVerification();
    tmsId = await putApplication(
      application(selectionId, POST.id, tmsCandidate, NIPS.tms),
      verification("tms", ["Pangkat/golongan belum IV/a."]),
    );
    otherId = await putApplication(
      application(selectionId, OTHER_POST.id, otherCandidate, NIPS.other),
      verification("tms", ["Ijazah S1 tidak diunggah."]),
    );
    resultOf(await publish(selectionId));
  });

  it("is checked on completion like a checklist document, under its own limits, and stays off the checklist", async () => {
    const pdf = tinyPdf("SK kenaikan pangkat", ["Pembina IV/a, TMT 1 April 2024"]);
    expect(await putAttachment(fileId("good"), tmsCandidate, tmsId, pdf)).toMatchObject({ status: "accepted" });
    expect((await storedApp(tmsId)).documents).toEqual({});
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array<number>(60).fill(1)]);
    expect(await putAttachment(fileId("exe"), tmsCandidate, tmsId, exe)).toMatchObject({
      status: "rejected",
      rejection: { code: "err.upload.typeMismatch" },
    });
    // Over the attachment's 2 MiB, where a checklist entry may allow up to 10 MiB.
    const size = OBJECTION_ATTACHMENT.maxSizeKb * 1024 + 1;
    expect(await putAttachment(fileId("big"), tmsCandidate, tmsId, pdf, { size, chunkCount: 5 })).toMatchObject({
      status: "rejected",
      rejection: { code: "err.upload.tooLarge" },
    });
  });

  it.each([
    ["a file that does not exist", () => fileId("missing"), "err.objection.attachment"],
    ["someone else's attachment", () => fileId("others"), "err.objection.attachment"],
    ["the caller's attachment of another application", () => fileId("elsewhere"), "err.objection.attachment"],
    ["a checklist document, not an attachment", () => fileId("checklist"), "err.objection.attachment"],
    ["a rejected attachment", () => fileId("exe"), "err.objection.attachmentRejected"],
  ])("refuses %s and files nothing", async (_situation, id, code) => {
    const good = (await uploadsRef().doc(fileId("good")).get()).data()!;
    await uploadsRef()
      .doc(fileId("elsewhere"))
      .set({ ...good, applicationId: `${selectionId}_${OTHER_POST.id}_${tmsCandidate.uid}` });
    const checklistDocument = { ...good };
    delete checklistDocument["purpose"];
    await uploadsRef()
      .doc(fileId("checklist"))
      .set({ ...checklistDocument, documentType: "sk-pangkat" });
    await putAttachment(fileId("others"), otherCandidate, otherId, tinyPdf("Surat", ["lain"]));
    expect(failureOf(await fileWith(tmsCandidate, tmsId, id()))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: [code],
    });
    expect((await storedApp(tmsId)).objection).toBeNull();
    expect((await stored(selectionId)).counts.openObjections).toBe(0);
  });

  it("files the objection with the caller's accepted attachment", async () => {
    resultOf(await fileWith(tmsCandidate, tmsId, fileId("good")));
    expect((await storedApp(tmsId)).objection).toMatchObject({ status: "open", attachmentFileId: fileId("good") });
    expect((await stored(selectionId)).counts.openObjections).toBe(1);
  });

  it("refuses an attachment after the window, by the server's clock", async () => {
    const pdf = tinyPdf("Ijazah", ["S1"]);
    expect(await putAttachment(fileId("late"), otherCandidate, otherId, pdf)).toMatchObject({ status: "accepted" });
    await windowOver(selectionId);
    expect(failureOf(await fileWith(otherCandidate, otherId, fileId("late")))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.objection.closed"],
    });
    expect((await storedApp(otherId)).objection).toBeNull();
  });
});
