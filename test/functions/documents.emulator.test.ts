/**
 * Issuing the pengumuman through the callable, as an operator's phone does: the number from the
 * government's counter, the PDF in Firestore chunks with its SHA-256 on the public record, versions
 * that supersede each other, and retries that change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { documentRecord, type DocumentRecord } from "../../functions/src/domain/documents/record.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { readFile, sha256Hex } from "../../functions/src/files/chunks.js";
import { announcementSnapshot } from "../../functions/src/domain/documents/snapshot.js";
import { verifyUrlFor } from "../../functions/src/domain/documents/record.js";
import { issueAnnouncement } from "../../functions/src/documents/issueAnnouncement.js";
import {
  finishDocument,
  readSnapshot,
  renderSnapshot,
  sweepStuckDocuments,
} from "../../functions/src/documents/pipeline.js";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { auth, db } from "../support/admin.js";
import { call, signIn, uniqueSuffix } from "../support/callables.js";
import { makeStaff } from "../support/process.js";

const RUN = uniqueSuffix();
const INSTANSI_ID = `kota-metro-doc-${RUN}`;
const PASSWORD = "Seleksi2025";
const METRO = SELECTIONS["metro-2021-jpt"]!;
const created: string[] = [];
let operator: string;
let pejabat: string;
let selectionCounter = 0;

interface Issued {
  documentId: string;
  number: string;
  version: number;
  sha256: string;
}

async function token(who: string, roles: ("operator" | "pejabat")[]): Promise<string> {
  const email = `${who}.${RUN}@seleksi.demo`;
  const user = await auth.createUser({ email, password: PASSWORD, displayName: who, emailVerified: true });
  created.push(user.uid);
  await makeStaff(user.uid, email, who, { instansi: INSTANSI_ID, roles });
  return (await signIn(email, PASSWORD)).idToken;
}

async function selection(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = `${INSTANSI_ID}-sel-${++selectionCounter}`;
  const doc: StoredSelection = {
    ...METRO,
    instansiId: INSTANSI_ID,
    instansiName: "Pemerintah Kota Metro",
    stage: "pendaftaran",
    public: true,
    announcedAt: "2021-09-20T08:00:00+07:00",
    ...changes,
  };
  await db.collection(COLLECTIONS.selections).doc(id).set(doc);
  return id;
}

async function record(documentId: string): Promise<DocumentRecord> {
  return documentRecord.parse((await db.collection(COLLECTIONS.documents).doc(documentId).get()).data());
}

async function counterNext(): Promise<number | undefined> {
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  // One counter per instansi and year, shared by every kind of document (numbering.ts).
  const snap = await db.doc(`${COLLECTIONS.instansi}/${INSTANSI_ID}/${COLLECTIONS.counters}/${year}`).get();
  return snap.get("next") as number | undefined;
}

const issue = (selectionId: string, requestId: string, idToken: string) =>
  call<Issued>("issueDocument", { selectionId, requestId }, idToken);

beforeAll(async () => {
  await db
    .collection(COLLECTIONS.instansi)
    .doc(INSTANSI_ID)
    .set({ ...INSTANSI["kota-metro"]!, documentCode: "BKPSDM-MTR" });
  operator = await token("operator", ["operator"]);
  pejabat = await token("sekda", ["pejabat"]);
});

afterAll(async () => {
  const selections = await db.collection(COLLECTIONS.selections).where("instansiId", "==", INSTANSI_ID).get();
  await Promise.all(selections.docs.map((d) => db.recursiveDelete(d.ref)));
  if (created.length > 0) await auth.deleteUsers(created);
});

describe("issueDocument", () => {
  it("numbers the pengumuman from the counter, stores the PDF and publishes a valid record", async () => {
    const selectionId = await selection();
    const answer = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const { documentId, number, version, sha256 } = answer.result;
    expect(version).toBe(1);
    expect(number).toMatch(/^\d{3}\/PENG\/PANSEL-JPT\/BKPSDM-MTR\/[IVX]+\/\d{4}$/);
    // The sequence came from the instansi's one counter for the year, which now holds the next number.
    expect(await counterNext()).toBe(Number(number.slice(0, 3)) + 1);

    const stored = await record(documentId);
    expect(stored).toMatchObject({ status: "valid", number, version: 1, sha256, supersedes: null, selectionId });
    const pdf = await readFile(db, stored.fileId);
    expect(sha256Hex(pdf)).toBe(sha256);
    expect(stored.size).toBe(pdf.length);

    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(number);
    for (const post of METRO.posts) expect(flat).toContain(post.name.replace(/\s+/g, " "));
    expect(flat).toContain("20 September 2021");

    const selectionDoc = (await db.collection(COLLECTIONS.selections).doc(selectionId).get()).data();
    expect(selectionDoc?.["announcementDocumentId"]).toBe(documentId);
  });

  it("answers a retried call with the same document and takes no second number", async () => {
    const selectionId = await selection();
    const requestId = `req-${uniqueSuffix()}`;
    const first = await issue(selectionId, requestId, operator);
    const nextAfterFirst = await counterNext();
    const again = await issue(selectionId, requestId, operator);
    expect(again).toEqual(first);
    expect(await counterNext()).toBe(nextAfterFirst);
  });

  it("issues a new version that supersedes the old one, which stays verifiable", async () => {
    const selectionId = await selection();
    const v1 = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    const v2 = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    if (!v1.ok || !v2.ok) throw new Error("issuing failed");
    expect(v2.result.version).toBe(2);
    expect(v2.result.number).not.toBe(v1.result.number);
    expect(Number(v2.result.number.slice(0, 3))).toBe(Number(v1.result.number.slice(0, 3)) + 1);
    expect(await record(v1.result.documentId)).toMatchObject({
      status: "superseded",
      supersededBy: v2.result.documentId,
    });
    expect(await record(v2.result.documentId)).toMatchObject({ status: "valid", supersedes: v1.result.documentId });
  });

  it("refuses a selection whose opening is not approved yet, taking no number", async () => {
    const selectionId = await selection({ stage: "persiapan", public: false, announcedAt: null });
    const before = await counterNext();
    const answer = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    expect(answer).toMatchObject({ ok: false, status: "FAILED_PRECONDITION" });
    if (!answer.ok) expect(answer.issues.map((i) => i.code)).toEqual(["err.document.notAnnounced"]);
    expect(await counterNext()).toBe(before);
  });

  it("refuses a pejabat: issuing is the operators' work", async () => {
    const selectionId = await selection();
    const answer = await issue(selectionId, `req-${uniqueSuffix()}`, pejabat);
    expect(answer).toMatchObject({ ok: false, status: "PERMISSION_DENIED" });
    if (!answer.ok) expect(answer.issues.map((i) => i.code)).toEqual(["err.role.operatorOnly"]);
  });
});

describe("documents that stay trustworthy", () => {
  it("lets only one of two concurrent issues verify as valid", async () => {
    const selectionId = await selection();
    const [a, b] = await Promise.all([
      issue(selectionId, `req-${uniqueSuffix()}`, operator),
      issue(selectionId, `req-${uniqueSuffix()}`, operator),
    ]);
    const issued = [a, b].flatMap((x) => (x.ok ? [x.result] : []));
    expect(issued.length).toBeGreaterThan(0);
    const records = await Promise.all(issued.map((i) => record(i.documentId)));
    const statuses = records.map((x) => x.status).sort();
    expect(statuses.filter((s) => s === "valid")).toHaveLength(1);
    expect(statuses.every((s) => s === "valid" || s === "superseded")).toBe(true);
    const current = (await db.collection(COLLECTIONS.selections).doc(selectionId).get()).get("announcementDocumentId");
    const valid = records.find((x) => x.status === "valid");
    expect(valid?.fileId).toBe(current);
    for (const x of records.filter((y) => y.status === "superseded")) expect(x.supersededBy).toBe(current);
    // Both numbers are taken from the one counter, never the same one twice.
    expect(new Set(issued.map((i) => i.number)).size).toBe(issued.length);
  });

  it("keeps the newer version valid when the older one finishes last", async () => {
    // Two issues rendered at once; the older (v1) finishes after the newer (v2) the selection points at.
    const now = new Date().toISOString();
    const v1 = await plantIssuing(now);
    const selectionId = v1.replace(/-pengumuman-v1$/, "");
    const v2 = await plantIssuing(now, { selectionId, version: 2 });
    await finishDocument(v2);
    await finishDocument(v1);
    expect(await record(v2)).toMatchObject({ status: "valid", supersededBy: null });
    expect(await record(v1)).toMatchObject({ status: "superseded", supersededBy: v2 });
    expect((await record(v1)).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("renders the same bytes again from the snapshot stored with the record", async () => {
    const selectionId = await selection();
    const answer = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    if (!answer.ok) throw new Error("issuing failed");
    // The selection changes after issuing; the stored snapshot does not.
    await db.collection(COLLECTIONS.selections).doc(selectionId).update({ title: "Judul yang diubah kemudian" });
    const snapshot = await readSnapshot(answer.result.documentId);
    const first = sha256Hex(await renderSnapshot(snapshot));
    const second = sha256Hex(await renderSnapshot(snapshot));
    expect(second).toBe(first);
    expect(first).toBe(answer.result.sha256);
    expect((await record(answer.result.documentId)).sha256).toBe(first);
  });

  it("lets the sweep finish a record stuck in issuing after a crash, and leaves a fresh one alone", async () => {
    const stuckId = await plantIssuing(new Date(Date.now() - 60 * 60_000).toISOString());
    const freshId = await plantIssuing(new Date().toISOString());

    const result = await sweepStuckDocuments(new Date());

    expect(result.finished).toContain(stuckId);
    expect(result.finished).not.toContain(freshId);
    const finished = await record(stuckId);
    expect(finished.status).toBe("valid");
    const pdf = await readFile(db, finished.fileId);
    expect(sha256Hex(pdf)).toBe(finished.sha256);
    expect(finished.sha256).toBe(sha256Hex(await renderSnapshot(await readSnapshot(stuckId))));
    expect(await record(freshId)).toMatchObject({ status: "issuing", sha256: null });
    // A second run changes nothing.
    expect((await sweepStuckDocuments(new Date())).finished).not.toContain(stuckId);
  });

  it("reports a damaged counter by its path instead of printing a NaN number, and issues nothing", async () => {
    const selectionId = await selection();
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const counterRef = db.doc(`${COLLECTIONS.instansi}/${INSTANSI_ID}/${COLLECTIONS.counters}/${year}`);
    const before = (await counterRef.get()).data();
    // A hand edit in the console that stored the sequence as text: "7" + 1 would be "71", and a cast NaN.
    await counterRef.set({ next: "7", updatedAt: new Date().toISOString() });
    try {
      const answer = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
      expect(answer).toMatchObject({ ok: false, status: "DATA_LOSS" });
      if (!answer.ok) {
        expect(answer.issues).toEqual([{ code: "err.stored.malformed", params: { path: counterRef.path } }]);
      }
      expect((await counterRef.get()).get("next")).toBe("7");
      const selectionAfter = await db.collection(COLLECTIONS.selections).doc(selectionId).get();
      expect(selectionAfter.get("announcementDocumentId") ?? null).toBeNull();
    } finally {
      if (before) await counterRef.set(before);
      else await counterRef.delete();
    }
  });

  it("refuses to issue for a cancelled selection, taking no number", async () => {
    const selectionId = await selection({ stage: "dibatalkan" });
    const before = await counterNext();
    const answer = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    expect(answer).toMatchObject({ ok: false, status: "FAILED_PRECONDITION" });
    if (!answer.ok) expect(answer.issues.map((i) => i.code)).toEqual(["err.document.cancelled"]);
    expect(await counterNext()).toBe(before);
  });

  it("revokes every version when the cancellation is approved, with the date and the reason", async () => {
    const selectionId = await selection();
    const v1 = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    const v2 = await issue(selectionId, `req-${uniqueSuffix()}`, operator);
    if (!v1.ok || !v2.ok) throw new Error("issuing failed");
    const reason = "Dibatalkan karena penataan organisasi perangkat daerah";
    const proposed = await call<{ proposalId: string }>(
      "proposeStage",
      { selectionId, to: "dibatalkan", reason, requestId: `req-${uniqueSuffix()}` },
      operator,
    );
    if (!proposed.ok) throw new Error("proposing failed");
    const approved = await call(
      "decideStage",
      { selectionId, proposalId: proposed.result.proposalId, decision: "approve", requestId: `req-${uniqueSuffix()}` },
      pejabat,
    );
    expect(approved).toMatchObject({ ok: true });
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    for (const id of [v1.result.documentId, v2.result.documentId]) {
      expect(await record(id)).toMatchObject({ status: "revoked", revokedOn: today, revokedReason: reason });
    }
  });

  it("refuses to issue with a loopback public address outside the emulators, taking no number", async () => {
    const selectionId = await selection();
    const before = await counterNext();
    const caller = {
      uid: "op-direct",
      name: "Operator",
      claims: { instansi: INSTANSI_ID, roles: ["operator" as const] },
    };
    const input = { selectionId, requestId: `req-${uniqueSuffix()}` };
    await expect(
      issueAnnouncement(caller, input, new Date(), { baseUrl: "http://127.0.0.1:5100", onEmulators: false }),
    ).rejects.toMatchObject({ code: "failed-precondition", details: { issues: [{ code: "err.deploy.publicUrl" }] } });
    expect(await counterNext()).toBe(before);
  });
});

/** A record as a crashed call leaves it: number taken, snapshot stored, no file, status "issuing". */
async function plantIssuing(issuedAt: string, into?: { selectionId: string; version: number }): Promise<string> {
  const selectionId = into?.selectionId ?? (await selection());
  const version = into?.version ?? 1;
  const documentId = `${selectionId}-pengumuman-v${version}`;
  const number = `${String(900 + selectionCounter * 10 + version)}/PENG/PANSEL-JPT/BKPSDM-MTR/XII/2026`;
  const planted: DocumentRecord = {
    instansiId: INSTANSI_ID,
    instansiName: "Pemerintah Kota Metro",
    selectionId,
    selectionTitle: METRO.title,
    kind: "pengumuman",
    number,
    version,
    issuedOn: "2026-12-01",
    status: "issuing",
    sha256: null,
    size: null,
    fileId: documentId,
    fileName: `pengumuman-${documentId}.pdf`,
    supersedes: version > 1 ? `${selectionId}-pengumuman-v${version - 1}` : null,
    supersededBy: null,
    issuedAt,
    revokedOn: null,
    revokedReason: null,
  };
  const ketua = METRO.pansel.find((m) => m.position === "ketua")!;
  const snapshot = announcementSnapshot.parse({
    instansi: INSTANSI["kota-metro"],
    setup: METRO,
    selectionId,
    number,
    issuedOn: planted.issuedOn,
    signatory: { name: ketua.name, title: "Ketua Panitia Seleksi" },
    verifyUrl: verifyUrlFor("http://127.0.0.1:5100", documentId),
  });
  await db.collection(COLLECTIONS.documents).doc(documentId).set(planted);
  await db.doc(`${COLLECTIONS.documents}/${documentId}/${COLLECTIONS.snapshot}/input`).set(snapshot);
  await db.collection(COLLECTIONS.selections).doc(selectionId).update({ announcementDocumentId: documentId });
  return documentId;
}
