import { describe, expect, it } from "vitest";
import { failureKind, requestIdAfter } from "./requestPolicy";

const failure = (code: string) => Object.assign(new Error(code), { code });

describe("the request-id policy of user actions", () => {
  it("keeps the id while the outcome is unknown, so a retry cannot act twice", () => {
    for (const code of ["functions/unavailable", "functions/deadline-exceeded", "functions/internal"]) {
      expect(requestIdAfter(failureKind(failure(code)), "req-1")).toBe("req-1");
    }
    // A fetch that never reached the SDK's error mapping: no code at all.
    expect(requestIdAfter(failureKind(new TypeError("Failed to fetch")), "req-1")).toBe("req-1");
  });

  it("drops the id on a definite refusal, so the corrected attempt is a new action", () => {
    for (const code of [
      "functions/invalid-argument",
      "functions/failed-precondition",
      "functions/permission-denied",
      "functions/aborted",
      "functions/not-found",
    ]) {
      expect(failureKind(failure(code))).toBe("refused");
      expect(requestIdAfter("refused", "req-1")).toBeUndefined();
    }
  });

  it("drops the id on success", () => {
    expect(requestIdAfter("success", "req-1")).toBeUndefined();
  });
});
