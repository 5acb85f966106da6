/**
 * The frame every official letter of a selection shares: the government's letterhead, the numbered
 * title block, the place and date, the signature and the QR caption. The pengumuman, the registration
 * receipt and the administrative result differ only in their title, opening, sections and closing, so
 * each builds those and hands them here: a change to the letterhead reaches every kind at once.
 */
import { calendarDate, formatDateId } from "../calendar.js";
import { message } from "../i18n/render.js";
import type { MessageKey } from "../i18n/messages.js";
import { formatNip, normalizeNip } from "../nip.js";
import type { InstansiDoc } from "../schemas/documents.js";
import type { Announcement, AnnouncementSection } from "./announcement.js";

export type LetterInstansi = Pick<InstansiDoc, "name" | "shortName" | "agency" | "address" | "website">;

/** Official letters are always Indonesian, whatever the reader's UI language (their SHA-256 must not vary). */
export const docText = (key: MessageKey, params?: Record<string, string | number>): string =>
  message("id", key, params);
export const caps = (text: string): string => text.toLocaleUpperCase("id");

export interface LetterInput {
  readonly instansi: LetterInstansi;
  readonly selectionId: string;
  readonly number: string;
  readonly issuedOn: string; // YYYY-MM-DD
  readonly verifyUrl: string;
  /** The kind's name, e.g. "Pengumuman": printed in capitals as the heading. */
  readonly heading: string;
  /** The PDF's Info title. */
  readonly metaTitle: string;
  /** What the letter is about (printed in capitals under "TENTANG"). */
  readonly subject: string;
  /** Legal basis lines; blank ones are dropped. */
  readonly basis: readonly string[];
  readonly opening: string;
  readonly sections: readonly AnnouncementSection[];
  readonly closing: string;
  /** Where it is signed; by default the instansi's short name without "Kota"/"Kabupaten". */
  readonly place?: string;
  /** The title may span lines separated by "\n"; the NIP is printed in groups when given. */
  readonly signatory: { readonly name: string; readonly title: string; readonly nip?: string };
}

export function letter(input: LetterInput): Announcement {
  const { instansi } = input;
  calendarDate(input.issuedOn); // a date that does not exist must not reach a signed letter
  const nip = input.signatory.nip ? printedNip(input.signatory.nip) : undefined;
  return {
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    meta: {
      title: input.metaTitle,
      subject: docText("doc.announcement.number", { number: input.number }),
      author: instansi.name,
    },
    letterhead: {
      government: caps(instansi.name),
      agency: caps(instansi.agency),
      contact: [instansi.address, instansi.website && docText("doc.letterhead.website", { website: instansi.website })]
        .filter(Boolean)
        .join(" \u00b7 "),
    },
    title: {
      heading: caps(input.heading),
      number: caps(docText("doc.announcement.number", { number: "" })) + input.number,
      about: caps(docText("doc.announcement.about")),
      subject: caps(input.subject),
    },
    basis: { heading: docText("doc.announcement.basis"), items: input.basis.filter((line) => line.trim() !== "") },
    opening: input.opening,
    sections: input.sections,
    closing: input.closing,
    placeDate: docText("doc.placeDate", {
      place: input.place ?? placeOf(instansi.shortName),
      date: formatDateId(input.issuedOn),
    }),
    signatory: {
      title: input.signatory.title.split("\n").map((line) => line.trim()),
      name: input.signatory.name,
      ...(nip ? { nip } : {}),
    },
    verify: { url: input.verifyUrl, caption: docText("doc.verifyCaption") },
    pageTemplate: docText("doc.page"),
  };
}

/** "Kota Metro" → "Metro"; "Kabupaten Lampung Tengah" → "Lampung Tengah". */
export function placeOf(shortName: string): string {
  return shortName.replace(/^(Kota|Kabupaten|Kab\.)\s+/i, "").trim() || shortName;
}

/** "NIP 19720312 199803 1 004" when the NIP has its 18 digits; as written otherwise. */
export function printedNip(nip: string): string {
  const digits = normalizeNip(nip);
  return docText("doc.nip", { nip: /^\d{18}$/.test(digits) ? formatNip(digits) : nip.trim() });
}

/** The ketua of the committee signs every letter of a selection, under the instansi's committee title. */
export function ketuaSignatory(
  pansel: readonly { readonly name: string; readonly position: string }[],
  instansi: Pick<LetterInstansi, "shortName">,
): { name: string; title: string } {
  return {
    name: pansel.find((m) => m.position === "ketua")?.name ?? "",
    title: docText("doc.signatory.ketua", { instansi: instansi.shortName }),
  };
}
