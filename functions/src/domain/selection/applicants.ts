/**
 * Too few applicants at the end of (an extension of) registration: the rule the operators' selection
 * page and the registration step both ask. Pure, like ./checks.ts, which re-exports it.
 */
import type { RegulationProfile, ShortfallDecision } from "../regulation/profile.js";
import { error, warning, type Finding } from "./finding.js";

export type ApplicantOutcome =
  | { readonly status: "ok"; readonly applicants: number }
  | {
      readonly status: "extend";
      readonly applicants: number;
      readonly days: number;
      /** Which extension this is: 1 for the first. */
      readonly extension: number;
      readonly finding: Finding;
    }
  | {
      readonly status: "decisionNeeded";
      readonly applicants: number;
      readonly options: readonly ShortfallDecision[];
      readonly finding: Finding;
    };

/**
 * At the end of (an extension of) registration: per post, whether it has enough applicants, gets
 * another extension, or needs a recorded decision (cancel the post or continue). `postNames` makes
 * the messages name the post; without it they show the id.
 */
export function applicantShortfall(
  applicantsPerPost: Readonly<Record<string, number>>,
  extensionsSoFar: Readonly<Record<string, number>>,
  profile: RegulationProfile,
  postNames: Readonly<Record<string, string>> = {},
): Record<string, ApplicantOutcome> {
  const rule = profile.applicants;
  const outcomes: Record<string, ApplicantOutcome> = {};
  for (const [postId, applicants] of Object.entries(applicantsPerPost)) {
    if (applicants >= rule.minPerPost) {
      outcomes[postId] = { status: "ok", applicants };
      continue;
    }
    const done = extensionsSoFar[postId] ?? 0;
    const post = postNames[postId] ?? postId;
    const field = `applicants.${postId}`;
    if (done < rule.maxExtensions) {
      const extension = done + 1;
      const params = {
        post,
        count: applicants,
        min: rule.minPerPost,
        days: rule.extensionDays,
        extension,
        maxExtensions: rule.maxExtensions,
      };
      outcomes[postId] = {
        status: "extend",
        applicants,
        days: rule.extensionDays,
        extension,
        finding: warning("warn.applicants.extend", field, params, rule.cite),
      };
    } else {
      const params = { post, count: applicants, min: rule.minPerPost, extensions: done };
      outcomes[postId] = {
        status: "decisionNeeded",
        applicants,
        options: rule.afterLastExtension,
        finding: error("err.applicants.decisionNeeded", field, params, rule.cite),
      };
    }
  }
  return outcomes;
}
