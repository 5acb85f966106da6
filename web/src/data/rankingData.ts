/** A post's stored ranking (rankings/{id}, written by computeRanking) for the officials' ranking screen. */
import { collection, limit, onSnapshot, query, where, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { storedRanking, type PostRankingResult, type StoredRanking } from "@domain/scoring/postRanking";
import type { ScheduledStage } from "@domain/selection/setup";
import { storedCalibration, type StoredCalibration } from "@domain/scoring/calibration";
import { liveDb } from "./live";

export interface RankingView {
  readonly doc: StoredRanking;
  readonly result: PostRankingResult;
}

/**
 * As a query, not a read of rankings/{id}: the rules cannot allow reading a document that does not
 * exist yet (they scope by its instansiId), but a query scoped to the caller's tenant may find
 * nothing. A pansel member may read lockable rankings only, so asks for those.
 */
export function watchRanking(
  scope: { instansiId: string; selectionId: string; postId: string; stage: ScheduledStage; lockableOnly: boolean },
  next: (value: RankingView | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.rankings),
    where("instansiId", "==", scope.instansiId),
    where("selectionId", "==", scope.selectionId),
    where("postId", "==", scope.postId),
    where("stage", "==", scope.stage),
    ...(scope.lockableOnly ? [where("lockable", "==", true)] : []),
    limit(1),
  );
  return onSnapshot(
    q,
    (snap) => {
      const parsed = storedRanking.safeParse(snap.docs[0]?.data());
      // The JSON is the functions' own canonical output; a damaged document shows as none.
      next(
        parsed.success ? { doc: parsed.data, result: JSON.parse(parsed.data.json) as PostRankingResult } : undefined,
      );
    },
    fail,
  );
}

/**
 * The committee's decisions on the flags of the same ranking (calibrations/{rankingId}, written by
 * resolveSpreadFlag); a query for the same reason as the ranking's: before the first decision the
 * document does not exist.
 */
export function watchCalibration(
  scope: { instansiId: string; selectionId: string; postId: string; stage: ScheduledStage },
  next: (value: StoredCalibration | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.calibrations),
    where("instansiId", "==", scope.instansiId),
    where("selectionId", "==", scope.selectionId),
    where("postId", "==", scope.postId),
    where("stage", "==", scope.stage),
    limit(1),
  );
  return onSnapshot(
    q,
    (snap) => {
      const parsed = storedCalibration.safeParse(snap.docs[0]?.data());
      next(parsed.success ? parsed.data : undefined);
    },
    fail,
  );
}
