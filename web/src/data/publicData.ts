/**
 * Reads for the public pages, through Firestore Lite: no live updates or offline cache are needed
 * there, and Lite is a fraction of the full SDK on a 3G phone. Parsed with the shared schemas.
 */
import {
  type Bytes,
  collection,
  connectFirestoreEmulator,
  doc,
  getDoc,
  getDocs,
  getFirestore,
  limit,
  orderBy,
  query,
  type Firestore,
} from "firebase/firestore/lite";
import { COLLECTIONS } from "@domain/collections";
import { instansiDoc, type InstansiDoc } from "@domain/schemas/documents";
import { documentRecord, type DocumentRecord } from "@domain/documents/record";
import {
  publicSelection,
  publicSelectionDetail,
  type PublicSelection as PublicSelectionDoc,
  type PublicSelectionDetail,
} from "@domain/publication/projection";
import { firebaseApp } from "./app";

let lite: Firestore | undefined;

function db(): Firestore {
  if (!lite) {
    lite = getFirestore(firebaseApp());
    if (__EMULATORS__) connectFirestoreEmulator(lite, __EMULATORS__.firestore.host, __EMULATORS__.firestore.port);
  }
  return lite;
}

export interface PublicSelection extends PublicSelectionDoc {
  readonly id: string;
}

export interface PublicSelectionPage {
  readonly id: string;
  readonly summary: PublicSelectionDoc;
  readonly detail: PublicSelectionDetail;
}

/**
 * The newest announced selections, across all governments: one query of at most 20 projection
 * documents (about 1.5 KB each), never the internal selection documents, which the rules keep from
 * anonymous readers and candidates.
 */
export async function listPublicSelections(): Promise<PublicSelection[]> {
  const snap = await getDocs(
    query(collection(db(), COLLECTIONS.publicSelections), orderBy("announcedAt", "desc"), limit(20)),
  );
  return snap.docs.flatMap((d) => {
    const parsed = publicSelection.safeParse(d.data());
    return parsed.success ? [{ id: d.id, ...parsed.data }] : [];
  });
}

/** The selection page: the card and its detail (requirements, legal basis, contact), two reads at once. */
export async function getPublicSelection(id: string): Promise<PublicSelectionPage | undefined> {
  const ref = doc(db(), COLLECTIONS.publicSelections, id);
  const [summarySnap, detailSnap] = await Promise.all([
    getDoc(ref),
    getDoc(doc(ref, COLLECTIONS.publicDetail, "main")),
  ]);
  const summary = publicSelection.safeParse(summarySnap.data());
  const detail = publicSelectionDetail.safeParse(detailSnap.data());
  return summary.success && detail.success ? { id, summary: summary.data, detail: detail.data } : undefined;
}

export async function getInstansi(id: string): Promise<InstansiDoc | undefined> {
  const snap = await getDoc(doc(db(), COLLECTIONS.instansi, id));
  const parsed = instansiDoc.safeParse(snap.data());
  return parsed.success ? parsed.data : undefined;
}

export interface DocumentView extends DocumentRecord {
  readonly id: string;
}

/** The public record of an issued document version, or undefined when there is none to show. */
export async function getDocumentRecord(id: string): Promise<DocumentView | undefined> {
  try {
    const snap = await getDoc(doc(db(), COLLECTIONS.documents, id));
    const parsed = documentRecord.safeParse(snap.data());
    return parsed.success ? { id, ...parsed.data } : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === "permission-denied") return undefined;
    throw error;
  }
}

export class CorruptFileError extends Error {}

/**
 * Downloads a stored file chunk by chunk (each at most 512 KiB), reporting progress, and checks the
 * bytes against the SHA-256 on record before handing them over: a phone on a bad network must not
 * save half a document as if it were whole.
 */
export async function downloadFile(fileId: string, onProgress: (done: number, total: number) => void): Promise<Blob> {
  const metaSnap = await getDoc(doc(db(), COLLECTIONS.files, fileId));
  const meta = metaSnap.data() as { chunkCount: number; size: number; sha256: string; contentType: string } | undefined;
  if (!meta) throw new CorruptFileError(fileId);
  const parts: Uint8Array[] = [];
  onProgress(0, meta.chunkCount);
  for (let i = 0; i < meta.chunkCount; i++) {
    const chunk = await getDoc(doc(db(), COLLECTIONS.files, fileId, COLLECTIONS.chunks, String(i).padStart(5, "0")));
    const data = chunk.get("data") as Bytes | undefined;
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
