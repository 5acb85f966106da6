/**
 * Uploads that will never finish, and completions whose check never ran: the logic of the scheduled
 * sweep (index.ts, sweepUploads), callable directly by tests and tools.
 *
 * - A manifest still `uploading` whose phone gave up (untouched for ABANDONED_AFTER_MS), or whose
 *   application can no longer take it (no longer a draft, or gone), is deleted with its chunks: the
 *   rules refuse every further write to it, so it only holds space.
 * - A manifest left `complete` (the trigger failed or timed out) past UNCHECKED_AFTER_MS is checked now.
 * Each query is bounded (status equality, single-field index, `limit`); a backlog drains over runs.
 */
import type { Firestore } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { db as adminDb } from "../shell/admin.js";
import { verifyUpload } from "./uploads.js";

export const ABANDONED_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/** Longer than a trigger's retries take: a check still in flight is not run twice for nothing. */
export const UNCHECKED_AFTER_MS = 15 * 60 * 1000;
export const SWEEP_BATCH = 100;

export interface UploadSweepResult {
  readonly deleted: readonly string[];
  readonly checked: readonly string[];
  readonly failed: readonly string[];
}

export async function sweepUploads(now: Date, db: Firestore = adminDb): Promise<UploadSweepResult> {
  const uploads = db.collection(COLLECTIONS.uploads);
  const deleted: string[] = [];
  const checked: string[] = [];
  const failed: string[] = [];

  const uploading = await uploads.where("status", "==", "uploading").limit(SWEEP_BATCH).get();
  for (const snap of uploading.docs) {
    const touched = snap.updateTime.toMillis();
    let abandoned = now.getTime() - touched > ABANDONED_AFTER_MS;
    if (!abandoned && snap.get("purpose") === undefined) {
      // A checklist document goes only into a draft: once it is locked (or gone), nothing can finish it.
      const applicationId: unknown = snap.get("applicationId");
      const app =
        typeof applicationId === "string" && applicationId !== ""
          ? await db.collection(COLLECTIONS.applications).doc(applicationId).get()
          : undefined;
      abandoned = !app?.exists || app.get("status") !== "draft";
    }
    if (!abandoned) continue;
    try {
      await db.recursiveDelete(snap.ref);
      deleted.push(snap.id);
    } catch (error) {
      console.error(`sweepUploads: uploads/${snap.id} could not be deleted`, error);
      failed.push(snap.id);
    }
  }

  const complete = await uploads.where("status", "==", "complete").limit(SWEEP_BATCH).get();
  for (const snap of complete.docs) {
    if (now.getTime() - snap.updateTime.toMillis() <= UNCHECKED_AFTER_MS) continue;
    try {
      const outcome = await verifyUpload(snap.id, db, () => now);
      if (outcome.changed) checked.push(snap.id);
    } catch (error) {
      // One broken manifest must not keep the others unchecked; the next run tries it again.
      console.error(`sweepUploads: uploads/${snap.id} could not be checked`, error);
      failed.push(snap.id);
    }
  }
  return { deleted, checked, failed };
}
