/**
 * The rekapitulasi nilai of one post after a stage (issue 9): every component's score and weighted
 * points, the total, the rank, the elimination reasons and tie notes, the ranking chart and the
 * dot plot of the flagged spreads, in the same letter frame as the other documents (./letter.ts).
 * It is printed from the stored ranking (rankings/{id}, its canonical JSON fixed in the snapshot
 * with its SHA-256), so the PDF and the ranking the committee saw cannot disagree.
 */
import { z } from "zod/mini";
import { instansiDoc } from "../schemas/documents.js";
import { rankingChart } from "../charts/rankingChart.js";
import { spreadPlot } from "../charts/spreadPlot.js";
import type { Chart } from "../charts/shapes.js";
import { message } from "../i18n/render.js";
import type { MessageKey } from "../i18n/messages.js";
import { hundredths, type PostRankingResult } from "../scoring/postRanking.js";
import { rankingTableRows } from "../scoring/rankingRows.js";
import type { Announcement, AnnouncementSection } from "./announcement.js";
import { docText, letter } from "./letter.js";

export const rekapSnapshot = z.object({
  kind: z.literal("rekapNilai"),
  instansi: z.pick(instansiDoc, { name: true, shortName: true, agency: true, address: true, website: true }),
  title: z.string(),
  legalBasis: z.array(z.string()),
  selectionId: z.string(),
  post: z.object({ id: z.string(), name: z.string(), opd: z.string() }),
  number: z.string(),
  issuedOn: z.string(),
  /** The stored ranking, byte for byte, and its SHA-256 (printed, so the two can be compared). */
  rankingJson: z.string(),
  rankingSha256: z.string(),
  signatory: z.object({ name: z.string(), title: z.string() }),
  verifyUrl: z.string(),
});
export type RekapSnapshot = z.infer<typeof rekapSnapshot>;

const t = docText;
/** The chart's width in its own units on an A4 page's text width (about 475 pt): text stays small. */
const PAGE_CHART_WIDTH = 520;

export function buildRekap(input: RekapSnapshot): Announcement {
  const r = JSON.parse(input.rankingJson) as PostRankingResult;
  const names = new Map(r.candidates.map((c) => [c.applicationId, c]));
  const label = (id: string) => r.components.find((c) => c.id === id)?.label ?? id;
  const stage = message("id", `stage.${r.stage}` as MessageKey);
  const format = (h: number) => hundredths(h);
  const componentsText = r.components.map((c) => c.label).join(", ");

  const rows = rankingTableRows(r, t, "doc.rekap.finalist");
  const columns = [
    { key: "no", label: t("doc.rekap.col.rank") },
    { key: "name", label: t("doc.col.name") },
    ...r.components.map((c, i) => ({ key: `c${i}`, label: `${c.label} (${String(c.weight).replace(".", ",")}%)` })),
    { key: "total", label: t("doc.rekap.col.total") },
    { key: "note", label: t("doc.rekap.col.note") },
  ];
  const tableRows = rows.map((row) => {
    const who = names.get(row.applicationId);
    const cells: Record<string, string> = {
      no: row.rank,
      name: who ? `${who.name}\n${who.nip}` : row.applicationId,
      total: format(row.total),
      note: row.note,
    };
    r.components.forEach((_, i) => {
      const score = row.figures.scores[i];
      const points = row.figures.points[i];
      cells[`c${i}`] = score === null || score === undefined ? "\u2013" : `${format(score)}\n(${format(points ?? 0)})`;
    });
    return cells;
  });

  const chart: Chart = rankingChart({
    title: t("doc.rekap.chart"),
    components: r.components,
    rows: [
      ...r.ranked.map((row) => ({
        label: names.get(row.applicationId)?.name ?? row.applicationId,
        points: row.figures.points,
        total: row.total,
      })),
      ...r.eliminated.map((row) => ({
        label: names.get(row.applicationId)?.name ?? row.applicationId,
        points: row.figures.points,
        total: row.total,
        out: true,
      })),
    ],
    cutoff: r.cutoff,
    cutoffLabel: t("doc.rekap.cutoff", { count: r.cutoff ?? 0 }),
    format,
    width: PAGE_CHART_WIDTH,
  });
  const sections: AnnouncementSection[] = [
    { id: "rekap", kind: "table", heading: t("doc.rekap.table"), table: { columns, rows: tableRows } },
    { id: "chart", kind: "chart", heading: t("doc.rekap.chart"), chart },
  ];
  const flagged = r.dots.filter((d) => d.flagged);
  if (flagged.length > 0) {
    sections.push({
      id: "chart",
      kind: "chart",
      heading: t("doc.rekap.spread", { threshold: r.spread.threshold }),
      chart: spreadPlot({
        title: t("doc.rekap.spread", { threshold: r.spread.threshold }),
        members: r.members.map((m) => m.name),
        rows: flagged.map((d) => ({
          label: `${names.get(d.applicationId)?.name ?? d.applicationId} \u00b7 ${label(d.componentId)}`,
          scores: d.scores,
          flagged: true,
        })),
        format,
        width: PAGE_CHART_WIDTH,
      }),
    });
  }
  const notes = [
    r.final ? t("doc.rekap.final") : t("doc.rekap.interim", { components: componentsText }),
    t("doc.rekap.rounding"),
    r.lockable ? t("doc.rekap.complete") : t("doc.rekap.blockers", { count: r.blockers.length }),
    t("doc.rekap.hash", { sha256: input.rankingSha256 }),
  ];
  sections.push({ id: "notes", kind: "list", heading: t("doc.rekap.notes"), items: notes });

  const post = input.post.opd ? `${input.post.name} (${input.post.opd})` : input.post.name;
  return letter({
    instansi: input.instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.rekap.heading"),
    metaTitle: `${t("doc.rekap.heading")} ${input.post.name}`,
    subject: t("doc.rekap.subject", { post: input.post.name, stage }),
    basis: input.legalBasis,
    opening: t("doc.rekap.opening", { title: input.title, post, stage }),
    sections,
    closing: t("doc.rekap.closing"),
    signatory: input.signatory,
  });
}
