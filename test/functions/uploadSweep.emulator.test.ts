/**
 * The sweep of abandoned uploads (functions/src/files/uploadSweep.ts), on its own demo- project:
 * no completion trigger runs there, so a manifest left `complete` stays unchecked until the sweep
 * finds it, as when the trigger failed in production. Time passing is the sweep's `now`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { sha256Hex } from "../../functions/src/files/hash.js";
import { SELECTIONS } from "../../seed/metro2021.js";
import { tinyPdf } from "../../seed/files.js";

process.env["GCLOUD_PROJECT"] ??= "demo-seleksi";
const { ABANDONED_AFTER_MS, sweepUploads } = await import("../../functions/src/files/uploadSweep.js");

const app = initializeApp({ projectId: "demo-upload-sweep" }, "upload-sweep");
const db = getFirestore(app);
const METRO = SELECTIONS["metro-2021-jpt"]!;
const POST = METRO.posts[0]!;
const DOC = POST.requirements.documents[0]!;
const PDF = tinyPdf(DOC.label, ["Dokumen contoh"]);

const application = (status: string) => ({
  instansiId: "kota-metro",
  selectionId: "metro-2021-jpt",
  postId: POST.id,
  candidateUid: "cand-sweep",
  status,
});

async function upload(fileId: string, applicationId: string, status: "uploading" | "complete") {
  const ref = db.collection(COLLECTIONS.uploads).doc(fileId);
  await ref
    .collection(COLLECTIONS.chunks)
    .doc("00000")
    .set({ data: Buffer.from(PDF) });
  await ref.set({
    ownerUid: "cand-sweep",
    instansiId: "kota-metro",
    selectionId: "metro-2021-jpt",
    applicationId,
    postId: POST.id,
    documentType: DOC.id,
    fileName: "surat.pdf",
    mimeType: "application/pdf",
    size: PDF.length,
    sha256: sha256Hex(PDF),
    chunkCount: 1,
    status,
  });
  return ref;
}

const exists = async (fileId: string) => (await db.collection(COLLECTIONS.uploads).doc(fileId).get()).exists;
const chunks = async (fileId: string) =>
  (await db.collection(COLLECTIONS.uploads).doc(fileId).collection(COLLECTIONS.chunks).get()).size;

beforeAll(async () => {
  await db.collection(COLLECTIONS.selections).doc("metro-2021-jpt").set(METRO);
  await db.collection(COLLECTIONS.applications).doc("app-draft").set(application("draft"));
  await db.collection(COLLECTIONS.applications).doc("app-locked").set(application("submitted"));
  await upload("up-fresh", "app-draft", "uploading");
  await upload("up-locked", "app-locked", "uploading");
  await upload("up-orphan", "app-gone", "uploading");
  await upload("up-unchecked", "app-draft", "complete");
});

afterAll(async () => {
  await db.recursiveDelete(db.collection(COLLECTIONS.uploads));
  await db.recursiveDelete(db.collection(COLLECTIONS.applications));
  await db.recursiveDelete(db.collection(COLLECTIONS.selections));
  await deleteApp(app);
});

describe("sweeping uploads", () => {
  it("leaves a fresh upload of a draft alone and a completion still within the trigger's time", async () => {
    const result = await sweepUploads(new Date(), db);
    expect(result.checked).toEqual([]);
    expect([...result.deleted].sort()).toEqual(["up-locked", "up-orphan"]);
    expect(await exists("up-fresh")).toBe(true);
    expect((await db.collection(COLLECTIONS.uploads).doc("up-unchecked").get()).get("status")).toBe("complete");
  });

  it("deletes, chunks and all, uploads whose application is locked or gone", async () => {
    for (const id of ["up-locked", "up-orphan"]) {
      expect(await exists(id)).toBe(false);
      expect(await chunks(id)).toBe(0);
    }
  });

  it("checks a completion whose trigger never ran, and puts it on the draft's checklist", async () => {
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const result = await sweepUploads(later, db);
    expect(result.checked).toEqual(["up-unchecked"]);
    expect((await db.collection(COLLECTIONS.uploads).doc("up-unchecked").get()).get("status")).toBe("accepted");
    const draft = await db.collection(COLLECTIONS.applications).doc("app-draft").get();
    expect(draft.get(`documents.${DOC.id}.fileId`)).toBe("up-unchecked");
    expect(await exists("up-fresh")).toBe(true);
  });

  it("deletes an upload of a draft untouched for more than 7 days", async () => {
    const result = await sweepUploads(new Date(Date.now() + ABANDONED_AFTER_MS + 60_000), db);
    expect(result.deleted).toEqual(["up-fresh"]);
    expect(await exists("up-fresh")).toBe(false);
    expect(await chunks("up-fresh")).toBe(0);
    // A decided file is never the sweep's: the accepted one stays.
    expect(await exists("up-unchecked")).toBe(true);
  });
});
