import type { CalendarDate } from "../domain/calendar.js";

/**
 * Today's date in WIT (UTC+9), Indonesia's easternmost zone: the latest calendar date anywhere in
 * the country, so a date that is already "today" for a candidate in Papua is never "in the future".
 */
export function todayInIndonesia(now: Date = new Date()): CalendarDate {
  const wit = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  return { year: wit.getUTCFullYear(), month: wit.getUTCMonth() + 1, day: wit.getUTCDate() };
}
