/**
 * NIP (Nomor Induk Pegawai): the 18-digit identifier of an Indonesian civil servant.
 *
 *   19700512 199503 1 004
 *   |        |      | `-- sequence 001-999 among civil servants with the same dates and sex
 *   |        |      `---- sex: 1 male, 2 female
 *   |        `----------- start of service (TMT CPNS), YYYYMM
 *   `-------------------- birth date, YYYYMMDD
 *
 * Candidates type it from their SK or their ID card, often with spaces or dots between the groups,
 * so those are accepted and removed; any other character is an error that names what was typed.
 */
import { anniversary, compareDates, isValidDate, toIsoDate, type CalendarDate } from "./calendar.js";
import type { Issue } from "./issue.js";

export type Sex = "L" | "P";

export interface Nip {
  /** The 18 digits, without separators. */
  readonly value: string;
  readonly birthDate: string; // YYYY-MM-DD
  readonly serviceStart: string; // YYYY-MM
  readonly sex: Sex;
  readonly sequence: number;
}

export type NipResult = { ok: true; nip: Nip } | { ok: false; issue: Issue };

const SEPARATORS = /[\s.-]/g;
/** The minimum age for entering the civil service (UU ASN: applicants are at least 18). */
const MIN_SERVICE_AGE = 18;

export function normalizeNip(input: string): string {
  return input.replace(SEPARATORS, "");
}

/** Splits an 18-digit NIP into its groups for display: 19700512 199503 1 004. */
export function formatNip(digits: string): string {
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

/**
 * A NIP as public documents print it (issue 8: "NIP partly masked"): the birth year and month and
 * the last four digits stay, so a candidate recognises their line, while the birth day and the
 * recruitment month, which with the name identify the person, are hidden. Anything that is not 18
 * digits is masked whole: a malformed NIP must not leak by being printed as it is.
 */
export function maskNip(input: string): string {
  const digits = normalizeNip(input);
  if (!/^\d{18}$/.test(digits)) return "*".repeat(18);
  return `${digits.slice(0, 6)}${"*".repeat(8)}${digits.slice(14)}`;
}

/**
 * Parses and validates a NIP. `today` (YYYY-MM-DD) rejects birth dates and service starts in the
 * future; it is an argument because the domain has no clock.
 */
export function parseNip(input: string, today?: CalendarDate): NipResult {
  const digits = normalizeNip(input);
  if (digits.length === 0) return fail("err.nip.empty");
  const bad = /[^0-9]/.exec(digits);
  if (bad) return fail("err.nip.notDigits", { char: bad[0] });
  if (digits.length !== 18) return fail("err.nip.length", { count: digits.length });

  const birth = {
    year: Number(digits.slice(0, 4)),
    month: Number(digits.slice(4, 6)),
    day: Number(digits.slice(6, 8)),
  };
  const birthText = digits.slice(0, 8);
  if (!isValidDate(birth) || birth.year < 1900) return fail("err.nip.birthDate", { value: birthText });
  if (today && compareDates(birth, today) > 0) return fail("err.nip.birthFuture", { value: birthText });

  const start = { year: Number(digits.slice(8, 12)), month: Number(digits.slice(12, 14)), day: 1 };
  const startText = digits.slice(8, 14);
  if (!isValidDate(start)) return fail("err.nip.serviceStart", { value: startText });
  const adult = anniversary(birth, MIN_SERVICE_AGE);
  if (compareDates(start, adult) < 0) {
    return fail("err.nip.serviceBeforeAdult", { value: startText, adult: toIsoDate(adult) });
  }
  if (today && compareDates(start, today) > 0) return fail("err.nip.serviceFuture", { value: startText });

  const sexDigit = digits[14];
  if (sexDigit !== "1" && sexDigit !== "2") return fail("err.nip.sex", { value: sexDigit ?? "" });

  const sequence = Number(digits.slice(15));
  if (sequence < 1) return fail("err.nip.sequence", { value: digits.slice(15) });

  return {
    ok: true,
    nip: {
      value: digits,
      birthDate: toIsoDate(birth),
      serviceStart: `${startText.slice(0, 4)}-${startText.slice(4)}`,
      sex: sexDigit === "1" ? "L" : "P",
      sequence,
    },
  };
}

function fail(code: Issue["code"], params?: Issue["params"]): NipResult {
  return { ok: false, issue: params ? { code, params } : { code } };
}
