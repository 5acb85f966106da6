/**
 * The tanda bukti pendaftaran (registration receipt) of a submitted application: numbered from the
 * government's one counter like every document (./numbering.ts), verifiable by its QR code, and
 * drawn by the pengumuman's renderer, so it is built here as the same plain model (./announcement.ts).
 *
 * Its snapshot (`documents/{id}/snapshot/input`) fixes everything printed when the number is taken,
 * so a retry or the sweep renders the same bytes. The public record of a receipt names no candidate:
 * the QR code proves the number and the fingerprint; the file itself is the candidate's and the
 * staff's only.
 */
import { z } from "zod/mini";
import { instansiDoc } from "../schemas/documents.js";
import { formatDateId } from "../calendar.js";
import { ZONE_OFFSET_HOURS, type IndonesianZone } from "../applications/window.js";
export { receiptDocumentId, receiptFileName } from "./record.js";
import type { Announcement, ReceiptDocumentColumn, Table } from "./announcement.js";
import { docText, letter, printedNip } from "./letter.js";

export const receiptSnapshot = z.object({
  kind: z.literal("tandaBukti"),
  instansi: z.pick(instansiDoc, { name: true, shortName: true, agency: true, address: true, website: true }),
  timeZone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
  selectionId: z.string(),
  selectionTitle: z.string(),
  applicationId: z.string(),
  /** Who owns the stored file: the candidate reads it, with the selection's staff. */
  candidateUid: z.string(),
  candidate: z.object({ name: z.string(), nip: z.string() }),
  post: z.object({ name: z.string(), opd: z.string() }),
  /** ISO instant of the final lock (server time). */
  submittedAt: z.string(),
  documents: z.array(z.object({ label: z.string(), fileName: z.string() })),
  number: z.string(),
  issuedOn: z.string(),
  signatory: z.object({ name: z.string(), title: z.string(), nip: z.optional(z.string()) }),
  verifyUrl: z.string(),
});
export type ReceiptSnapshot = z.infer<typeof receiptSnapshot>;

const t = docText;

export const ZONE_LABEL: Record<IndonesianZone, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** "2021-09-30T09:05:00Z" in WIB → { date: "2021-09-30", time: "16.05" } (Indonesian time with a dot). */
export function localTime(iso: string, zone: IndonesianZone): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + ZONE_OFFSET_HOURS[zone] * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: `${local.slice(11, 13)}.${local.slice(14, 16)}` };
}

export function buildReceipt(input: ReceiptSnapshot): Announcement {
  const { instansi } = input;
  const submitted = localTime(input.submittedAt, input.timeZone);
  const documents: Table<ReceiptDocumentColumn> = {
    columns: [
      { key: "no", label: t("doc.col.no") },
      { key: "document", label: t("doc.col.document") },
      { key: "file", label: t("doc.col.file") },
    ],
    rows: input.documents.map((d, i) => ({ no: `${i + 1}.`, document: d.label, file: d.fileName })),
  };
  return letter({
    instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.receipt.title"),
    metaTitle: `${t("doc.receipt.title")} ${input.selectionTitle}`,
    subject: input.selectionTitle,
    basis: [],
    opening: t("doc.receipt.opening", { title: input.selectionTitle }),
    sections: [
      {
        id: "applicant",
        kind: "lines",
        heading: t("doc.receipt.section.applicant"),
        lines: [
          t("doc.receipt.name", { name: input.candidate.name }),
          printedNip(input.candidate.nip),
          t("doc.receipt.post", { post: input.post.name }),
          t("doc.receipt.opd", { opd: input.post.opd }),
          t("doc.receipt.submittedAt", {
            date: formatDateId(submitted.date),
            time: submitted.time,
            zone: ZONE_LABEL[input.timeZone],
          }),
        ],
      },
      ...(documents.rows.length > 0
        ? [
            {
              id: "receiptDocuments" as const,
              kind: "table" as const,
              heading: t("doc.receipt.section.documents"),
              table: documents,
            },
          ]
        : []),
    ],
    closing: t("doc.receipt.closing"),
    signatory: input.signatory,
  });
}
