/**
 * Keeps `publicSelections/{id}` (and its detail) in step with `selections/{id}`. The trigger reads
 * the selection again instead of trusting the event's snapshot: events may arrive late or twice,
 * and the projection must end up matching the latest state whatever their order.
 */
import { COLLECTIONS } from "../domain/collections.js";
import { documentRecord } from "../domain/documents/record.js";
import { openToSentence } from "../domain/eligibility/openToText.js";
import { message } from "../domain/i18n/render.js";
import { publicProjectionOf, type PublicProjection } from "../domain/publication/projection.js";
import { instansiDoc } from "../domain/schemas/documents.js";
import { storedSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";

export const DETAIL_ID = "main";

export async function projectSelection(selectionId: string): Promise<PublicProjection | null> {
  const snap = await db.collection(COLLECTIONS.selections).doc(selectionId).get();
  // A document that does not parse is not published: fail closed.
  const parsed = snap.exists ? storedSelection.safeParse(snap.data()) : undefined;
  const selection = parsed?.success ? parsed.data : undefined;
  let projection: PublicProjection | null = null;
  if (selection?.public) {
    const [instansi, record] = await Promise.all([
      db.collection(COLLECTIONS.instansi).doc(selection.instansiId).get(),
      selection.announcementDocumentId
        ? db.collection(COLLECTIONS.documents).doc(selection.announcementDocumentId).get()
        : undefined,
    ]);
    const province = instansiDoc.safeParse(instansi.data());
    const announcement = record ? documentRecord.safeParse(record.data()) : undefined;
    projection = publicProjectionOf(selection, {
      province: province.success ? province.data.province : null,
      timeZone: province.success ? province.data.timeZone : "Asia/Jakarta",
      announcement:
        announcement?.success && record ? { documentId: record.id, number: announcement.data.number } : null,
      openToText: openToSentence((key, params) => message("id", key, params), selection.openTo, selection.openToRule),
    });
  }
  await writeProjection(selectionId, projection);
  return projection;
}

/** Also used by the seed, which writes the demo before any trigger could run. */
export async function writeProjection(selectionId: string, projection: PublicProjection | null): Promise<void> {
  const ref = db.collection(COLLECTIONS.publicSelections).doc(selectionId);
  const detail = ref.collection(COLLECTIONS.publicDetail).doc(DETAIL_ID);
  const batch = db.batch();
  if (projection) {
    batch.set(ref, projection.summary);
    batch.set(detail, projection.detail);
  } else {
    batch.delete(ref);
    batch.delete(detail);
  }
  await batch.commit();
}
