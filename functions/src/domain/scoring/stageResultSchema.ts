/**
 * The stored shapes of a published stage result (./stageResult.ts): on the selection (read by the
 * public projection) and on each application (read by its candidate). Kept apart from the logic so
 * the selection's and the application's schemas import them without the ranking code.
 */
import { z } from "zod/mini";
import { PUBLISH_SCORES } from "../selection/setup.js";

/** One candidate who goes on, as printed and shown publicly. Figures in hundredths; null: not published. */
export const publishedCandidate = z.object({
  name: z.string(),
  nip: z.string(),
  rank: z.nullable(z.int()),
  total: z.nullable(z.int()),
  /** Weighted points per component of the publication, in its order ("components" only). */
  points: z.nullable(z.array(z.nullable(z.int()))),
});
export type PublishedCandidate = z.infer<typeof publishedCandidate>;

/** Why a candidate does not go on, with the component already named, for their timeline only. */
export const outcomeReason = z.object({
  code: z.enum(["missedComponent", "belowMinScore", "notAdvanced", "notFinalist"]),
  component: z.optional(z.string()),
  /** Hundredths of 0–100. */
  score: z.optional(z.int()),
  minScore: z.optional(z.number()),
  rank: z.optional(z.int()),
  advance: z.optional(z.int()),
});
export type OutcomeReason = z.infer<typeof outcomeReason>;

/** `applications/{id}.stageOutcomes[stage]`, written only by publishStageResult. */
export const stageOutcome = z.object({
  advances: z.boolean(),
  final: z.boolean(),
  /** Null unless the plan publishes scores. */
  rank: z.nullable(z.int()),
  total: z.nullable(z.int()),
  reason: z.nullable(outcomeReason),
  documentId: z.string(),
  number: z.string(),
  publishedAt: z.string(),
});
export type StageOutcome = z.infer<typeof stageOutcome>;

/** `selections/{id}.stageResults[stage]`: the current publication of a stage. */
export const storedStageResult = z.object({
  publishedAt: z.string(),
  documentId: z.string(),
  number: z.string(),
  version: z.int(),
  final: z.boolean(),
  publishScores: z.enum(PUBLISH_SCORES),
  /** The components the standings include, in the plan's order. */
  components: z.array(z.object({ id: z.string(), label: z.string() })),
  /** Per live post id: the SHA-256 of the ranking published, so an unchanged one is not announced twice. */
  rankings: z.record(z.string(), z.string()),
  /** Per live post id: who goes on. */
  posts: z.record(z.string(), z.array(publishedCandidate)),
});
export type StoredStageResult = z.infer<typeof storedStageResult>;
