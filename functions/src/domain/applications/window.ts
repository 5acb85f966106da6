/**
 * When registration closes, as an instant. Schedules are dates in the government's own zone
 * ("pendaftaran sampai 4 Oktober 2021") and registration is open through the whole of its last day
 * there. Indonesia's three zones have fixed offsets (no daylight saving), so the instant is exact
 * arithmetic, no time-zone database. Functions compare it with the server's clock, and the security
 * rules compare it with request.time (publicSelections/{id}.registrationClosesAtMs), never the phone's.
 */
import { addDays, parseIsoDate, type CalendarDate } from "../calendar.js";
import type { Stage } from "../stages.js";

export const ZONE_OFFSET_HOURS = { "Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 } as const;
export type IndonesianZone = keyof typeof ZONE_OFFSET_HOURS;

const HOUR_MS = 60 * 60 * 1000;

/** The calendar date of an instant in a government's zone. */
export function dateInZone(ms: number, zone: IndonesianZone): CalendarDate {
  const shifted = new Date(ms + ZONE_OFFSET_HOURS[zone] * HOUR_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The first instant after `isoDate` has ended in `zone` (midnight of the next day there), or null. */
export function endOfDayMs(isoDate: string, zone: IndonesianZone): number | null {
  const day = parseIsoDate(isoDate);
  if (!day) return null;
  const next = addDays(day, 1);
  return Date.UTC(next.year, next.month - 1, next.day) - ZONE_OFFSET_HOURS[zone] * HOUR_MS;
}

/** The close of registration from the schedule's (possibly extended) last day; null when unscheduled. */
export function registrationClosesAtMs(
  schedule: { readonly pendaftaran?: { readonly end: string } | undefined },
  zone: IndonesianZone,
): number | null {
  return schedule.pendaftaran ? endOfDayMs(schedule.pendaftaran.end, zone) : null;
}

/** Whether a candidate may still change an application now (stage and deadline, server time). */
export function registrationOpen(stage: Stage, closesAtMs: number | null, nowMs: number): boolean {
  return stage === "pendaftaran" && closesAtMs !== null && nowMs < closesAtMs;
}
