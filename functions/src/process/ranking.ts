/**
 * computeRanking: the operator (or the ketua pansel) ranks one post after a stage. One selection
 * step (audit entry, answer kept for retries) that reads only that post's documents, by
 * selectionId + postId, hands them to the domain (../domain/scoring/postRanking.ts) and writes
 * `rankings/{selectionId}_{postId}_{stage}` with the canonical JSON and its SHA-256. A post with
 * blockers is ranked all the same, marked not lockable; a cancelled post is refused.
 */
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod/mini";
import { computeRankingOutput } from "../domain/callables.js";
import { COLLECTIONS } from "../domain/collections.js";
import { storedApplication } from "../domain/applications/application.js";
import { storedImportedScore } from "../domain/scoring/assessmentImport.js";
import { storedConflicts } from "../domain/scoring/conflicts.js";
import { storedScore } from "../domain/scoring/score.js";
import {
  canonicalJson,
  computePostRanking,
  rankingId,
  type RankingRequest,
  type RankingSources,
  type StoredRanking,
} from "../domain/scoring/postRanking.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { sha256Hex } from "../files/hash.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { runSelectionStep } from "./step.js";

export type ComputeRankingResult = z.output<typeof computeRankingOutput>;

export const rankingRef = (id: string) => db.collection(COLLECTIONS.rankings).doc(id);

/** An operator of the tenant, or the selection's ketua pansel; null when neither. */
export function rankingActor(caller: Caller, selection: StoredSelection): StoredRanking["computedBy"] | null {
  if (caller.claims?.roles.includes("operator")) return { uid: caller.uid, name: caller.name, role: "operator" };
  const ketua = selection.pansel.some((m) => m.position === "ketua" && m.uid === caller.uid);
  if (ketua && caller.claims?.roles.includes("pansel"))
    return { uid: caller.uid, name: caller.name, role: "ketuaPansel" };
  return null;
}

/** The post exists and was not cancelled for too few applicants. */
export function checkPost(selection: StoredSelection, postId: string): void {
  if (!selection.posts.some((p) => p.id === postId)) {
    throw issueError("not-found", [{ code: "err.ranking.noPost", field: "postId" }]);
  }
  if (selection.postDecisions[postId] === "cancelPost") {
    throw issueError("failed-precondition", [{ code: "err.ranking.postCancelled", field: "postId" }]);
  }
}

export async function computeRanking(caller: Caller, input: RankingRequest, now: Date): Promise<ComputeRankingResult> {
  const request = { caller, ...input, action: "computeRanking", answer: computeRankingOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    const actor = rankingActor(caller, selection);
    if (!actor) throw issueError("permission-denied", [{ code: "err.ranking.notAllowed" }]);
    checkPost(selection, input.postId);
    const sources = await readSources(tx, selection, input);
    const result = computePostRanking(sources);
    if ("code" in result) throw issueError("failed-precondition", [result]);
    const json = canonicalJson(result);
    const sha256 = sha256Hex(Buffer.from(json, "utf8"));
    const id = rankingId(input.selectionId, input.postId, input.stage);
    const doc: StoredRanking = {
      instansiId: selection.instansiId,
      selectionId: input.selectionId,
      postId: input.postId,
      stage: input.stage,
      json,
      sha256,
      components: result.components.map((c) => c.id),
      finalists: [...result.finalists],
      blockers: result.blockers.length,
      lockable: result.lockable,
      computedAt: at,
      computedBy: actor,
    };
    tx.set(rankingRef(id), doc);
    const post = selection.posts.find((p) => p.id === input.postId)!.name;
    return {
      result: { rankingId: id, sha256, lockable: result.lockable, blockers: result.blockers.length },
      write: { update: {} },
      audit: {
        actor,
        action: "computeRanking",
        to: null,
        reason: `${post} (${input.stage}): ${sha256.slice(0, 12)}`,
        reference: id,
      },
    };
  });
}

/** The post's documents only: every query is bounded by selectionId and postId (firestore.indexes.json). */
async function readSources(
  tx: Transaction,
  selection: StoredSelection,
  input: RankingRequest,
): Promise<RankingSources> {
  const { selectionId, postId } = input;
  const byPost = (collection: string) =>
    db.collection(collection).where("selectionId", "==", selectionId).where("postId", "==", postId);
  const [applications, scores, imported, conflicts] = await Promise.all([
    tx.get(byPost(COLLECTIONS.applications).where("status", "==", "ms")),
    tx.get(byPost(COLLECTIONS.scores).where("status", "==", "submitted")),
    tx.get(byPost(COLLECTIONS.importedScores)),
    tx.get(byPost(COLLECTIONS.conflicts)),
  ]);
  const assigned = selection.panselAssignments[postId] ?? selection.panselUids;
  const names = new Map(selection.pansel.filter((m) => m.uid).map((m) => [m.uid!, m.name]));
  // A document of another tenant under the same selection id would be a forgery: it is not read.
  const own = <T extends { instansiId: string }>(doc: T) => doc.instansiId === selection.instansiId;
  return {
    plan: selection.scoringPlan,
    selectionId,
    postId,
    stage: input.stage,
    members: assigned.map((uid) => ({ uid, name: names.get(uid) ?? uid })),
    applications: applications.docs
      .map((d) => ({ id: d.id, app: parseStored(storedApplication, d.data(), d.ref.path) }))
      .filter(({ app }) => own(app))
      .map(({ id, app }) => ({
        applicationId: id,
        postId: app.postId,
        status: app.status,
        name: app.candidateName,
        nip: app.nip,
      })),
    scores: scores.docs.map((d) => parseStored(storedScore, d.data(), d.ref.path)).filter(own),
    imported: imported.docs.map((d) => parseStored(storedImportedScore, d.data(), d.ref.path)).filter(own),
    conflicts: conflicts.docs.map((d) => parseStored(storedConflicts, d.data(), d.ref.path)).filter(own),
  };
}
