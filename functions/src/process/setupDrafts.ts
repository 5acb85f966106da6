/**
 * Saving and deleting a selection's setup while it is in preparation.
 *
 * Why a callable and not rules validation: the setup is a deep document (posts with requirements and
 * document checklists, rubrics, the pansel), and the rules language can check its shape only by
 * repeating the zod schema by hand, field by field, where the two would drift apart; it cannot
 * compare revisions or see a pending proposal without extra reads either. The callable validates with
 * the very schema the wizard uses (../domain/selection/setup.ts), refuses a save based on an old
 * revision, one made while a proposal awaits the Sekda, and one arriving after the preparation stage
 * closed, and writes the audit entry in the same transaction. The wizard keeps offline drafting with
 * its own outbox on the device (web/src/data/outbox.ts), which sends once connected and keeps
 * whatever the server refuses for the operator to resolve.
 */
import type { Transaction } from "firebase-admin/firestore";
import { z } from "zod/mini";
import { saveSetupOutput } from "../domain/callables.js";
import type { DeleteDraftInput, SaveSetupInput } from "../domain/selection/process.js";
import { COLLECTIONS } from "../domain/collections.js";
import { selectionSetup } from "../domain/selection/setup.js";
import { pendingProposal, readSelection } from "../domain/selection/stored.js";
import { STAGES, type Stage } from "../domain/stages.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";
import { operatorActor } from "./audit.js";
import { selectionRef } from "./selectionStore.js";
import { runSelectionStepReading, type ReadSelection } from "./step.js";

/**
 * A draft read field by field rather than whole: a document damaged in one field can still be
 * repaired by saving that field, and the other checks (tenant, stage, revision) still hold.
 */
interface DraftState {
  readonly instansiId: string;
  readonly stage: Stage | null;
  readonly auditSeq: number;
  readonly setupRevision: number;
  /** The stage a pending proposal moves to, if one awaits a decision. */
  readonly pendingTo: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

const count = z._default(z.catch(z.int(), 0), 0);

const readDraft: ReadSelection<DraftState> = async (tx: Transaction, selectionId: string, caller: Caller) => {
  const snap = await tx.get(selectionRef(selectionId));
  const data = snap.data();
  if (!snap.exists || !data) throw issueError("not-found", [{ code: "err.selection.notFound" }]);
  if (caller.claims?.instansi !== data["instansiId"] || typeof data["instansiId"] !== "string") {
    throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
  }
  const stage = z.enum(STAGES).safeParse(data["stage"]);
  const pending = z.nullable(pendingProposal).safeParse(data["pendingProposal"] ?? null);
  return {
    instansiId: data["instansiId"],
    stage: stage.success ? stage.data : null,
    auditSeq: count.parse(data["auditSeq"]),
    setupRevision: count.parse(data["setupRevision"]),
    // A pending proposal that cannot be read is still a proposal: the setup stays frozen.
    pendingTo: pending.success ? (pending.data?.to ?? null) : "-",
    data,
  };
};

/** The setup fields as stored, for the wizard's view of what changed. */
function storedSetup(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(selectionSetup.shape).map((k) => [k, data[k] ?? null]));
}

/** Refusals that hold for saving and deleting alike: only a draft in preparation changes. */
function requireOpenDraft(draft: DraftState): void {
  if (draft.stage !== "persiapan") {
    throw issueError("failed-precondition", [{ code: "err.setup.closed", params: { stage: draft.stage ?? "-" } }]);
  }
}

export async function saveSetup(caller: Caller, input: SaveSetupInput, now: Date): Promise<{ revision: number }> {
  requireOperator(caller);
  const request = { caller, ...input, action: "saveSetup", answer: saveSetupOutput, now };
  return runSelectionStepReading(readDraft, request, ({ selection: draft }) => {
    requireOpenDraft(draft);
    if (draft.pendingTo !== null) {
      throw issueError("failed-precondition", [{ code: "err.setup.frozen", params: { to: draft.pendingTo } }]);
    }
    if (draft.setupRevision !== input.baseRevision) {
      // The current setup goes back with the refusal, so the wizard shows both versions side by side.
      throw issueError(
        "aborted",
        [{ code: "err.setup.staleRevision", params: { base: input.baseRevision, current: draft.setupRevision } }],
        { current: { revision: draft.setupRevision, setup: storedSetup(draft.data) } },
      );
    }
    const part = input.part;
    const pansel = part.pansel;
    // The rules give pansel members read access through panselUids: it follows the members listed.
    const panselUids = pansel ? { panselUids: pansel.flatMap((m) => (m.uid ? [m.uid] : [])) } : {};
    const changes = { ...part, ...panselUids };
    const merged = readSelection({ ...draft.data, ...changes });
    // The part is valid on its own; a field damaged before and not part of this save is named here.
    if (!merged.ok) throw issueError("failed-precondition", merged.findings);
    const revision = draft.setupRevision + 1;
    return Promise.resolve({
      result: { revision },
      write: { update: { ...changes, setupRevision: revision } },
      audit: {
        actor: operatorActor(caller),
        action: "saveSetup" as const,
        to: null,
        reason: Object.keys(part).join(", "),
        reference: String(revision),
      },
    });
  });
}

/**
 * The answer of a deletion outlives the draft: `instansi/{id}/deletedDrafts/{selectionId}` keeps who
 * deleted it with which request id, so a retry after a lost answer gets the same success instead of
 * not-found (the request log under the selection went with it).
 */
const deletedDraftRef = (instansiId: string, selectionId: string) =>
  db.collection(COLLECTIONS.instansi).doc(instansiId).collection(COLLECTIONS.deletedDrafts).doc(selectionId);
const deletedDraft = z.object({ uid: z.string(), requestId: z.string() });

/** A draft goes with its timeline and stored answers; one awaiting a decision on its proposal stays. */
export async function deleteDraft(caller: Caller, input: DeleteDraftInput, now: Date): Promise<{ deleted: true }> {
  const instansiId = requireOperator(caller);
  const ref = selectionRef(input.selectionId);
  const tombstoneRef = deletedDraftRef(instansiId, input.selectionId);
  await db.runTransaction(async (tx) => {
    const tombstone = deletedDraft.safeParse((await tx.get(tombstoneRef)).data());
    const retried =
      tombstone.success && tombstone.data.uid === caller.uid && tombstone.data.requestId === input.requestId;
    // This very request deleted the draft and its answer was lost: the same success again.
    if (retried && !(await tx.get(ref)).exists) return;
    const draft = await readDraft(tx, input.selectionId, caller);
    requireOpenDraft(draft);
    if (draft.pendingTo !== null) throw issueError("failed-precondition", [{ code: "err.setup.deletePending" }]);
    tx.delete(ref);
    tx.set(tombstoneRef, {
      instansiId,
      selectionId: input.selectionId,
      uid: caller.uid,
      requestId: input.requestId,
      at: now.toISOString(),
    });
  });
  // A retry also finishes removing a timeline whose deletion was cut short.
  await db.recursiveDelete(ref);
  return { deleted: true };
}
