/**
 * The pengumuman hasil seleksi administrasi (issue 8) as the same plain document model as the
 * selection's pengumuman (./announcement.ts), so one renderer draws both: per post, the candidates
 * declared eligible (MS) with their NIPs partly masked. TMS candidates are never named in it; each
 * learns why privately, in their application. Always Indonesian, like every official letter.
 */
import { z } from "zod/mini";
import { formatDateId } from "../calendar.js";
import { instansiDoc, type InstansiDoc } from "../schemas/documents.js";
import type { StoredSelection } from "../selection/stored.js";
import type { Announcement, AnnouncementSection } from "./announcement.js";
import { docText, letter, ketuaSignatory } from "./letter.js";

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

/**
 * What the pengumuman prints, fixed when its number is taken: by the approval that publishes the
 * result (process/publishResult.ts) and by the demo seed, so both print the same letter.
 */
export function resultSnapshotOf(
  selection: Pick<StoredSelection, "title" | "legalBasis" | "posts" | "pansel">,
  instansi: InstansiDoc,
  fixed: {
    readonly selectionId: string;
    readonly number: string;
    readonly issuedOn: string;
    readonly objectionLastDay: string;
    /** Post ids left out of the announcement (cancelled for too few applicants). */
    readonly cancelled: readonly string[];
    /** Per post id, the MS candidates with masked NIPs. */
    readonly ms: Readonly<Record<string, readonly { name: string; nip: string }[]>>;
    readonly verifyUrl: string;
  },
): ResultSnapshot {
  return resultSnapshot.parse({
    kind: "hasilAdministrasi",
    instansi,
    title: selection.title,
    legalBasis: selection.legalBasis,
    selectionId: fixed.selectionId,
    number: fixed.number,
    issuedOn: fixed.issuedOn,
    objectionLastDay: fixed.objectionLastDay,
    posts: selection.posts
      .filter((p) => !fixed.cancelled.includes(p.id))
      .map((p) => ({ name: p.name, opd: p.opd, candidates: fixed.ms[p.id] ?? [] })),
    signatory: ketuaSignatory(selection.pansel, instansi),
    verifyUrl: fixed.verifyUrl,
  });
}

const t = docText;

export function buildAdministrativeResult(input: ResultSnapshot): Announcement {
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
  return letter({
    instansi: input.instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.announcement.title"),
    metaTitle: `${t("doc.result.title")} ${input.title}`,
    subject: t("doc.result.subject", { title: input.title }),
    basis: input.legalBasis,
    opening: t("doc.result.opening", { title: input.title }),
    sections,
    closing: t("doc.result.closing", { date: formatDateId(input.objectionLastDay) }),
    signatory: input.signatory,
  });
}
