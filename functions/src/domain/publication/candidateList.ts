/**
 * The candidate's list of open selections (issue 8): those open to them first, by the setup's "open
 * to" rule against the government and province their profile names.
 */
import type { EligibilityStatus } from "../eligibility/check.js";
import { isOpenTo, type OpenToCandidate } from "../eligibility/openTo.js";
import { ruleOfScope, type OpenToScope } from "./projection.js";

const OPEN_FIRST: Record<EligibilityStatus, number> = { met: 0, unknown: 1, notMet: 2 };

/**
 * A candidate's list: the selections open to them first, then those it cannot tell (a profile
 * without its government or province, a setup without a rule), then those not open to them; the
 * query's order (the nearest deadline first) stays within each group.
 */
export function openToOrder<S extends { readonly openToScope: OpenToScope | null }>(
  selections: readonly S[],
  candidate: OpenToCandidate,
): { readonly selection: S; readonly status: EligibilityStatus }[] {
  return selections
    .map((selection) => ({
      selection,
      status: selection.openToScope ? isOpenTo(ruleOfScope(selection.openToScope), candidate).status : "unknown",
    }))
    .sort((a, b) => OPEN_FIRST[a.status] - OPEN_FIRST[b.status]);
}
