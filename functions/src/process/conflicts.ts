/**
 * Conflicts of interest (issue 9): a pansel member declares, once per candidate, a conflict or none for
 * each eligible (MS) candidate of a post, before seeing any of them; a candidate who becomes MS later
 * (an accepted objection) is declared on by the same call, which then takes only those. The declaration is one selection step: the
 * conflicts document the rules read (`kinds`), the audit entry (who, how many recusals; never the
 * notes), and the scores the member now owes in `counts`, which the gate leaving a scoring stage
 * reads, all in one transaction keyed by the request id. `panselRoster` is what a member may learn
 * of the candidates before declaring.
 */
import type { DocumentData, Query } from "firebase-admin/firestore";
import type { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import { message } from "../domain/i18n/render.js";
import { maskNip } from "../domain/nip.js";
import {
  conflictsId,
  extendDeclaration,
  kindsOf,
  storedConflicts,
  undeclaredCandidates,
  validateDeclaration,
} from "../domain/scoring/conflicts.js";
import {
  declarationIssues,
  declarationOpen,
  declareConflictsOutput,
  expectedScores,
  postsOfMember,
  type DeclareConflictsInput,
  type PanselRoster,
  type RosterCandidate,
} from "../domain/scoring/declaration.js";
import type { StoredConflicts } from "../domain/scoring/conflicts.js";
import { readSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";
import { runSelectionStep } from "./step.js";

/** A post has at most this many MS candidates to declare on (storedConflicts.entries is bounded alike). */
const MAX_CANDIDATES = 500;

function requirePansel(caller: Caller): string {
  if (!caller.claims?.roles.includes("pansel")) {
    throw issueError("permission-denied", [{ code: "err.role.panselOnly" }]);
  }
  return caller.claims.instansi;
}

const conflictsRef = (id: string) => db.collection(COLLECTIONS.conflicts).doc(id);

/** The post's eligible candidates, as the verification queue orders them (its index serves this query). */
function msApplications(instansiId: string, selectionId: string, postId: string): Query<DocumentData> {
  return db
    .collection(COLLECTIONS.applications)
    .where("instansiId", "==", instansiId)
    .where("selectionId", "==", selectionId)
    .where("postId", "==", postId)
    .where("status", "==", "ms")
    .orderBy("submittedAt")
    .limit(MAX_CANDIDATES);
}

export async function declareConflicts(
  caller: Caller,
  input: DeclareConflictsInput,
  now: Date,
): Promise<z.output<typeof declareConflictsOutput>> {
  requirePansel(caller);
  const { selectionId, postId } = input;
  const request = { caller, selectionId, requestId: input.requestId, action: "declareConflicts", now };
  return runSelectionStep({ ...request, answer: declareConflictsOutput }, async ({ tx, selection, at }) => {
    const issues = declarationIssues(selection, caller.uid, postId);
    if (issues.length > 0) throw issueError("failed-precondition", issues);
    const id = conflictsId(selectionId, postId, caller.uid);
    const prior = await tx.get(conflictsRef(id));
    const declared = prior.exists ? storedConflicts.parse(prior.data()) : undefined;
    const candidates = (await tx.get(msApplications(selection.instansiId, selectionId, postId))).docs.map((d) => d.id);
    // Once per candidate: a member who could redeclare could clear a recusal after seeing the scores.
    // A declaration made is extended only by the candidates who became MS since.
    if (declared && undeclaredCandidates(candidates, declared.kinds).length === 0) {
      throw issueError("already-exists", [{ code: "err.conflict.alreadyDeclared" }]);
    }
    const entryIssues = validateDeclaration(candidates, input.entries, new Set(Object.keys(declared?.kinds ?? {})));
    if (entryIssues.length > 0) throw issueError("failed-precondition", entryIssues);

    const stored: StoredConflicts = declared
      ? extendDeclaration(declared, input.entries, at)
      : {
          instansiId: selection.instansiId,
          selectionId,
          postId,
          memberUid: caller.uid,
          entries: input.entries,
          kinds: kindsOf(input.entries),
          declaredAt: at,
        };
    tx.set(conflictsRef(id), storedConflicts.parse(stored));

    const owed = expectedScores(selection.scoringPlan, input.entries, selection.stage);
    const byStage = { ...(selection.counts.unlockedScoresByStage ?? {}) };
    let total = 0;
    for (const [stage, n] of Object.entries(owed)) {
      byStage[stage] = (byStage[stage] ?? 0) + n;
      total += n;
    }
    const counts = {
      ...selection.counts,
      unlockedScores: selection.counts.unlockedScores + total,
      unlockedScoresByStage: byStage,
    };
    const recusals = input.entries.filter((e) => e.kind !== "none").length;
    const post = selection.posts.find((p) => p.id === postId)?.name ?? postId;
    return {
      result: { conflictsId: id, recusals, expectedScores: owed },
      write: { update: { counts } },
      audit: {
        actor: { uid: caller.uid, name: caller.name, role: "pansel" },
        action: "declareConflicts",
        to: null,
        reason: message("id", "doc.record.conflicts", { post, candidates: input.entries.length, recusals }),
        reference: postId,
      },
    };
  });
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Who a candidate is, from the profile they locked at submission (the application's copy). */
function rosterCandidateOf(id: string, data: DocumentData): RosterCandidate {
  const profile = (data["profile"] ?? {}) as Record<string, unknown>;
  return {
    applicationId: id,
    name: text(profile["name"]) || text(data["candidateName"]),
    maskedNip: maskNip(text(data["nip"])),
    currentPost: text(profile["currentPost"]),
    currentInstansi: text(profile["currentInstansi"]),
  };
}

/**
 * The calling member's posts in a selection, each with its MS candidates (name, masked NIP, current
 * post) and the member's own declaration. Read-only; the documents themselves stay behind the rules.
 */
export async function panselRoster(caller: Caller, selectionId: string): Promise<PanselRoster> {
  const instansiId = requirePansel(caller);
  const snap = await db.collection(COLLECTIONS.selections).doc(selectionId).get();
  if (!snap.exists) throw issueError("not-found", [{ code: "err.selection.notFound" }]);
  if (snap.get("instansiId") !== instansiId) {
    throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
  }
  const read = readSelection(snap.data());
  if (!read.ok) throw issueError("failed-precondition", read.findings);
  const selection = read.selection;
  if (!selection.panselUids.includes(caller.uid)) {
    throw issueError("permission-denied", [{ code: "err.conflict.notCommittee" }]);
  }
  const posts = await Promise.all(
    postsOfMember(selection, caller.uid).map(async (post) => {
      const [applications, declared] = await Promise.all([
        msApplications(instansiId, selectionId, post.id).get(),
        conflictsRef(conflictsId(selectionId, post.id, caller.uid)).get(),
      ]);
      const parsed = declared.exists ? storedConflicts.safeParse(declared.data()) : undefined;
      return {
        postId: post.id,
        postName: post.name,
        candidates: applications.docs.map((d) => rosterCandidateOf(d.id, d.data())),
        declaration: parsed?.success ? { declaredAt: parsed.data.declaredAt, kinds: parsed.data.kinds } : null,
      };
    }),
  );
  return {
    selectionId,
    title: selection.title,
    stage: selection.stage,
    declarationOpen: declarationOpen(selection.stage),
    posts,
  };
}
