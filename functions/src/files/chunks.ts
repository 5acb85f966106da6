/**
 * Files kept in Firestore itself, in chunks: the one module that writes and reads them.
 *
 * Why not Cloud Storage: one service to run, back up, scope by the same security rules and emulate
 * in tests. Why chunks: a Firestore document holds at most 1 MiB, so a file is split into pieces of
 * at most 512 KiB (a Bytes field), leaving room for the other fields.
 *
 *   files/{fileId}                   metadata: name, type, size, sha256, chunkCount, complete,
 *                                    ownerUid and selectionId (who may read a private file)
 *   files/{fileId}/chunks/{00000}    { index, instansiId, size, data }
 *
 * Order of writes: a marker with `complete: false` and the chunks go first, in batches, and the
 * metadata with `complete: true` goes LAST, so a reader never serves a half-written file (a function
 * that dies halfway leaves an incomplete record that a retry overwrites). Files are immutable once
 * complete: the SHA-256 printed on a document's verification page must keep matching its bytes, so a
 * new version of a document is a new fileId.
 */
import {
  FieldPath,
  FieldValue,
  type DocumentData,
  type DocumentReference,
  type Firestore,
} from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { storedFileDoc, type StoredFileDoc } from "../domain/schemas/files.js";
import { sha256Hex } from "./hash.js";

export { sha256Hex };

/** 512 KiB: half of Firestore's 1 MiB document limit. */
export const CHUNK_SIZE = 512 * 1024;
/**
 * Per commit, Firestore allows 500 writes and a 10 MiB request. Stay under both with a margin for
 * field names, the metadata marker and the request's own overhead: 15 full chunks a commit.
 */
export const MAX_WRITES_PER_COMMIT = 450;
export const MAX_BYTES_PER_COMMIT = 8 * 1024 * 1024;
/** Generated documents are far smaller; uploads are capped by the checklist (10 MiB at most). */
export const MAX_FILE_SIZE = 64 * 1024 * 1024;

const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface WriteFileInput {
  readonly fileId: string;
  readonly instansiId: string;
  readonly contentType: string;
  /** The name offered when downloading, e.g. "pengumuman-007-2021.pdf". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** A private file is read by its owner and by the staff assigned to its selection (firestore.rules). */
  readonly ownerUid?: string;
  readonly selectionId?: string;
  /** Anything the caller wants on the metadata document (document number, selection id, …). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface StoredFileInfo {
  readonly fileId: string;
  readonly size: number;
  readonly sha256: string;
  readonly chunkCount: number;
}

// The metadata's schema is the domain's, so the web's download parses it too.
export { storedFileDoc, type StoredFileDoc } from "../domain/schemas/files.js";

export type FileStoreErrorCode =
  "invalidId" | "tooLarge" | "exists" | "notFound" | "incomplete" | "badMetadata" | "chunkCount" | "size" | "sha256";

/** A typed failure: callers map `code` to an HttpsError and a message; tests assert on it. */
export class FileStoreError extends Error {
  constructor(
    readonly code: FileStoreErrorCode,
    readonly fileId: string,
    detail: string,
  ) {
    super(`file ${fileId}: ${code}: ${detail}`);
    this.name = "FileStoreError";
  }
}

// ---- pure helpers ------------------------------------------------------------------------------

/** "00000", "00001", …: zero-padded so the document ids sort in chunk order. */
export function chunkId(index: number): string {
  return String(index).padStart(5, "0");
}

/** Views into `bytes` (no copy) of at most `size` bytes each; an empty file has no chunk. */
export function splitIntoChunks(bytes: Uint8Array, size: number = CHUNK_SIZE): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    chunks.push(bytes.subarray(offset, Math.min(offset + size, bytes.length)));
  }
  return chunks;
}

/**
 * Indices of the writes grouped into commits that respect both limits. `sizes` are the payload bytes
 * of each write, in order; a single write larger than `maxBytes` still gets a commit of its own.
 */
export function commitGroups(
  sizes: readonly number[],
  maxWrites: number = MAX_WRITES_PER_COMMIT,
  maxBytes: number = MAX_BYTES_PER_COMMIT,
): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, index) => {
    if (current.length > 0 && (current.length >= maxWrites || bytes + size > maxBytes)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

// ---- Firestore ---------------------------------------------------------------------------------

function refs(db: Firestore, fileId: string) {
  const meta = db.collection(COLLECTIONS.files).doc(fileId);
  return { meta, chunks: meta.collection(COLLECTIONS.chunks) };
}

export async function writeFile(db: Firestore, input: WriteFileInput): Promise<StoredFileInfo> {
  const { fileId, bytes } = input;
  if (!FILE_ID.test(fileId)) throw new FileStoreError("invalidId", fileId, "use letters, digits, - and _");
  if (bytes.length > MAX_FILE_SIZE) {
    throw new FileStoreError("tooLarge", fileId, `${bytes.length} bytes, at most ${MAX_FILE_SIZE}`);
  }
  const { meta: metaRef, chunks: chunksRef } = refs(db, fileId);

  const existing = await metaRef.get();
  if (existing.exists && existing.get("complete") === true) {
    throw new FileStoreError("exists", fileId, "stored files are immutable; store a new version under a new id");
  }

  const pieces = splitIntoChunks(bytes);
  const info: StoredFileInfo = { fileId, size: bytes.length, sha256: sha256Hex(bytes), chunkCount: pieces.length };
  const meta: StoredFileDoc = {
    instansiId: input.instansiId,
    name: input.name,
    contentType: input.contentType,
    size: info.size,
    sha256: info.sha256,
    chunkCount: info.chunkCount,
    chunkSize: CHUNK_SIZE,
    complete: false,
    ...(input.ownerUid !== undefined ? { ownerUid: input.ownerUid } : {}),
    ...(input.selectionId !== undefined ? { selectionId: input.selectionId } : {}),
    ...(input.extra !== undefined ? { extra: { ...input.extra } } : {}),
  };

  // A retry after a crash: chunks of the earlier attempt beyond the new count would fail the count
  // check on every read, so they go first.
  if (existing.exists) {
    const stale = (await chunksRef.listDocuments()).filter((ref) => !isChunkIdBelow(ref.id, pieces.length));
    await commitInGroups(
      db,
      stale.map((ref) => ({ ref, size: 0, data: null })),
    );
  }

  // The marker rides in the first commit with the first chunks.
  const writes: PendingWrite[] = [{ ref: metaRef, size: 1024, data: meta }];
  pieces.forEach((piece, index) => {
    writes.push({
      ref: chunksRef.doc(chunkId(index)),
      size: piece.length + 256,
      data: {
        index,
        // On every chunk so security rules can scope a read without a get() of the parent.
        instansiId: input.instansiId,
        size: piece.length,
        data: Buffer.from(piece.buffer, piece.byteOffset, piece.length),
      },
    });
  });
  await commitInGroups(db, writes);

  await metaRef.set({ ...meta, complete: true, createdAt: FieldValue.serverTimestamp() });
  return info;
}

/** The bytes of a complete file, after checking the chunk count, the size and the SHA-256. */
export async function readFile(db: Firestore, fileId: string): Promise<Buffer> {
  if (!FILE_ID.test(fileId)) throw new FileStoreError("invalidId", fileId, "use letters, digits, - and _");
  const { meta: metaRef, chunks: chunksRef } = refs(db, fileId);
  const snapshot = await metaRef.get();
  if (!snapshot.exists) throw new FileStoreError("notFound", fileId, "no such file");
  const parsed = storedFileDoc.safeParse(snapshot.data());
  if (!parsed.success) throw new FileStoreError("badMetadata", fileId, parsed.error.message);
  const meta = parsed.data;
  if (!meta.complete)
    throw new FileStoreError("incomplete", fileId, "the file is still being written or was abandoned");

  const chunks = await chunksRef.orderBy(FieldPath.documentId()).get();
  if (chunks.size !== meta.chunkCount) {
    throw new FileStoreError("chunkCount", fileId, `${chunks.size} chunks stored, ${meta.chunkCount} expected`);
  }
  const parts: Buffer[] = [];
  chunks.docs.forEach((doc, index) => {
    const data: unknown = doc.get("data");
    if (doc.id !== chunkId(index)) {
      throw new FileStoreError("chunkCount", fileId, `chunk ${chunkId(index)} is missing (found ${doc.id})`);
    }
    if (!(data instanceof Uint8Array)) throw new FileStoreError("badMetadata", fileId, `chunk ${doc.id} has no bytes`);
    parts.push(Buffer.from(data.buffer, data.byteOffset, data.length));
  });
  const bytes = Buffer.concat(parts);
  if (bytes.length !== meta.size) {
    throw new FileStoreError("size", fileId, `${bytes.length} bytes stored, ${meta.size} expected`);
  }
  const sha256 = sha256Hex(bytes);
  if (sha256 !== meta.sha256) {
    throw new FileStoreError("sha256", fileId, `content hash ${sha256} differs from the recorded ${meta.sha256}`);
  }
  return bytes;
}

interface PendingWrite {
  readonly ref: DocumentReference;
  readonly size: number;
  /** null: delete the document. */
  readonly data: DocumentData | null;
}

/** Sequential commits: a later group never lands before an earlier one. */
async function commitInGroups(db: Firestore, writes: readonly PendingWrite[]): Promise<void> {
  for (const group of commitGroups(writes.map((w) => w.size))) {
    const batch = db.batch();
    for (const index of group) {
      const write = writes[index];
      if (!write) continue;
      if (write.data === null) batch.delete(write.ref);
      else batch.set(write.ref, write.data);
    }
    await batch.commit();
  }
}

function isChunkIdBelow(id: string, count: number): boolean {
  return /^\d{5}$/.test(id) && Number(id) < count;
}
