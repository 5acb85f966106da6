/**
 * applications/{applicationId}: one candidate's application to one post of one selection (issue 8).
 *
 * Written only by functions (apply, submit, the upload check, verification, objections), read by the
 * candidate who owns it and by the staff of its government; so everything a gate counts or a
 * decision records is server-made. The id is derived from (selection, post, candidate), so applying
 * twice, or a retry over a bad network, lands on the same document instead of a second application.
 *
 * Life cycle: draft (documents being uploaded, editable) → submitted (final lock, receipt issued) →
 * ms / tms (set when the administrative result is announced; the operators' review before that is in
 * review/main) → later stages (issue 9). A draft left at
 * the deadline stays a draft: nothing saved is deleted, it just can no longer be submitted.
 */
import { z } from "zod/mini";
import { ELIGIBILITY_STATUSES, REQUIREMENTS } from "../eligibility/check.js";
import { candidateProfile } from "../schemas/profile.js";
import { stageOutcome } from "../scoring/stageResultSchema.js";

export const APPLICATION_STATUSES = ["draft", "submitted", "ms", "tms", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses after the final lock: the candidate can no longer change documents. */
export const LOCKED_STATUSES: readonly ApplicationStatus[] = ["submitted", "ms", "tms", "withdrawn"];

/**
 * The document id of (selection, post, candidate). Post ids never contain "_" (setup.ts), and Auth
 * uids never do, so two different triples cannot give the same id.
 */
export function applicationId(selectionId: string, postId: string, candidateUid: string): string {
  return `${selectionId}_${postId}_${candidateUid}`;
}

const issueShape = z.object({
  code: z.string(),
  params: z._default(z.record(z.string(), z.union([z.string(), z.number()])), {}),
});
export type StoredIssue = z.infer<typeof issueShape>;

/** Technical state of a checklist entry's current file (uploads/{fileId}, checked by a function). */
export const DOCUMENT_FILE_STATUSES = ["uploading", "complete", "accepted", "rejected"] as const;
/** The operator's review of that file: valid or invalid with a reason. */
export const DOCUMENT_REVIEWS = ["valid", "invalid"] as const;

export const applicationDocument = z.object({
  /** uploads/{fileId} of the file now on the checklist; a new upload replaces it while a draft. */
  fileId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.int(),
  status: z.enum(DOCUMENT_FILE_STATUSES),
  /** Why the upload check refused the file (err.upload.*). */
  rejection: z._default(z.nullable(issueShape), null),
});
export type ApplicationDocument = z.infer<typeof applicationDocument>;

/** The advisory check as computed by the function at submission (eligibility/check.ts). */
export const storedEligibility = z.array(
  z.object({
    requirement: z.enum(REQUIREMENTS),
    status: z.enum(ELIGIBILITY_STATUSES),
    code: z.string(),
    params: z._default(z.record(z.string(), z.union([z.string(), z.number()])), {}),
  }),
);

export const VERIFICATION_DECISIONS = ["ms", "tms"] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export const verification = z.object({
  decision: z.enum(VERIFICATION_DECISIONS),
  /** For TMS at least one; each printed to the candidate as written. */
  reasons: z.array(z.string()),
  byUid: z.string(),
  byName: z.string(),
  at: z.string(),
  /** A second operator's confirmation, when the selection asks for one. */
  confirmedByUid: z._default(z.nullable(z.string()), null),
  confirmedByName: z._default(z.nullable(z.string()), null),
  confirmedAt: z._default(z.nullable(z.string()), null),
  /**
   * On a published result that an accepted objection changed (TMS to MS): what it was before, kept
   * so the change is on the record. Null otherwise.
   */
  changedByObjection: z._default(
    z.nullable(z.object({ from: z.enum(["ms", "tms"]), reasons: z.array(z.string()), at: z.string() })),
    null,
  ),
});
export type Verification = z.infer<typeof verification>;

export const OBJECTION_STATUSES = ["open", "accepted", "rejected"] as const;
export const objection = z.object({
  text: z.string(),
  /** uploads/{fileId} of the attachment, if any. */
  attachmentFileId: z._default(z.nullable(z.string()), null),
  filedAt: z.string(),
  /** ISO instant by which the operator must answer. */
  answerDue: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  answer: z._default(z.nullable(z.string()), null),
  answeredByUid: z._default(z.nullable(z.string()), null),
  answeredByName: z._default(z.nullable(z.string()), null),
  answeredAt: z._default(z.nullable(z.string()), null),
});
export type Objection = z.infer<typeof objection>;

/**
 * applications/{id}/review/main: the operators' verification while it is being done, readable by
 * staff only. A candidate must not learn a TMS from a half-finished review, so the decision reaches
 * the application (`result`) only when the administrative result is announced.
 */
export const applicationReview = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  postId: z.string(),
  /** Per checklist entry id: the operator's look at the file on the checklist at that time. */
  documents: z._default(
    z.record(
      z.string(),
      z.object({
        fileId: z.string(),
        result: z.enum(DOCUMENT_REVIEWS),
        reason: z._default(z.string(), ""),
        byUid: z.string(),
        byName: z.string(),
        at: z.string(),
      }),
    ),
    {},
  ),
  verification: z._default(z.nullable(verification), null),
});
export type ApplicationReview = z.infer<typeof applicationReview>;

export const storedApplication = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  postId: z.string(),
  postName: z.string(),
  candidateUid: z.string(),
  candidateName: z.string(),
  nip: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z._default(z.nullable(z.string()), null),
  /**
   * Set by the function that records the operator's decision (review/main): lets the queue show and
   * count what is still to verify without reading every review. The decision itself stays private.
   */
  reviewed: z._default(z.boolean(), false),
  /** The profile as it was at the final lock: what the operator verifies. */
  profile: z._default(z.nullable(candidateProfile()), null),
  eligibility: z._default(z.nullable(storedEligibility), null),
  /** Per checklist entry id (documentRequirement.id). */
  documents: z._default(z.record(z.string(), applicationDocument), {}),
  /**
   * The tanda bukti pendaftaran: documents/{documentId}. The number comes first; `sha256` arrives
   * once its PDF is stored (the record settled, same transaction): the phone offers the download then,
   * since a file not yet written reads as refused.
   */
  receipt: z._default(
    z.nullable(z.object({ documentId: z.string(), number: z.string(), sha256: z.optional(z.string()) })),
    null,
  ),
  /**
   * The administrative result as announced (copied from the review when it is published, and changed
   * by an accepted objection). Null before: the status stays "submitted" for the candidate until then.
   */
  result: z._default(z.nullable(verification), null),
  objection: z._default(z.nullable(objection), null),
  /**
   * Per stage, the candidate's own outcome once its result is announced (publishStageResult): goes on
   * or not, why not, and the rank and total only where the plan publishes scores. Only the candidate
   * and the staff read the application; other candidates never do.
   */
  stageOutcomes: z._default(z.record(z.string(), stageOutcome), {}),
});
export type StoredApplication = z.infer<typeof storedApplication>;
