import { describe, it, expect } from "vitest";
import {
  ageOn,
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
