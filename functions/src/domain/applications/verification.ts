/**
 * The operators' administrative verification of a submitted application (issue 8, "Operators verify"):
 * each document on the checklist marked valid or invalid with a reason, the application decided MS or
 * TMS with reasons, and optionally confirmed by a second operator. Pure: the stored application and
 * review, who acts and when come in; what to write (or why not) comes out. The functions'
 * shell (functions/src/process/verification.ts) reads and writes them in one transaction.
 *
 * When: in stage seleksiAdministrasi, and already in pendaftaran once registration has closed by the
 * server's clock. A submitted application is locked, so nothing the operator looks at can change
 * after the close; starting then lets BKPSDM verify while the move to seleksiAdministrasi waits for
 * the Sekda's approval, which is how the national portal's operators work to a short administrative
 * week. Before the close an application may still be joined by others, so the queue is not final.
 *
 * What it leaves: the decision stays in review/main (staff only) and the application's status stays
 * `submitted`; MS/TMS reaches the candidate only when the administrative result is published.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import type { Stage } from "../stages.js";
import { requestId } from "../selection/process.js";
import {
  DOCUMENT_REVIEWS,
  VERIFICATION_DECISIONS,
  type ApplicationReview,
  type StoredApplication,
  type Verification,
} from "./application.js";

const applicationIdField = z.string().check(z.regex(/^[A-Za-z0-9_-]{3,200}$/, { error: "err.input.invalid" }));
const documentType = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" }));
const reasonText = z.string().check(z.trim(), z.maxLength(1000, { error: "err.input.invalid" }));

export const reviewApplicationDocumentInput = z
  .object({
    applicationId: applicationIdField,
    documentType,
    result: z.enum(DOCUMENT_REVIEWS, { error: "err.input.invalid" }),
    reason: z._default(reasonText, ""),
    requestId,
  })
  .check(
    z.refine((v) => v.result === "valid" || v.reason.length > 0, {
      error: "err.verify.reasonRequired",
      path: ["reason"],
    }),
  );
export type ReviewApplicationDocumentInput = z.output<typeof reviewApplicationDocumentInput>;

export const decideApplicationInput = z
  .object({
    applicationId: applicationIdField,
    decision: z.enum(VERIFICATION_DECISIONS, { error: "err.input.invalid" }),
    reasons: z._default(
      z.array(reasonText.check(z.minLength(1, { error: "err.verify.reasonRequired" }))).check(z.maxLength(20)),
      [],
    ),
    requestId,
  })
  .check(
    z.refine((v) => v.decision === "ms" || v.reasons.length > 0, {
      error: "err.verify.tmsReasonRequired",
      path: ["reasons"],
    }),
  );
export type DecideApplicationInput = z.output<typeof decideApplicationInput>;

export const confirmApplicationDecisionInput = z.object({ applicationId: applicationIdField, requestId });
export type ConfirmApplicationDecisionInput = z.output<typeof confirmApplicationDecisionInput>;

export const reviewApplicationDocumentOutput = z.object({
  documentType: z.string(),
  result: z.enum(DOCUMENT_REVIEWS),
});
export const decideApplicationOutput = z.object({
  decision: z.enum(VERIFICATION_DECISIONS),
  /** Whether this call took the application off the count of unverified ones. */
  counted: z.boolean(),
});
export const confirmApplicationDecisionOutput = z.object({ confirmed: z.literal(true), counted: z.boolean() });

export interface Actor {
  readonly uid: string;
  readonly name: string;
}

/** Whether operators may verify now: see the module's comment. */
export function verificationOpen(stage: Stage, registrationClosesAtMs: number | null, nowMs: number): boolean {
  if (stage === "seleksiAdministrasi") return true;
  return stage === "pendaftaran" && registrationClosesAtMs !== null && nowMs >= registrationClosesAtMs;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: Issue[] };
const refuse = (code: Issue["code"], params?: Issue["params"]): Outcome<never> => ({
  ok: false,
  issues: [params ? { code, params } : { code }],
});

/** What every verification step needs of the application before anything else. */
function lockedForVerification(app: StoredApplication, review: ApplicationReview): Outcome<never> | undefined {
  // A draft is the candidate's still (and may change under the operator); ms/tms are published.
  if (app.status !== "submitted") return refuse("err.verify.notSubmitted", { status: app.status });
  if (review.verification?.confirmedByUid) return refuse("err.verify.confirmed");
  return undefined;
}

export type DocumentReviewEntry = ApplicationReview["documents"][string];

/** One document marked valid or invalid: the entry to store under review.documents[documentType]. */
export function reviewDocument(
  app: StoredApplication,
  review: ApplicationReview,
  input: Pick<ReviewApplicationDocumentInput, "documentType" | "result" | "reason">,
  actor: Actor,
  at: string,
): Outcome<DocumentReviewEntry> {
  const locked = lockedForVerification(app, review);
  if (locked) return locked;
  const file = app.documents[input.documentType];
  if (!file) return refuse("err.verify.noDocument", { document: input.documentType });
  // A file the upload check refused (wrong type, bad hash) is not the document it claims to be.
  if (input.result === "valid" && file.status !== "accepted") {
    return refuse("err.verify.fileNotAccepted", { document: file.fileName });
  }
  // An MS decision rests on every document being valid: change it to TMS (with this reason) first.
  if (input.result === "invalid" && review.verification?.decision === "ms") return refuse("err.verify.decidedMs");
  return {
    ok: true,
    value: {
      fileId: file.fileId,
      result: input.result,
      reason: input.result === "invalid" ? input.reason : "",
      byUid: actor.uid,
      byName: actor.name,
      at,
    },
  };
}

/** Documents on the checklist whose current file has no valid review (a re-upload needs a new look). */
export function documentsNotValid(app: StoredApplication, review: ApplicationReview): string[] {
  return Object.entries(app.documents)
    .filter(([type, file]) => {
      const seen = review.documents[type];
      return !seen || seen.fileId !== file.fileId || seen.result !== "valid";
    })
    .map(([type]) => type)
    .sort();
}

export interface Decision {
  readonly verification: Verification;
  /** The first decision on this application: the unverified count goes down by one (unless confirmation counts). */
  readonly first: boolean;
}

/** MS or TMS with reasons. A decision may be changed until it is confirmed or published; it counts once. */
export function decide(
  app: StoredApplication,
  review: ApplicationReview,
  input: Pick<DecideApplicationInput, "decision" | "reasons">,
  actor: Actor,
  at: string,
): Outcome<Decision> {
  const locked = lockedForVerification(app, review);
  if (locked) return locked;
  if (input.decision === "tms" && input.reasons.length === 0) return refuse("err.verify.tmsReasonRequired");
  if (input.decision === "ms") {
    const pending = documentsNotValid(app, review);
    if (pending.length > 0) return refuse("err.verify.documentsNotValid", { documents: pending.join(", ") });
  }
  return {
    ok: true,
    value: {
      first: review.verification === null,
      verification: {
        decision: input.decision,
        reasons: [...input.reasons],
        byUid: actor.uid,
        byName: actor.name,
        at,
        confirmedByUid: null,
        confirmedByName: null,
        confirmedAt: null,
        changedByObjection: null,
      },
    },
  };
}

/** A second operator, not the one who decided, confirms the decision; it is then final until publication. */
export function confirm(
  app: StoredApplication,
  review: ApplicationReview,
  actor: Actor,
  at: string,
): Outcome<Verification> {
  const locked = lockedForVerification(app, review);
  if (locked) return locked;
  const current = review.verification;
  if (!current) return refuse("err.verify.notDecided");
  // Four eyes: the one who decided cannot also be the one who checks.
  if (current.byUid === actor.uid) return refuse("err.verify.sameOperator");
  return { ok: true, value: { ...current, confirmedByUid: actor.uid, confirmedByName: actor.name, confirmedAt: at } };
}

/**
 * Whether a step takes the application off `counts.unverifiedApplications`. Without a second
 * verifier the first decision verifies it; with one, the confirmation does (a decision can no longer
 * change after it, so it counts once either way).
 */
export function countsAsVerified(step: "decide" | "confirm", secondVerifier: boolean, first: boolean): boolean {
  return step === "decide" ? !secondVerifier && first : secondVerifier;
}

/** The review document of an application that no operator has looked at yet. */
export function emptyReview(app: Pick<StoredApplication, "instansiId" | "selectionId" | "postId">): ApplicationReview {
  return {
    instansiId: app.instansiId,
    selectionId: app.selectionId,
    postId: app.postId,
    documents: {},
    verification: null,
  };
}
