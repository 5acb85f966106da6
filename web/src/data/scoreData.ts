/**
 * The pansel's scoring through the full SDK and its persistent offline cache: the member's
 * conflicts declarations (which candidates they may score), their drafts (`scoreDrafts`, written by
 * the tablet itself, so typing works with no Wi-Fi and survives a closed app) and their submitted
 * scores. Whether a draft is only on this device or on the server is the snapshot's
 * `hasPendingWrites`: the "saved on this device / synced" the member sees.
 */
import { collection, doc, onSnapshot, query, setDoc, where, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { storedApplication, type StoredApplication } from "@domain/applications/application";
import { conflictsId, storedConflicts, type StoredConflicts } from "@domain/scoring/conflicts";
import { storedScore, storedScoreDraft, type StoredScore, type StoredScoreDraft } from "@domain/scoring/score";
import { liveDb } from "./live";

type Listener<T> = (value: T) => void;
type OnError = (error: unknown) => void;

export interface DraftState {
  readonly draft: StoredScoreDraft | undefined;
  /** Typed on this device and not yet acknowledged by the server. */
  readonly pending: boolean;
}

/** The member's own draft of one score, live, with whether it waits on this device to be synced. */
export function watchDraft(id: string, next: Listener<DraftState>, fail: OnError): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.scoreDrafts, id),
    { includeMetadataChanges: true },
    (snap) => {
      const parsed = storedScoreDraft.safeParse(snap.data());
      next({ draft: parsed.success ? parsed.data : undefined, pending: snap.metadata.hasPendingWrites });
    },
    fail,
  );
}

/**
 * Saves what the member typed. The write lands in the offline cache at once (the snapshot shows it
 * pending); the promise settles when the server has it, or refuses it (rules: locked, recused).
 */
export function saveDraft(id: string, draft: StoredScoreDraft): Promise<void> {
  return setDoc(doc(liveDb(), COLLECTIONS.scoreDrafts, id), draft);
}

/** The member's own score of one candidate-component; undefined until first submitted. */
export function watchScore(id: string, next: Listener<StoredScore | undefined>, fail: OnError): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.scores, id),
    (snap) => {
      const parsed = storedScore.safeParse(snap.data());
      next(parsed.success ? parsed.data : undefined);
    },
    fail,
  );
}

export type DraftRow = StoredScoreDraft & { id: string; pending: boolean };

/** Every draft of the member in a selection, each with whether it still waits on this device. */
export function watchMyDrafts(
  selectionId: string,
  uid: string,
  next: Listener<DraftRow[]>,
  fail: OnError,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.scoreDrafts),
    where("memberUid", "==", uid),
    where("selectionId", "==", selectionId),
  );
  return onSnapshot(
    q,
    { includeMetadataChanges: true },
    (snap) =>
      next(
        snap.docs.flatMap((d) => {
          const parsed = storedScoreDraft.safeParse(d.data());
          return parsed.success ? [{ ...parsed.data, id: d.id, pending: d.metadata.hasPendingWrites }] : [];
        }),
      ),
    fail,
  );
}

export type ScoreRow = StoredScore & { id: string };

export function watchMyScores(
  selectionId: string,
  uid: string,
  next: Listener<ScoreRow[]>,
  fail: OnError,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.scores),
    where("memberUid", "==", uid),
    where("selectionId", "==", selectionId),
  );
  return onSnapshot(
    q,
    (snap) =>
      next(
        snap.docs.flatMap((d) => {
          const parsed = storedScore.safeParse(d.data());
          return parsed.success ? [{ ...parsed.data, id: d.id }] : [];
        }),
      ),
    fail,
  );
}

/** The member's declaration for one post; undefined before they declared. */
export function watchMyConflicts(
  selectionId: string,
  postId: string,
  uid: string,
  next: Listener<StoredConflicts | undefined>,
  fail: OnError,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.conflicts, conflictsId(selectionId, postId, uid)),
    (snap) => {
      const parsed = storedConflicts.safeParse(snap.data());
      next(parsed.success ? parsed.data : undefined);
    },
    fail,
  );
}

export type CandidateRow = StoredApplication & { id: string };

/** One application the member may see (MS, their post, declared none); undefined when refused or gone. */
export function watchCandidate(id: string, next: Listener<CandidateRow | undefined>, fail: OnError): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.applications, id),
    (snap) => {
      const parsed = storedApplication.safeParse(snap.data());
      next(parsed.success ? { ...parsed.data, id } : undefined);
    },
    fail,
  );
}
