/**
 * When a user action's request id is kept and when it is dropped, in one place. The id makes a
 * retried call return the first answer instead of acting twice, so it is kept exactly while the
 * outcome is unknown (the connection dropped, the call timed out: the server may have acted), and
 * dropped once the outcome is known, on success or on a definite refusal, so that the next attempt
 * is a new action. Pure, so the policy is tested without a browser.
 */

/** Refused: nothing changed and the same request would be refused again. Unknown: the answer was lost. */
export type FailureKind = "refused" | "unknown";
export type Outcome = "success" | FailureKind;

const UNKNOWN_OUTCOME = new Set([
  "functions/unavailable",
  "functions/deadline-exceeded",
  "functions/internal",
  "functions/unknown",
  "functions/cancelled",
]);

export function failureKind(error: unknown): FailureKind {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  if (typeof code !== "string" || !code.startsWith("functions/")) return "unknown";
  return UNKNOWN_OUTCOME.has(code) ? "unknown" : "refused";
}

/** The id the next attempt of the same action uses: this one while the outcome is unknown, else none. */
export function requestIdAfter(outcome: Outcome, requestId: string): string | undefined {
  return outcome === "unknown" ? requestId : undefined;
}
