/** Findings: what the checks of a selection report, each with its field and the rule's citation. */
import type { MessageKey } from "../i18n/messages.js";
import type { Issue, IssueParams } from "../issue.js";

export type Severity = "error" | "warning";

/** An Issue with its weight and, where a rule applies, its citation (also in params.cite). */
export type Finding = Issue & { readonly severity: Severity; readonly cite?: string };

export function finding(
  severity: Severity,
  code: MessageKey,
  field: string,
  params: IssueParams = {},
  cite?: string,
): Finding {
  if (cite === undefined) return { severity, code, field, params };
  return { severity, code, field, params: { ...params, cite }, cite };
}

export const error = (code: MessageKey, field: string, params?: IssueParams, cite?: string) =>
  finding("error", code, field, params, cite);
export const warning = (code: MessageKey, field: string, params?: IssueParams, cite?: string) =>
  finding("warning", code, field, params, cite);
