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
import type { Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { rankingRef } from "../process/ranking.js";
import { readInstansi } from "../process/selectionStore.js";
import { issueDocument, issuedOutcome, numberDocument, type IssueResult, type PublicSite } from "./issueStep.js";

const applicationRef = (id: string) => db.collection(COLLECTIONS.applications).doc(id);

export async function publishStageResult(
  caller: Caller,
  input: PublishStageResultInput,
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  const { selectionId, stage } = input;
  return issueDocument(caller, input, now, site, "publishStageResult", async (context) => {
    const { tx, selection, at } = context;
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
    const ketua = selection.pansel.find((m) => m.position === "ketua");
    const numbered = await numberDocument(context, {
      selectionId,
      instansi,
      now,
      site,
      kind: "hasilTahap",
      previousId: previous?.documentId ?? null,
      documentId: (version) => stageResultDocumentId(selectionId, stage, version),
      filePrefix: `hasil-tahap-${stage}`,
      snapshot: ({ number, issuedOn, verifyUrl }) => ({
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
        issuedOn,
        posts: live.map((p) => ({ name: p.name, opd: p.opd, candidates: publication.posts[p.id] ?? [] })),
        signatory: {
          name: ketua?.name ?? "",
          title: message("id", "doc.signatory.ketua", { instansi: instansi.shortName }),
        },
        verifyUrl,
      }),
    });
    const { documentId, number, version } = numbered;
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
    for (const [applicationId, outcome] of Object.entries(publication.outcomes)) {
      tx.update(applicationRef(applicationId), {
        [`stageOutcomes.${stage}`]: { ...outcome, documentId, number, publishedAt: at },
        updatedAt: at,
      });
    }
    return issuedOutcome(caller, numbered, { [`stageResults.${stage}`]: result }, "publishStageResult");
  });
}
