/**
 * Retried calls change nothing: each user action carries a request id, and the first answer is
 * stored beside the selection in the same transaction as the change it made.
 */
import type { Transaction } from "firebase-admin/firestore";
import { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import { issueError } from "../shell/errors.js";
import { selectionRef } from "./selectionStore.js";

export interface RequestKey {
  readonly selectionId: string;
  readonly requestId: string;
  readonly uid: string;
  readonly action: string;
}

const requestRef = (key: RequestKey) =>
  selectionRef(key.selectionId).collection(COLLECTIONS.requests).doc(key.requestId);

/** selections/{id}/requests/{requestId}: who asked for what, and the answer they got. */
const requestDoc = z.object({ uid: z.string(), action: z.string(), result: z.unknown(), at: z.string() });

/** The stored answer of an earlier identical call, if there was one, parsed with the answer's schema. */
export async function earlierAnswer<S extends z.ZodMiniType>(
  tx: Transaction,
  key: RequestKey,
  answer: S,
): Promise<z.output<S> | undefined> {
  const snap = await tx.get(requestRef(key));
  if (!snap.exists) return undefined;
  const stored = requestDoc.parse(snap.data());
  if (stored.uid !== key.uid || stored.action !== key.action) {
    throw issueError("failed-precondition", [{ code: "err.request.reused" }]);
  }
  return answer.parse(stored.result);
}

export function rememberAnswer<T>(tx: Transaction, key: RequestKey, result: T, at: string): void {
  tx.create(requestRef(key), { uid: key.uid, action: key.action, result, at });
}
