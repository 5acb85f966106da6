/**
 * A pansel member's score locked (submitScore) or reopened by the ketua (reopenScore): one selection
 * step each (audit entry, answer for retries), which writes `scores/{scoreId}` and the gate's
 * counters of unlocked scores in the same transaction. The tablet's drafts (`scoreDrafts`) are the
 * member's own, under the rules; what counts is only what passes here.
 */
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod/mini";
import { reopenScoreOutput, submitScoreOutput } from "../domain/callables.js";
import { COLLECTIONS } from "../domain/collections.js";
import { storedApplication, type StoredApplication } from "../domain/applications/application.js";
import { conflictsId, storedConflicts } from "../domain/scoring/conflicts.js";
import { scoreId as scoreIdOf, storedScore, type StoredScore } from "../domain/scoring/score.js";
import {
  isKetua,
  submissionCheck,
  unlockedCountUpdate,
  type ReopenScoreInput,
  type SubmitScoreInput,
} from "../domain/scoring/submission.js";
import type { AuditEntry } from "../domain/selection/process.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { runSelectionStep } from "./step.js";

const scoreRef = (id: string) => db.collection(COLLECTIONS.scores).doc(id);

/** A pansel member of the tenant; the selection step then checks it is the selection's tenant. */
function requirePansel(caller: Caller): void {
  if (!caller.claims?.roles.includes("pansel")) {
    throw issueError("permission-denied", [{ code: "err.score.panselOnly" }]);
  }
}

function panselActor(caller: Caller): AuditEntry["actor"] {
  return { uid: caller.uid, name: caller.name, role: "pansel" };
}

async function readApplication(tx: Transaction, id: string): Promise<StoredApplication | undefined> {
  const snap = await tx.get(db.collection(COLLECTIONS.applications).doc(id));
  return snap.exists ? parseStored(storedApplication, snap.data(), `applications/${id}`) : undefined;
}

async function readScore(tx: Transaction, id: string): Promise<StoredScore | undefined> {
  const snap = await tx.get(scoreRef(id));
  return snap.exists ? parseStored(storedScore, snap.data(), `scores/${id}`) : undefined;
}

export async function submitScore(
  caller: Caller,
  input: SubmitScoreInput,
  now: Date,
): Promise<z.output<typeof submitScoreOutput>> {
  requirePansel(caller);
  const request = { caller, ...input, action: "submitScore", answer: submitScoreOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    const application = await readApplication(tx, input.applicationId);
    const postId = application?.postId ?? "";
    const conflictsSnap = await tx.get(
      db.collection(COLLECTIONS.conflicts).doc(conflictsId(input.selectionId, postId, caller.uid)),
    );
    const conflicts = conflictsSnap.exists
      ? parseStored(storedConflicts, conflictsSnap.data(), `conflicts/${conflictsSnap.id}`)
      : undefined;
    const id = scoreIdOf(input.applicationId, input.componentId, caller.uid);
    const earlier = await readScore(tx, id);
    const access = {
      selectionId: input.selectionId,
      selection,
      memberUid: caller.uid,
      application,
      kinds: conflicts?.kinds,
      applicationId: input.applicationId,
      componentId: input.componentId,
    };
    const check = submissionCheck(access, input.entry);
    if (!check.ok) throw issueError("failed-precondition", check.issues);
    // Locked until the ketua reopens it: a second submission is refused, never counted twice.
    if (earlier?.status === "submitted") {
      throw issueError("failed-precondition", [{ code: "err.score.alreadySubmitted" }]);
    }
    const component = selection.scoringPlan.components.find((c) => c.id === input.componentId)!;
    const score: StoredScore = {
      instansiId: selection.instansiId,
      selectionId: input.selectionId,
      postId,
      applicationId: input.applicationId,
      componentId: input.componentId,
      memberUid: caller.uid,
      levels: input.entry.levels,
      value: input.entry.value,
      note: input.entry.note,
      status: "submitted",
      submittedAt: at,
      revision: (earlier?.revision ?? 0) + 1,
      reopened: earlier?.reopened ?? null,
    };
    tx.set(scoreRef(id), score);
    return {
      result: { scoreId: id, status: "submitted" as const, revision: score.revision, submittedAt: at },
      write: { update: unlockedCountUpdate(selection.counts, component.stage, -1) },
      // Who scored whom in what; the figure itself stays in the score, away from the timeline.
      audit: {
        actor: panselActor(caller),
        action: "submitScore",
        to: null,
        reason: `${application!.candidateName} · ${component.label}`,
        reference: id,
      },
    };
  });
}

export async function reopenScore(
  caller: Caller,
  input: ReopenScoreInput,
  now: Date,
): Promise<z.output<typeof reopenScoreOutput>> {
  requirePansel(caller);
  const request = { caller, ...input, action: "reopenScore", answer: reopenScoreOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    if (!isKetua(selection, caller.uid)) throw issueError("permission-denied", [{ code: "err.score.ketuaOnly" }]);
    const score = await readScore(tx, input.scoreId);
    if (!score || score.selectionId !== input.selectionId || score.instansiId !== selection.instansiId) {
      throw issueError("not-found", [{ code: "err.score.notFound" }]);
    }
    if (score.status !== "submitted") throw issueError("failed-precondition", [{ code: "err.score.notSubmitted" }]);
    const component = selection.scoringPlan.components.find((c) => c.id === score.componentId);
    // Reopened after its stage, the score could never be submitted again and the count would block
    // every later gate.
    if (!component || component.stage !== selection.stage) {
      throw issueError("failed-precondition", [{ code: "err.score.stageOver" }]);
    }
    const application = await readApplication(tx, score.applicationId);
    const revision = score.revision + 1;
    tx.set(scoreRef(input.scoreId), {
      ...score,
      status: "draft",
      submittedAt: null,
      revision,
      reopened: { byUid: caller.uid, reason: input.reason, at },
    } satisfies StoredScore);
    return {
      result: { scoreId: input.scoreId, status: "draft" as const, revision },
      write: { update: unlockedCountUpdate(selection.counts, component.stage, 1) },
      audit: {
        actor: panselActor(caller),
        action: "reopenScore",
        to: null,
        reason: `${application?.candidateName ?? score.applicationId} · ${component.label}: ${input.reason}`,
        reference: input.scoreId,
      },
    };
  });
}
