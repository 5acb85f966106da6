/**
 * Issuing the rekapitulasi nilai of a post after a stage, from its stored ranking: the same three
 * steps as every numbered document (./issueStep.ts): number, record and snapshot in one selection
 * step; the PDF rendered from the snapshot and stored; the record settled. The snapshot holds the
 * ranking's canonical JSON and SHA-256 as computeRanking wrote them, so the PDF prints exactly what
 * the committee saw, and a later re-computation changes nothing already issued.
 */
import { ketuaSignatory } from "../domain/documents/letter.js";
import { rekapDocumentId } from "../domain/documents/record.js";
import { rankingId, storedRanking, type RankingRequest } from "../domain/scoring/postRanking.js";
import { checkPost, rankingRef } from "../process/ranking.js";
import { readInstansi } from "../process/selectionStore.js";
import type { Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { issueDocument, issuedOutcome, numberDocument, type IssueResult, type PublicSite } from "./issueStep.js";

export async function issueRekap(
  caller: Caller,
  input: RankingRequest,
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  return issueDocument(caller, input, now, site, "issueRekap", async (context) => {
    const { tx, selection } = context;
    checkPost(selection, input.postId);
    const id = rankingId(input.selectionId, input.postId, input.stage);
    const rankingSnap = await tx.get(rankingRef(id));
    if (!rankingSnap.exists) throw issueError("failed-precondition", [{ code: "err.ranking.notComputed" }]);
    const ranking = parseStored(storedRanking, rankingSnap.data(), rankingSnap.ref.path);
    if (ranking.instansiId !== selection.instansiId) {
      throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
    }
    const instansi = await readInstansi(tx, selection.instansiId);
    const post = selection.posts.find((p) => p.id === input.postId)!;
    const numbered = await numberDocument(context, {
      selectionId: input.selectionId,
      instansi,
      now,
      site,
      kind: "rekapNilai",
      previousId: selection.rekapDocuments[id] ?? null,
      documentId: (version) => rekapDocumentId(id, version),
      filePrefix: "rekap-nilai",
      snapshot: ({ number, issuedOn, verifyUrl }) => ({
        kind: "rekapNilai",
        instansi,
        title: selection.title,
        legalBasis: selection.legalBasis,
        selectionId: input.selectionId,
        post: { id: post.id, name: post.name, opd: post.opd },
        number,
        issuedOn,
        rankingJson: ranking.json,
        rankingSha256: ranking.sha256,
        signatory: ketuaSignatory(selection.pansel, instansi),
        verifyUrl,
      }),
    });
    return issuedOutcome(caller, numbered, { [`rekapDocuments.${id}`]: numbered.documentId });
  });
}
