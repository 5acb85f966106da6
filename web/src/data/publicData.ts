/**
 * Reads for the public pages, through Firestore Lite: no live updates or offline cache are needed
 * there, and Lite is a fraction of the full SDK on a 3G phone. Parsed with the shared schemas.
 */
import {
  collection,
  connectFirestoreEmulator,
  doc,
  documentId,
  getDoc,
  getDocs,
  getFirestore,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type Firestore,
  type QueryConstraint,
} from "firebase/firestore/lite";
import { COLLECTIONS } from "@domain/collections";
import { instansiDoc, type InstansiDoc } from "@domain/schemas/documents";
import {
  publicSelection,
  publicSelectionDetail,
  type PublicSelection as PublicSelectionDoc,
  type PublicSelectionDetail,
} from "@domain/publication/projection";
import { LIST_PAGE_SIZE, listCursor, listQuery, type ListCursor, type ListFilters } from "@domain/publication/listing";
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

export interface PublicSelectionsPage {
  readonly selections: PublicSelection[];
  /** Where the next page starts; null on the last page. */
  readonly next: ListCursor | null;
}

/**
 * One page of the public list: one query of at most LIST_PAGE_SIZE + 1 projection documents (about
 * 1.5 KB each), never the internal selection documents, which the rules keep from anonymous readers
 * and candidates. The query's shape comes from `listQuery` (domain/publication/listing.ts), whose
 * indexes a test keeps declared in firestore.indexes.json.
 */
export async function listPublicSelections(
  filters: ListFilters,
  after: ListCursor | null,
  nowMs: number,
): Promise<PublicSelectionsPage> {
  const q = listQuery(filters, nowMs);
  const constraints: QueryConstraint[] = [
    ...q.equals.map((e) => where(e.field, "==", e.value)),
    ...(q.contains ? [where(q.contains.field, "array-contains", q.contains.value)] : []),
    ...(q.after ? [where(q.after.field, ">", q.after.value)] : []),
    orderBy(q.order.field, q.order.direction),
    orderBy(documentId(), q.order.direction),
    ...(after ? [startAfter(after.value, after.id)] : []),
    limit(q.limit),
  ];
  const snap = await getDocs(query(collection(db(), COLLECTIONS.publicSelections), ...constraints));
  const page = snap.docs.slice(0, LIST_PAGE_SIZE);
  const selections = page.flatMap((d) => {
    const parsed = publicSelection.safeParse(d.data());
    return parsed.success ? [{ id: d.id, ...parsed.data }] : [];
  });
  const last = page.at(-1);
  return {
    selections,
    next: snap.docs.length > LIST_PAGE_SIZE && last ? listCursor(q, { id: last.id, ...last.data() }) : null,
  };
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
