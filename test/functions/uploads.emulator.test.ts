/**
 * The checkCompletedUpload trigger, through the emulators: a phone's manifest and chunks written with
 * the Admin SDK (the rules table checks what a client may write), the status flipped to `complete`,
 * and the function's decision read back, on the manifest and on the application's checklist. Each
 * case is a bad input of issue 8.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { UploadManifest } from "../../functions/src/domain/files/manifest.js";
import { UPLOAD_CHUNK_SIZE } from "../../functions/src/domain/files/upload.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { chunkId } from "../../functions/src/files/chunks.js";
import { sha256Hex } from "../../functions/src/files/hash.js";
import { SELECTIONS } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { uniqueSuffix } from "../support/callables.js";

// After support/admin.js has bound the Admin SDK to the functions' project.
const { verifyUpload } = await import("../../functions/src/files/uploads.js");

const RUN = uniqueSuffix();
const TENANT = `kota-upload-${RUN}`;
const SELECTION = `uploads-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const selection: StoredSelection = { ...METRO, instansiId: TENANT, title: `Seleksi unggah ${RUN}` };

/** A minimal valid PDF, padded with a comment to `size` bytes so it spans several chunks. */
function pdf(size = 0): Buffer {
  const head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n";
  const tail = "trailer<</Root 1 0 R>>\n%%EOF\n";
  const pad = Math.max(0, size - head.length - tail.length - 2);
  return Buffer.from(`${head}%${"x".repeat(pad)}\n${tail}`, "latin1");
}
/** A tiny JPEG: SOI, a JFIF header, EOI. */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x00, 0xff, 0xd9,
]);
/** What a Windows program starts with. */
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2000, 0x41)]);

interface Case {
  readonly name: string;
  readonly bytes: Buffer;
  readonly manifest?: Partial<UploadManifest>;
  /** Chunk indices not written: a connection that dropped for good. */
  readonly skip?: readonly number[];
  /** A client that ignores the 512 KiB chunk size. */
  readonly chunkSize?: number;
  /** The application the file is for; a fresh draft of its own unless given. */
  readonly applicationId?: string;
  /** Leave the manifest `uploading` (the caller completes it). */
  readonly hold?: boolean;
}

const appRef = (applicationId: string) => db.collection(COLLECTIONS.applications).doc(applicationId);

/** A draft application of the test's candidate to bappeda, as the apply function would write it. */
async function draftApplication(applicationId: string, status = "draft", candidateUid = `uid-${RUN}`): Promise<void> {
  await appRef(applicationId).set({
    instansiId: TENANT,
    selectionId: SELECTION,
    postId: "bappeda",
    postName: "Kepala Bappeda",
    candidateUid,
    candidateName: "Ani",
    nip: "197806152003122004",
    status,
    createdAt: "2021-09-20T01:00:00.000Z",
    updatedAt: "2021-09-20T01:00:00.000Z",
    documents: {},
  });
}

const ref = (fileId: string) => db.collection(COLLECTIONS.uploads).doc(fileId);

async function upload(c: Case): Promise<string> {
  const fileId = `${c.name}-${RUN}`;
  const chunks: Buffer[] = [];
  const chunkSize = c.chunkSize ?? UPLOAD_CHUNK_SIZE;
  for (let start = 0; start < c.bytes.length; start += chunkSize) {
    chunks.push(c.bytes.subarray(start, start + chunkSize));
  }
  const applicationId = c.applicationId ?? `app-${c.name}-${RUN}`;
  if (c.applicationId === undefined) await draftApplication(applicationId);
  const manifest: UploadManifest = {
    ownerUid: `uid-${RUN}`,
    instansiId: TENANT,
    selectionId: SELECTION,
    applicationId,
    postId: "bappeda",
    documentType: "surat-lamaran",
    fileName: `${c.name}.pdf`,
    mimeType: "application/pdf",
    size: c.bytes.length,
    sha256: sha256Hex(c.bytes),
    chunkCount: chunks.length,
    status: "uploading",
    ...c.manifest,
  };
  await ref(fileId).set(manifest);
  for (const [index, data] of chunks.entries()) {
    if (c.skip?.includes(index)) continue;
    await ref(fileId).collection(COLLECTIONS.chunks).doc(chunkId(index)).set({ data });
  }
  if (!c.hold) await ref(fileId).update({ status: "complete" });
  return fileId;
}

/** Polls until the trigger has decided; a plain loop like support/projection.ts. */
async function decided(fileId: string, timeoutMs = 100_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const data = (await ref(fileId).get()).data();
    if (data?.["status"] === "accepted" || data?.["status"] === "rejected") return data;
    if (Date.now() > deadline) throw new Error(`uploads/${fileId}: still ${String(data?.["status"])}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  await db.collection(COLLECTIONS.selections).doc(SELECTION).set(selection);
});

afterAll(async () => {
  await db.collection(COLLECTIONS.selections).doc(SELECTION).delete();
});

// The first events start the trigger's workers: on a loaded machine that alone can take half a minute.
describe("checkCompletedUpload", { timeout: 120_000 }, () => {
  it("accepts a whole PDF of two chunks, with what it verified", async () => {
    const bytes = pdf(600 * 1024);
    const fileId = await upload({ name: "good-pdf", bytes });
    const data = await decided(fileId);
    expect(data).toMatchObject({
      status: "accepted",
      verified: { size: bytes.length, sha256: sha256Hex(bytes), format: "pdf", chunkCount: 2 },
    });
    expect(data["rejection"]).toBeUndefined();
  });

  it("accepts a JPEG photo where the checklist allows images", async () => {
    const fileId = await upload({
      name: "good-jpeg",
      bytes: JPEG,
      manifest: { documentType: "sk-pangkat", fileName: "sk-pangkat.jpg", mimeType: "image/jpeg" },
    });
    expect(await decided(fileId)).toMatchObject({ status: "accepted", verified: { format: "jpg", chunkCount: 1 } });
  });

  it.each<[string, Case, Record<string, unknown>]>([
    [
      "an EXE renamed .pdf",
      { name: "exe-as-pdf", bytes: EXE, manifest: { fileName: "cv.pdf" } },
      { code: "err.upload.typeMismatch", params: { declared: "PDF", detected: "EXE" } },
    ],
    [
      "a wrong SHA-256",
      { name: "bad-hash", bytes: pdf(2000), manifest: { sha256: sha256Hex(pdf(2001)) } },
      { code: "err.upload.hashMismatch" },
    ],
    [
      "a missing chunk (truncated upload)",
      { name: "truncated", bytes: pdf(1000 * 1024), skip: [1] },
      { code: "err.upload.truncated", params: { received: 1, expected: 2 } },
    ],
    [
      "a file over the checklist's 1024 KB",
      { name: "oversize", bytes: pdf(1100 * 1024) },
      { code: "err.upload.tooLarge", params: { maxKb: 1024 } },
    ],
    [
      "a chunk larger than 512 KiB",
      { name: "big-chunk", bytes: pdf(600 * 1024), chunkSize: 600 * 1024 },
      { code: "err.upload.chunkTooLarge", params: { maxKb: 512 } },
    ],
    [
      "bytes shorter than the declared size",
      { name: "short", bytes: pdf(3000), manifest: { size: 3001 } },
      { code: "err.upload.sizeMismatch", params: { received: 3000, expected: 3001 } },
    ],
    ["an empty file", { name: "empty", bytes: Buffer.alloc(0) }, { code: "err.upload.empty" }],
    [
      "a PNG where the checklist allows only PDF",
      { name: "png", bytes: JPEG, manifest: { mimeType: "image/png" } },
      { code: "err.upload.typeNotAllowed", params: { formats: "PDF" } },
    ],
    [
      "a manifest naming another government than its application's",
      { name: "other-tenant", bytes: pdf(2000), manifest: { instansiId: "kota-metro" } },
      { code: "err.upload.noApplication" },
    ],
  ])("rejects %s with its reason", async (_name, c, rejection) => {
    const fileId = await upload(c);
    const data = await decided(fileId);
    expect(data["status"]).toBe("rejected");
    expect(data["rejection"]).toMatchObject(rejection);
    expect(data["verified"]).toBeUndefined();
  });

  it("puts an accepted file on the application's checklist, in the same step as the decision", async () => {
    const bytes = pdf(3000);
    const fileId = await upload({ name: "checklist", bytes });
    await decided(fileId);
    const app = (await appRef(`app-checklist-${RUN}`).get()).data();
    expect(app?.["documents"]).toEqual({
      "surat-lamaran": {
        fileId,
        fileName: "checklist.pdf",
        mimeType: "application/pdf",
        size: bytes.length,
        status: "accepted",
        rejection: null,
      },
    });
    expect(app?.["updatedAt"]).not.toBe("2021-09-20T01:00:00.000Z");
  });

  it("puts a rejected file on the checklist with its reason", async () => {
    const fileId = await upload({ name: "checklist-exe", bytes: EXE, manifest: { fileName: "cv.pdf" } });
    await decided(fileId);
    const app = (await appRef(`app-checklist-exe-${RUN}`).get()).data();
    expect(app?.["documents"]).toMatchObject({
      "surat-lamaran": {
        fileId,
        status: "rejected",
        rejection: { code: "err.upload.typeMismatch", params: { declared: "PDF", detected: "EXE" } },
      },
    });
  });

  it("takes the post from the application, not from the manifest's postId", async () => {
    // The manifest names a post that does not exist; the application's post (bappeda) has the entry.
    const fileId = await upload({ name: "forged-post", bytes: pdf(2000), manifest: { postId: "no-such-post" } });
    expect(await decided(fileId)).toMatchObject({ status: "accepted" });
    // A document type the post does not list stays off the checklist.
    const other = await upload({ name: "forged-type", bytes: pdf(2000), manifest: { documentType: "sertifikat-x" } });
    expect((await decided(other))["rejection"]).toMatchObject({ code: "err.upload.notInChecklist" });
  });

  it("rejects a file for another candidate's application and leaves that application alone", async () => {
    const applicationId = `app-budi-${RUN}`;
    await draftApplication(applicationId, "draft", `uid-budi-${RUN}`);
    const fileId = await upload({ name: "not-mine", bytes: pdf(2000), applicationId });
    expect((await decided(fileId))["rejection"]).toMatchObject({ code: "err.upload.noApplication" });
    expect((await appRef(applicationId).get()).get("documents")).toEqual({});
  });

  it("decides a file that completes after the final lock, without touching the locked checklist", async () => {
    const applicationId = `app-locked-${RUN}`;
    await draftApplication(applicationId, "submitted");
    const fileId = await upload({ name: "late", bytes: pdf(2000), applicationId });
    expect(await decided(fileId)).toMatchObject({ status: "accepted" });
    expect((await appRef(applicationId).get()).get("documents")).toEqual({});
  });

  it("never lets an older upload that completes late replace a newer one on the checklist", async () => {
    const applicationId = `app-race-${RUN}`;
    await draftApplication(applicationId);
    // The first attempt starts, then the candidate picks a better scan, which arrives first.
    const older = await upload({ name: "older", bytes: pdf(2000), applicationId, hold: true });
    const newer = await upload({ name: "newer", bytes: pdf(2100), applicationId });
    await decided(newer);
    await ref(older).update({ status: "complete" });
    expect(await decided(older)).toMatchObject({ status: "accepted" });
    const entry: unknown = (await appRef(applicationId).get()).get("documents.surat-lamaran");
    expect(entry).toMatchObject({ fileId: newer, size: pdf(2100).length });
    // A newer upload does replace the older one.
    const newest = await upload({ name: "newest", bytes: pdf(2200), applicationId });
    await decided(newest);
    expect((await appRef(applicationId).get()).get("documents.surat-lamaran")).toMatchObject({ fileId: newest });
  });

  it("changes nothing when verifyUpload runs again on a decided upload", async () => {
    const fileId = await upload({ name: "twice", bytes: EXE });
    const first = await decided(fileId);
    const before = await ref(fileId).get();
    const [again, third] = await Promise.all([verifyUpload(fileId), verifyUpload(fileId)]);
    expect(again).toEqual({ fileId, status: "rejected", changed: false });
    expect(third).toEqual({ fileId, status: "rejected", changed: false });
    const after = await ref(fileId).get();
    expect(after.updateTime?.isEqual(before.updateTime!)).toBe(true);
    expect(after.data()).toEqual(first);
  });

  it("leaves an upload still in progress alone", async () => {
    const fileId = `in-progress-${RUN}`;
    await ref(fileId).set({ status: "uploading", size: 10 });
    expect(await verifyUpload(fileId)).toEqual({ fileId, status: "uploading", changed: false });
    expect((await ref(fileId).get()).data()).toEqual({ status: "uploading", size: 10 });
    expect(await verifyUpload(`nothing-${RUN}`)).toEqual({
      fileId: `nothing-${RUN}`,
      status: "missing",
      changed: false,
    });
  });
});
