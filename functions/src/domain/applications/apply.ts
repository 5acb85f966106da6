/**
 * May this candidate apply to this post, and may this application be submitted (the final lock)?
 * Pure: what the functions read in their transaction (profile, selection, post, the candidate's other
 * applications, the server's clock as a number) comes in; the refusals come out as catalogue keys,
 * so the callables and the candidate's screen say the same thing.
 *
 * What is decided here and nowhere else:
 * - only an account whose NIP is its own (confirmed) applies: a pending reservation may still go to
 *   someone else, and an account that lost a NIP dispute must not apply in that person's name;
 * - registration is open by the SERVER's clock (window.ts), never the phone's;
 * - a post cancelled for too few applicants takes no more applications;
 * - "open to" refuses only on a sure "not met"; a profile that does not say where the candidate
 *   serves is let through with a warning, and the operator's verification decides;
 * - the selection's cap on posts per candidate counts every application that is not withdrawn.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import { requestId } from "../selection/process.js";
import { isOpenTo, type OpenToResult, type OpenToRule } from "../eligibility/openTo.js";
import { profileCompleteness, type CandidateProfile, type ProfileSection } from "../schemas/profile.js";
import type { Stage } from "../stages.js";
import type { ShortfallDecision } from "../regulation/profile.js";
import type { DocumentRequirement } from "../selection/setup.js";
import type { ApplicationDocument, ApplicationStatus } from "./application.js";
import { registrationOpen } from "./window.js";

const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, { error: "err.input.invalid" }));

/**
 * The callables' inputs. The application's id is derived from (selection, post, caller), so a retry
 * lands on the same document whatever the request id; the id still travels, as with every action.
 */
export const applyToPostInput = z.object({ selectionId: docId, postId: docId, requestId });
export type ApplyToPostInput = z.output<typeof applyToPostInput>;
export const submitApplicationInput = z.object({ applicationId: docId, requestId });
export type SubmitApplicationInput = z.output<typeof submitApplicationInput>;

/** As profiles/{uid}.nipStatus; absent on accounts made before NIP reservations (the demo's). */
export type NipStatus = "pending" | "confirmed" | "taken" | "released" | undefined;

export type Decision<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: Issue[] };

export interface ApplyFacts {
  readonly nipStatus: NipStatus;
  /** The profile's "where I serve", as typed (the open-to check reads only this). */
  readonly profile: { readonly currentInstansi?: string | undefined; readonly province?: string | undefined };
  readonly stage: Stage;
  readonly closesAtMs: number | null;
  readonly nowMs: number;
  /** Whether the post exists in the selection, and what was decided for it at the end of registration. */
  readonly postExists: boolean;
  readonly postDecision: ShortfallDecision | undefined;
  readonly openToRule: OpenToRule | null;
  readonly maxPostsPerCandidate: number;
  /** The candidate's other applications in this selection, by status (this post's excluded). */
  readonly otherApplications: readonly ApplicationStatus[];
}

/** Whether a NIP status lets its account act as that civil servant. */
export function nipIsOwn(status: NipStatus): boolean {
  return status === undefined || status === "confirmed";
}

/** The first refusal of an application, or the open-to result to show beside it (null: no rule). */
export function mayApply(f: ApplyFacts): Decision<{ openTo: OpenToResult | null }> {
  const refuse = (issue: Issue) => ({ ok: false as const, issues: [issue] });
  if (!nipIsOwn(f.nipStatus)) return refuse({ code: "err.apply.nipNotConfirmed" });
  if (!f.postExists) return refuse({ code: "err.apply.noPost" });
  const windowIssue = registrationIssue(f.stage, f.closesAtMs, f.nowMs);
  if (windowIssue) return refuse(windowIssue);
  if (f.postDecision === "cancelPost") return refuse({ code: "err.apply.postCancelled" });
  const openTo = f.openToRule ? isOpenTo(f.openToRule, f.profile) : null;
  if (openTo?.status === "notMet") return refuse({ code: "err.apply.notOpenTo", params: openTo.params });
  const active = f.otherApplications.filter((s) => s !== "withdrawn").length;
  if (active >= f.maxPostsPerCandidate) {
    return refuse({ code: "err.apply.tooManyPosts", params: { max: f.maxPostsPerCandidate } });
  }
  return { ok: true, value: { openTo } };
}

/** Why registration is not open now by the server's clock, or undefined when it is. */
export function registrationIssue(stage: Stage, closesAtMs: number | null, nowMs: number): Issue | undefined {
  if (registrationOpen(stage, closesAtMs, nowMs)) return undefined;
  // Before the pendaftaran stage is approved the selection has not opened; after it, or past the
  // last instant of the last day, it has closed.
  const before = stage === "persiapan";
  return { code: before ? "err.apply.notOpenYet" : "err.apply.closed" };
}

/**
 * Profile sections that must be filled before the final lock: what the operator needs to verify the
 * application against the SK, ijazah and SKP. The SKP ratings do not block: a candidate whose last
 * two ratings are not in the profile still submits, and the check shows "cannot tell".
 */
export const SUBMIT_SECTIONS: readonly ProfileSection[] = [
  "identity",
  "birth",
  "rank",
  "currentPost",
  "posts",
  "education",
  "contact",
];

export function blockingSections(profile: CandidateProfile): ProfileSection[] {
  const missing = profileCompleteness(profile).missing;
  return SUBMIT_SECTIONS.filter((s) => missing.includes(s));
}

export interface ChecklistEntry {
  readonly requirement: DocumentRequirement;
  readonly current: ApplicationDocument | undefined;
}

/** Required checklist entries without a file the upload check accepted: missing, still checking, rejected. */
export function unreadyDocuments(
  checklist: readonly DocumentRequirement[],
  documents: Readonly<Record<string, ApplicationDocument>>,
): DocumentRequirement[] {
  return checklist.filter((r) => r.required && documents[r.id]?.status !== "accepted");
}

export interface SubmitFacts {
  readonly isOwner: boolean;
  readonly status: ApplicationStatus;
  readonly stage: Stage;
  readonly closesAtMs: number | null;
  readonly nowMs: number;
  readonly nipStatus: NipStatus;
  readonly postDecision: ShortfallDecision | undefined;
  readonly checklist: readonly DocumentRequirement[];
  readonly documents: Readonly<Record<string, ApplicationDocument>>;
  /** The profile parsed with candidateProfile(), or the keys of why it does not parse. */
  readonly profile: { readonly ok: true; readonly value: CandidateProfile } | { readonly ok: false };
}

/**
 * Every reason the application cannot be locked now, so the candidate fixes them all at once (each
 * missing document and each profile section named); the first of owner, status and window alone,
 * since nothing else matters when one of those fails.
 */
export function maySubmit(f: SubmitFacts): Decision<{ profile: CandidateProfile }> {
  if (!f.isOwner) return { ok: false, issues: [{ code: "err.apply.notOwner" }] };
  if (f.status !== "draft") return { ok: false, issues: [{ code: "err.apply.notDraft" }] };
  const windowIssue = registrationIssue(f.stage, f.closesAtMs, f.nowMs);
  if (windowIssue) return { ok: false, issues: [windowIssue] };
  if (!nipIsOwn(f.nipStatus)) return { ok: false, issues: [{ code: "err.apply.nipNotConfirmed" }] };
  if (f.postDecision === "cancelPost") return { ok: false, issues: [{ code: "err.apply.postCancelled" }] };

  const issues: Issue[] = unreadyDocuments(f.checklist, f.documents).map((r) => {
    const doc = f.documents[r.id];
    const code =
      doc?.status === "rejected"
        ? "err.submit.documentRejected"
        : doc
          ? "err.submit.documentChecking"
          : "err.submit.documentMissing";
    return { code, params: { document: r.label }, field: `documents.${r.id}` };
  });
  if (!f.profile.ok) {
    issues.push({ code: "err.submit.profileInvalid", field: "profile" });
  } else {
    for (const section of blockingSections(f.profile.value)) {
      issues.push({ code: "err.submit.profileIncomplete", params: { section }, field: `profile.${section}` });
    }
  }
  if (issues.length > 0 || !f.profile.ok) return { ok: false, issues };
  return { ok: true, value: { profile: f.profile.value } };
}

/**
 * The selection's counters after a submission: one more applicant for the post, one more application
 * for the operators to verify. Pure arithmetic on what the transaction read, written in the same
 * transaction as the lock, so a gate never sees one without the other.
 */
export function countsAfterSubmit(
  counts: { readonly applicantsPerPost: Readonly<Record<string, number>>; readonly unverifiedApplications: number },
  postId: string,
): { applicantsPerPost: Record<string, number>; unverifiedApplications: number } {
  return {
    applicantsPerPost: { ...counts.applicantsPerPost, [postId]: (counts.applicantsPerPost[postId] ?? 0) + 1 },
    unverifiedApplications: counts.unverifiedApplications + 1,
  };
}
