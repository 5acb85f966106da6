/**
 * Dates as Indonesian official documents write them: "20 September 2021", and a period as
 * "20 September 2021 – 4 Oktober 2021". Written out in full on both sides because an announcement is
 * read as a legal text: a shortened "20 Sept – 4 Okt" has been contested as ambiguous across a year end.
 * No Intl here: the ICU data on a Cloud Functions image and on an old Android phone differ ("Sep" vs
 * "September"), and the document's hash must not depend on the runtime.
 */
import { parseIsoDate, type CalendarDate } from "../calendar.js";

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
