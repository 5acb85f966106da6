/**
 * Typed errors for callables. The message is Indonesian (the default UI language) so that even a
 * client that knows nothing of our catalogue shows something sensible; `details` carries the
 * catalogue key and values, and the web app renders those in the user's language.
 */
import { HttpsError, type FunctionsErrorCode } from "firebase-functions/v2/https";
import type { z } from "zod/mini";
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

/**
 * A stored document parsed with its domain schema. A damaged one stops the request with the
 * document's path named (and logged with the schema's complaint), never a silent NaN or undefined.
 */
export function parseStored<S extends z.ZodMiniType>(schema: S, data: unknown, path: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  console.error(`${path} does not parse`, parsed.error.issues);
  throw issueError("data-loss", [{ code: "err.stored.malformed", params: { path } }]);
}
