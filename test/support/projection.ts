/**
 * Waits for the projectPublicSelection trigger: it runs a moment after the selection is written.
 * A plain loop rather than expect.poll, so beforeAll hooks can wait too.
 */
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { PublicSelection } from "../../functions/src/domain/publication/projection.js";
import { db } from "./admin.js";

export async function projected(
  selectionId: string,
  done: (projection: PublicSelection | undefined) => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snap = await db.collection(COLLECTIONS.publicSelections).doc(selectionId).get();
    if (done(snap.data() as PublicSelection | undefined)) return;
    if (Date.now() > deadline)
      throw new Error(`publicSelections/${selectionId}: not as expected after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
