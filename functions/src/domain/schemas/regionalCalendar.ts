/**
 * The regional calendar an operator records for their government (`recordRegionalCalendar`): the
 * regional elections and the periods led by an acting regional head (Penjabat). The gate before
 * pelantikan and the officials' selection page read them (selection/appointment.ts). One schema for
 * the operator's form and the callable, stricter than the stored `instansiDoc` (which only reads).
 */
import { z } from "zod/mini";
import { parseIsoDate } from "../calendar.js";
import { requestId } from "../selection/process.js";

/** A day that exists on the calendar, as YYYY-MM-DD; empty and impossible dates are named apart. */
const calendarDay = z.string().check(
  z.superRefine((value, ctx) => {
    if (value.trim() === "") {
      ctx.issues.push({ code: "custom", message: "err.calendar.dateRequired", input: value });
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parseIsoDate(value)) {
      ctx.issues.push({ code: "custom", message: "err.calendar.dateInvalid", params: { value }, input: value });
    }
  }),
);

const valid = (iso: string) => parseIsoDate(iso) !== undefined;

/** A pilkada: the day the candidate pairs are determined, and the last day of the term after it. */
export const electionPeriod = z.object({ candidatePairsDetermination: calendarDay, termEnd: calendarDay }).check(
  z.superRefine((e, ctx) => {
    const { candidatePairsDetermination: pairs, termEnd } = e;
    if (valid(pairs) && valid(termEnd) && termEnd <= pairs) {
      ctx.issues.push({
        code: "custom",
        message: "err.calendar.termEndBeforePairs",
        params: { pairs, termEnd },
        path: ["termEnd"],
        input: e,
      });
    }
  }),
);

/** A Penjabat's period, first and last day included (a one-day period is possible). */
export const actingHeadPeriod = z.object({ from: calendarDay, to: calendarDay }).check(
  z.superRefine((p, ctx) => {
    if (valid(p.from) && valid(p.to) && p.to < p.from) {
      ctx.issues.push({
        code: "custom",
        message: "err.calendar.periodReversed",
        params: { from: p.from, to: p.to },
        path: ["to"],
        input: p,
      });
    }
  }),
);

/** The same bound as the stored document's lists. */
export const MAX_CALENDAR_ROWS = 20;

export const regionalCalendar = z.object({
  elections: z.array(electionPeriod).check(z.maxLength(MAX_CALENDAR_ROWS, { error: "err.calendar.tooMany" })),
  actingHeads: z.array(actingHeadPeriod).check(z.maxLength(MAX_CALENDAR_ROWS, { error: "err.calendar.tooMany" })),
});
export type RegionalCalendar = z.output<typeof regionalCalendar>;

/**
 * Replaces both lists of the named government (the caller's own: named so that a form open on the
 * wrong account is refused, not applied elsewhere); the request id makes a retry change nothing.
 */
export const recordRegionalCalendarInput = z.extend(regionalCalendar, {
  instansiId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" })),
  requestId,
});
export type RecordRegionalCalendarInput = z.output<typeof recordRegionalCalendarInput>;

export const recordRegionalCalendarOutput = z.object({ changed: z.boolean(), at: z.string() });
