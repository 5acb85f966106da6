/**
 * files/chunks.ts against the Firestore emulator, through the Admin SDK as the functions use it.
 * A named app on its own demo- project keeps these documents apart from every other test.
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { CHUNK_SIZE, FileStoreError, chunkId, readFile, writeFile } from "../../functions/src/files/chunks.js";
import { sha256Hex } from "../../functions/src/files/hash.js";
import { emulatorHosts } from "../support/emulators.js";

// Fails with a clear message when run outside `firebase emulators:exec`; the Admin SDK itself finds
// the emulator through FIRESTORE_EMULATOR_HOST.
emulatorHosts();
const app = initializeApp({ projectId: "demo-chunks-seleksi" }, "chunks");
const db = getFirestore(app);
const RUN = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

afterAll(async () => {
  await deleteApp(app);
});

const fileIdFor = (name: string) => `${name}-${RUN}`;
const metaRef = (fileId: string) => db.collection(COLLECTIONS.files).doc(fileId);
const chunkRef = (fileId: string, index: number) => metaRef(fileId).collection(COLLECTIONS.chunks).doc(chunkId(index));

async function store(name: string, bytes: Uint8Array) {
  const fileId = fileIdFor(name);
  const info = await writeFile(db, {
    fileId,
    instansiId: "kota-metro",
    contentType: "application/pdf",
    name: `${name}.pdf`,
    bytes,
    ownerUid: "demo-operator-metro",
    selectionId: "metro-2021-jpt",
    extra: { number: "007/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021" },
  });
  return { fileId, info };
}

async function errorOf(promise: Promise<unknown>): Promise<FileStoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FileStoreError) return error;
    throw error;
  }
  throw new Error("expected a FileStoreError");
}

describe("files in Firestore chunks", () => {
  it("round-trips a 1.3 MB file in 3 chunks with the same SHA-256", async () => {
    const bytes = randomBytes(1_300_000);
    const { fileId, info } = await store("roundtrip", bytes);
    expect(info).toEqual({ fileId, size: 1_300_000, sha256: sha256Hex(bytes), chunkCount: 3 });

    const chunks = await metaRef(fileId).collection(COLLECTIONS.chunks).get();
    expect(chunks.docs.map((d) => d.id)).toEqual(["00000", "00001", "00002"]);
    expect(chunks.docs.map((d) => (d.get("data") as Buffer).length)).toEqual([
      CHUNK_SIZE,
      CHUNK_SIZE,
      1_300_000 - 2 * CHUNK_SIZE,
    ]);
    expect(chunks.docs.every((d) => d.get("instansiId") === "kota-metro")).toBe(true);

    const meta = (await metaRef(fileId).get()).data();
    expect(meta).toMatchObject({
      complete: true,
      size: 1_300_000,
      chunkCount: 3,
      sha256: sha256Hex(bytes),
      contentType: "application/pdf",
      ownerUid: "demo-operator-metro",
      // What the rules read to let the owner and the selection's assigned staff see a private file.
      selectionId: "metro-2021-jpt",
      extra: { number: "007/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021" },
    });

    const read = await readFile(db, fileId);
    expect(read.length).toBe(bytes.length);
    expect(sha256Hex(read)).toBe(sha256Hex(bytes));
    expect(read.equals(bytes)).toBe(true);
  });

  it("stores an empty file and a file of exactly one chunk", async () => {
    const empty = await store("empty", new Uint8Array(0));
    expect(empty.info.chunkCount).toBe(0);
    expect((await readFile(db, empty.fileId)).length).toBe(0);

    const one = randomBytes(CHUNK_SIZE);
    const single = await store("single", one);
    expect(single.info.chunkCount).toBe(1);
    expect((await readFile(db, single.fileId)).equals(one)).toBe(true);
  });

  it("detects a tampered chunk", async () => {
    const { fileId } = await store("tampered", randomBytes(1_300_000));
    const ref = chunkRef(fileId, 1);
    const data = Buffer.from((await ref.get()).get("data") as Buffer);
    data[1234] = (data[1234] ?? 0) ^ 0xff;
    await ref.update({ data });

    const error = await errorOf(readFile(db, fileId));
    expect(error.code).toBe("sha256");
    expect(error.fileId).toBe(fileId);
  });

  it("detects a missing chunk", async () => {
    const { fileId } = await store("missing", randomBytes(1_300_000));
    await chunkRef(fileId, 2).delete();
    expect((await errorOf(readFile(db, fileId))).code).toBe("chunkCount");
  });

  it("does not serve a file whose metadata is not complete", async () => {
    const { fileId } = await store("incomplete", randomBytes(1000));
    await metaRef(fileId).update({ complete: false });
    expect((await errorOf(readFile(db, fileId))).code).toBe("incomplete");
  });

  it("reports a file that does not exist", async () => {
    expect((await errorOf(readFile(db, fileIdFor("nothing")))).code).toBe("notFound");
  });

  it("never overwrites a complete file", async () => {
    const bytes = randomBytes(2000);
    const { fileId } = await store("immutable", bytes);
    expect((await errorOf(store("immutable", randomBytes(2000)))).code).toBe("exists");
    expect((await readFile(db, fileId)).equals(bytes)).toBe(true);
  });

  it("completes a retry over an abandoned write and drops its extra chunks", async () => {
    const fileId = fileIdFor("retry");
    // What a function that died halfway through a 5-chunk write leaves behind.
    await metaRef(fileId).set({ complete: false, instansiId: "kota-metro" });
    for (let i = 0; i < 5; i++) {
      await chunkRef(fileId, i).set({ index: i, instansiId: "kota-metro", size: 3, data: Buffer.from([1, 2, 3]) });
    }
    const bytes = randomBytes(CHUNK_SIZE + 10);
    const { info } = await store("retry", bytes);
    expect(info.chunkCount).toBe(2);
    expect((await metaRef(fileId).collection(COLLECTIONS.chunks).get()).size).toBe(2);
    expect((await readFile(db, fileId)).equals(bytes)).toBe(true);
  });

  it("rejects an id that is not a plain document id", async () => {
    expect((await errorOf(readFile(db, "a/b"))).code).toBe("invalidId");
  });
});
