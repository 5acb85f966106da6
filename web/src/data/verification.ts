/**
 * What the operators' verification screens read, through the full SDK the staff screens load
 * anyway: a page of the queue, one application with its private review, and a candidate's uploaded
 * file streamed from its chunks (uploads/{fileId}/chunks/{00000}), checked against the SHA-256 the
 * upload check verified before the bytes are shown as the candidate's document.
 */
import { doc, getDoc, getDocs, onSnapshot, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import {
  applicationReview,
  storedApplication,
  type ApplicationReview,
  type StoredApplication,
} from "@domain/applications/application";
import { uploadManifest } from "@domain/files/manifest";
import { liveDb } from "./live";
import { queueQuery, queueRow, type QueueRequest, type QueueRow } from "./verificationQueue";
import { CorruptFileError, sha256Hex } from "./storedDocuments";

export { CorruptFileError } from "./storedDocuments";
export { QUEUE_PAGE_SIZE, type QueueRow } from "./verificationQueue";

/** One page of the queue: 20 rows at most, so 20 document reads at most. */
export async function loadQueuePage(request: QueueRequest): Promise<QueueRow[]> {
  const snap = await getDocs(queueQuery(liveDb(), request));
  return snap.docs.map((d) => queueRow(d.id, d.data()));
}

export type ApplicationWithId = StoredApplication & { id: string };

/** The application as submitted (live: `reviewed` changes); undefined when missing or unreadable. */
export function watchApplication(
  id: string,
  next: (value: ApplicationWithId | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.applications, id),
    (snap) => {
      const parsed = storedApplication.safeParse(snap.data());
      next(parsed.success ? { ...parsed.data, id } : undefined);
    },
    fail,
  );
}

/** The operators' review so far; null before anyone has looked. */
export function watchReview(
  id: string,
  next: (value: ApplicationReview | null) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.applications, id, COLLECTIONS.review, "main"),
    (snap) => {
      const parsed = applicationReview.safeParse(snap.data());
      next(parsed.success ? parsed.data : null);
    },
    fail,
  );
}

/**
 * A candidate's accepted upload, chunk by chunk (each at most 512 KiB), with progress: the manifest
 * and `chunkCount` chunk reads, by id. A file whose bytes do not match the verified size and hash is
 * refused rather than shown.
 */
export async function downloadUpload(fileId: string, onProgress: (done: number, total: number) => void): Promise<Blob> {
  const db = liveDb();
  const manifest = uploadManifest.safeParse((await getDoc(doc(db, COLLECTIONS.uploads, fileId))).data());
  if (!manifest.success) throw new CorruptFileError(fileId);
  const { chunkCount, mimeType, size, sha256 } = manifest.data;
  const parts: Uint8Array[] = [];
  onProgress(0, chunkCount);
  for (let i = 0; i < chunkCount; i++) {
    const chunk = await getDoc(doc(db, COLLECTIONS.uploads, fileId, COLLECTIONS.chunks, String(i).padStart(5, "0")));
    const data = chunk.get("data") as { toUint8Array(): Uint8Array } | undefined;
    if (!data) throw new CorruptFileError(fileId);
    parts.push(data.toUint8Array());
    onProgress(i + 1, chunkCount);
  }
  const blob = new Blob(parts as BlobPart[], { type: mimeType });
  if (blob.size !== size || (await sha256Hex(blob)) !== sha256) throw new CorruptFileError(fileId);
  return blob;
}
