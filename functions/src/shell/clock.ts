import type { CalendarDate } from "../domain/calendar.js";

/**
 * Today's date in WIT (UTC+9), Indonesia's easternmost zone: the latest calendar date anywhere in
 * the country, so a date that is already "today" for a candidate in Papua is never "in the future".
 */
export function todayInIndonesia(now: Date = new Date()): CalendarDate {
  const wit = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  return { year: wit.getUTCFullYear(), month: wit.getUTCMonth() + 1, day: wit.getUTCDate() };
}

/** Today's date in a government's own time zone: deadlines are dates where that government is. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}
