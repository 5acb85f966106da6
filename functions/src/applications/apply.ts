/**
 * A candidate applies to a post (a draft), then submits it (the final lock). Each is one Firestore
 * transaction that reads what the domain's decision needs (../domain/applications/apply.ts) and
 * writes the outcome; the server's clock decides the window. The submission changes the selection's
 * counters in the same transaction as the lock, so a gate never counts an application that is not
 * there, nor misses one that is. The receipt is issued after the lock, in its own steps
 * (./receipt.ts): a receipt that fails to render leaves the submission standing, and submitting
 * again (or the document sweep) finishes it.
 */
import type { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import {
  applicationId as applicationIdOf,
  storedApplication,
  type StoredApplication,
} from "../domain/applications/application.js";
import {
  countsAfterSubmit,
  mayApply,
  maySubmit,
  type ApplyToPostInput,
  type NipStatus,
  type SubmitApplicationInput,
} from "../domain/applications/apply.js";
import { registrationClosesAtMs } from "../domain/applications/window.js";
import type { applyToPostOutput, submitApplicationOutput } from "../domain/callables.js";
import { calendarDate } from "../domain/calendar.js";
import { checkEligibility } from "../domain/eligibility/check.js";
import { message } from "../domain/i18n/render.js";
import type { Issue } from "../domain/issue.js";
import { profileById } from "../domain/regulation/profiles.js";
import { candidateProfile } from "../domain/schemas/profile.js";
import { readSelection, type StoredSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { todayInIndonesia } from "../shell/clock.js";
import { issueError } from "../shell/errors.js";
import { readInstansi, selectionRef } from "../process/selectionStore.js";
import { issueReceipt, type PublicSite } from "./receipt.js";

export type ApplyResult = z.output<typeof applyToPostOutput>;
export type SubmitResult = z.output<typeof submitApplicationOutput>;

const applicationRef = (id: string) => db.collection(COLLECTIONS.applications).doc(id);
const profileRef = (uid: string) => db.collection(COLLECTIONS.profiles).doc(uid);

async function readPublishedSelection(
  tx: FirebaseFirestore.Transaction,
  selectionId: string,
): Promise<StoredSelection> {
  const snap = await tx.get(selectionRef(selectionId));
  // A selection in preparation is nobody's business but its operators': the same answer as none.
  if (!snap.exists || snap.get("public") !== true) throw issueError("not-found", [{ code: "err.selection.notFound" }]);
  const read = readSelection(snap.data());
  if (!read.ok) throw issueError("failed-precondition", read.findings);
  return read.selection;
}

function nipStatusOf(profile: FirebaseFirestore.DocumentSnapshot): NipStatus {
  const status: unknown = profile.get("nipStatus");
  return status === "pending" || status === "confirmed" || status === "taken" || status === "released"
    ? status
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export async function applyToPost(caller: Caller, input: ApplyToPostInput, now: Date): Promise<ApplyResult> {
  const id = applicationIdOf(input.selectionId, input.postId, caller.uid);
  return db.runTransaction(async (tx): Promise<ApplyResult> => {
    const existing = await tx.get(applicationRef(id));
    // Applying twice, or a retry after a lost answer: the same application, nothing new written.
    if (existing.exists) {
      return { applicationId: id, status: storedApplication.parse(existing.data()).status, warnings: [] };
    }
    const profile = await tx.get(profileRef(caller.uid));
    if (!profile.exists) throw issueError("failed-precondition", [{ code: "err.profile.missing" }]);
    const selection = await readPublishedSelection(tx, input.selectionId);
    const instansi = await readInstansi(tx, selection.instansiId);
    const others = await tx.get(
      db
        .collection(COLLECTIONS.applications)
        .where("candidateUid", "==", caller.uid)
        .where("selectionId", "==", input.selectionId),
    );
    const post = selection.posts.find((p) => p.id === input.postId);
    const decision = mayApply({
      nipStatus: nipStatusOf(profile),
      profile: { currentInstansi: text(profile.get("currentInstansi")), province: text(profile.get("province")) },
      stage: selection.stage,
      closesAtMs: registrationClosesAtMs(selection.schedule, instansi.timeZone),
      nowMs: now.getTime(),
      postExists: post !== undefined,
      postDecision: selection.postDecisions[input.postId],
      openToRule: selection.openToRule,
      maxPostsPerCandidate: selection.maxPostsPerCandidate,
      otherApplications: others.docs.map((d) => storedApplication.parse(d.data()).status),
    });
    if (!decision.ok || !post) throw issueError("failed-precondition", decision.ok ? [] : decision.issues);

    const at = now.toISOString();
    const application: StoredApplication = {
      instansiId: selection.instansiId,
      selectionId: input.selectionId,
      postId: post.id,
      postName: post.name,
      candidateUid: caller.uid,
      candidateName: text(profile.get("name")) ?? "",
      nip: text(profile.get("nip")) ?? "",
      status: "draft",
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
      reviewed: false,
      profile: null,
      eligibility: null,
      documents: {},
      receipt: null,
      result: null,
      objection: null,
      stageOutcomes: {},
    };
    tx.create(applicationRef(id), application);
    const openTo = decision.value.openTo;
    return {
      applicationId: id,
      status: "draft",
      warnings: openTo && openTo.status === "unknown" ? [{ code: openTo.code, params: { ...openTo.params } }] : [],
    };
  });
}

/** The server's message names a profile section in words, not by its id. */
function withSectionNames(issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => {
    const section = issue.params?.["section"];
    if (issue.code !== "err.submit.profileIncomplete" || typeof section !== "string") return issue;
    return { ...issue, params: { ...issue.params, section: message("id", `profile.section.${section}` as never) } };
  });
}

export async function submitApplication(
  caller: Caller,
  input: SubmitApplicationInput,
  now: Date,
  site: PublicSite,
): Promise<SubmitResult> {
  const locked = await db.runTransaction(async (tx): Promise<{ application: StoredApplication }> => {
    const snap = await tx.get(applicationRef(input.applicationId));
    if (!snap.exists) throw issueError("not-found", [{ code: "err.apply.notFound" }]);
    const application = storedApplication.parse(snap.data());
    if (application.candidateUid !== caller.uid) {
      throw issueError("permission-denied", [{ code: "err.apply.notOwner" }]);
    }
    // Submitted already (a retry after a lost answer, a second tap): the lock holds, counted once.
    if (application.status === "submitted") return { application };

    const selection = await readPublishedSelection(tx, application.selectionId);
    const instansi = await readInstansi(tx, selection.instansiId);
    const profile = await tx.get(profileRef(caller.uid));
    if (!profile.exists) throw issueError("failed-precondition", [{ code: "err.profile.missing" }]);
    const parsed = candidateProfile(todayInIndonesia(now)).safeParse(profile.data());
    const post = selection.posts.find((p) => p.id === application.postId);
    if (!post) throw issueError("failed-precondition", [{ code: "err.apply.noPost" }]);

    const decision = maySubmit({
      isOwner: true,
      status: application.status,
      stage: selection.stage,
      closesAtMs: registrationClosesAtMs(selection.schedule, instansi.timeZone),
      nowMs: now.getTime(),
      nipStatus: nipStatusOf(profile),
      postDecision: selection.postDecisions[post.id],
      checklist: post.requirements.documents,
      documents: application.documents,
      profile: parsed.success ? { ok: true, value: parsed.data } : { ok: false },
    });
    if (!decision.ok) throw issueError("failed-precondition", withSectionNames(decision.issues));

    const regulation = profileById(selection.regulationProfileId);
    if (!regulation) {
      throw issueError("failed-precondition", [
        { code: "err.setup.profileUnknown", params: { id: selection.regulationProfileId } },
      ]);
    }
    const eligibility = checkEligibility(
      decision.value.profile,
      post,
      regulation,
      calendarDate(selection.referenceDate),
    ).map((r) => ({ ...r, params: { ...r.params } }));
    const at = now.toISOString();
    const counts = countsAfterSubmit(selection.counts, post.id);
    const lockedFields = {
      status: "submitted" as const,
      submittedAt: at,
      updatedAt: at,
      profile: decision.value.profile,
      eligibility,
    };
    tx.update(applicationRef(input.applicationId), lockedFields);
    // Only this post's counter and the unverified total: another post's concurrent submission
    // conflicts on the selection document and is retried with fresh counts.
    tx.update(selectionRef(application.selectionId), {
      [`counts.applicantsPerPost.${post.id}`]: counts.applicantsPerPost[post.id],
      "counts.unverifiedApplications": counts.unverifiedApplications,
    });
    return { application: { ...application, ...lockedFields } };
  });

  const submittedAt = locked.application.submittedAt ?? now.toISOString();
  let receipt: SubmitResult["receipt"] = null;
  try {
    receipt = await issueReceipt(input.applicationId, now, site);
  } catch (error) {
    // The lock stands; the candidate submits again (or the sweep runs) to get the receipt.
    console.error(`receipt of applications/${input.applicationId} not issued`, error);
  }
  return { applicationId: input.applicationId, submittedAt, receipt };
}
