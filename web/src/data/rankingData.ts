/** A post's stored ranking (rankings/{id}, written by computeRanking) for the officials' ranking screen. */
import { doc, onSnapshot, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { storedRanking, type PostRankingResult, type StoredRanking } from "@domain/scoring/postRanking";
import { liveDb } from "./live";

export interface RankingView {
  readonly doc: StoredRanking;
  readonly result: PostRankingResult;
}

export function watchRanking(
  rankingId: string,
  next: (value: RankingView | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.rankings, rankingId),
    (snap) => {
      const parsed = storedRanking.safeParse(snap.data());
      // The JSON is the functions' own canonical output; a damaged document shows as none.
      next(
        parsed.success ? { doc: parsed.data, result: JSON.parse(parsed.data.json) as PostRankingResult } : undefined,
      );
    },
    fail,
  );
}
