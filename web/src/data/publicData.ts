/**
 * Reads for the public pages, through Firestore Lite: no live updates or offline cache are needed
 * there, and Lite is a fraction of the full SDK on a 3G phone. Parsed with the shared schemas.
 */
import {
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
import {
  publicSelection,
  publicSelectionDetail,
  type PublicSelection as PublicSelectionDoc,
  type PublicSelectionDetail,
} from "@domain/publication/projection";
import { firebaseApp } from "./app";
import { downloadChunks, readDocumentRecord, type DocumentView, type ReadDoc } from "./storedDocuments";

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

const read: ReadDoc = async (...path) => {
  const [first = "", ...rest] = path;
  return (await getDoc(doc(db(), first, ...rest))).data();
};

export { CorruptFileError, sha256Hex, type DocumentView } from "./storedDocuments";
export const getDocumentRecord = (id: string): Promise<DocumentView | undefined> => readDocumentRecord(read, id);
export const downloadFile = (fileId: string, onProgress: (done: number, total: number) => void): Promise<Blob> =>
  downloadChunks(read, fileId, onProgress);
