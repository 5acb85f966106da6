/**
 * Calendar arithmetic on plain ISO dates (YYYY-MM-DD). The domain has no clock and no time zone:
 * "today" always comes in as an argument, so the same input gives the same answer on a server in
 * us-central1 and on a phone in Lampung.
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.year >= 1 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function toIsoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD; undefined when the text is not a date that exists. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : undefined;
}

/**
 * The date on which someone born on `birth` reaches `years` of age. A person born on 29 February
 * comes of age on 1 March in common years, as Indonesian civil-service age checks count it.
 */
export function anniversary(birth: CalendarDate, years: number): CalendarDate {
  const year = birth.year + years;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) {
    return { year, month: 3, day: 1 };
  }
  return { year, month: birth.month, day: birth.day };
}

/** Whole years of age on `on` for someone born on `birth`. */
export function ageOn(birth: CalendarDate, on: CalendarDate): number {
  let years = on.year - birth.year;
  if (compareDates(on, anniversary(birth, years)) < 0) years -= 1;
  return years;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// ---------------------------------------------------------------------------------------------------
// Periods: day counts and shifts

/** `date` plus `days` calendar days (days ≥ 0): 28 February 2024 + 7 is 6 March. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addDays: ${days} is not a whole number ≥ 0`);
  let { year, month } = date;
  let day = date.day + days;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return { year, month, day };
}

/** Days in an inclusive range: 1 to 15 April is 15 days. */
export function inclusiveDays(start: CalendarDate, end: CalendarDate): number {
  return dayNumber(end) - dayNumber(start) + 1;
}

/**
 * The last day of a period of `days` calendar days that starts on `start`, both ends included, as
 * registration periods are counted: a 7-day period from 5 October ends on 11 October.
 */
export function lastDayOfPeriod(start: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`lastDayOfPeriod: ${days} is not a whole number ≥ 1`);
  return addDays(start, days - 1);
}

/**
 * The same day `months` months earlier (months ≥ 0), as the law counts "six months before": a day
 * that does not exist in the earlier month becomes that month's last day (31 August − 6 months is
 * 29 February in a leap year).
 */
export function subtractMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`subtractMonths: ${months}`);
  const index = date.year * 12 + (date.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Days since 1 March of year 0 (proleptic Gregorian); only differences are used. */
function dayNumber(d: CalendarDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const m = d.month <= 2 ? d.month + 9 : d.month - 3;
  return (
    365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + Math.floor((153 * m + 2) / 5) + d.day
  );
}

// ---------------------------------------------------------------------------------------------------
/*
 * Indonesian dates: as Indonesian official documents write them: "20 September 2021", and a period as
 * "20 September 2021 – 4 Oktober 2021". Written out in full on both sides because an announcement is
 * read as a legal text: a shortened "20 Sept – 4 Okt" has been contested as ambiguous across a year end.
 * No Intl here: the ICU data on a Cloud Functions image and on an old Android phone differ ("Sep" vs
 * "September"), and the document's hash must not depend on the runtime.
 */

export const INDONESIAN_MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

/** The date in ISO form, checked; a date that does not exist is a programming error here. */
export function calendarDate(iso: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not a date (YYYY-MM-DD): ${iso}`);
  return date;
}

/** "2021-09-20" → "20 September 2021". */
export function formatDateId(iso: string): string {
  const { year, month, day } = calendarDate(iso);
  return `${day} ${INDONESIAN_MONTHS[month - 1]} ${year}`;
}

/** "20 September 2021 – 4 Oktober 2021"; a one-day period is the single date. */
export function formatDateRangeId(start: string, end: string): string {
  if (start === end) return formatDateId(start);
  return `${formatDateId(start)} \u2013 ${formatDateId(end)}`;
}
