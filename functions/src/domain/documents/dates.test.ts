import { describe, expect, it } from "vitest";
import { INDONESIAN_MONTHS, formatDateId, formatDateRangeId } from "./dates.js";

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
