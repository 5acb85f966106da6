/** Issued documents for the officials' screens, through the full SDK those screens already load. */
import { doc, getDocFromServer } from "firebase/firestore";
import { liveDb } from "./live";
import { downloadChunks, readDocumentRecord, type DocumentView, type ReadDoc } from "./storedDocuments";

export { CorruptFileError } from "./storedDocuments";

// From the server, not the offline cache: a record the function just settled must show as it is now.
const read: ReadDoc = async (...path) => {
  const [first = "", ...rest] = path;
  return (await getDocFromServer(doc(liveDb(), first, ...rest))).data();
};

export const getDocumentRecord = (id: string): Promise<DocumentView | undefined> => readDocumentRecord(read, id);
export const downloadFile = (fileId: string, onProgress: (done: number, total: number) => void): Promise<Blob> =>
  downloadChunks(read, fileId, onProgress);
