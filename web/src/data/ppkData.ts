/** The 3 besar of a post as its final ranking names them, for the PPK's choice (rankingData's query). */
import type { Unsubscribe } from "firebase/firestore";
import { finalistsOf, type NamedFinalist } from "@domain/scoring/ppkChoice";
import { watchRanking } from "./rankingData";

/** Empty while the final ranking of the post is not computed, or not lockable yet. */
export function watchFinalists(
  scope: { instansiId: string; selectionId: string; postId: string },
  next: (value: NamedFinalist[]) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return watchRanking(
    { ...scope, stage: "pemeringkatan", lockableOnly: false },
    (view) => next(finalistsOf(view?.doc)),
    fail,
  );
}
