/**
 * Operators verify submitted applications: a document marked valid or invalid, the application
 * decided MS or TMS, the decision confirmed by a second operator. Each call is one selection step
 * (./step.ts): the answer of a retried call, the selection (the caller's government's), the
 * application and its review are read in one transaction; the domain
 * (../domain/applications/verification.ts) decides; the review, the application's `reviewed` flag,
 * the selection's unverified count, the audit entry and the answer are written together.
 */
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import {
  applicationReview,
  storedApplication,
  type ApplicationReview,
  type StoredApplication,
} from "../domain/applications/application.js";
import {
  confirm,
  confirmApplicationDecisionOutput,
  countsAsVerified,
  decide,
  decideApplicationOutput,
  emptyReview,
  reviewApplicationDocumentOutput,
  reviewDocument,
  verificationOpen,
  type ConfirmApplicationDecisionInput,
  type DecideApplicationInput,
  type ReviewApplicationDocumentInput,
} from "../domain/applications/verification.js";
import { registrationClosesAtMs } from "../domain/applications/window.js";
import type { AuditAction } from "../domain/selection/process.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { operatorActor } from "./audit.js";
import { readInstansi } from "./selectionStore.js";
import { runSelectionStep, type StepOutcome } from "./step.js";

const applicationRef = (id: string) => db.collection(COLLECTIONS.applications).doc(id);
const reviewRef = (id: string) => applicationRef(id).collection(COLLECTIONS.review).doc("main");

interface Loaded {
  readonly tx: Transaction;
  readonly selection: StoredSelection;
  readonly app: StoredApplication;
  readonly review: ApplicationReview;
  readonly at: string;
}

/**
 * The application's selection, found before the transaction (it never changes), so the step can
 * take the selection's lock, audit counter and request ids. Another government's operator is
 * refused before learning anything of the application's state.
 */
async function selectionOf(caller: Caller, applicationId: string): Promise<string> {
  const instansiId = requireOperator(caller);
  const snap = await applicationRef(applicationId).get();
  if (!snap.exists) throw issueError("not-found", [{ code: "err.verify.notFound" }]);
  if (snap.get("instansiId") !== instansiId) {
    throw issueError("permission-denied", [{ code: "err.selection.otherInstansi" }]);
  }
  const selectionId: unknown = snap.get("selectionId");
  if (typeof selectionId !== "string")
    throw issueError("data-loss", [
      { code: "err.stored.malformed", params: { path: `applications/${applicationId}` } },
    ]);
  return selectionId;
}

async function verificationStep<S extends z.ZodMiniType>(
  caller: Caller,
  input: { readonly applicationId: string; readonly requestId: string },
  action: AuditAction,
  answer: S,
  now: Date,
  step: (loaded: Loaded) => StepOutcome<z.output<S>>,
): Promise<z.output<S>> {
  const { applicationId, requestId } = input;
  const selectionId = await selectionOf(caller, applicationId);
  return runSelectionStep({ caller, selectionId, requestId, action, answer, now }, async ({ tx, selection, at }) => {
    const appPath = `applications/${applicationId}`;
    const [appSnap, reviewSnap] = await Promise.all([
      tx.get(applicationRef(applicationId)),
      tx.get(reviewRef(applicationId)),
    ]);
    const app = parseStored(storedApplication, appSnap.data(), appPath);
    if (app.selectionId !== selectionId || app.instansiId !== selection.instansiId) {
      throw issueError("data-loss", [{ code: "err.stored.malformed", params: { path: appPath } }]);
    }
    const review = reviewSnap.exists
      ? parseStored(applicationReview, reviewSnap.data(), `${appPath}/review/main`)
      : emptyReview(app);
    // Only in pendaftaran does the answer depend on the government's zone: read the instansi then.
    const closesAt =
      selection.stage === "pendaftaran"
        ? registrationClosesAtMs(selection.schedule, (await readInstansi(tx, selection.instansiId)).timeZone)
        : null;
    if (!verificationOpen(selection.stage, closesAt, now.getTime())) {
      throw issueError("failed-precondition", [{ code: "err.verify.notOpen", params: { stage: selection.stage } }]);
    }
    return step({ tx, selection, app, review, at });
  });
}

/** Names only, so the timeline reads the same in either language. */
const who = (app: StoredApplication) => `${app.candidateName} (${app.postName})`;

function unverifiedAfter(selection: StoredSelection, counted: boolean): Record<string, unknown> {
  // Never below zero: an application submitted before the count was kept would otherwise push it
  // negative and leave the gate's "none unverified" unreachable.
  return counted ? { "counts.unverifiedApplications": Math.max(0, selection.counts.unverifiedApplications - 1) } : {};
}

export function reviewApplicationDocument(
  caller: Caller,
  input: ReviewApplicationDocumentInput,
  now: Date,
): Promise<z.output<typeof reviewApplicationDocumentOutput>> {
  return verificationStep(caller, input, "reviewDocument", reviewApplicationDocumentOutput, now, (loaded) => {
    const { tx, app, review, at } = loaded;
    const outcome = reviewDocument(app, review, input, caller, at);
    if (!outcome.ok) throw issueError("failed-precondition", outcome.issues);
    tx.set(reviewRef(input.applicationId), {
      ...review,
      documents: { ...review.documents, [input.documentType]: outcome.value },
    });
    const file = app.documents[input.documentType]?.fileName ?? input.documentType;
    const reason = `${who(app)}: ${file} ${input.result}${outcome.value.reason ? ` (${outcome.value.reason})` : ""}`;
    return {
      result: { documentType: input.documentType, result: input.result },
      write: { update: {} },
      audit: {
        actor: operatorActor(caller),
        action: "reviewDocument",
        to: null,
        reason,
        reference: input.applicationId,
      },
    };
  });
}

export function decideApplication(
  caller: Caller,
  input: DecideApplicationInput,
  now: Date,
): Promise<z.output<typeof decideApplicationOutput>> {
  return verificationStep(caller, input, "verify", decideApplicationOutput, now, (loaded) => {
    const { tx, selection, app, review, at } = loaded;
    const outcome = decide(app, review, input, caller, at);
    if (!outcome.ok) throw issueError("failed-precondition", outcome.issues);
    const counted = countsAsVerified("decide", selection.secondVerifier ?? false, outcome.value.first);
    tx.set(reviewRef(input.applicationId), { ...review, verification: outcome.value.verification });
    tx.update(applicationRef(input.applicationId), { reviewed: true, updatedAt: at });
    const reasons = input.reasons.length > 0 ? `: ${input.reasons.join("; ")}` : "";
    return {
      result: { decision: input.decision, counted },
      write: { update: unverifiedAfter(selection, counted) },
      audit: {
        actor: operatorActor(caller),
        action: "verify",
        to: null,
        reason: `${who(app)}: ${input.decision.toUpperCase()}${reasons}`,
        reference: input.applicationId,
      },
    };
  });
}

export function confirmApplicationDecision(
  caller: Caller,
  input: ConfirmApplicationDecisionInput,
  now: Date,
): Promise<z.output<typeof confirmApplicationDecisionOutput>> {
  return verificationStep(caller, input, "confirmVerification", confirmApplicationDecisionOutput, now, (loaded) => {
    const { tx, selection, app, review, at } = loaded;
    const outcome = confirm(app, review, caller, at);
    if (!outcome.ok) throw issueError("failed-precondition", outcome.issues);
    const counted = countsAsVerified("confirm", selection.secondVerifier ?? false, false);
    tx.set(reviewRef(input.applicationId), { ...review, verification: outcome.value });
    return {
      result: { confirmed: true as const, counted },
      write: { update: unverifiedAfter(selection, counted) },
      audit: {
        actor: operatorActor(caller),
        action: "confirmVerification",
        to: null,
        reason: `${who(app)}: ${outcome.value.decision.toUpperCase()}`,
        reference: input.applicationId,
      },
    };
  });
}
