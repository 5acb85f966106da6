/** Reads for the sign-up aftermath: the governments a candidate can name in a NIP dispute, and an operator's queue. */
import { collection, getDocs, onSnapshot, query, where, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { instansiDoc, nipDisputeDoc, type NipDisputeDoc } from "@domain/schemas/documents";
import { liveDb } from "./live";

export async function listInstansi(): Promise<{ id: string; name: string }[]> {
  const snap = await getDocs(collection(liveDb(), COLLECTIONS.instansi));
  return snap.docs.flatMap((d) => {
    const parsed = instansiDoc.safeParse(d.data());
    return parsed.success ? [{ id: d.id, name: parsed.data.name }] : [];
  });
}

export type DisputeRow = NipDisputeDoc & { id: string };

export function watchOpenNipDisputes(
  instansiId: string,
  next: (rows: DisputeRow[]) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  const open = query(
    collection(liveDb(), COLLECTIONS.nipDisputes),
    where("instansiId", "==", instansiId),
    where("status", "==", "open"),
  );
  return onSnapshot(
    open,
    (snap) =>
      next(
        snap.docs.flatMap((d) => {
          const parsed = nipDisputeDoc.safeParse(d.data());
          return parsed.success ? [{ ...parsed.data, id: d.id }] : [];
        }),
      ),
    fail,
  );
}
