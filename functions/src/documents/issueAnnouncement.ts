/**
 * Issuing the pengumuman of a selection (./issueStep.ts numbers it, ./pipeline.ts renders, stores
 * and settles it): only once the selection's opening is approved, never for a cancelled one.
 */
import { openToSentence } from "../domain/eligibility/openToText.js";
import { documentIdFor } from "../domain/documents/record.js";
import { ketuaSignatory } from "../domain/documents/letter.js";
import { message } from "../domain/i18n/render.js";
import { readInstansi } from "../process/selectionStore.js";
import type { Caller } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";
import { issueDocument, issuedOutcome, numberDocument, type IssueResult, type PublicSite } from "./issueStep.js";

export async function issueAnnouncement(
  caller: Caller,
  input: { selectionId: string; requestId: string },
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  return issueDocument(caller, input, now, site, "issue", async (context) => {
    const { tx, selection } = context;
    if (selection.stage === "dibatalkan") throw issueError("failed-precondition", [{ code: "err.document.cancelled" }]);
    // Numbered, signed and public: only for a selection whose opening has been approved.
    if (!selection.public) throw issueError("failed-precondition", [{ code: "err.document.notAnnounced" }]);
    const instansi = await readInstansi(tx, selection.instansiId);
    const numbered = await numberDocument(context, {
      selectionId: input.selectionId,
      instansi,
      now,
      site,
      kind: "pengumuman",
      previousId: selection.announcementDocumentId,
      documentId: (version) => documentIdFor(input.selectionId, "pengumuman", version),
      filePrefix: "pengumuman",
      // The announcement model's input; the sentence is fixed in the snapshot: generated from the
      // rule when the operator left it empty.
      snapshot: ({ number, issuedOn, verifyUrl }) => ({
        instansi,
        setup: {
          ...selection,
          openTo: openToSentence((key, params) => message("id", key, params), selection.openTo, selection.openToRule),
        },
        selectionId: input.selectionId,
        number,
        issuedOn,
        signatory: ketuaSignatory(selection.pansel, instansi),
        verifyUrl,
      }),
    });
    return issuedOutcome(caller, numbered, { announcementDocumentId: numbered.documentId });
  });
}
