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
  const snap = await db.doc(`${COLLECTIONS.instansi}/${INSTANSI_ID}/${COLLECTIONS.counters}/pengumuman-${year}`).get();
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
