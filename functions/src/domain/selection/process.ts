/** Inputs of the process callables, shared with the web app's forms. */
import { z } from "zod/mini";
import { STAGES } from "../stages.js";
import { recordedLetter } from "./stored.js";
import { selectionSetup } from "./setup.js";
import { openToRule } from "../eligibility/openTo.js";
import { SHORTFALL_DECISIONS } from "../regulation/profile.js";

/**
 * A client-made id per user action. A phone on a bad network retries; the same id makes the retry
 * return the first answer instead of proposing or approving twice.
 */
export const requestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "err.input.invalid" }));
const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }));
const reason = z._default(z.string().check(z.trim(), z.maxLength(1000, { error: "err.input.invalid" })), "");

export const proposeTransitionInput = z.object({
  selectionId: docId,
  to: z.enum(STAGES, { error: "err.input.invalid" }),
  reason,
  requestId,
});
export type ProposeTransitionInput = z.output<typeof proposeTransitionInput>;

export const decideTransitionInput = z.object({
  selectionId: docId,
  proposalId: docId,
  decision: z.enum(["approve", "reject"], { error: "err.input.invalid" }),
  reason,
  requestId,
});
export type DecideTransitionInput = z.output<typeof decideTransitionInput>;

export const createSelectionDraftInput = z.object({
  requestId,
  /** Start from a past selection of the same government instead of the defaults. */
  copyFrom: z.optional(docId),
});
export type CreateSelectionDraftInput = z.output<typeof createSelectionDraftInput>;

export const recordLetterInput = z.object({
  selectionId: docId,
  kind: z.enum(["electionApproval", "recommendation", "governorConsultation"], { error: "err.input.invalid" }),
  letter: recordedLetter,
  requestId,
});
export type RecordLetterInput = z.output<typeof recordLetterInput>;

/**
 * A part of the setup the wizard saves (the fields of the steps the operator touched), validated with
 * the same schema as the whole; the function merges it into the stored setup and validates the result.
 */
export const saveSetupInput = z.object({
  selectionId: docId,
  /** The setupRevision this edit started from; the stored one differs when someone else saved since. */
  baseRevision: z.int().check(z.gte(0), z.lte(1_000_000)),
  // Fields with a stored default get it only when a stored document lacks them: a save that does not
  // send them must not reset them, so the part's copies have no default.
  part: z.partial(
    z.extend(selectionSetup, {
      openToRule: z.nullable(openToRule),
      maxPostsPerCandidate: z.int().check(z.gte(1), z.lte(5)),
    }),
  ),
  requestId,
});
export type SaveSetupInput = z.output<typeof saveSetupInput>;

export const deleteDraftInput = z.object({ selectionId: docId, requestId });
export type DeleteDraftInput = z.output<typeof deleteDraftInput>;

export const AUDIT_ACTIONS = [
  "create",
  "saveSetup",
  "propose",
  "approve",
  "reject",
  "record",
  "issue",
  // Too few applicants (./registration.ts): an extension, or the decision after the last one.
  "extend",
  ...SHORTFALL_DECISIONS,
  // The operators' verification of an application (../applications/verification.ts).
  "reviewDocument",
  "verify",
  "confirmVerification",
  // Objections to the administrative result (process/objections.ts).
  "fileObjection",
  "acceptObjection",
  "rejectObjection",
  // Pansel members assigned to a post (./panselAssignment.ts).
  "assignPansel",
  // The PPK's choice among a post's 3 besar (process/ppkChoice.ts).
  "choosePpk",
  // A post's ranking computed (process/ranking.ts); its rekap is issued as "issue".
  "computeRanking",
  // A member's score locked, or reopened by the ketua (process/scores.ts).
  "submitScore",
  "reopenScore",
  // An assessment centre's report imported (process/assessmentImport.ts), or one replacing an earlier import.
  "importAssessment",
  "replaceAssessment",
  // A pansel member's declaration of conflicts for a post (../scoring/declaration.ts).
  "declareConflicts",
  // A stage's result announced (process/stageResult.ts).
  "publishStageResult",
  // Calibration and the berita acara of a scoring stage (process/calibration.ts, documents/issueBeritaAcara.ts).
  "resolveSpreadFlag",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of a selection's timeline (selections/{id}/audit/{seq}); append-only. */
export const auditEntry = z.object({
  instansiId: z.string(),
  seq: z.int(),
  at: z.string(),
  actor: z.object({ uid: z.string(), name: z.string(), role: z.string() }),
  action: z.enum(AUDIT_ACTIONS),
  from: z.nullable(z.enum(STAGES)),
  to: z.nullable(z.enum(STAGES)),
  reason: z.string(),
  /** The proposal an approval answers, or the letter a record is about. */
  reference: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export function auditEntryId(seq: number): string {
  return String(seq).padStart(8, "0");
}

export const issueDocumentInput = z.object({ selectionId: docId, requestId });
export type IssueDocumentInput = z.output<typeof issueDocumentInput>;

const postId = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" }));

export const extendRegistrationInput = z.object({
  selectionId: docId,
  /** The posts short of applicants whose registration is extended; the end date moves for all. */
  postIds: z.array(postId).check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(40)),
  requestId,
});
export type ExtendRegistrationInput = z.output<typeof extendRegistrationInput>;

export const decidePostShortfallInput = z.object({
  selectionId: docId,
  postId,
  decision: z.enum(SHORTFALL_DECISIONS, { error: "err.input.invalid" }),
  /** The decision goes on the record: why the post is cancelled, or continues with fewer applicants. */
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: "err.stage.reasonRequired" }),
      z.maxLength(1000, { error: "err.input.invalid" }),
    ),
  requestId,
});
export type DecidePostShortfallInput = z.output<typeof decidePostShortfallInput>;

/** The pansel members who work on one post (issue 9: "operators assign pansel members to posts"). */
export const assignPanselInput = z.object({
  selectionId: docId,
  postId,
  memberUids: z.array(docId).check(z.minLength(1, { error: "err.assign.empty" }), z.maxLength(15)),
  requestId,
});
export type AssignPanselInput = z.infer<typeof assignPanselInput>;
