import { describe, it, expect } from "vitest";
import { formatNip, maskNip, normalizeNip, parseNip, type NipResult } from "./nip.js";
import type { CalendarDate } from "./calendar.js";
import type { Issue } from "./issue.js";

// A real-looking NIP: born 15 March 1972, CPNS from March 1998, male, sequence 004.
const NIP = "197203151998031004";
const TODAY: CalendarDate = { year: 2024, month: 5, day: 10 };

/** The issue of a failed parse; fails the test when the parse succeeded. */
function issueOf(result: NipResult): Issue {
  if (result.ok) throw new Error(`expected a failed parse, got ${JSON.stringify(result.nip)}`);
  return result.issue;
}

describe("parseNip: valid NIPs", () => {
  it("reads every group of a plain 18-digit NIP", () => {
    expect(parseNip(NIP, TODAY)).toEqual({
      ok: true,
      nip: {
        value: NIP,
        birthDate: "1972-03-15",
        serviceStart: "1998-03",
        sex: "L",
        sequence: 4,
      },
    });
  });

  it("reads sex digit 2 as perempuan", () => {
    const result = parseNip("198511232010122001", TODAY);
    expect(result).toMatchObject({ ok: true, nip: { sex: "P", sequence: 1, birthDate: "1985-11-23" } });
  });

  it("reads the highest sequence, 999", () => {
    expect(parseNip("197203151998031999")).toMatchObject({ ok: true, nip: { sequence: 999 } });
  });

  // Candidates copy the NIP from an SK, an ID card or a PDF, with whatever separators those use.
  it.each([
    ["spaces between groups", "19720315 199803 1 004"],
    ["dots", "19720315.199803.1.004"],
    ["dashes", "19720315-199803-1-004"],
    ["mixed separators", "19720315 - 199803.1 004"],
    ["leading and trailing spaces", "  197203151998031004  "],
    ["a tab and a newline", "19720315\t199803\n1004"],
    ["a non-breaking space pasted from a PDF", "19720315\u00a0199803\u00a01\u00a0004"],
  ])("accepts %s and returns the bare 18 digits", (_label, input) => {
    const result = parseNip(input, TODAY);
    expect(result).toMatchObject({ ok: true, nip: { value: NIP, birthDate: "1972-03-15" } });
  });

  it("accepts a NIP without `today`, skipping only the future checks", () => {
    // Born 2030, service from 2048: impossible today, but without a clock nothing says so.
    expect(parseNip("203001012048011001")).toMatchObject({ ok: true, nip: { birthDate: "2030-01-01" } });
  });

  // 2000 is a leap year (divisible by 400), so 29 February 2000 is a real birth date.
  it("accepts a birth on 29 February 2000", () => {
    expect(parseNip("200002292018032001", TODAY)).toMatchObject({
      ok: true,
      nip: { birthDate: "2000-02-29", serviceStart: "2018-03", sex: "P" },
    });
  });
});

describe("parseNip: errors", () => {
  it.each(["", "   ", " . - ", "\t\n"])("reports an empty NIP for %j", (input) => {
    // No params: there is nothing to show but "required".
    expect(issueOf(parseNip(input, TODAY))).toEqual({ code: "err.nip.empty" });
  });

  it.each([
    ["a letter O typed for a zero", "1972O3151998031004", "O"],
    ["a slash", "1972/03/15 199803 1 004", "/"],
    ["an underscore", "19720315_199803_1_004", "_"],
    ["a comma", "19720315,199803,1,004", ","],
    ["a plus sign", "+197203151998031004", "+"],
    ["full-width digits", "１９７２", "１"],
    ["letters only", "abc", "a"],
  ])("reports %s and names the character", (_label, input, char) => {
    expect(issueOf(parseNip(input, TODAY))).toEqual({ code: "err.nip.notDigits", params: { char } });
  });

  it("checks characters before length, so the candidate learns what is wrong first", () => {
    expect(issueOf(parseNip("19720315x", TODAY))).toEqual({ code: "err.nip.notDigits", params: { char: "x" } });
  });

  it.each([
    ["one digit", "1", 1],
    ["17 digits", "19720315199803100", 17],
    ["19 digits", "1972031519980310041", 19],
    ["17 digits with separators, counted without them", "19720315 199803 1 00", 17],
    ["the old 9-digit NIP", "010123456", 9],
  ])("reports the length of %s", (_label, input, count) => {
    expect(issueOf(parseNip(input, TODAY))).toEqual({ code: "err.nip.length", params: { count } });
  });

  it.each([
    ["30 February", "19720230", "1998031004"],
    ["31 April", "19720431", "1998031004"],
    ["month 00", "19720015", "1998031004"],
    ["month 13", "19721315", "1998031004"],
    ["day 00", "19720300", "1998031004"],
    ["day 32", "19720132", "1998031004"],
    // 1900 is divisible by 100 but not by 400: no 29 February that year.
    ["29 February 1900", "19000229", "1920031004"],
    ["29 February in the common year 1971", "19710229", "1998031004"],
    // No serving civil servant was born before 1900; a year like 0972 is a typo.
    ["a birth in 1899", "18991231", "1920031004"],
    ["year 0972", "09720315", "1998031004"],
  ])("rejects an impossible birth date: %s", (_label, birth, rest) => {
    expect(issueOf(parseNip(birth + rest, TODAY))).toEqual({ code: "err.nip.birthDate", params: { value: birth } });
  });

  it("accepts a birth on 1 January 1900, the earliest allowed", () => {
    expect(parseNip("190001011920011001", TODAY)).toMatchObject({ ok: true, nip: { birthDate: "1900-01-01" } });
  });

  describe("birth in the future", () => {
    it("rejects a birth date after today", () => {
      expect(issueOf(parseNip("202405112042051001", TODAY))).toEqual({
        code: "err.nip.birthFuture",
        params: { value: "20240511" },
      });
    });

    it("does not call a birth on today itself a future birth", () => {
      // It fails later, on the service start, not as a future birth.
      expect(issueOf(parseNip("202405102042051001", TODAY)).code).not.toBe("err.nip.birthFuture");
    });
  });

  it.each([
    ["month 00", "199800"],
    ["month 13", "199813"],
    ["month 99", "199899"],
  ])("rejects a service start with %s", (_label, start) => {
    expect(issueOf(parseNip(`19720315${start}1004`, TODAY))).toEqual({
      code: "err.nip.serviceStart",
      params: { value: start },
    });
  });

  describe("service start before the 18th birthday (UU ASN minimum age)", () => {
    it("accepts the month of the 18th birthday when born on the 1st", () => {
      // Born 1 March 1980: 18 on 1 March 1998, the very day the month starts.
      expect(parseNip("198003011998031001", TODAY)).toMatchObject({ ok: true, nip: { serviceStart: "1998-03" } });
    });

    it("rejects the month before the 18th birthday when born on the 1st", () => {
      expect(issueOf(parseNip("198003011998021001", TODAY))).toEqual({
        code: "err.nip.serviceBeforeAdult",
        params: { value: "199802", adult: "1998-03-01" },
      });
    });

    it("rejects the month of the 18th birthday when born later in the month", () => {
      // A service month counts from its 1st; on 1 March 1998 someone born 20 March 1980 is still 17.
      expect(issueOf(parseNip("198003201998031001", TODAY))).toEqual({
        code: "err.nip.serviceBeforeAdult",
        params: { value: "199803", adult: "1998-03-20" },
      });
    });

    it("accepts the month after the 18th birthday when born later in the month", () => {
      expect(parseNip("198003201998041001", TODAY)).toMatchObject({ ok: true });
    });

    it("rejects a service start long before adulthood", () => {
      expect(issueOf(parseNip("197203151985011004", TODAY))).toEqual({
        code: "err.nip.serviceBeforeAdult",
        params: { value: "198501", adult: "1990-03-15" },
      });
    });

    // Someone born on 29 February comes of age on 1 March of a common year.
    it("accepts March of the 18th year when born on 29 February", () => {
      expect(parseNip("198002291998031001", TODAY)).toMatchObject({ ok: true, nip: { birthDate: "1980-02-29" } });
    });

    it("rejects February of the 18th year when born on 29 February", () => {
      expect(issueOf(parseNip("198002291998021001", TODAY))).toEqual({
        code: "err.nip.serviceBeforeAdult",
        params: { value: "199802", adult: "1998-03-01" },
      });
    });
  });

  describe("service start in the future", () => {
    it("rejects a service start in a month after today's", () => {
      expect(issueOf(parseNip("200001012024061001", TODAY))).toEqual({
        code: "err.nip.serviceFuture",
        params: { value: "202406" },
      });
    });

    it("accepts a service start in today's month", () => {
      expect(parseNip("200001012024051001", TODAY)).toMatchObject({ ok: true, nip: { serviceStart: "2024-05" } });
    });

    it("accepts the same NIP when no `today` is given", () => {
      expect(parseNip("200001012024061001")).toMatchObject({ ok: true });
    });
  });

  it.each(["0", "3", "9"])("rejects sex digit %s", (digit) => {
    expect(issueOf(parseNip(`19720315199803${digit}004`, TODAY))).toEqual({
      code: "err.nip.sex",
      params: { value: digit },
    });
  });

  it("rejects sequence 000", () => {
    expect(issueOf(parseNip("197203151998031000", TODAY))).toEqual({
      code: "err.nip.sequence",
      params: { value: "000" },
    });
  });

  it("reports the first problem only, in the order of the groups", () => {
    // Bad birth date, bad start month, bad sex digit and sequence 000 all at once.
    expect(issueOf(parseNip("197202301998130000", TODAY)).code).toBe("err.nip.birthDate");
    expect(issueOf(parseNip("197203151998130000", TODAY)).code).toBe("err.nip.serviceStart");
    expect(issueOf(parseNip("197203151998030000", TODAY)).code).toBe("err.nip.sex");
  });
});

describe("normalizeNip", () => {
  it("removes whitespace, dots and dashes and keeps everything else", () => {
    expect(normalizeNip(" 19720315.199803-1 004 ")).toBe(NIP);
    expect(normalizeNip("1972/03")).toBe("1972/03");
  });
});

describe("formatNip", () => {
  it("splits the digits into the groups printed on an SK", () => {
    expect(formatNip(NIP)).toBe("19720315 199803 1 004");
  });

  it("round-trips through parseNip", () => {
    expect(parseNip(formatNip(NIP), TODAY)).toMatchObject({ ok: true, nip: { value: NIP } });
  });
});

describe("maskNip: NIPs in public documents", () => {
  it("keeps the birth year and month and the last four digits", () => {
    expect(maskNip("197806122004011004")).toBe("197806********1004");
    expect(maskNip("19780612 200401 1 004")).toBe("197806********1004");
  });
  it("hides the birth day and the recruitment month", () => {
    const masked = maskNip("197806122004011004");
    expect(masked).not.toContain("12200401");
    expect(masked).toHaveLength(18);
  });
  it("masks whole anything that is not an 18-digit NIP", () => {
    expect(maskNip("1978061220040110")).toBe("*".repeat(18));
    expect(maskNip("19780612200401100x")).toBe("*".repeat(18));
  });
});
