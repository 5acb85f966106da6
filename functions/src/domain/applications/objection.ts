/**
 * Publishing the administrative result and the objections (sanggah) to it, as rules on data.
 *
 * - Publishing copies each submitted application's verification (review/main) into the application
 *   as its `result`, and sets its status ms or tms, all at once: before that moment a candidate never
 *   sees a half-finished review.
 * - The objection window: from the announcement until the end of the announcement day plus the
 *   profile's `objectionDays`, in the government's zone; the operators answer by the end of the
 *   filing day plus `objectionAnswerDays`. Instants are exact arithmetic (Indonesia's zones have
 *   fixed offsets); the server's clock comes in as an argument.
 */
import { z } from "zod/mini";
import { addDays, toIsoDate } from "../calendar.js";
import { maskNip } from "../nip.js";
import type { UploadManifest } from "../files/manifest.js";
import type { ObjectionRule } from "../regulation/profile.js";
import type { DocumentRequirement } from "../selection/setup.js";
import { requestId } from "../selection/process.js";
import { dateInZone, endOfDayMs, type IndonesianZone } from "./window.js";

export { dateInZone };
import type { ApplicationStatus, StoredApplication, Verification } from "./application.js";

export interface ObjectionWindow {
  /** The first instant after the window (the end of its last day in the zone). */
  readonly closesAtMs: number;
  /** Its last day, YYYY-MM-DD, as printed to the candidate and in the gate's message. */
  readonly lastDay: string;
}

/** The window counted from the announcement instant. */
export function objectionWindow(
  publishedAtMs: number,
  rule: Pick<ObjectionRule, "objectionDays">,
  zone: IndonesianZone,
): ObjectionWindow {
  const lastDay = toIsoDate(addDays(dateInZone(publishedAtMs, zone), rule.objectionDays));
  return { closesAtMs: endOfDayMs(lastDay, zone) ?? publishedAtMs, lastDay };
}

/** When the operators must have answered an objection filed at `filedAtMs`. */
export function answerDueMs(
  filedAtMs: number,
  rule: Pick<ObjectionRule, "objectionAnswerDays">,
  zone: IndonesianZone,
): number {
  const lastDay = toIsoDate(addDays(dateInZone(filedAtMs, zone), rule.objectionAnswerDays));
  return endOfDayMs(lastDay, zone) ?? filedAtMs;
}

/** Application ids are `${selection}_${post}_${uid}` (application.ts). */
const applicationIdField = z.string().check(z.regex(/^[A-Za-z0-9_-]{3,200}$/, { error: "err.input.invalid" }));

export const OBJECTION_TEXT_MIN = 20;
export const OBJECTION_TEXT_MAX = 3000;

export const fileObjectionInput = z.object({
  applicationId: applicationIdField,
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(OBJECTION_TEXT_MIN, { error: "err.objection.textShort" }),
      z.maxLength(OBJECTION_TEXT_MAX, { error: "err.objection.textLong" }),
    ),
  attachmentFileId: z._default(
    z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }))),
    null,
  ),
  requestId,
});
export type FileObjectionInput = z.output<typeof fileObjectionInput>;

/**
 * The one file a candidate may attach to an objection (a new SK, a letter): checked on completion
 * like a checklist document (functions/src/files/uploads.ts), with these formats and this limit.
 */
export const OBJECTION_ATTACHMENT: DocumentRequirement = {
  id: "sanggah",
  label: "Lampiran sanggah",
  required: false,
  formats: ["pdf", "jpg", "png"],
  maxSizeKb: 2048,
};

/** What fileObjection reads of the upload named as the attachment. */
export type AttachmentFacts = Pick<
  UploadManifest,
  "ownerUid" | "applicationId" | "documentType" | "purpose" | "status"
>;

/**
 * Why an upload cannot be an objection's attachment, or null: it must be an objection attachment of
 * this very application, the caller's own, and accepted by the completion check.
 */
export function attachmentRefusal(
  upload: AttachmentFacts | undefined,
  uid: string,
  applicationId: string,
): "err.objection.attachment" | "err.objection.attachmentRejected" | null {
  if (
    !upload ||
    upload.purpose !== "objection" ||
    upload.documentType !== OBJECTION_ATTACHMENT.id ||
    upload.ownerUid !== uid ||
    upload.applicationId !== applicationId
  ) {
    return "err.objection.attachment";
  }
  return upload.status === "accepted" ? null : "err.objection.attachmentRejected";
}

export const OBJECTION_DECISIONS = ["accept", "reject"] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

export const answerObjectionInput = z.object({
  applicationId: applicationIdField,
  decision: z.enum(OBJECTION_DECISIONS, { error: "err.input.invalid" }),
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: "err.objection.reasonRequired" }),
      z.maxLength(OBJECTION_TEXT_MAX, { error: "err.objection.textLong" }),
    ),
  requestId,
});
export type AnswerObjectionInput = z.output<typeof answerObjectionInput>;

export type ObjectionRefusal =
  "err.objection.notOwner" | "err.objection.notTms" | "err.objection.already" | "err.objection.closed";

/**
 * Why a candidate may not object now, or null. Order matters: a stranger learns nothing about the
 * application's result, and a second objection is named as such even after the window.
 */
export function objectionRefusal(
  application: Pick<StoredApplication, "candidateUid" | "status" | "result" | "objection">,
  uid: string,
  window: Pick<ObjectionWindow, "closesAtMs"> | null,
  nowMs: number,
): ObjectionRefusal | null {
  if (application.candidateUid !== uid) return "err.objection.notOwner";
  if (application.status !== "tms" || application.result?.decision !== "tms") return "err.objection.notTms";
  if (application.objection) return "err.objection.already";
  if (!window || nowMs >= window.closesAtMs) return "err.objection.closed";
  return null;
}

/** The result after an accepted objection: MS, with what it was before kept on the record. */
export function acceptedResult(result: Verification, answeredBy: { uid: string; name: string }, at: string) {
  return {
    ...result,
    decision: "ms" as const,
    reasons: [],
    byUid: answeredBy.uid,
    byName: answeredBy.name,
    at,
    changedByObjection: { from: result.decision, reasons: result.reasons, at },
  } satisfies Verification;
}

export interface ApplicationUnderPublication {
  readonly id: string;
  readonly status: ApplicationStatus;
  readonly verification: Verification | null;
}

export type PublishedResults =
  | {
      readonly ok: true;
      readonly updates: readonly { id: string; status: "ms" | "tms"; result: Verification }[];
    }
  | { readonly ok: false; readonly unverified: readonly string[] };

/**
 * What publishing writes to each application: submitted ones take their verification's decision.
 * Drafts (never submitted) and withdrawn ones are not part of the result. An application submitted
 * but not verified stops the publication: the gate counted it as verified, so the count is wrong.
 */
export function publishedResults(applications: readonly ApplicationUnderPublication[]): PublishedResults {
  const submitted = applications.filter((a) => a.status === "submitted");
  const unverified = submitted.filter((a) => a.verification === null).map((a) => a.id);
  if (unverified.length > 0) return { ok: false, unverified };
  return {
    ok: true,
    updates: submitted.map((a) => {
      const result = a.verification as Verification;
      return { id: a.id, status: result.decision, result };
    }),
  };
}

export interface PublishedCandidate {
  readonly name: string;
  /** Masked (maskNip): this list is public. */
  readonly nip: string;
}

/**
 * The MS candidates per post as they are announced: names and masked NIPs only, sorted by name;
 * posts cancelled for too few applicants are left out. Never a TMS name, never a reason.
 */
export function msListByPost(
  postIds: readonly string[],
  cancelledPostIds: readonly string[],
  applications: readonly Pick<StoredApplication, "postId" | "candidateName" | "nip" | "status">[],
): Record<string, PublishedCandidate[]> {
  const list: Record<string, PublishedCandidate[]> = {};
  for (const postId of postIds) {
    if (cancelledPostIds.includes(postId)) continue;
    list[postId] = applications
      .filter((a) => a.postId === postId && a.status === "ms")
      .map((a) => ({ name: a.candidateName, nip: maskNip(a.nip) }))
      .sort((a, b) => a.name.localeCompare(b.name, "id"));
  }
  return list;
}
