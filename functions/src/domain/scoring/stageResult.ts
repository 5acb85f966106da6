/**
 * The result of a stage as published (issue 9): from every live post's ranking after the stage, who
 * goes on (after the final ranking: the 3 besar proposed to the PPK), and each candidate's own
 * outcome. What the pengumuman hasil seleksi tahap prints, the public page shows and the candidate's
 * timeline reads, all made here so the three never disagree.
 *
 * - Only those who go on are named publicly, with their NIPs masked; eliminated candidates never
 *   are (as a TMS is not), each learns why privately in their own application.
 * - Scores appear only as the plan publishes them (`scoringPlan.publishScores`): "none" lists the
 *   names in alphabetical order, so not even the order gives the ranking away; "total" adds the rank
 *   and total; "components" also the weighted points per component. A candidate's own rank and total
 *   are stored in their outcome under the same rule: what is not published is not written at all.
 * - An interim publication (a stage before the final ranking) names the components it includes.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import { requestId } from "../selection/process.js";
import { SCHEDULED_STAGES, type PublishScores, type ScheduledStage, type ScoringPlan } from "../selection/setup.js";
import { compareText } from "./aggregate.js";
import { componentsUpTo, FINAL_STAGE, type PostRankingResult } from "./postRanking.js";
import type { PublishedCandidate, StageOutcome } from "./stageResultSchema.js";

const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }));

export const publishStageResultInput = z.object({
  requestId,
  selectionId: docId,
  stage: z.enum(SCHEDULED_STAGES, { error: "err.input.invalid" }),
});
export type PublishStageResultInput = z.output<typeof publishStageResultInput>;

export interface StageResultSources {
  readonly plan: ScoringPlan;
  readonly stage: ScheduledStage;
  /** The live posts (cancelled ones left out), each with its ranking after the stage. */
  readonly posts: readonly { readonly id: string; readonly ranking: PostRankingResult }[];
}

export interface StagePublication {
  readonly final: boolean;
  readonly publishScores: PublishScores;
  readonly components: readonly { readonly id: string; readonly label: string }[];
  readonly posts: Readonly<Record<string, readonly PublishedCandidate[]>>;
  /** Per application id of every ranked or eliminated candidate. */
  readonly outcomes: Readonly<Record<string, Omit<StageOutcome, "documentId" | "number" | "publishedAt">>>;
}

/** Who goes on and each candidate's outcome; refuses a stage where the plan scores nothing. */
export function stagePublication(src: StageResultSources): StagePublication | Issue {
  const upTo = componentsUpTo(src.plan, src.stage);
  if (!("ok" in upTo)) return upTo;
  const mode: PublishScores = src.plan.publishScores ?? "none";
  const final = src.stage === FINAL_STAGE;
  const components = src.plan.components
    .filter((c) => upTo.ids.includes(c.id))
    .map((c) => ({ id: c.id, label: c.label }));
  const label = (id: string) => components.find((c) => c.id === id)?.label ?? id;
  const posts: Record<string, PublishedCandidate[]> = {};
  const outcomes: Record<string, StagePublication["outcomes"][string]> = {};
  for (const { id, ranking: r } of src.posts) {
    const who = new Map(r.candidates.map((c) => [c.applicationId, c]));
    const goesOn = (applicationId: string) => (final ? r.finalists.includes(applicationId) : true);
    const rows: PublishedCandidate[] = r.ranked
      .filter((row) => goesOn(row.applicationId))
      .map((row) => ({
        name: who.get(row.applicationId)?.name ?? "",
        nip: who.get(row.applicationId)?.nip ?? "",
        rank: mode === "none" ? null : row.rank,
        total: mode === "none" ? null : row.total,
        points: mode === "components" ? [...row.figures.points] : null,
      }));
    posts[id] = mode === "none" ? rows.sort((a, b) => compareText(a.name, b.name)) : rows;
    for (const row of r.ranked) {
      const advances = goesOn(row.applicationId);
      outcomes[row.applicationId] = {
        advances,
        final,
        rank: mode === "none" ? null : row.rank,
        total: mode === "none" ? null : row.total,
        reason: advances ? null : { code: "notFinalist" },
      };
    }
    for (const row of r.eliminated) {
      outcomes[row.applicationId] = {
        advances: false,
        final,
        rank: null,
        total: mode === "none" ? null : row.total,
        reason: reasonOf(row.reason, label),
      };
    }
  }
  return { final, publishScores: mode, components, posts, outcomes };
}

function reasonOf(reason: PostRankingResult["eliminated"][number]["reason"], label: (id: string) => string) {
  switch (reason.code) {
    case "missedComponent":
      return { code: reason.code, component: label(reason.componentId) };
    case "belowMinScore":
      return {
        code: reason.code,
        component: label(reason.componentId),
        score: reason.score,
        minScore: reason.minScore,
      };
    case "notAdvanced":
      return { code: reason.code, rank: reason.rank, advance: reason.advance };
  }
}

/** Sorted post id → SHA-256 maps are equal: the same rankings would make the same announcement. */
export function sameRankings(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** documents/{id} of a stage's announcement, per version; the series key is `{selectionId}_{stage}`. */
export function stageResultDocumentId(selectionId: string, stage: ScheduledStage, version: number): string {
  return `${selectionId}_${stage}-hasilTahap-v${version}`;
}

/** The stage a stage announcement's series key names (stages have no "_"; selection ids may). */
export function stageOfSeries(series: string): ScheduledStage | null {
  const stage = series.slice(series.lastIndexOf("_") + 1);
  return (SCHEDULED_STAGES as readonly string[]).includes(stage) ? (stage as ScheduledStage) : null;
}
