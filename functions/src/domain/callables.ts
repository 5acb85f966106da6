/**
 * The contract between the web app and the functions: every callable by its exported name, with the
 * schema of its input and of its answer. `functions/src/index.ts` parses each input with the schema
 * named here, the web's data layer calls by these names with these types, and the stored answers of
 * earlier calls (selections/{id}/requests) are parsed with the answer schemas. A test checks that the
 * names are exactly the callables `index.ts` exports.
 */
import { z } from "zod/mini";
import { STAFF_ROLES } from "./roles.js";
import { STAGES } from "./stages.js";
import {
  fileNipDisputeInput,
  registerCandidateInput,
  resolveNipDisputeInput,
  setStaffRolesInput,
} from "./schemas/account.js";
import { SHORTFALL_DECISIONS } from "./regulation/profile.js";
import { finding } from "./selection/stored.js";
import {
  assignPanselInput,
  createSelectionDraftInput,
  decidePostShortfallInput,
  decideTransitionInput,
  deleteDraftInput,
  extendRegistrationInput,
  issueDocumentInput,
  proposeTransitionInput,
  recordLetterInput,
  saveSetupInput,
} from "./selection/process.js";
import { answerObjectionInput, fileObjectionInput } from "./applications/objection.js";
import { choosePpkInput, choosePpkOutput } from "./scoring/ppkChoice.js";
import { closingLetterInput } from "./selection/closingLetterInput.js";
import { recordRegionalCalendarInput, recordRegionalCalendarOutput } from "./schemas/regionalCalendar.js";
import { saveProfileInput, saveProfileOutput } from "./schemas/profileSave.js";
import {
  confirmApplicationDecisionInput,
  confirmApplicationDecisionOutput,
  decideApplicationInput,
  decideApplicationOutput,
  reviewApplicationDocumentInput,
  reviewApplicationDocumentOutput,
} from "./applications/verification.js";
import { applyToPostInput, submitApplicationInput } from "./applications/apply.js";
import { APPLICATION_STATUSES } from "./applications/application.js";
import { rankingRequest } from "./scoring/postRanking.js";
import { publishStageResultInput } from "./scoring/stageResult.js";
import { reopenScoreInput, submitScoreInput } from "./scoring/submission.js";
import { RESOLUTION_OUTCOMES, resolveSpreadFlagInput } from "./scoring/calibration.js";
import { issueBeritaAcaraInput } from "./documents/beritaAcara.js";
import { importAssessmentInput, importAssessmentOutput } from "./scoring/importRequest.js";
import {
  declareConflictsInput,
  declareConflictsOutput,
  panselRosterInput,
  panselRosterOutput,
} from "./scoring/declaration.js";

export const createDraftOutput = z.object({ selectionId: z.string() });
export const saveSetupOutput = z.object({ revision: z.int() });
export const deleteDraftOutput = z.object({ deleted: z.literal(true) });
export const proposeStageOutput = z.object({ proposalId: z.string(), warnings: z.array(finding) });
export const decideStageOutput = z.object({
  stage: z.enum(STAGES),
  decision: z.enum(["approve", "reject"]),
  /** The pengumuman of the administrative result that approving its publication issued. */
  documentId: z.optional(z.string()),
});
export const recordLetterOutput = z.object({ recorded: z.literal(true) });
/** What the issuing transaction remembers; the callable adds the PDF's hash once it is stored. */
export const issueAllocation = z.object({ documentId: z.string(), number: z.string(), version: z.int() });
export const issueDocumentOutput = z.extend(issueAllocation, { sha256: z.string() });
export const extendRegistrationOutput = z.object({
  end: z.string(),
  extensions: z.record(z.string(), z.int()),
  warnings: z.array(finding),
});
/** The application (new or the one already there) and, when "open to" cannot tell, why. */
export const applyToPostOutput = z.object({
  applicationId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  warnings: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
});
/** Locked; the receipt is null when it could not be made yet (submitting again makes it). */
export const submitApplicationOutput = z.object({
  applicationId: z.string(),
  submittedAt: z.string(),
  receipt: z.nullable(
    z.object({ documentId: z.string(), number: z.string(), fileId: z.string(), fileName: z.string() }),
  ),
});
export const decidePostShortfallOutput = z.object({ postId: z.string(), decision: z.enum(SHORTFALL_DECISIONS) });
export const fileObjectionOutput = z.object({ answerDue: z.string() });
export const answerObjectionOutput = z.object({ status: z.enum(["accepted", "rejected"]) });
export const assignPanselOutput = z.object({ postId: z.string(), memberUids: z.array(z.string()) });
/** The ranking written (rankings/{id}) and its SHA-256; blockers counted, so "not lockable" is said at once. */
export const computeRankingOutput = z.object({
  rankingId: z.string(),
  sha256: z.string(),
  lockable: z.boolean(),
  blockers: z.int(),
});
export const submitScoreOutput = z.object({
  scoreId: z.string(),
  status: z.literal("submitted"),
  revision: z.int(),
  submittedAt: z.string(),
});
export const reopenScoreOutput = z.object({ scoreId: z.string(), status: z.literal("draft"), revision: z.int() });
export const resolveSpreadFlagOutput = z.object({
  rankingId: z.string(),
  flagKey: z.string(),
  outcome: z.enum(RESOLUTION_OUTCOMES),
});

export const CALLABLES = {
  // The same answer to every anonymous caller, whatever became of the NIP and the e-mail.
  registerCandidate: { input: registerCandidateInput(), output: z.object({ next: z.literal("checkEmail") }) },
  confirmNip: { input: z.object({}), output: z.object({ nip: z.enum(["confirmed", "taken"]) }) },
  fileNipDispute: { input: fileNipDisputeInput, output: z.object({ disputeId: z.string() }) },
  resolveNipDispute: { input: resolveNipDisputeInput, output: z.object({ status: z.string() }) },
  deleteMyAccount: { input: z.object({}), output: z.object({ deleted: z.literal(true) }) },
  // The caller's own profile, whole, at the revision the screen started from (schemas/profileSave.ts).
  saveProfile: { input: saveProfileInput(), output: saveProfileOutput },
  setStaffRoles: {
    input: setStaffRolesInput,
    output: z.object({ uid: z.string(), roles: z.array(z.enum(STAFF_ROLES)) }),
  },
  createDraft: { input: createSelectionDraftInput, output: createDraftOutput },
  saveSetup: { input: saveSetupInput, output: saveSetupOutput },
  deleteDraft: { input: deleteDraftInput, output: deleteDraftOutput },
  proposeStage: { input: proposeTransitionInput, output: proposeStageOutput },
  decideStage: { input: decideTransitionInput, output: decideStageOutput },
  recordProcessLetter: { input: recordLetterInput, output: recordLetterOutput },
  issueDocument: { input: issueDocumentInput, output: issueDocumentOutput },
  extendRegistration: { input: extendRegistrationInput, output: extendRegistrationOutput },
  decidePostShortfall: { input: decidePostShortfallInput, output: decidePostShortfallOutput },
  assignPansel: { input: assignPanselInput, output: assignPanselOutput },
  choosePpk: { input: choosePpkInput, output: choosePpkOutput },
  recordRegionalCalendar: { input: recordRegionalCalendarInput, output: recordRegionalCalendarOutput },
  // Operators verify submitted applications (applications/verification.ts).
  reviewApplicationDocument: { input: reviewApplicationDocumentInput, output: reviewApplicationDocumentOutput },
  decideApplication: { input: decideApplicationInput, output: decideApplicationOutput },
  confirmApplicationDecision: { input: confirmApplicationDecisionInput, output: confirmApplicationDecisionOutput },
  applyToPost: { input: applyToPostInput, output: applyToPostOutput },
  submitApplication: { input: submitApplicationInput, output: submitApplicationOutput },
  // Objections to the administrative result (issue 8): the TMS candidate files, an operator answers.
  fileObjection: { input: fileObjectionInput, output: fileObjectionOutput },
  answerObjection: { input: answerObjectionInput, output: answerObjectionOutput },
  // The ranking of a post after a stage, and its rekapitulasi nilai PDF (issue 9).
  computeRanking: { input: rankingRequest, output: computeRankingOutput },
  issueRekap: { input: rankingRequest, output: issueDocumentOutput },
  // The letter proposing the 3 besar to the PPK, and the final report to the national authority (issue 9).
  issueProposalLetter: { input: closingLetterInput, output: issueDocumentOutput },
  issueFinalReport: { input: closingLetterInput, output: issueDocumentOutput },
  // The pansel's scores (issue 9): a member locks their score, the ketua reopens one with a reason.
  submitScore: { input: submitScoreInput, output: submitScoreOutput },
  reopenScore: { input: reopenScoreInput, output: reopenScoreOutput },
  // An assessment centre's report for an imported component: preview, then commit (scoring/importRequest.ts).
  importAssessment: { input: importAssessmentInput, output: importAssessmentOutput },
  // Conflicts of interest (issue 9): a pansel member's posts and candidates, then the declaration, once.
  panselRoster: { input: panselRosterInput, output: panselRosterOutput },
  declareConflicts: { input: declareConflictsInput, output: declareConflictsOutput },
  // A stage's result announced: its pengumuman, the public page and each candidate's outcome (issue 9).
  publishStageResult: { input: publishStageResultInput, output: issueDocumentOutput },
  // Calibration of the spread flags and the berita acara of a scoring stage (issue 9).
  resolveSpreadFlag: { input: resolveSpreadFlagInput, output: resolveSpreadFlagOutput },
  issueBeritaAcara: { input: issueBeritaAcaraInput, output: issueDocumentOutput },
} as const;

export type CallableName = keyof typeof CALLABLES;
/** What a client sends (before defaults and transforms). */
export type CallableInput<N extends CallableName> = z.input<(typeof CALLABLES)[N]["input"]>;
/** What the function answers. */
export type CallableOutput<N extends CallableName> = z.output<(typeof CALLABLES)[N]["output"]>;
