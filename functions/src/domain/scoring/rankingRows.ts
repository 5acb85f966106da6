/**
 * The rows of a post's ranking table, as the officials' ranking screen shows them and the rekap
 * prints them: the ranked in order, their note naming the 3 besar and the rule that broke a tie, then
 * the eliminated with their reason. One builder, so the screen and the document word a tie alike;
 * the caller's translate function decides the language (the rekap is always Indonesian).
 */
import type { MessageKey } from "../i18n/messages.js";
import type { Translate } from "../i18n/render.js";
import { eliminationText, type PostRankingResult } from "./postRanking.js";
import type { RankedRow, TieNote } from "./ranking.js";

export interface RankingTableRow {
  /** The rank, or an en dash for an eliminated candidate. */
  readonly rank: string;
  readonly applicationId: string;
  readonly figures: RankedRow["figures"];
  /** Hundredths of a point. */
  readonly total: number;
  readonly note: string;
}

type RowSource = Pick<PostRankingResult, "ranked" | "eliminated" | "finalists" | "components">;

/** `finalist` is the note's word for the 3 besar: the screen's short label or the document's. */
export function rankingTableRows(r: RowSource, t: Translate, finalist: MessageKey): RankingTableRow[] {
  const label = (id: string) => r.components.find((c) => c.id === id)?.label ?? id;
  return [
    ...r.ranked.map((row) => ({
      rank: String(row.rank),
      applicationId: row.applicationId,
      figures: row.figures,
      total: row.total,
      note: [r.finalists.includes(row.applicationId) ? t(finalist) : "", row.tie ? tieText(row.tie, t, label) : ""]
        .filter(Boolean)
        .join("; "),
    })),
    ...r.eliminated.map((row) => {
      const out = eliminationText(row.reason, label);
      return {
        rank: "\u2013",
        applicationId: row.applicationId,
        figures: row.figures,
        total: row.total,
        note: t(out.key, out.params),
      };
    }),
  ];
}

/** How a tie with the candidate ranked just above was broken, as a sentence. */
export function tieText(tie: TieNote, t: Translate, label: (componentId: string) => string): string {
  return tie.rule === "component"
    ? t("ranking.tie.component", { component: label(tie.componentId) })
    : t(`ranking.tie.${tie.rule}`);
}
