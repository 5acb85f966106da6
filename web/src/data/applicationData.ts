/**
 * A candidate's applications, through the full SDK the signed-in screens already load: the
 * application followed live (the upload check and the submission change it on the server), the
 * candidate's own list, the profile as stored (parsed on the phone for the live eligibility check),
 * and the public projection of the selection applied to.
 */
import { collection, doc, getDoc, onSnapshot, query, where, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { storedApplication, type StoredApplication } from "@domain/applications/application";
import {
  publicSelection,
  publicSelectionDetail,
  type PublicSelection,
  type PublicSelectionDetail,
} from "@domain/publication/projection";
import { liveDb } from "./live";

type Listener<T> = (value: T) => void;
type OnError = (error: unknown) => void;

export type ApplicationWithId = StoredApplication & { readonly id: string };

export function watchApplication(
  applicationId: string,
  next: Listener<ApplicationWithId | undefined>,
  fail: OnError,
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

/** The candidate's own applications (the rules allow exactly this query), newest first. */
export function watchMyApplications(uid: string, next: Listener<ApplicationWithId[]>, fail: OnError): Unsubscribe {
  return onSnapshot(
    query(collection(liveDb(), COLLECTIONS.applications), where("candidateUid", "==", uid)),
    (snap) => {
      const apps = snap.docs.flatMap((d) => {
        const parsed = storedApplication.safeParse(d.data());
        return parsed.success ? [{ ...parsed.data, id: d.id }] : [];
      });
      // Sorted here rather than by the query: a handful of rows, and no composite index to keep.
      next(apps.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    },
    fail,
  );
}

/** profiles/{uid} as stored: the screen parses it with the profile schema it checks eligibility with. */
export function watchRawProfile(uid: string, next: Listener<unknown>, fail: OnError): Unsubscribe {
  return onSnapshot(doc(liveDb(), COLLECTIONS.profiles, uid), (snap) => next(snap.data()), fail);
}

export interface SelectionForApplication {
  readonly summary: PublicSelection;
  readonly detail: PublicSelectionDetail;
}

export async function getSelectionForApplication(selectionId: string): Promise<SelectionForApplication | undefined> {
  const ref = doc(liveDb(), COLLECTIONS.publicSelections, selectionId);
  const [summary, detail] = await Promise.all([getDoc(ref), getDoc(doc(ref, COLLECTIONS.publicDetail, "main"))]);
  const s = publicSelection.safeParse(summary.data());
  const d = publicSelectionDetail.safeParse(detail.data());
  return s.success && d.success ? { summary: s.data, detail: d.data } : undefined;
}
