/**
 * Reading an issued document's record and downloading its file, whichever Firestore SDK the screen
 * already has: the public pages read through Lite (publicData.ts), the officials' screens through the
 * full SDK they load anyway (staffDocuments.ts), so no route pays for both.
 */
import { COLLECTIONS } from "@domain/collections";
import { documentRecord, type DocumentRecord } from "@domain/documents/record";
import { storedFileDoc } from "@domain/schemas/files";

/** Reads one document by its path; undefined when it does not exist. Both SDKs fit this shape. */
export type ReadDoc = (...path: string[]) => Promise<Record<string, unknown> | undefined>;

export interface DocumentView extends DocumentRecord {
  readonly id: string;
}

export class CorruptFileError extends Error {}

/** The public record of an issued document version, or undefined when there is none to show. */
export async function readDocumentRecord(read: ReadDoc, id: string): Promise<DocumentView | undefined> {
  try {
    const parsed = documentRecord.safeParse(await read(COLLECTIONS.documents, id));
    return parsed.success ? { id, ...parsed.data } : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === "permission-denied") return undefined;
    throw error;
  }
}

/**
 * Downloads a stored file chunk by chunk (each at most 512 KiB), reporting progress, and checks the
 * bytes against the SHA-256 on record before handing them over: a phone on a bad network must not
 * save half a document as if it were whole.
 */
export async function downloadChunks(
  read: ReadDoc,
  fileId: string,
  onProgress: (done: number, total: number) => void,
): Promise<Blob> {
  const parsed = storedFileDoc.safeParse(await read(COLLECTIONS.files, fileId));
  if (!parsed.success) throw new CorruptFileError(fileId);
  const meta = parsed.data;
  const parts: Uint8Array[] = [];
  onProgress(0, meta.chunkCount);
  for (let i = 0; i < meta.chunkCount; i++) {
    const chunk = await read(COLLECTIONS.files, fileId, COLLECTIONS.chunks, String(i).padStart(5, "0"));
    const data = chunk?.["data"] as { toUint8Array(): Uint8Array } | undefined;
    if (!data) throw new CorruptFileError(fileId);
    parts.push(data.toUint8Array());
    onProgress(i + 1, meta.chunkCount);
  }
  const blob = new Blob(parts as BlobPart[], { type: meta.contentType });
  if (blob.size !== meta.size || (await sha256Hex(blob)) !== meta.sha256) throw new CorruptFileError(fileId);
  return blob;
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
