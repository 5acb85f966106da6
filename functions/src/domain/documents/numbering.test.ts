import { describe, expect, it } from "vitest";
import {
  counterIdFor,
  DEFAULT_NUMBERING_PATTERN,
  NumberingPatternError,
  formatDocumentNumber,
  numberingPatternSchema,
  parseNumberingPattern,
  toRoman,
  type NumberValues,
} from "./numbering.js";
import { parseWith } from "../validation.js";
import { renderIssue } from "../i18n/render.js";

const METRO: NumberValues = { seq: 7, year: 2021, month: 9, kind: "PENG", instansiCode: "BKPSDM-MTR" };

describe("formatDocumentNumber", () => {
  it("formats the Metro announcement number", () => {
    expect(formatDocumentNumber(DEFAULT_NUMBERING_PATTERN, METRO)).toBe("007/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021");
  });

  it("fills every token", () => {
    expect(formatDocumentNumber("{kind}-{seq}.{month}.{monthRoman}/{instansiCode}/{year}", METRO)).toBe(
      "PENG-7.09.IX/BKPSDM-MTR/2021",
    );
  });

  it.each([
    ["{seq}/{year}", 7, "7/2021"],
    ["{seq:1}/{year}", 7, "7/2021"],
    ["{seq:3}/{year}", 7, "007/2021"],
    ["{seq:3}/{year}", 42, "042/2021"],
    ["{seq:4}/{year}", 123, "0123/2021"],
    // Outgrowing the width must not cut digits: 1000 and 000 would be the same number.
    ["{seq:3}/{year}", 1000, "1000/2021"],
  ])("%s with seq %i gives %s", (pattern, seq, expected) => {
    expect(formatDocumentNumber(pattern, { ...METRO, seq })).toBe(expected);
  });

  it("keeps classification codes and other literal text as written", () => {
    expect(formatDocumentNumber("800/{seq:3}/BKPSDM/{year}", METRO)).toBe("800/007/BKPSDM/2021");
  });

  it("accepts a parsed pattern", () => {
    const parsed = parseNumberingPattern("{seq:2}/{year}");
    if (!parsed.ok) throw new Error("pattern should parse");
    expect(formatDocumentNumber(parsed.pattern, METRO)).toBe("07/2021");
  });

  it("gives different numbers for different sequences or years", () => {
    const a = formatDocumentNumber(DEFAULT_NUMBERING_PATTERN, METRO);
    expect(formatDocumentNumber(DEFAULT_NUMBERING_PATTERN, { ...METRO, seq: 8 })).not.toBe(a);
    expect(formatDocumentNumber(DEFAULT_NUMBERING_PATTERN, { ...METRO, year: 2022 })).not.toBe(a);
  });

  it("throws a typed error for an invalid pattern", () => {
    expect(() => formatDocumentNumber("{seq}/{tahun}", METRO)).toThrow(NumberingPatternError);
  });

  it.each([
    [{ seq: 0 }],
    [{ seq: 1.5 }],
    [{ month: 0 }],
    [{ month: 13 }],
    [{ year: 21 }],
    [{ kind: "" }],
    [{ kind: "PENG/X" }],
    [{ instansiCode: "BKPSDM MTR" }],
  ])("rejects the values %j", (bad) => {
    expect(() => formatDocumentNumber(DEFAULT_NUMBERING_PATTERN, { ...METRO, ...bad })).toThrow(RangeError);
  });
});

describe("toRoman", () => {
  it("writes the twelve months", () => {
    expect(Array.from({ length: 12 }, (_, i) => toRoman(i + 1))).toEqual([
      "I",
      "II",
      "III",
      "IV",
      "V",
      "VI",
      "VII",
      "VIII",
      "IX",
      "X",
      "XI",
      "XII",
    ]);
  });

  it("writes larger numbers and rejects impossible ones", () => {
    expect(toRoman(2021)).toBe("MMXXI");
    expect(toRoman(1994)).toBe("MCMXCIV");
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(4000)).toThrow(RangeError);
  });
});

describe("parseNumberingPattern", () => {
  it("accepts the default pattern and splits it into literals and tokens", () => {
    const result = parseNumberingPattern(DEFAULT_NUMBERING_PATTERN);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pattern.segments.filter((s) => s.type === "token").map((s) => s.token)).toEqual([
      "seq",
      "kind",
      "instansiCode",
      "monthRoman",
      "year",
    ]);
    expect(result.pattern.segments[0]).toEqual({ type: "token", token: "seq", width: 3 });
  });

  it.each([
    ["{year}/PENG", "{seq}"],
    ["{seq:3}/PENG/{month}", "{year}"],
    ["", "{seq}"],
  ])("%j lacks a required token", (pattern, token) => {
    expect(parseNumberingPattern(pattern)).toEqual({
      ok: false,
      issue: { code: "err.numbering.missingToken", params: { token }, field: "numberingPattern" },
    });
  });

  it.each(["{seq}/{tahun}", "{seq}/{year}/{Seq}", "{seq}/{year:2}", "{seq}/{}/{year}", "{seq}/{ year }"])(
    "%j has an unknown token",
    (pattern) => {
      const result = parseNumberingPattern(pattern);
      expect(result.ok ? undefined : result.issue.code).toBe("err.numbering.unknownToken");
    },
  );

  it("names the unknown token and the known ones in Indonesian", () => {
    const result = parseNumberingPattern("{seq}/{bulan}/{year}");
    if (result.ok) throw new Error("should fail");
    expect(renderIssue("id", result.issue)).toBe(
      "Pola nomor memuat token yang tidak dikenal: {bulan}. Token yang dapat dipakai: {seq}, {year}, {month}, {monthRoman}, {kind}, {instansiCode}.",
    );
  });

  it.each([
    ["{seq/{year}", 1],
    ["{seq}/{year", 7],
    ["{seq}/year}", 11],
  ])("%j cannot be read (position %i)", (pattern, position) => {
    expect(parseNumberingPattern(pattern)).toMatchObject({
      ok: false,
      issue: { code: "err.numbering.syntax", params: { position } },
    });
  });

  it.each(["{seq:0}/{year}", "{seq:7}/{year}"])("%j has a sequence width out of range", (pattern) => {
    const result = parseNumberingPattern(pattern);
    expect(result.ok ? undefined : result.issue.code).toBe("err.numbering.seqWidth");
  });

  it.each(["{seq}{year}", "{year}{seq:3}", "{kind}{seq}/{year}"])(
    "%j glues the sequence to another token, so two numbers could read alike",
    (pattern) => {
      const result = parseNumberingPattern(pattern);
      expect(result.ok ? undefined : result.issue.code).toBe("err.numbering.seqAdjacent");
    },
  );

  it("rejects an overlong pattern", () => {
    const result = parseNumberingPattern(`{seq}/{year}/${"X".repeat(120)}`);
    expect(result.ok ? undefined : result.issue.code).toBe("err.numbering.tooLong");
  });

  it("works as a zod check at a boundary, with the catalogue key as the issue", () => {
    expect(parseWith(numberingPatternSchema, DEFAULT_NUMBERING_PATTERN)).toEqual({
      ok: true,
      value: DEFAULT_NUMBERING_PATTERN,
    });
    const bad = parseWith(numberingPatternSchema, "{seq:3}/PENG");
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.params])).toEqual([
      ["err.numbering.missingToken", { token: "{year}" }],
    ]);
  });
});

describe("counterIdFor", () => {
  it("is one counter per year, whatever the document kind", () => {
    expect(counterIdFor(2021)).toBe("2021");
    // The id takes no kind: a pengumuman and a berita acara of the same year share the sequence.
    expect(counterIdFor.length).toBe(1);
  });

  it("refuses a year that is not four digits", () => {
    expect(() => counterIdFor(21)).toThrow(RangeError);
  });
});
