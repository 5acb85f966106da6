/**
 * Issuing the rekapitulasi nilai of a post after a stage, from its stored ranking: the same three
 * steps as the pengumuman (./issueAnnouncement.ts): number, record and snapshot in one selection
 * step; the PDF rendered from the snapshot and stored; the record settled. The snapshot holds the
 * ranking's canonical JSON and SHA-256 as computeRanking wrote them, so the PDF prints exactly what
 * the committee saw, and a later re-computation changes nothing already issued.
 */
import { COLLECTIONS } from "../domain/collections.js";
import { toIsoDate } from "../domain/calendar.js";
import { issueAllocation } from "../domain/callables.js";
import { rekapSnapshot } from "../domain/documents/rekap.js";
import { rekapDocumentId, verifyUrlFor, documentFileName, issuingRecord } from "../domain/documents/record.js";
import { SNAPSHOT_DOC } from "../domain/documents/snapshot.js";
import { publicUrlIssue } from "../domain/deployment.js";
import { rankingId, storedRanking, type RankingRequest } from "../domain/scoring/postRanking.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { operatorActor } from "../process/audit.js";
import { checkPost, rankingRef } from "../process/ranking.js";
import { readInstansi } from "../process/selectionStore.js";
import { runSelectionStep } from "../process/step.js";
import { allocateNumber, finishDocument, type IssueResult, type PublicSite } from "./issueAnnouncement.js";
import { ketuaSignatory } from "../domain/documents/letter.js";

const documentRef = (documentId: string) => db.collection(COLLECTIONS.documents).doc(documentId);

export async function issueRekap(
  caller: Caller,
  input: RankingRequest,
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  requireOperator(caller);
  const urlIssue = publicUrlIssue(site.baseUrl, site.onEmulators);
  if (urlIssue) throw issueError("failed-precondition", [urlIssue]);
  const request = { caller, ...input, action: "issueRekap", answer: issueAllocation, now };
  const allocated = await runSelectionStep(request, async ({ tx, selection, at }) => {
    checkPost(selection, input.postId);
    const id = rankingId(input.selectionId, input.postId, input.stage);
    const rankingSnap = await tx.get(rankingRef(id));
    if (!rankingSnap.exists) throw issueError("failed-precondition", [{ code: "err.ranking.notComputed" }]);
    const ranking = parseStored(storedRanking, rankingSnap.data(), rankingSnap.ref.path);
    if (ranking.instansiId !== selection.instansiId) {
      throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
    }
    const instansi = await readInstansi(tx, selection.instansiId);
    const { today, number, version, previous, takeNumber } = await allocateNumber(tx, {
      instansiId: selection.instansiId,
      instansi,
      now,
      kind: "rekapNilai",
      previousId: selection.rekapDocuments[id] ?? null,
    });
    const documentId = rekapDocumentId(id, version);
    const post = selection.posts.find((p) => p.id === input.postId)!;
    const record = issuingRecord({
      instansiId: selection.instansiId,
      instansiName: instansi.name,
      selectionId: input.selectionId,
      selectionTitle: selection.title,
      kind: "rekapNilai",
      number,
      version,
      issuedOn: toIsoDate(today),
      documentId,
      fileName: documentFileName("rekap-nilai", number),
      supersedes: previous?.exists ? previous.id : null,
      at,
    });
    const snapshot = rekapSnapshot.parse({
      kind: "rekapNilai",
      instansi,
      title: selection.title,
      legalBasis: selection.legalBasis,
      selectionId: input.selectionId,
      post: { id: post.id, name: post.name, opd: post.opd },
      number,
      issuedOn: record.issuedOn,
      rankingJson: ranking.json,
      rankingSha256: ranking.sha256,
      signatory: ketuaSignatory(selection.pansel, instansi),
      verifyUrl: verifyUrlFor(site.baseUrl, documentId),
    });
    takeNumber(at);
    tx.create(documentRef(documentId), record);
    tx.create(documentRef(documentId).collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC), snapshot);
    return {
      result: { documentId, number, version },
      write: { update: { [`rekapDocuments.${id}`]: documentId } },
      audit: { actor: operatorActor(caller), action: "issue", to: null, reason: number, reference: documentId },
    };
  });
  const sha256 = await finishDocument(allocated.documentId);
  return { ...allocated, sha256 };
}
