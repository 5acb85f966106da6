/**
 * Turns a failed zod parse into Issues with catalogue keys. Checks written in this domain carry a
 * key as their message; zod's own checks (wrong type, missing field) become a generic "invalid input"
 * naming the field, which only a tampered client ever sees.
 */
import type { z } from "zod/mini";
import type { MessageKey } from "./i18n/messages.js";
import type { Issue, IssueParams } from "./issue.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): Parsed<z.output<S>> {
  // zod 4 leaves `issue.input` out unless asked; without it an unknown role is reported as
  // "undefined" instead of what was sent. The zod issues are dropped right after mapping, so the raw
  // input (a password, say) never leaves this function.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map(toIssue) };
}

function toIssue(issue: z.core.$ZodIssue): Issue {
  const field = issue.path.map(String).join(".");
  if (isMessageKey(issue.message)) {
    return { code: issue.message, params: paramsOf(issue), field };
  }
  return { code: "err.input.invalid", params: { detail: field || issue.code }, field };
}

/**
 * Our checks carry catalogue keys ("err.nip.length"); zod's own messages are English sentences.
 * Told apart by shape, so that validating a form does not pull every message into the bundle; the
 * catalogue tests make sure every key a check can produce exists.
 */
function isMessageKey(text: string): text is MessageKey {
  return /^(?:err|warn)\.[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/.test(text);
}

function paramsOf(issue: z.core.$ZodIssue): IssueParams {
  const params: Record<string, string | number> = {};
  if (issue.code === "custom" && issue.params) {
    for (const [k, v] of Object.entries(issue.params)) {
      if (typeof v === "string" || typeof v === "number") params[k] = v;
    }
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
    params[issue.code === "too_small" ? "min" : "max"] = bound;
  }
  if (issue.code === "invalid_value") params["value"] = String(issue.input);
  return params;
}
