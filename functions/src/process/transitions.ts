/**
 * Stage moves: a proposal, then a decision by someone else. Each call is one Firestore transaction
 * that re-reads the selection, asks the domain whether the move is legal and its gates hold, and
 * writes the change, the audit entry and the answer for retries together, or nothing at all.
 */
import { randomUUID } from "node:crypto";
import { COLLECTIONS } from "../domain/collections.js";
import { isPublicStage, type Stage } from "../domain/stages.js";
import { findTransition, mayApprove, mayPropose, type TransitionRule } from "../domain/selection/stageMachine.js";
import { evaluateGates } from "../domain/selection/gates.js";
import type { Finding } from "../domain/selection/checks.js";
import { type DecideTransitionInput, type ProposeTransitionInput } from "../domain/selection/process.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import type { StaffRole } from "../domain/roles.js";
import { toIsoDate } from "../domain/calendar.js";
import { documentsToRevoke, revokeDocuments } from "../documents/revoke.js";
import { todayIn } from "../shell/clock.js";
import { db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";
import type { Caller } from "../shell/callable.js";
import { appendStep } from "./audit.js";
import { earlierAnswer, rememberAnswer } from "./idempotency.js";
import { readInstansi, readOwnSelection, selectionRef } from "./selectionStore.js";

export interface ProposeResult {
  readonly proposalId: string;
  readonly warnings: readonly Finding[];
}

export interface DecideResult {
  readonly stage: Stage;
  readonly decision: "approve" | "reject";
}

interface ProposalDoc {
  instansiId: string;
  selectionId: string;
  selectionTitle: string;
  from: Stage;
  to: Stage;
  reason: string;
  status: "pending" | "approved" | "rejected";
  proposedBy: { uid: string; name: string; role: string };
  proposedAt: string;
  warnings: Finding[];
  decidedBy: { uid: string; name: string; role: string } | null;
  decidedAt: string | null;
  decisionReason: string;
}

export async function proposeTransition(
  caller: Caller,
  input: ProposeTransitionInput,
  now: Date,
): Promise<ProposeResult> {
  const key = { selectionId: input.selectionId, requestId: input.requestId, uid: caller.uid, action: "propose" };
  return db.runTransaction(async (tx) => {
    const earlier = await earlierAnswer<ProposeResult>(tx, key);
    if (earlier) return earlier;
    const selection = await readOwnSelection(tx, input.selectionId, caller.claims);
    const instansi = await readInstansi(tx, selection.instansiId);

    const rule = legalMove(selection, input.to);
    const isKetuaPansel = selection.pansel.some((m) => m.position === "ketua" && m.uid === caller.uid);
    if (!mayPropose(rule, { roles: caller.claims?.roles ?? [], isKetuaPansel })) {
      throw issueError("permission-denied", [{ code: "err.stage.notProposer", params: { to: input.to } }]);
    }
    if (rule.reasonRequired && !input.reason) {
      throw issueError("invalid-argument", [{ code: "err.stage.reasonRequired", field: "reason" }]);
    }
    if (selection.pendingProposal) {
      throw issueError("failed-precondition", [
        { code: "err.stage.pendingExists", params: { to: selection.pendingProposal.to } },
      ]);
    }
    const gates = evaluateGates(rule, selection, todayIn(instansi.timeZone, now), { instansi });
    if (gates.errors.length > 0) throw issueError("failed-precondition", gates.errors);

    const at = now.toISOString();
    const proposalId = randomUUID();
    const actor = { uid: caller.uid, name: caller.name, role: isKetuaPansel ? "ketuaPansel" : "operator" };
    const proposal: ProposalDoc = {
      instansiId: selection.instansiId,
      selectionId: input.selectionId,
      selectionTitle: selection.title,
      from: selection.stage,
      to: input.to,
      reason: input.reason,
      status: "pending",
      proposedBy: actor,
      proposedAt: at,
      warnings: [...gates.warnings],
      decidedBy: null,
      decidedAt: null,
      decisionReason: "",
    };
    tx.create(selectionRef(input.selectionId).collection(COLLECTIONS.proposals).doc(proposalId), proposal);
    const seq = selection.auditSeq + 1;
    tx.update(selectionRef(input.selectionId), {
      pendingProposal: {
        id: proposalId,
        from: selection.stage,
        to: input.to,
        proposedByName: caller.name,
        proposedAt: at,
      },
      auditSeq: seq,
    });
    appendStep(tx, input.selectionId, selection, {
      seq,
      at,
      actor,
      action: "propose",
      to: input.to,
      reason: input.reason,
      reference: proposalId,
    });
    const result: ProposeResult = { proposalId, warnings: gates.warnings };
    rememberAnswer(tx, key, result, at);
    return result;
  });
}

export async function decideTransition(caller: Caller, input: DecideTransitionInput, now: Date): Promise<DecideResult> {
  const key = { selectionId: input.selectionId, requestId: input.requestId, uid: caller.uid, action: "decide" };
  return db.runTransaction(async (tx) => {
    const earlier = await earlierAnswer<DecideResult>(tx, key);
    if (earlier) return earlier;
    const selection = await readOwnSelection(tx, input.selectionId, caller.claims);
    const proposalRef = selectionRef(input.selectionId).collection(COLLECTIONS.proposals).doc(input.proposalId);
    const proposalSnap = await tx.get(proposalRef);
    if (!proposalSnap.exists) throw issueError("not-found", [{ code: "err.selection.notFound" }]);
    const proposal = proposalSnap.data() as ProposalDoc;
    const instansi = await readInstansi(tx, selection.instansiId);

    if (proposal.status !== "pending") throw issueError("failed-precondition", [{ code: "err.stage.notPending" }]);
    if (proposal.from !== selection.stage) throw issueError("failed-precondition", [{ code: "err.stage.stale" }]);
    const rule = legalMove(selection, proposal.to);
    const roles: readonly StaffRole[] = caller.claims?.roles ?? [];
    if (!mayApprove(rule, { uid: caller.uid, roles }, proposal.proposedBy.uid)) {
      const code = caller.uid === proposal.proposedBy.uid ? "err.stage.ownProposal" : "err.stage.notApprover";
      throw issueError("permission-denied", [{ code }]);
    }
    if (input.decision === "reject" && !input.reason) {
      throw issueError("invalid-argument", [{ code: "err.stage.reasonRequired", field: "reason" }]);
    }
    if (input.decision === "approve") {
      // The facts may have changed since the proposal (a late application, an unlocked score).
      const gates = evaluateGates(rule, selection, todayIn(instansi.timeZone, now), { instansi });
      if (gates.errors.length > 0) throw issueError("failed-precondition", gates.errors);
    }
    const cancelling = input.decision === "approve" && proposal.to === "dibatalkan";
    const revoking = cancelling ? await documentsToRevoke(tx, selection) : [];

    const at = now.toISOString();
    const actor = { uid: caller.uid, name: caller.name, role: "pejabat" };
    const approved = input.decision === "approve";
    const seq = selection.auditSeq + 1;
    tx.update(proposalRef, {
      status: approved ? "approved" : "rejected",
      decidedBy: actor,
      decidedAt: at,
      decisionReason: input.reason,
    });
    tx.update(selectionRef(input.selectionId), {
      pendingProposal: null,
      auditSeq: seq,
      ...(approved ? stageChange(selection, proposal.to, at) : {}),
    });
    appendStep(tx, input.selectionId, selection, {
      seq,
      at,
      actor,
      action: approved ? "approve" : "reject",
      to: proposal.to,
      reason: input.reason,
      reference: input.proposalId,
    });
    revokeDocuments(tx, revoking, toIsoDate(todayIn(instansi.timeZone, now)), proposal.reason);
    const result: DecideResult = { stage: approved ? proposal.to : selection.stage, decision: input.decision };
    rememberAnswer(tx, key, result, at);
    return result;
  });
}

function legalMove(selection: StoredSelection, to: Stage): TransitionRule {
  const rule = findTransition(selection.stage, to, selection.stagesUsed);
  if (!rule)
    throw issueError("failed-precondition", [{ code: "err.stage.illegal", params: { from: selection.stage, to } }]);
  return rule;
}

/** The process fields that follow from entering `to`. */
function stageChange(selection: StoredSelection, to: Stage, at: string): Partial<StoredSelection> {
  // A cancelled selection that was announced stays public, so candidates learn it was cancelled.
  const isPublic = to === "dibatalkan" ? selection.public : isPublicStage(to);
  return {
    stage: to,
    public: isPublic,
    announcedAt: selection.announcedAt ?? (isPublic ? at : null),
  };
}
