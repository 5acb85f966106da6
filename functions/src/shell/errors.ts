/**
 * Typed errors for callables. The message is Indonesian (the default UI language) so that even a
 * client that knows nothing of our catalogue shows something sensible; `details` carries the
 * catalogue key and values, and the web app renders those in the user's language.
 */
import { HttpsError, type FunctionsErrorCode } from "firebase-functions/v2/https";
import { renderIssue } from "../domain/i18n/render.js";
import type { Issue } from "../domain/issue.js";

export interface IssueDetails {
  readonly issues: readonly Issue[];
}

/** `extra` travels beside the issues, e.g. the current setup with a refused stale save. */
export function issueError(
  code: FunctionsErrorCode,
  issues: readonly Issue[],
  extra: Readonly<Record<string, unknown>> = {},
): HttpsError {
  const details: IssueDetails = { ...extra, issues: issues.length > 0 ? issues : [{ code: "err.unknown" }] };
  return new HttpsError(code, details.issues.map((i) => renderIssue("id", i)).join(" "), details);
}
