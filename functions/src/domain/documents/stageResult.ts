/**
 * The pengumuman hasil seleksi tahap (issue 9): per live post, the candidates who go on after a
 * stage (after the final ranking: the 3 besar proposed to the PPK), names and masked NIPs, with the
 * rank, total and weighted points only as the plan publishes them. An interim announcement names the
 * components it includes. Eliminated candidates are never named (domain/scoring/stageResult.ts).
 * Always Indonesian, like every official letter.
 */
import { z } from "zod/mini";
import type { MessageKey } from "../i18n/messages.js";
import { message } from "../i18n/render.js";
import { instansiDoc } from "../schemas/documents.js";
import { hundredths } from "../scoring/postRanking.js";
import { publishedCandidate } from "../scoring/stageResultSchema.js";
import { PUBLISH_SCORES, SCHEDULED_STAGES } from "../selection/setup.js";
import type { Announcement, AnnouncementSection } from "./announcement.js";
import { docText, letter } from "./letter.js";

export const stageResultSnapshot = z.object({
  kind: z.literal("hasilTahap"),
  instansi: z.pick(instansiDoc, { name: true, shortName: true, agency: true, address: true, website: true }),
  title: z.string(),
  legalBasis: z.array(z.string()),
  selectionId: z.string(),
  stage: z.enum(SCHEDULED_STAGES),
  final: z.boolean(),
  publishScores: z.enum(PUBLISH_SCORES),
  components: z.array(z.object({ id: z.string(), label: z.string() })),
  number: z.string(),
  issuedOn: z.string(),
  /** Cancelled posts already left out; NIPs already masked. */
  posts: z.array(z.object({ name: z.string(), opd: z.string(), candidates: z.array(publishedCandidate) })),
  signatory: z.object({ name: z.string(), title: z.string() }),
  verifyUrl: z.string(),
});
export type StageResultSnapshot = z.infer<typeof stageResultSnapshot>;

const t = docText;

export function buildStageResult(input: StageResultSnapshot): Announcement {
  const stage = message("id", `stage.${input.stage}` as MessageKey);
  const scores = input.publishScores !== "none";
  const perComponent = input.publishScores === "components";
  const columns = [
    { key: "no", label: scores ? t("doc.rekap.col.rank") : t("doc.col.no") },
    { key: "name", label: t("doc.col.name") },
    { key: "nip", label: t("doc.col.nip") },
    ...(perComponent ? input.components.map((c, i) => ({ key: `c${i}`, label: c.label })) : []),
    ...(scores ? [{ key: "total", label: t("doc.rekap.col.total") }] : []),
  ];
  const sections: AnnouncementSection[] = input.posts.map((post) => {
    const rows =
      post.candidates.length > 0
        ? post.candidates.map((c, i) => {
            const cells: Record<string, string> = {
              no: String(scores && c.rank !== null ? c.rank : i + 1),
              name: c.name,
              nip: c.nip,
            };
            if (scores) cells["total"] = c.total === null ? "\u2013" : hundredths(c.total);
            if (perComponent) {
              input.components.forEach((_, k) => {
                const points = c.points?.[k];
                cells[`c${k}`] = points === null || points === undefined ? "\u2013" : hundredths(points);
              });
            }
            return cells;
          })
        : [
            Object.fromEntries(
              columns.map((col) => [col.key, col.key === "name" ? t("doc.stageResult.none") : "\u2013"]),
            ),
          ];
    return {
      id: "rekap",
      kind: "table",
      heading: post.opd ? `${post.name} (${post.opd})` : post.name,
      table: { columns, rows },
    };
  });
  const components = input.components.map((c) => c.label).join(", ");
  const notes = [
    input.final ? t("doc.stageResult.final") : t("doc.stageResult.interim", { components }),
    ...(scores ? [t("doc.stageResult.scores")] : []),
    t("doc.stageResult.private"),
  ];
  sections.push({ id: "notes", kind: "list", heading: t("doc.rekap.notes"), items: notes });
  const subject = t("doc.stageResult.subject", { stage, title: input.title });
  return letter({
    instansi: input.instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.announcement.title"),
    metaTitle: `${t("doc.stageResult.title", { stage })} ${input.title}`,
    subject,
    basis: input.legalBasis,
    opening: input.final
      ? t("doc.stageResult.openingFinal", { title: input.title })
      : t("doc.stageResult.opening", { title: input.title, stage }),
    sections,
    closing: t("doc.stageResult.closing"),
    signatory: input.signatory,
  });
}
