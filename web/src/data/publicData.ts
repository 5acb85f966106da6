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
  where,
  type Firestore,
} from "firebase/firestore/lite";
import { COLLECTIONS } from "@domain/collections";
import { instansiDoc, type InstansiDoc } from "@domain/schemas/documents";
import { storedSelection as selectionDoc, type StoredSelection as SelectionDoc } from "@domain/selection/stored";
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

export interface PublicSelection extends SelectionDoc {
  readonly id: string;
}

/** The newest announced selections, across all governments. One query, at most 20 reads. */
export async function listPublicSelections(): Promise<PublicSelection[]> {
  const snap = await getDocs(
    query(
      collection(db(), COLLECTIONS.selections),
      where("public", "==", true),
      orderBy("announcedAt", "desc"),
      limit(20),
    ),
  );
  return snap.docs.flatMap((d) => {
    const parsed = selectionDoc.safeParse(d.data());
    return parsed.success ? [{ id: d.id, ...parsed.data }] : [];
  });
}

export async function getPublicSelection(id: string): Promise<PublicSelection | undefined> {
  try {
    const snap = await getDoc(doc(db(), COLLECTIONS.selections, id));
    const parsed = selectionDoc.safeParse(snap.data());
    return parsed.success ? { id, ...parsed.data } : undefined;
  } catch (error) {
    // The rules answer "permission denied" for a selection that is not announced: same as missing.
    if ((error as { code?: string }).code === "permission-denied") return undefined;
    throw error;
  }
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
