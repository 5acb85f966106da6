/**
 * Too few applicants at the end of registration: an operator extends the registration of the posts
 * short of applicants, or, after the last extension, records the decision on such a post. Each call
 * is one Firestore transaction that re-reads the selection, asks the domain
 * (../domain/selection/registration.ts) what the regulation profile allows, and writes the change,
 * the audit entry and the answer for retries together, or nothing at all.
 */
import type { z } from "zod/mini";
import { decidePostShortfallOutput, extendRegistrationOutput } from "../domain/callables.js";
import { type DecidePostShortfallInput, type ExtendRegistrationInput } from "../domain/selection/process.js";
import { planExtension, shortfallDecisionIssues } from "../domain/selection/registration.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import type { RegulationProfile } from "../domain/regulation/profile.js";
import { profileById } from "../domain/regulation/profiles.js";
import { todayIn } from "../shell/clock.js";
import { issueError } from "../shell/errors.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { operatorActor } from "./audit.js";
import { readInstansi } from "./selectionStore.js";
import { runSelectionStep } from "./step.js";

export type ExtendResult = z.output<typeof extendRegistrationOutput>;
export type ShortfallDecisionResult = z.output<typeof decidePostShortfallOutput>;

/** The selection's own profile: the rule it was set up under, never the one in force today. */
function profileOf(selection: StoredSelection): RegulationProfile {
  const profile = profileById(selection.regulationProfileId);
  if (!profile) {
    throw issueError("failed-precondition", [
      { code: "err.setup.profileUnknown", field: "regulationProfileId", params: { id: selection.regulationProfileId } },
    ]);
  }
  return profile;
}

export async function extendRegistration(
  caller: Caller,
  input: ExtendRegistrationInput,
  now: Date,
): Promise<ExtendResult> {
  requireOperator(caller);
  const request = { caller, ...input, action: "extend", answer: extendRegistrationOutput, now };
  return runSelectionStep(request, async ({ tx, selection }) => {
    const instansi = await readInstansi(tx, selection.instansiId);
    const plan = planExtension(selection, input.postIds, profileOf(selection), todayIn(instansi.timeZone, now));
    if (!plan.ok) throw issueError("failed-precondition", plan.errors);

    const { end, extensions, granted, warnings } = plan.value;
    const oldEnd = selection.schedule.pendaftaran?.end ?? "";
    const names = Object.fromEntries(selection.posts.map((p) => [p.id, p.name]));
    // Names and dates only, so the timeline reads the same in either language.
    const reason = `${granted.map((g) => names[g.postId]).join(", ")}: ${oldEnd} → ${end}`;
    const postIds = granted.map((g) => g.postId).join(",");
    return {
      result: { end, extensions, warnings: [...warnings] },
      write: { update: { "schedule.pendaftaran.end": end, extensions } },
      audit: { actor: operatorActor(caller), action: "extend", to: null, reason, reference: postIds },
    };
  });
}

/**
 * A cancelled post stays in `posts` (the announcement named it, and the record must show what became
 * of it); the stages that rank and appoint leave it out by its `postDecisions` entry.
 */
export async function decidePostShortfall(
  caller: Caller,
  input: DecidePostShortfallInput,
  now: Date,
): Promise<ShortfallDecisionResult> {
  requireOperator(caller);
  const request = { caller, ...input, action: "decidePost", answer: decidePostShortfallOutput, now };
  return runSelectionStep(request, async ({ tx, selection }) => {
    const instansi = await readInstansi(tx, selection.instansiId);
    const today = todayIn(instansi.timeZone, now);
    const issues = shortfallDecisionIssues(selection, input.postId, input.decision, profileOf(selection), today);
    if (issues.length > 0) throw issueError("failed-precondition", issues);

    const postDecisions = { ...selection.postDecisions, [input.postId]: input.decision };
    const post = selection.posts.find((p) => p.id === input.postId)?.name ?? input.postId;
    return {
      result: { postId: input.postId, decision: input.decision },
      write: { update: { postDecisions } },
      audit: {
        actor: operatorActor(caller),
        action: input.decision,
        to: null,
        reason: `${post}: ${input.reason}`,
        reference: input.postId,
      },
    };
  });
}
