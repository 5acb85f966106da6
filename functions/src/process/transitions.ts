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
import type { z } from "zod/mini";
import { decideStageOutput, proposeStageOutput } from "../domain/callables.js";
import { type DecideTransitionInput, type ProposeTransitionInput } from "../domain/selection/process.js";
import { proposalDoc, type ProposalDoc, type StoredSelection } from "../domain/selection/stored.js";
import type { StaffRole } from "../domain/roles.js";
import { toIsoDate } from "../domain/calendar.js";
import { documentsToRevoke, revokeDocuments } from "../documents/revoke.js";
import type { PublicSite } from "../documents/issueStep.js";
import { finishDocument } from "../documents/pipeline.js";
import { publicUrlIssue } from "../domain/deployment.js";
import { preparePublication, type Publication } from "./publishResult.js";
import { todayIn } from "../shell/clock.js";
import { issueError } from "../shell/errors.js";
import type { Caller } from "../shell/callable.js";
import { readInstansi, selectionRef } from "./selectionStore.js";
import { runSelectionStep } from "./step.js";

export type ProposeResult = z.output<typeof proposeStageOutput>;
export type DecideResult = z.output<typeof decideStageOutput>;

const proposalRef = (selectionId: string, proposalId: string) =>
  selectionRef(selectionId).collection(COLLECTIONS.proposals).doc(proposalId);

export async function proposeTransition(
  caller: Caller,
  input: ProposeTransitionInput,
  now: Date,
): Promise<ProposeResult> {
  const request = { caller, ...input, action: "propose", answer: proposeStageOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
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
      setupRevision: selection.setupRevision,
    };
    tx.create(proposalRef(input.selectionId, proposalId), proposal);
    const pending = {
      id: proposalId,
      from: selection.stage,
      to: input.to,
      proposedByName: caller.name,
      proposedAt: at,
    };
    return {
      result: { proposalId, warnings: [...gates.warnings] },
      write: { update: { pendingProposal: pending } },
      audit: { actor, action: "propose", to: input.to, reason: input.reason, reference: proposalId },
    };
  });
}

/**
 * `site` is where QR codes point: approving the move to pengumumanAdministrasi issues the pengumuman
 * of the administrative result (./publishResult.ts). Its PDF is rendered after the transaction.
 */
export async function decideTransition(
  caller: Caller,
  input: DecideTransitionInput,
  now: Date,
  site?: PublicSite,
): Promise<DecideResult> {
  const answer = await decideInTransaction(caller, input, now, site);
  if (answer.documentId) {
    try {
      await finishDocument(answer.documentId);
    } catch (error) {
      // The decision stands (it committed); the sweep renders the PDF from its snapshot later.
      console.error(`decideStage: documents/${answer.documentId} is left to the sweep`, error);
    }
  }
  return answer;
}

async function decideInTransaction(
  caller: Caller,
  input: DecideTransitionInput,
  now: Date,
  site: PublicSite | undefined,
): Promise<DecideResult> {
  const request = { caller, ...input, action: "decide", answer: decideStageOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    const ref = proposalRef(input.selectionId, input.proposalId);
    const proposalSnap = await tx.get(ref);
    if (!proposalSnap.exists) throw issueError("not-found", [{ code: "err.selection.notFound" }]);
    const proposal = proposalDoc.parse(proposalSnap.data());
    const instansi = await readInstansi(tx, selection.instansiId);

    if (proposal.status !== "pending") throw issueError("failed-precondition", [{ code: "err.stage.notPending" }]);
    // The approver decides on what they reviewed: neither the stage nor the setup may have moved since.
    if (proposal.from !== selection.stage || proposal.setupRevision !== selection.setupRevision) {
      throw issueError("failed-precondition", [{ code: "err.stage.stale" }]);
    }
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
    const publishing = input.decision === "approve" && proposal.to === "pengumumanAdministrasi";
    let publication: Publication | null = null;
    if (publishing) {
      const urlIssue = publicUrlIssue(site?.baseUrl ?? "", site?.onEmulators ?? false);
      if (urlIssue) throw issueError("failed-precondition", [urlIssue]);
      publication = await preparePublication(tx, input.selectionId, selection, instansi, {
        now,
        today: todayIn(instansi.timeZone, now),
        at,
        publicBaseUrl: site?.baseUrl ?? "",
      });
    }

    const actor = { uid: caller.uid, name: caller.name, role: "pejabat" };
    const approved = input.decision === "approve";
    tx.update(ref, {
      status: approved ? "approved" : "rejected",
      decidedBy: actor,
      decidedAt: at,
      decisionReason: input.reason,
    });
    revokeDocuments(tx, revoking, toIsoDate(todayIn(instansi.timeZone, now)), proposal.reason);
    publication?.write(tx);
    const published = publication ? { administrativeResult: publication.administrativeResult } : {};
    return {
      result: {
        stage: approved ? proposal.to : selection.stage,
        decision: input.decision,
        ...(publication ? { documentId: publication.documentId } : {}),
      },
      write: {
        update: { pendingProposal: null, ...(approved ? stageChange(selection, proposal.to, at) : {}), ...published },
      },
      audit: {
        actor,
        action: approved ? "approve" : "reject",
        to: proposal.to,
        reason: input.reason,
        reference: input.proposalId,
      },
    };
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
