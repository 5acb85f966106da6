import { describe, it, expect } from "vitest";
import {
  INDONESIAN_MONTHS,
  addDays,
  ageOn,
  formatDateId,
  formatDateRangeId,
  inclusiveDays,
  lastDayOfPeriod,
  subtractMonths,
  anniversary,
  compareDates,
  daysInMonth,
  isLeapYear,
  isValidDate,
  parseIsoDate,
  toIsoDate,
  type CalendarDate,
} from "./calendar.js";

const date = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe("isLeapYear", () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true], // divisible by 400
    [1900, false], // divisible by 100 but not 400
    [2100, false],
    [1600, true],
    [1972, true],
    [1998, false],
  ])("%i -> %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe("daysInMonth", () => {
  it("gives the length of every month of a common year", () => {
    const lengths = Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1));
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it.each([
    [2024, 29],
    [2000, 29],
    [1900, 28],
    [2023, 28],
  ])("February %i has %i days", (year, days) => {
    expect(daysInMonth(year, 2)).toBe(days);
  });
});

describe("isValidDate", () => {
  it.each([date(2024, 2, 29), date(2000, 2, 29), date(2023, 12, 31), date(2023, 1, 1), date(1, 1, 1)])(
    "accepts %j",
    (d) => {
      expect(isValidDate(d)).toBe(true);
    },
  );

  it.each([
    ["29 February of a common year", date(2023, 2, 29)],
    ["29 February 1900", date(1900, 2, 29)],
    ["31 April", date(2024, 4, 31)],
    ["month 0", date(2024, 0, 1)],
    ["month 13", date(2024, 13, 1)],
    ["day 0", date(2024, 1, 0)],
    ["day 32", date(2024, 1, 32)],
    ["year 0", date(0, 1, 1)],
    ["a fractional day", date(2024, 1, 1.5)],
    ["NaN from a bad Number() conversion", date(Number.NaN, 1, 1)],
  ])("rejects %s", (_label, d) => {
    expect(isValidDate(d)).toBe(false);
  });
});

describe("compareDates", () => {
  it.each([
    [date(2024, 1, 1), date(2024, 1, 2), -1],
    [date(2024, 1, 31), date(2024, 2, 1), -1],
    [date(2023, 12, 31), date(2024, 1, 1), -1],
    [date(2024, 5, 10), date(2024, 5, 10), 0],
    [date(2024, 3, 1), date(2024, 2, 29), 1],
    [date(2025, 1, 1), date(2024, 12, 31), 1],
  ])("compares %j with %j by sign %i", (a, b, sign) => {
    expect(Math.sign(compareDates(a, b))).toBe(sign);
    // Swapping the arguments flips the sign, or sorting would depend on the input order.
    // (`0 - sign`, not `-sign`: toBe tells -0 from 0.)
    expect(Math.sign(compareDates(b, a))).toBe(0 - sign);
  });

  it("sorts dates chronologically", () => {
    const dates = [date(2024, 2, 1), date(1999, 12, 31), date(2024, 1, 31), date(2024, 2, 29)];
    expect([...dates].sort(compareDates).map(toIsoDate)).toEqual([
      "1999-12-31",
      "2024-01-31",
      "2024-02-01",
      "2024-02-29",
    ]);
  });
});

describe("toIsoDate / parseIsoDate", () => {
  it("pads month, day and year", () => {
    expect(toIsoDate(date(2024, 3, 5))).toBe("2024-03-05");
    expect(toIsoDate(date(5, 1, 1))).toBe("0005-01-01");
  });

  it.each([date(2024, 2, 29), date(1972, 3, 15), date(2000, 12, 31), date(1900, 1, 1)])("round-trips %j", (d) => {
    expect(parseIsoDate(toIsoDate(d))).toEqual(d);
  });

  it.each(["2024-02-29", "1998-03-01", "0001-01-01"])("round-trips the text %s", (text) => {
    const parsed = parseIsoDate(text);
    expect(parsed && toIsoDate(parsed)).toBe(text);
  });

  it.each([
    ["a date that does not exist", "2023-02-29"],
    ["31 June", "2024-06-31"],
    ["month 13", "2024-13-01"],
    ["unpadded parts", "2024-2-3"],
    ["a surrounding space", " 2024-02-03"],
    ["a time part", "2024-02-03T00:00:00Z"],
    ["slashes", "2024/02/03"],
    ["day-month-year order", "03-02-2024"],
    ["year 0000", "0000-01-01"],
    ["an empty string", ""],
  ])("rejects %s", (_label, text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe("anniversary", () => {
  it("keeps month and day for an ordinary birth date", () => {
    expect(anniversary(date(1972, 3, 15), 18)).toEqual(date(1990, 3, 15));
  });

  it("is the birth date itself after zero years", () => {
    expect(anniversary(date(2000, 2, 29), 0)).toEqual(date(2000, 2, 29));
  });

  it.each([
    // Born 29 February: the anniversary falls on 1 March in common years ...
    [1, date(2001, 3, 1)],
    [18, date(2018, 3, 1)],
    // ... on 29 February in leap years ...
    [4, date(2004, 2, 29)],
    [24, date(2024, 2, 29)],
    // ... and 2100 is not a leap year.
    [100, date(2100, 3, 1)],
  ])("for 29 February 2000 after %i years is %j", (years, expected) => {
    expect(anniversary(date(2000, 2, 29), years)).toEqual(expected);
  });

  it("does not move 28 February", () => {
    expect(anniversary(date(2000, 2, 28), 1)).toEqual(date(2001, 2, 28));
  });
});

describe("ageOn", () => {
  it.each([
    ["the day before the 18th birthday", date(1980, 3, 20), date(1998, 3, 19), 17],
    ["the 18th birthday", date(1980, 3, 20), date(1998, 3, 20), 18],
    ["the day after the 18th birthday", date(1980, 3, 20), date(1998, 3, 21), 18],
    ["the day of birth", date(1980, 3, 20), date(1980, 3, 20), 0],
    ["an earlier month of a later year", date(1972, 3, 15), date(2024, 1, 31), 51],
    ["a later month of a later year", date(1972, 3, 15), date(2024, 5, 10), 52],
    ["31 December, born 1 January", date(2000, 1, 1), date(2000, 12, 31), 0],
    // Born 29 February: still 17 on 28 February of a common year, 18 on 1 March.
    ["28 Feb of a common year, born 29 Feb", date(1980, 2, 29), date(1998, 2, 28), 17],
    ["1 Mar of a common year, born 29 Feb", date(1980, 2, 29), date(1998, 3, 1), 18],
    ["29 Feb of a leap year, born 29 Feb", date(1980, 2, 29), date(2004, 2, 29), 24],
    ["28 Feb of a leap year, born 29 Feb", date(1980, 2, 29), date(2004, 2, 28), 23],
  ])("on %s", (_label, birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe("Indonesian dates", () => {
  it("names the twelve months", () => {
    expect(INDONESIAN_MONTHS).toHaveLength(12);
    expect(INDONESIAN_MONTHS[7]).toBe("Agustus");
  });

  it.each([
    ["2021-09-20", "20 September 2021"],
    ["2021-10-04", "4 Oktober 2021"],
    ["2024-02-29", "29 Februari 2024"],
    ["2025-05-01", "1 Mei 2025"],
    ["2021-12-31", "31 Desember 2021"],
  ])("%s is %s", (iso, text) => {
    expect(formatDateId(iso)).toBe(text);
  });

  it("writes a period in full on both sides, with an en dash", () => {
    expect(formatDateRangeId("2021-09-20", "2021-10-04")).toBe("20 September 2021 \u2013 4 Oktober 2021");
    expect(formatDateRangeId("2021-12-27", "2022-01-07")).toBe("27 Desember 2021 \u2013 7 Januari 2022");
  });

  it("writes a one-day period as one date", () => {
    expect(formatDateRangeId("2021-11-15", "2021-11-15")).toBe("15 November 2021");
  });

  it.each(["2021-02-29", "2021-13-01", "20-09-2021", ""])("rejects %j", (bad) => {
    expect(() => formatDateId(bad)).toThrow(RangeError);
  });
});

describe("addDays", () => {
  it.each([
    ["2021-10-05", 7, "2021-10-12"],
    ["2021-10-28", 7, "2021-11-04"],
    ["2021-12-29", 7, "2022-01-05"],
    ["2024-02-25", 7, "2024-03-03"], // leap year: 29 February counts
    ["2023-02-25", 7, "2023-03-04"],
    ["2021-10-05", 0, "2021-10-05"],
    ["2021-01-31", 366, "2022-02-01"],
  ])("%s + %i days is %s", (from, days, expected) => {
    const d = addDays(parseIsoDate(from)!, days);
    expect(`${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`).toBe(expected);
  });

  it.each([-1, 1.5])("refuses %s days", (days) => {
    expect(() => addDays(parseIsoDate("2021-10-05")!, days)).toThrow(RangeError);
  });
});

describe("inclusiveDays", () => {
  const d = (iso: string): CalendarDate => parseIsoDate(iso)!;
  it.each([
    ["2024-04-01", "2024-04-01", 1],
    ["2024-04-01", "2024-04-15", 15],
    ["2024-02-15", "2024-02-29", 15], // leap year
    ["2023-02-15", "2023-03-01", 15],
    ["2021-12-25", "2022-01-08", 15],
    ["2024-01-01", "2024-12-31", 366],
    ["2023-01-01", "2023-12-31", 365],
    ["1900-02-28", "1900-03-01", 2], // not a leap year
    ["2000-02-28", "2000-03-01", 3], // a leap year
    ["2024-04-15", "2024-04-01", -13],
  ])("%s to %s is %i days", (start, end, days) => {
    expect(inclusiveDays(d(start), d(end))).toBe(days);
  });
});

describe("lastDayOfPeriod", () => {
  const d = (iso: string): CalendarDate => parseIsoDate(iso)!;
  it.each([
    ["2021-10-05", 7, "2021-10-11"],
    ["2021-09-20", 15, "2021-10-04"],
    ["2024-02-25", 7, "2024-03-02"],
    ["2021-10-05", 1, "2021-10-05"],
  ])("%s for %i days ends on %s, counted like inclusiveDays", (start, days, end) => {
    expect(toIsoDate(lastDayOfPeriod(d(start), days))).toBe(end);
    expect(inclusiveDays(d(start), d(end))).toBe(days);
  });

  it.each([0, -1, 1.5])("refuses %s days", (days) => {
    expect(() => lastDayOfPeriod(d("2021-10-05"), days)).toThrow(RangeError);
  });
});

describe("subtractMonths", () => {
  const d = (iso: string): CalendarDate => parseIsoDate(iso)!;
  it.each([
    ["2024-09-22", 6, "2024-03-22"],
    ["2024-08-31", 6, "2024-02-29"], // no 31 February: the month's last day
    ["2023-08-31", 6, "2023-02-28"],
    ["2024-03-15", 6, "2023-09-15"], // across the year
    ["2024-01-10", 0, "2024-01-10"],
  ])("%s minus %i months is %s", (from, months, expected) => {
    expect(toIsoDate(subtractMonths(d(from), months))).toBe(expected);
  });
});
