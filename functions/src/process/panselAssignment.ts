/**
 * An operator assigns pansel members to a post: one selection step (audit entry, answer for retries)
 * that writes `panselAssignments.{postId}`, which the rules read to let a member see only the
 * applicants of their posts. The checks are the domain's (../domain/selection/panselAssignment.ts).
 */
import type { z } from "zod/mini";
import { assignPanselOutput } from "../domain/callables.js";
import type { AssignPanselInput } from "../domain/selection/process.js";
import { assignmentIssues } from "../domain/selection/panselAssignment.js";
import { issueError } from "../shell/errors.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { operatorActor } from "./audit.js";
import { runSelectionStep } from "./step.js";

export async function assignPansel(
  caller: Caller,
  input: AssignPanselInput,
  now: Date,
): Promise<z.output<typeof assignPanselOutput>> {
  requireOperator(caller);
  const request = { caller, ...input, action: "assignPansel", answer: assignPanselOutput, now };
  return runSelectionStep(request, ({ selection }) => {
    const issues = assignmentIssues(selection, input.postId, input.memberUids);
    if (issues.length > 0) throw issueError("failed-precondition", issues);
    // Kept in the committee's order, so the same members give the same stored list.
    const memberUids = selection.panselUids.filter((uid) => input.memberUids.includes(uid));
    const names = selection.pansel.filter((m) => m.uid && memberUids.includes(m.uid)).map((m) => m.name);
    const post = selection.posts.find((p) => p.id === input.postId)?.name ?? input.postId;
    return Promise.resolve({
      result: { postId: input.postId, memberUids },
      write: { update: { [`panselAssignments.${input.postId}`]: memberUids } },
      audit: {
        actor: operatorActor(caller),
        action: "assignPansel",
        to: null,
        reason: `${post}: ${names.join(", ")}`,
        reference: input.postId,
      },
    });
  });
}
