/**
 * publishStageResult: an operator announces a stage's result (issue 9). One selection step, like
 * issueRekap: every live post's ranking after the stage must be there, computed with the plan's
 * current components and lockable; then, together or not at all, the pengumuman hasil seleksi tahap
 * takes its number, record and snapshot, the selection records what the public page shows
 * (`stageResults[stage]`), and each ranked or eliminated candidate's application gets their own
 * outcome (`stageOutcomes[stage]`). The PDF is rendered right after (finishDocument).
 *
 * A second call for the same stage issues version 2 (superseding the first) only when a ranking
 * changed since: the same rankings would make the same announcement under a new number.
 */
import { COLLECTIONS } from "../domain/collections.js";
import { toIsoDate } from "../domain/calendar.js";
import { issueAllocation } from "../domain/callables.js";
import { stageResultSnapshot } from "../domain/documents/stageResult.js";
import { documentFileName, issuingRecord, verifyUrlFor } from "../domain/documents/record.js";
import { SNAPSHOT_DOC } from "../domain/documents/snapshot.js";
import { publicUrlIssue } from "../domain/deployment.js";
import { message } from "../domain/i18n/render.js";
import { componentsUpTo, rankingId, storedRanking, type PostRankingResult } from "../domain/scoring/postRanking.js";
import {
  sameRankings,
  stagePublication,
  stageResultDocumentId,
  type PublishStageResultInput,
} from "../domain/scoring/stageResult.js";
import type { StoredStageResult } from "../domain/scoring/stageResultSchema.js";
import { STAGES } from "../domain/stages.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { operatorActor } from "../process/audit.js";
import { rankingRef } from "../process/ranking.js";
import { readInstansi } from "../process/selectionStore.js";
import { runSelectionStep } from "../process/step.js";
import { allocateNumber, finishDocument, type IssueResult, type PublicSite } from "./issueAnnouncement.js";

const documentRef = (documentId: string) => db.collection(COLLECTIONS.documents).doc(documentId);
const applicationRef = (id: string) => db.collection(COLLECTIONS.applications).doc(id);

export async function publishStageResult(
  caller: Caller,
  input: PublishStageResultInput,
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  requireOperator(caller);
  const urlIssue = publicUrlIssue(site.baseUrl, site.onEmulators);
  if (urlIssue) throw issueError("failed-precondition", [urlIssue]);
  const { selectionId, stage } = input;
  const request = { caller, ...input, action: "publishStageResult", answer: issueAllocation, now };
  const allocated = await runSelectionStep(request, async ({ tx, selection, at }) => {
    // A stage's result is announced once the selection has reached it, never ahead of it.
    if (selection.stage === "dibatalkan" || STAGES.indexOf(selection.stage) < STAGES.indexOf(stage)) {
      throw issueError("failed-precondition", [{ code: "err.stageResult.tooEarly", field: "stage" }]);
    }
    const upTo = componentsUpTo(selection.scoringPlan, stage);
    if (!("ok" in upTo)) throw issueError("failed-precondition", [upTo]);
    const live = selection.posts.filter((p) => selection.postDecisions[p.id] !== "cancelPost");
    const snaps =
      live.length > 0 ? await tx.getAll(...live.map((p) => rankingRef(rankingId(selectionId, p.id, stage)))) : [];
    const rankings = live.map((post, i) => {
      const snap = snaps[i]!;
      if (!snap.exists) {
        throw issueError("failed-precondition", [{ code: "err.stageResult.notComputed", params: { post: post.name } }]);
      }
      const stored = parseStored(storedRanking, snap.data(), snap.ref.path);
      if (stored.instansiId !== selection.instansiId) {
        throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
      }
      // Computed before the plan's components changed: the committee must see the ranking announced.
      if (stored.components.join(" ") !== upTo.ids.join(" ")) {
        throw issueError("failed-precondition", [{ code: "err.stageResult.stale", params: { post: post.name } }]);
      }
      if (!stored.lockable) {
        throw issueError("failed-precondition", [{ code: "err.stageResult.notLockable", params: { post: post.name } }]);
      }
      return { post, stored, ranking: JSON.parse(stored.json) as PostRankingResult };
    });
    const shas = Object.fromEntries(rankings.map((r) => [r.post.id, r.stored.sha256]));
    const previous = selection.stageResults[stage];
    if (previous && sameRankings(previous.rankings, shas)) {
      throw issueError("failed-precondition", [
        { code: "err.stageResult.unchanged", params: { number: previous.number } },
      ]);
    }
    const publication = stagePublication({
      plan: selection.scoringPlan,
      stage,
      posts: rankings.map((r) => ({ id: r.post.id, ranking: r.ranking })),
    });
    if ("code" in publication) throw issueError("failed-precondition", [publication]);

    const instansi = await readInstansi(tx, selection.instansiId);
    const allocation = await allocateNumber(tx, {
      instansiId: selection.instansiId,
      instansi,
      now,
      kind: "hasilTahap",
      previousId: previous?.documentId ?? null,
    });
    const { today, number, version, takeNumber } = allocation;
    const documentId = stageResultDocumentId(selectionId, stage, version);
    const record = issuingRecord({
      instansiId: selection.instansiId,
      instansiName: instansi.name,
      selectionId,
      selectionTitle: selection.title,
      kind: "hasilTahap",
      number,
      version,
      issuedOn: toIsoDate(today),
      documentId,
      fileName: documentFileName(`hasil-tahap-${stage}`, number),
      supersedes: allocation.previous?.exists ? allocation.previous.id : null,
      at,
    });
    const ketua = selection.pansel.find((m) => m.position === "ketua");
    const snapshot = stageResultSnapshot.parse({
      kind: "hasilTahap",
      instansi,
      title: selection.title,
      legalBasis: selection.legalBasis,
      selectionId,
      stage,
      final: publication.final,
      publishScores: publication.publishScores,
      components: publication.components,
      number,
      issuedOn: record.issuedOn,
      posts: live.map((p) => ({ name: p.name, opd: p.opd, candidates: publication.posts[p.id] ?? [] })),
      signatory: {
        name: ketua?.name ?? "",
        title: message("id", "doc.signatory.ketua", { instansi: instansi.shortName }),
      },
      verifyUrl: verifyUrlFor(site.baseUrl, documentId),
    });
    const result: StoredStageResult = {
      publishedAt: at,
      documentId,
      number,
      version,
      final: publication.final,
      publishScores: publication.publishScores,
      components: [...publication.components],
      rankings: shas,
      posts: Object.fromEntries(Object.entries(publication.posts).map(([id, rows]) => [id, [...rows]])),
    };
    takeNumber(at);
    tx.create(documentRef(documentId), record);
    tx.create(documentRef(documentId).collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC), snapshot);
    for (const [applicationId, outcome] of Object.entries(publication.outcomes)) {
      tx.update(applicationRef(applicationId), {
        [`stageOutcomes.${stage}`]: { ...outcome, documentId, number, publishedAt: at },
        updatedAt: at,
      });
    }
    return {
      result: { documentId, number, version },
      write: { update: { [`stageResults.${stage}`]: result } },
      audit: {
        actor: operatorActor(caller),
        action: "publishStageResult",
        to: null,
        reason: number,
        reference: documentId,
      },
    };
  });
  const sha256 = await finishDocument(allocated.documentId);
  return { ...allocated, sha256 };
}
