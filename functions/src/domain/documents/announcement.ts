/**
 * The pengumuman (announcement of an open selection) as a plain document model: every line that is
 * printed, already in Bahasa Indonesia and in order, but nothing about fonts or pages. The PDF renderer
 * draws it, the public page can show the same sections, and tests read it without parsing a PDF.
 *
 * The document is always Indonesian, whatever the reader's UI language: it is an official letter, and
 * its text (hence its SHA-256) must be the same for everyone who verifies it.
 */
import { rankLabel } from "../ranks.js";
import type { InstansiDoc } from "../schemas/documents.js";
import { SCHEDULED_STAGES, type DocumentRequirement, type SelectionSetup, type SetupPost } from "../selection/setup.js";
import { formatDateRangeId } from "../calendar.js";
import { docText, letter } from "./letter.js";
import type { Chart } from "../charts/shapes.js";
export { placeOf, printedNip } from "./letter.js";

/** What the announcement needs from a selection's setup (a whole SelectionSetup fits). */
export type AnnouncementSetup = Pick<
  SelectionSetup,
  "title" | "legalBasis" | "openTo" | "posts" | "schedule" | "contact"
>;

export interface Signatory {
  readonly name: string;
  /** "Ketua Panitia Seleksi", possibly on two lines separated by "\n". */
  readonly title: string;
  readonly nip?: string;
}

export interface AnnouncementInput {
  readonly instansi: Pick<InstansiDoc, "name" | "shortName" | "agency" | "address" | "website">;
  readonly setup: AnnouncementSetup;
  readonly selectionId: string;
  /** Already issued: see ./numbering.ts for the pattern and the counter contract. */
  readonly number: string;
  readonly issuedOn: string; // YYYY-MM-DD
  readonly signatory: Signatory;
  /** The public verification page of this document version; printed as a QR code. */
  readonly verifyUrl: string;
  /** Where it is signed; by default the instansi's short name without "Kota"/"Kabupaten". */
  readonly place?: string;
}

export interface Table<K extends string> {
  readonly columns: readonly { readonly key: K; readonly label: string }[];
  readonly rows: readonly Readonly<Record<K, string>>[];
}

export type PostColumn = "no" | "post" | "opd" | "minRank" | "education" | "experience" | "maxAge";
export type DocumentColumn = "no" | "document" | "required" | "formats" | "maxSize";
export type ScheduleColumn = "no" | "stage" | "dates";
export type ReceiptDocumentColumn = "no" | "document" | "file";
/** The administrative result's tables, one per post (./administrativeResult.ts). */
export type ResultColumn = "no" | "name" | "nip";

export type AnnouncementSection =
  | { readonly id: "posts"; readonly kind: "table"; readonly heading: string; readonly table: Table<PostColumn> }
  | { readonly id: "conditions"; readonly kind: "list"; readonly heading: string; readonly items: readonly string[] }
  | {
      readonly id: "documents";
      readonly kind: "table";
      readonly heading: string;
      readonly table: Table<DocumentColumn>;
    }
  | {
      readonly id: "schedule";
      readonly kind: "table";
      readonly heading: string;
      readonly table: Table<ScheduleColumn>;
    }
  | { readonly id: "contact"; readonly kind: "lines"; readonly heading: string; readonly lines: readonly string[] }
  // The registration receipt (./receipt.ts) is drawn by the same renderer.
  | { readonly id: "applicant"; readonly kind: "lines"; readonly heading: string; readonly lines: readonly string[] }
  | {
      readonly id: "receiptDocuments";
      readonly kind: "table";
      readonly heading: string;
      readonly table: Table<ReceiptDocumentColumn>;
    }
  | { readonly id: "result"; readonly kind: "table"; readonly heading: string; readonly table: Table<ResultColumn> }
  // The rekapitulasi nilai (./rekap.ts): a column per component, its notes, and charts drawn as vectors.
  | { readonly id: "rekap"; readonly kind: "table"; readonly heading: string; readonly table: Table<string> }
  | { readonly id: "notes"; readonly kind: "list"; readonly heading: string; readonly items: readonly string[] }
  | { readonly id: "chart"; readonly kind: "chart"; readonly heading: string; readonly chart: Chart }
  // The berita acara of a scoring stage (./beritaAcara.ts): the posts' rankings, attendance, the flags.
  | { readonly id: "minutesPosts"; readonly kind: "table"; readonly heading: string; readonly table: Table<string> }
  | { readonly id: "minutesFlags"; readonly kind: "table"; readonly heading: string; readonly table: Table<string> }
  | { readonly id: "attendance"; readonly kind: "lines"; readonly heading: string; readonly lines: readonly string[] }
  // The letters after the ranking (./ppkLetters.ts): tables of their own columns, and plain lines.
  | { readonly id: "closing"; readonly kind: "table"; readonly heading: string; readonly table: Table<string> }
  | {
      readonly id: "closingLines";
      readonly kind: "lines";
      readonly heading: string;
      readonly lines: readonly string[];
    };

export interface Announcement {
  readonly selectionId: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly verifyUrl: string;
  /** For the PDF's Info dictionary. */
  readonly meta: { readonly title: string; readonly subject: string; readonly author: string };
  readonly letterhead: {
    readonly government: string; // "PEMERINTAH KOTA METRO"
    readonly agency: string; // "BADAN KEPEGAWAIAN … KOTA METRO"
    readonly contact: string; // "Jl. A.H. Nasution No. 5, … · Laman: metrokota.go.id"
  };
  readonly title: {
    readonly heading: string; // "PENGUMUMAN"
    readonly number: string; // "NOMOR: 007/PENG/…"
    readonly about: string; // "TENTANG"
    readonly subject: string; // "SELEKSI TERBUKA JABATAN PIMPINAN TINGGI PRATAMA …"
  };
  readonly basis: { readonly heading: string; readonly items: readonly string[] };
  readonly opening: string;
  /** Lettered A, B, C… in this order; a section with nothing to say is left out. */
  readonly sections: readonly AnnouncementSection[];
  readonly closing: string;
  readonly placeDate: string; // "Metro, 20 September 2021"
  readonly signatory: { readonly title: readonly string[]; readonly name: string; readonly nip?: string };
  readonly verify: { readonly url: string; readonly caption: string };
  /** "Halaman {page} dari {pages}", filled by the renderer once it knows the page count. */
  readonly pageTemplate: string;
}

const t = docText;

export function buildAnnouncement(input: AnnouncementInput): Announcement {
  const { instansi, setup } = input;

  const sections: AnnouncementSection[] = [
    { id: "posts", kind: "table", heading: t("doc.section.posts"), table: postsTable(setup.posts) },
  ];
  const conditions = conditionItems(setup.posts);
  if (conditions.length > 0) {
    sections.push({ id: "conditions", kind: "list", heading: t("doc.section.conditions"), items: conditions });
  }
  const documents = documentsTable(setup.posts);
  if (documents.rows.length > 0) {
    sections.push({ id: "documents", kind: "table", heading: t("doc.section.documents"), table: documents });
  }
  const schedule = scheduleTable(setup.schedule);
  if (schedule.rows.length > 0) {
    sections.push({ id: "schedule", kind: "table", heading: t("doc.section.schedule"), table: schedule });
  }
  const contact = contactLines(setup.contact);
  if (contact.length > 0) {
    sections.push({ id: "contact", kind: "lines", heading: t("doc.section.contact"), lines: contact });
  }

  return letter({
    instansi,
    selectionId: input.selectionId,
    number: input.number,
    issuedOn: input.issuedOn,
    verifyUrl: input.verifyUrl,
    heading: t("doc.announcement.title"),
    metaTitle: `${t("doc.announcement.title")} ${setup.title}`,
    subject: setup.title,
    basis: setup.legalBasis,
    opening: t("doc.announcement.opening", { instansi: instansi.name, title: setup.title, openTo: setup.openTo }),
    sections,
    closing: t("doc.announcement.closing"),
    ...(input.place !== undefined ? { place: input.place } : {}),
    signatory: input.signatory,
  });
}

function postsTable(posts: readonly SetupPost[]): Table<PostColumn> {
  return {
    columns: [
      { key: "no", label: t("doc.col.no") },
      { key: "post", label: t("doc.col.post") },
      { key: "opd", label: t("doc.col.opd") },
      { key: "minRank", label: t("doc.col.minRank") },
      { key: "education", label: t("doc.col.education") },
      { key: "experience", label: t("doc.col.experience") },
      { key: "maxAge", label: t("doc.col.maxAge") },
    ],
    rows: posts.map((post, i) => {
      const r = post.requirements;
      const experience = [
        r.minYearsInPost > 0 ? t("doc.post.yearsInPost", { years: years(r.minYearsInPost) }) : "",
        r.minYearsRelevant > 0 ? t("doc.post.yearsRelevant", { years: years(r.minYearsRelevant) }) : "",
      ].filter(Boolean);
      return {
        no: `${i + 1}.`,
        post: post.name,
        opd: post.opd,
        minRank: rankLabel(r.minGolongan),
        education: t(`doc.education.${r.minEducation}`),
        experience: experience.length > 0 ? experience.join("\n") : "\u2013",
        maxAge: t("doc.post.age", { years: r.maxAge }),
      };
    }),
  };
}

/**
 * Conditions in words, each printed once. Most are common to every post; one that only some posts
 * ask for says which, so a candidate for another post does not think it applies to them.
 */
function conditionItems(posts: readonly SetupPost[]): string[] {
  const byText = new Map<string, SetupPost[]>();
  for (const post of posts) {
    for (const raw of post.requirements.extraConditions) {
      const text = raw.trim();
      if (!text) continue;
      const holders = byText.get(text) ?? [];
      if (!holders.includes(post)) holders.push(post);
      byText.set(text, holders);
    }
  }
  return [...byText].map(([text, holders]) => withOnlyFor(text, holders, posts));
}

/**
 * The checklist of every post, merged by document id. Where posts disagree on a document's details,
 * the first post's wins: the wizard copies one checklist to all posts, so this is rare, and the upload
 * screen checks each post's own rules anyway.
 */
function documentsTable(posts: readonly SetupPost[]): Table<DocumentColumn> {
  const byId = new Map<string, { doc: DocumentRequirement; holders: SetupPost[] }>();
  for (const post of posts) {
    for (const doc of post.requirements.documents) {
      const entry = byId.get(doc.id) ?? { doc, holders: [] };
      if (!entry.holders.includes(post)) entry.holders.push(post);
      byId.set(doc.id, entry);
    }
  }
  return {
    columns: [
      { key: "no", label: t("doc.col.no") },
      { key: "document", label: t("doc.col.document") },
      { key: "required", label: t("doc.col.required") },
      { key: "formats", label: t("doc.col.formats") },
      { key: "maxSize", label: t("doc.col.maxSize") },
    ],
    rows: [...byId.values()].map(({ doc, holders }, i) => ({
      no: `${i + 1}.`,
      document: withOnlyFor(doc.label, holders, posts),
      required: t(doc.required ? "doc.document.required" : "doc.document.optional"),
      formats: doc.formats.map((f) => f.toUpperCase()).join(", "),
      maxSize: formatSizeKb(doc.maxSizeKb),
    })),
  };
}

function withOnlyFor(text: string, holders: readonly SetupPost[], posts: readonly SetupPost[]): string {
  if (holders.length === posts.length) return text;
  return `${text} ${t("doc.onlyFor", { posts: holders.map((p) => p.opd).join(", ") })}`;
}

function scheduleTable(schedule: AnnouncementSetup["schedule"]): Table<ScheduleColumn> {
  const rows = SCHEDULED_STAGES.flatMap((stage) => {
    const range = schedule[stage];
    return range ? [{ stage: t(`stage.${stage}`), dates: formatDateRangeId(range.start, range.end) }] : [];
  });
  return {
    columns: [
      { key: "no", label: t("doc.col.no") },
      { key: "stage", label: t("doc.col.stage") },
      { key: "dates", label: t("doc.col.dates") },
    ],
    rows: rows.map((row, i) => ({ no: `${i + 1}.`, ...row })),
  };
}

function contactLines(contact: AnnouncementSetup["contact"]): string[] {
  return [
    contact.name.trim(),
    contact.phone.trim() && t("doc.contact.phone", { phone: contact.phone.trim() }),
    contact.email.trim() && t("doc.contact.email", { email: contact.email.trim() }),
    contact.address.trim() && t("doc.contact.address", { address: contact.address.trim() }),
  ].filter(Boolean);
}

/** 500 → "500 KB", 1024 → "1 MB", 1536 → "1,5 MB" (Indonesian decimal comma). */
export function formatSizeKb(kb: number): string {
  if (kb < 1024) return `${kb} KB`;
  const mb = kb / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace(".", ",")} MB`;
}

function years(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n).replace(".", ",");
}
