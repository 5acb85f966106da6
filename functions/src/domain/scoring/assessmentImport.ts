/**
 * Importing a component measured outside the pansel (the assessment centre's managerial and
 * socio-cultural assessment) from a CSV export of its report: text in, a preview of the rows that
 * would be written and every rejected row with its reason out. Nothing is written from a file with
 * a problem the operator has not seen: the function writes only what this preview accepted.
 *
 * The report gives a raw total out of its own maximum ("312 of 400"); the plan states that maximum
 * (`imported.rawMax`) and the score is raw / rawMax × 100. Results of an earlier assessment may be
 * reused (Metro 2021 reused those of 2019): each row records the date and source of its result, and
 * a result older than the regulation profile's validity at `asOf` is flagged.
 *
 * Spreadsheets in Indonesian locale export with ";" between cells and a decimal comma ("80,5");
 * English ones with "," and a decimal point, a comma inside a number then quoted. Both are read.
 */
import { z } from "zod/mini";
import { compareDates, isValidDate, parseIsoDate, subtractMonths, toIsoDate, type CalendarDate } from "../calendar.js";
import type { Issue } from "../issue.js";
import { normalizeNip, parseNip } from "../nip.js";
import type { ScoringComponent } from "../selection/setup.js";
import { compareText } from "./aggregate.js";
import { roundHalfUp, toHundredths } from "./exact.js";

export interface ImportApplicant {
  readonly applicationId: string;
  readonly nip: string;
}

export interface ImportOptions {
  /** Must be an imported component (`imported.rawMax`). */
  readonly component: ScoringComponent;
  /** The post's MS applicants: a NIP not among them is rejected. */
  readonly applicants: readonly ImportApplicant[];
  /** The day the results are used (ISO): validity is counted back from it. */
  readonly asOf: string;
  /** The profile's `assessmentValidity.months`; none: no result is flagged as old. */
  readonly validityMonths?: number;
  /** For a file without date or source columns: this batch's date (ISO) and source. */
  readonly defaults?: { readonly date?: string; readonly source?: string };
}

export interface ImportRow {
  /** 1-based line in the file, as a spreadsheet numbers it. */
  readonly line: number;
  readonly nip: string;
  readonly applicationId: string;
  readonly raw: number;
  /** Hundredths of `rawMax`: the Mark the aggregate counts (aggregate.ts). */
  readonly marks: number;
  /** 0–100, rounded half-up to two decimals, for the preview. */
  readonly score: number;
  readonly date: string | null;
  readonly source: string;
  /** Older than the validity at `asOf`. */
  readonly stale: boolean;
}

/**
 * One imported result (`importedScores/{applicationId}_{componentId}`), written only by the import
 * callable; the ranking counts `marks` as the component's single mark. A reused earlier result
 * keeps its own date and source, and `stale` says it was older than the profile's validity.
 */
export const storedImportedScore = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  postId: z.string(),
  applicationId: z.string(),
  componentId: z.string(),
  nip: z.string(),
  raw: z.number(),
  rawMax: z.number(),
  marks: z.number(),
  date: z.nullable(z.string()),
  source: z.string(),
  stale: z.boolean(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type StoredImportedScore = z.infer<typeof storedImportedScore>;

export function importedScoreId(applicationId: string, componentId: string): string {
  return `${applicationId}_${componentId}`;
}

export interface RejectedRow {
  readonly line: number;
  /** What the line said, shortened, so the operator finds it in the spreadsheet. */
  readonly text: string;
  readonly issue: Issue;
}

export type ImportPreview =
  | { readonly ok: false; readonly issue: Issue }
  | {
      readonly ok: true;
      readonly separator: ";" | "," | "\t";
      readonly rows: readonly ImportRow[];
      readonly rejected: readonly RejectedRow[];
    };

/** Header names, Indonesian first; matched without case, spaces or punctuation. */
const COLUMNS = {
  nip: ["nip"],
  raw: ["nilai", "nilaitotal", "total", "skor", "jumlah", "score"],
  date: ["tanggal", "tgl", "tanggalasesmen", "date"],
  source: ["sumber", "lembaga", "penyelenggara", "source"],
} as const;

export function previewAssessmentImport(text: string, options: ImportOptions): ImportPreview {
  const rawMax = options.component.imported?.rawMax;
  if (rawMax === undefined) return { ok: false, issue: { code: "err.import.notImported" } };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const headerAt = lines.findIndex((l) => l.trim() !== "");
  if (headerAt < 0) return { ok: false, issue: { code: "err.import.empty" } };
  const separator = detectSeparator(lines[headerAt]!);
  const header = splitLine(lines[headerAt]!, separator)?.map((h) => h.toLowerCase().replace(/[^a-z]/g, "")) ?? [];
  const find = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { nip: find(COLUMNS.nip), raw: find(COLUMNS.raw), date: find(COLUMNS.date), source: find(COLUMNS.source) };
  if (at.nip < 0 || at.raw < 0) return { ok: false, issue: { code: "err.import.header" } };

  const byNip = new Map(options.applicants.map((a) => [normalizeNip(a.nip), a.applicationId]));
  const asOf = parseIsoDate(options.asOf);
  const oldest = asOf && options.validityMonths !== undefined ? subtractMonths(asOf, options.validityMonths) : null;
  const candidates: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const reject = (line: number, lineText: string, issue: Issue) =>
    rejected.push({ line, text: lineText.length > 120 ? `${lineText.slice(0, 119)}…` : lineText, issue });

  for (let i = headerAt + 1; i < lines.length; i++) {
    const lineText = lines[i]!;
    const line = i + 1;
    if (lineText.trim() === "") continue;
    const cells = splitLine(lineText, separator);
    if (!cells) {
      reject(line, lineText, { code: "err.import.quote" });
      continue;
    }
    const cell = (index: number) => (index < 0 ? "" : (cells[index] ?? "").trim());
    const nip = parseNip(cell(at.nip));
    if (!nip.ok) {
      reject(line, lineText, { code: "err.import.nip", params: { value: cell(at.nip), reason: nip.issue.code } });
      continue;
    }
    const applicationId = byNip.get(nip.nip.value);
    if (applicationId === undefined) {
      reject(line, lineText, { code: "err.import.notApplicant", params: { nip: nip.nip.value } });
      continue;
    }
    const raw = parseNumber(cell(at.raw));
    if (raw === null) {
      reject(line, lineText, { code: "err.import.notNumber", params: { value: cell(at.raw) } });
      continue;
    }
    if (raw < 0 || raw > rawMax) {
      reject(line, lineText, { code: "err.import.outsideMax", params: { value: raw, max: rawMax } });
      continue;
    }
    const marks = toHundredths(raw);
    if (marks === null) {
      reject(line, lineText, { code: "err.import.decimals", params: { value: cell(at.raw) } });
      continue;
    }
    const dateText = cell(at.date) || options.defaults?.date || "";
    const date = dateText === "" ? null : parseDate(dateText);
    if (date === undefined) {
      reject(line, lineText, { code: "err.import.date", params: { value: dateText } });
      continue;
    }
    candidates.push({
      line,
      nip: nip.nip.value,
      applicationId,
      raw,
      marks,
      score: roundHalfUp({ num: marks * 10_000, den: toHundredths(rawMax) ?? 1 }) / 100,
      date: date === null ? null : toIsoDate(date),
      source: cell(at.source) || options.defaults?.source || "",
      stale: date !== null && oldest !== null && compareDates(date, oldest) < 0,
    });
  }

  // A NIP twice: which row is right is the assessment centre's to say, so neither is taken.
  const count = new Map<string, number>();
  for (const r of candidates) count.set(r.nip, (count.get(r.nip) ?? 0) + 1);
  const rows: ImportRow[] = [];
  for (const r of candidates) {
    if (count.get(r.nip)! > 1) {
      const others = candidates.filter((o) => o.nip === r.nip && o.line !== r.line).map((o) => o.line);
      reject(r.line, lines[r.line - 1]!, {
        code: "err.import.duplicate",
        params: { nip: r.nip, lines: others.join(", ") },
      });
    } else rows.push(r);
  }
  rejected.sort((a, b) => a.line - b.line);
  rows.sort((a, b) => a.line - b.line || compareText(a.nip, b.nip));
  return { ok: true, separator, rows, rejected };
}

function detectSeparator(header: string): ";" | "," | "\t" {
  const counts = ([";", ",", "\t"] as const).map((s) => ({ s, n: header.split(s).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).s;
}

/** One CSV line into cells; quotes as RFC 4180 within a line. Null for an unclosed quote. */
export function splitLine(line: string, separator: string): string[] | null {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === separator) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

/**
 * "80,5", "80.5", "312", "1.234,5" (Indonesian thousands) or "1,234.5" (English). A lone separator
 * is the decimal one: a raw total below a thousand is the common case, and "1.234" read as 1.234 is
 * rejected for its third decimal rather than silently read as 1234.
 */
export function parseNumber(text: string): number | null {
  const t = text.replace(/\s/g, "");
  if (/^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  return null;
}

/** ISO (2019-08-14) or as Indonesian spreadsheets write it (14/08/2019, 14-08-2019); undefined if invalid. */
export function parseDate(text: string): CalendarDate | undefined {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return isValidDate(date) ? date : undefined;
}
