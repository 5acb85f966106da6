/**
 * Document numbers ("Nomor: 007/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021"). Every government writes them
 * its own way (a classification code such as 800, the unit, a Roman month), so the shape is a pattern
 * the instansi configures, with tokens:
 *
 *   {seq} {seq:N}   the sequence number, zero-padded to N digits (never cut when it outgrows N)
 *   {year}          four digits
 *   {month}         two digits, 01–12
 *   {monthRoman}    I–XII, as in most Indonesian letter numbers
 *   {kind}          the document kind's code, e.g. PENG for a pengumuman
 *   {instansiCode}  the issuing unit's code, e.g. BKPSDM-MTR
 *
 * Contract with the function that issues a number: the sequence comes from ONE counter per instansi
 * and year, shared by every kind of document (`instansi/{id}/counters/{year}`, see counterIdFor). In the same Firestore transaction that stores the new
 * document (and keyed by the call's idempotency id, so a retry reuses its number) the function reads
 * the counter, writes `next = stored + 1`, and formats the number with that `seq`. A number is never
 * reused, also not when a document is regenerated: the new version gets a new number and the old one
 * stays verifiable as superseded.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";

export const NUMBERING_TOKENS = ["seq", "year", "month", "monthRoman", "kind", "instansiCode"] as const;
export type NumberingToken = (typeof NUMBERING_TOKENS)[number];

/**
 * Why {seq} and {year} are both required: the counter restarts every year, so the same sequence
 * number comes back each January. {seq} tells the documents of one year apart and {year} tells the
 * years apart; without either, two documents of the same instansi could carry the same number, and
 * the verification page (which looks a document up by its number) could show the wrong one. Month,
 * kind and instansi code are labels only: they add nothing to uniqueness.
 */
export const REQUIRED_TOKENS = ["seq", "year"] as const satisfies readonly NumberingToken[];

/**
 * The id of the one counter of an instansi for a year. Not per kind: a pattern without {kind} would
 * otherwise print the same number on a pengumuman and a berita acara of the same year.
 */
export function counterIdFor(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year: ${year}`);
  return String(year);
}

export const DEFAULT_NUMBERING_PATTERN = "{seq:3}/{kind}/PANSEL-JPT/{instansiCode}/{monthRoman}/{year}";

/** Codes of the document kinds, as printed in the number; an instansi may use others. */
export const DOCUMENT_KIND_CODES = {
  pengumuman: "PENG",
  beritaAcara: "BA",
  tandaBukti: "TB",
  // The result is announced as a pengumuman too; its own number keeps it apart.
  hasilAdministrasi: "PENG",
  rekapNilai: "REKAP",
  // A stage's result is a pengumuman as well (issue 9).
  hasilTahap: "PENG",
  usulanPpk: "USUL",
  laporanAkhir: "LAP",
} as const;

const MAX_PATTERN_LENGTH = 120;
const MAX_SEQ_WIDTH = 6;

export type NumberingSegment =
  | { readonly type: "literal"; readonly text: string }
  | { readonly type: "token"; readonly token: NumberingToken; readonly width?: number };

export interface NumberingPattern {
  readonly source: string;
  readonly segments: readonly NumberingSegment[];
}

export type NumberingResult = { ok: true; pattern: NumberingPattern } | { ok: false; issue: Issue };

const TOKEN = /\{([A-Za-z]+)(?::(\d+))?\}/y;

function isToken(name: string): name is NumberingToken {
  return (NUMBERING_TOKENS as readonly string[]).includes(name);
}

const fail = (code: Issue["code"], params: Issue["params"]): NumberingResult => ({
  ok: false,
  issue: { code, params, field: "numberingPattern" },
});

export function parseNumberingPattern(source: string): NumberingResult {
  if (source.trim() === "") return fail("err.numbering.missingToken", { token: "{seq}" });
  if (source.length > MAX_PATTERN_LENGTH) return fail("err.numbering.tooLong", { max: MAX_PATTERN_LENGTH });

  const segments: NumberingSegment[] = [];
  let literal = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "}") return fail("err.numbering.syntax", { position: i + 1 });
    if (ch !== "{") {
      literal += ch;
      i += 1;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(source);
    if (!m) {
      const close = source.indexOf("}", i);
      const nextOpen = source.indexOf("{", i + 1);
      // "{tahun}" is an unknown token; "{seq/{year}" cannot be read at all.
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) return fail("err.numbering.syntax", { position: i + 1 });
      return fail("err.numbering.unknownToken", { token: source.slice(i, close + 1), known: knownList() });
    }
    const [whole, name = "", width] = m;
    if (!isToken(name) || (width !== undefined && name !== "seq")) {
      return fail("err.numbering.unknownToken", { token: whole, known: knownList() });
    }
    if (literal) segments.push({ type: "literal", text: literal });
    literal = "";
    if (width === undefined) {
      segments.push({ type: "token", token: name });
    } else {
      const n = Number(width);
      if (n < 1 || n > MAX_SEQ_WIDTH) return fail("err.numbering.seqWidth", { token: whole, max: MAX_SEQ_WIDTH });
      segments.push({ type: "token", token: name, width: n });
    }
    i += whole.length;
  }
  if (literal) segments.push({ type: "literal", text: literal });

  for (const required of REQUIRED_TOKENS) {
    if (!segments.some((s) => s.type === "token" && s.token === required)) {
      return fail("err.numbering.missingToken", { token: `{${required}}` });
    }
  }
  // A sequence of varying width glued to another token makes two numbers read alike:
  // "{seq}{instansiCode}" gives "11A" for seq 11 + "A" and for seq 1 + "1A".
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    if (s?.type !== "token" || s.token !== "seq") continue;
    if (segments[k - 1]?.type === "token" || segments[k + 1]?.type === "token") {
      return fail("err.numbering.seqAdjacent", { token: "{seq}" });
    }
  }
  return { ok: true, pattern: { source, segments } };
}

/** For a zod boundary (the instansi's settings form and callable). */
export const numberingPatternSchema = z.string().check(
  z.superRefine((value, ctx) => {
    const result = parseNumberingPattern(value);
    if (!result.ok) {
      ctx.issues.push({ code: "custom", message: result.issue.code, params: result.issue.params, input: value });
    }
  }),
);

export interface NumberValues {
  /** From the instansi+year counter: 1, 2, 3, … */
  readonly seq: number;
  readonly year: number;
  /** 1–12, the month of the document's date. */
  readonly month: number;
  /** e.g. DOCUMENT_KIND_CODES.pengumuman */
  readonly kind: string;
  readonly instansiCode: string;
}

/**
 * The number for these values. A pattern given as text is parsed here and a bad one throws: patterns
 * are checked when an operator saves them, so a bad one reaching this point is a programming error.
 */
export function formatDocumentNumber(pattern: string | NumberingPattern, values: NumberValues): string {
  const parsed = typeof pattern === "string" ? parseNumberingPattern(pattern) : { ok: true as const, pattern };
  if (!parsed.ok) throw new NumberingPatternError(parsed.issue);
  checkValues(values);
  return parsed.pattern.segments.map((s) => (s.type === "literal" ? s.text : tokenValue(s, values))).join("");
}

export class NumberingPatternError extends Error {
  constructor(readonly issue: Issue) {
    super(`invalid numbering pattern: ${issue.code} ${JSON.stringify(issue.params ?? {})}`);
    this.name = "NumberingPatternError";
  }
}

function tokenValue(segment: Extract<NumberingSegment, { type: "token" }>, v: NumberValues): string {
  switch (segment.token) {
    case "seq":
      return String(v.seq).padStart(segment.width ?? 1, "0");
    case "year":
      return String(v.year);
    case "month":
      return String(v.month).padStart(2, "0");
    case "monthRoman":
      return toRoman(v.month);
    case "kind":
      return v.kind;
    case "instansiCode":
      return v.instansiCode;
  }
}

const CODE = /^[A-Za-z0-9.-]{1,40}$/;

function checkValues(v: NumberValues): void {
  if (!Number.isSafeInteger(v.seq) || v.seq < 1) throw new RangeError(`seq must be a positive integer: ${v.seq}`);
  if (!Number.isInteger(v.year) || v.year < 1000 || v.year > 9999) throw new RangeError(`year: ${v.year}`);
  if (!Number.isInteger(v.month) || v.month < 1 || v.month > 12) throw new RangeError(`month: ${v.month}`);
  // A slash or space inside a code would shift every part after it when a number is read back.
  if (!CODE.test(v.kind)) throw new RangeError(`kind code: ${JSON.stringify(v.kind)}`);
  if (!CODE.test(v.instansiCode)) throw new RangeError(`instansi code: ${JSON.stringify(v.instansiCode)}`);
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 9 → "IX". */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no Roman numeral for ${n}`);
  let rest = n;
  let out = "";
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

function knownList(): string {
  return NUMBERING_TOKENS.map((t) => `{${t}}`).join(", ");
}
