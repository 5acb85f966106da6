/**
 * Applications as the status timeline and the objections screens follow them, through the live SDK
 * (the candidate waits for an answer; the operator's list shrinks as objections are answered).
 */
import { collection, doc, limit, onSnapshot, query, where, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { storedApplication, type StoredApplication } from "@domain/applications/application";
import { publicSelection, type PublicSelection } from "@domain/publication/projection";
import { liveDb } from "./live";

export type ApplicationWithId = StoredApplication & { id: string };

/** One application: its owner, or the tenant's staff, may read it (firestore.rules). */
export function watchApplication(
  applicationId: string,
  next: (value: ApplicationWithId | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.applications, applicationId),
    (snap) => {
      const parsed = storedApplication.safeParse(snap.data());
      next(parsed.success ? { ...parsed.data, id: snap.id } : undefined);
    },
    fail,
  );
}

/** What the public knows of the selection: its stage and the published result's window. */
export function watchPublicSelection(
  selectionId: string,
  next: (value: PublicSelection | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.publicSelections, selectionId),
    (snap) => {
      const parsed = publicSelection.safeParse(snap.data());
      next(parsed.success ? parsed.data : undefined);
    },
    fail,
  );
}

/**
 * The selection's objections still waiting for an answer: its TMS applications (an accepted objection
 * makes one MS, so it leaves the list), those with an open objection kept. Equality filters on
 * top-level fields only: no composite index.
 */
export function watchOpenObjections(
  instansiId: string,
  selectionId: string,
  next: (value: ApplicationWithId[]) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.applications),
    where("instansiId", "==", instansiId),
    where("selectionId", "==", selectionId),
    where("status", "==", "tms"),
    limit(500),
  );
  return onSnapshot(
    q,
    (snap) =>
      next(
        snap.docs.flatMap((d) => {
          const parsed = storedApplication.safeParse(d.data());
          return parsed.success && parsed.data.objection?.status === "open" ? [{ ...parsed.data, id: d.id }] : [];
        }),
      ),
    fail,
  );
}
