/**
 * A post's stored ranking after a stage (rankings/{id}, written by computeRanking) and the
 * committee's decisions on its spread flags (calibrations/{id}, written by resolveSpreadFlag), for
 * the ranking screen.
 */
import {
  collection,
  limit,
  onSnapshot,
  query,
  where,
  type QueryConstraint,
  type Unsubscribe,
} from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { storedRanking, type PostRankingResult, type StoredRanking } from "@domain/scoring/postRanking";
import { storedCalibration, type StoredCalibration } from "@domain/scoring/calibration";
import type { ScheduledStage } from "@domain/selection/setup";
import { liveDb } from "./live";

export interface RankingView {
  readonly doc: StoredRanking;
  readonly result: PostRankingResult;
}

interface PostStage {
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  readonly stage: ScheduledStage;
}

/**
 * As a query, not a read of {collection}/{id}: the rules cannot allow reading a document that does
 * not exist yet (they scope by its instansiId), but a query scoped to the caller's tenant may find
 * nothing. The first document found, as `parse` reads it (undefined: none, or damaged).
 */
function watchPostStage<T>(
  name: string,
  scope: PostStage,
  extra: readonly QueryConstraint[],
  parse: (data: unknown) => T | undefined,
  next: (value: T | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  const q = query(
    collection(liveDb(), name),
    where("instansiId", "==", scope.instansiId),
    where("selectionId", "==", scope.selectionId),
    where("postId", "==", scope.postId),
    where("stage", "==", scope.stage),
    ...extra,
    limit(1),
  );
  return onSnapshot(q, (snap) => next(parse(snap.docs[0]?.data())), fail);
}

/** A pansel member may read lockable rankings only, so asks for those. */
export function watchRanking(
  scope: PostStage & { lockableOnly: boolean },
  next: (value: RankingView | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  const lockable = scope.lockableOnly ? [where("lockable", "==", true)] : [];
  return watchPostStage(
    COLLECTIONS.rankings,
    scope,
    lockable,
    (data) => {
      const parsed = storedRanking.safeParse(data);
      // The JSON is the functions' own canonical output; a damaged document shows as none.
      return parsed.success
        ? { doc: parsed.data, result: JSON.parse(parsed.data.json) as PostRankingResult }
        : undefined;
    },
    next,
    fail,
  );
}

/** Before the first decision the document does not exist: the same query as the ranking's. */
export function watchCalibration(
  scope: PostStage,
  next: (value: StoredCalibration | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return watchPostStage(
    COLLECTIONS.calibrations,
    scope,
    [],
    (data) => {
      const parsed = storedCalibration.safeParse(data);
      return parsed.success ? parsed.data : undefined;
    },
    next,
    fail,
  );
}
