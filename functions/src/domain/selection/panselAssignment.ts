/**
 * Pansel members assigned to posts. By default every member of the committee works on every post; an
 * operator may narrow a post to some of them (a member who knows that post's field, or to split a
 * large selection). The rules then let a member read only the applicants of their posts, and issue 9's
 * scoring counts the quorum over the members assigned.
 */
import type { Issue } from "../issue.js";
import { STAGES, type Stage } from "../stages.js";
import type { StoredSelection } from "./stored.js";

/** Once ranking starts, who scored is fixed: the assignment can no longer change (nor once cancelled). */
export function assignmentClosed(stage: Stage): boolean {
  return stage === "dibatalkan" || STAGES.indexOf(stage) >= STAGES.indexOf("pemeringkatan");
}

type AssignmentView = Pick<StoredSelection, "stage" | "posts" | "postDecisions" | "panselUids" | "panselAssignments">;

/** Why this assignment cannot be recorded; empty when it can. */
export function assignmentIssues(selection: AssignmentView, postId: string, memberUids: readonly string[]): Issue[] {
  if (assignmentClosed(selection.stage)) return [{ code: "err.assign.closed" }];
  if (!selection.posts.some((p) => p.id === postId)) return [{ code: "err.assign.noPost", field: "postId" }];
  if (selection.postDecisions[postId] === "cancelPost") return [{ code: "err.assign.postCancelled", field: "postId" }];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const uid of memberUids) {
    if (seen.has(uid)) issues.push({ code: "err.assign.duplicate", field: "memberUids" });
    else if (!selection.panselUids.includes(uid)) issues.push({ code: "err.assign.notMember", field: "memberUids" });
    seen.add(uid);
  }
  return issues;
}

/** The members who work on a post: its assignment, else the whole committee with an account. */
export function assignedMembers(selection: AssignmentView, postId: string): readonly string[] {
  return selection.panselAssignments[postId] ?? selection.panselUids;
}
