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
