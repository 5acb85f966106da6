/**
 * The pengumuman hasil seleksi administrasi (issue 8) as the same plain document model as the
 * selection's pengumuman (./announcement.ts), so one renderer draws both: per post, the candidates
 * declared eligible (MS) with their NIPs partly masked. TMS candidates are never named in it; each
 * learns why privately, in their application. Always Indonesian, like every official letter.
 */
import { z } from "zod/mini";
import { calendarDate, formatDateId } from "../calendar.js";
import { message } from "../i18n/render.js";
import type { MessageKey } from "../i18n/messages.js";
import { instansiDoc } from "../schemas/documents.js";
import { placeOf, type Announcement, type AnnouncementSection } from "./announcement.js";

export const resultSnapshot = z.object({
  kind: z.literal("hasilAdministrasi"),
  instansi: z.pick(instansiDoc, { name: true, shortName: true, agency: true, address: true, website: true }),
  title: z.string(),
  legalBasis: z.array(z.string()),
  selectionId: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  /** The last day of the objection window, YYYY-MM-DD. */
  objectionLastDay: z.string(),
  /** Cancelled posts already left out; NIPs already masked (maskNip). */
  posts: z.array(
    z.object({
      name: z.string(),
      opd: z.string(),
      candidates: z.array(z.object({ name: z.string(), nip: z.string() })),
    }),
  ),
  signatory: z.object({ name: z.string(), title: z.string() }),
  verifyUrl: z.string(),
});
export type ResultSnapshot = z.infer<typeof resultSnapshot>;

const t = (key: MessageKey, params?: Record<string, string | number>): string => message("id", key, params);
const caps = (text: string): string => text.toLocaleUpperCase("id");

export function buildAdministrativeResult(input: ResultSnapshot): Announcement {
  calendarDate(input.issuedOn);
  const { instansi } = input;
  const sections: AnnouncementSection[] = input.posts.map((post) => ({
    id: "result",
    kind: "table",
    heading: post.opd ? `${post.name} (${post.opd})` : post.name,
    table: {
      columns: [
        { key: "no", label: t("doc.col.no") },
        { key: "name", label: t("doc.col.name") },
        { key: "nip", label: t("doc.col.nip") },
      ],
      rows:
        post.candidates.length > 0
          ? post.candidates.map((c, i) => ({ no: String(i + 1), name: c.name, nip: c.nip }))
          : [{ no: "\u2013", name: t("doc.result.none"), nip: "\u2013" }],
    },
  }));
  return {
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    meta: {
      title: `${t("doc.result.title")} ${input.title}`,
      subject: t("doc.announcement.number", { number: input.number }),
      author: instansi.name,
    },
    letterhead: {
      government: caps(instansi.name),
      agency: caps(instansi.agency),
      contact: [instansi.address, instansi.website && t("doc.letterhead.website", { website: instansi.website })]
        .filter(Boolean)
        .join(" \u00b7 "),
    },
    title: {
      heading: caps(t("doc.announcement.title")),
      number: caps(t("doc.announcement.number", { number: "" })) + input.number,
      about: caps(t("doc.announcement.about")),
      subject: caps(t("doc.result.subject", { title: input.title })),
    },
    basis: { heading: t("doc.announcement.basis"), items: input.legalBasis.filter((line) => line.trim() !== "") },
    opening: t("doc.result.opening", { title: input.title }),
    sections,
    closing: t("doc.result.closing", { date: formatDateId(input.objectionLastDay) }),
    placeDate: t("doc.placeDate", { place: placeOf(instansi.shortName), date: formatDateId(input.issuedOn) }),
    signatory: { title: input.signatory.title.split("\n").map((line) => line.trim()), name: input.signatory.name },
    verify: { url: input.verifyUrl, caption: t("doc.verifyCaption") },
    pageTemplate: t("doc.page"),
  };
}
