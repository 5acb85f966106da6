/**
 * Who may apply, as data (issue 8): all ASN of the instansi, of a province, or nationwide, with
 * optional further conditions in words. The stored setup still has `openTo` as free text; a later
 * step migrates the setup and the wizard to this schema (`openToRule`), which is why it is exported
 * here and not yet used by `selectionSetup`.
 *
 * Advisory like the rest of the eligibility check: the scope is computed from what the candidate's
 * profile says about where they serve; the further conditions are printed and verified by the operator.
 */
import { z } from "zod/mini";
import type { IssueParams } from "../issue.js";
import type { MessageKey } from "../i18n/messages.js";
import type { EligibilityStatus } from "./check.js";

export const OPEN_TO_SCOPES = ["instansi", "province", "national"] as const;
export type OpenToScope = (typeof OPEN_TO_SCOPES)[number];

const name = z
  .string()
  .check(
    z.trim(),
    z.minLength(2, { error: "err.openTo.nameRequired" }),
    z.maxLength(200, { error: "err.input.invalid" }),
  );
const conditions = z._default(
  z
    .array(z.string().check(z.trim(), z.maxLength(500, { error: "err.input.invalid" })))
    .check(z.maxLength(10, { error: "err.input.invalid" })),
  [],
);

export const openToRule = z.discriminatedUnion("scope", [
  /** ASN of the government running the selection; `instansiName` as the candidate's profile names it. */
  z.object({ scope: z.literal("instansi"), instansiName: name, conditions }),
  z.object({ scope: z.literal("province"), province: name, conditions }),
  z.object({ scope: z.literal("national"), conditions }),
]);
export type OpenToRule = z.infer<typeof openToRule>;

/** What the check needs of the candidate: the government they serve and its province, as entered. */
export interface OpenToCandidate {
  readonly currentInstansi?: string | undefined;
  readonly province?: string | undefined;
}

export interface OpenToResult {
  readonly status: EligibilityStatus;
  readonly code: MessageKey;
  readonly params: IssueParams;
  /** Further conditions for the operator to verify; never computed. */
  readonly conditions: readonly string[];
}

/** Names typed by people: "Kota Metro", "kota  metro " and "KOTA METRO" are the same government. */
function same(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");
  return norm(a) === norm(b);
}

export function isOpenTo(rule: OpenToRule, candidate: OpenToCandidate): OpenToResult {
  const { conditions } = rule;
  switch (rule.scope) {
    case "national":
      return { status: "met", code: "elig.openTo.national", params: {}, conditions };
    case "province": {
      if (!candidate.province?.trim()) {
        return {
          status: "unknown",
          code: "elig.openTo.provinceMissing",
          params: { province: rule.province },
          conditions,
        };
      }
      const status = same(candidate.province, rule.province) ? "met" : "notMet";
      return { status, code: "elig.openTo.province", params: { province: rule.province }, conditions };
    }
    case "instansi": {
      if (!candidate.currentInstansi?.trim()) {
        return {
          status: "unknown",
          code: "elig.openTo.instansiMissing",
          params: { instansi: rule.instansiName },
          conditions,
        };
      }
      const status = same(candidate.currentInstansi, rule.instansiName) ? "met" : "notMet";
      return { status, code: "elig.openTo.instansi", params: { instansi: rule.instansiName }, conditions };
    }
  }
}
