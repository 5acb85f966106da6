import { describe, expect, it } from "vitest";
import { METRO_CANDIDATES, METRO_PLAN } from "../../../../test/fixtures/metro2021Scoring.js";
import { DEFAULT_PROFILE } from "../regulation/profiles.js";
import { aggregate, cellOf, printed } from "./aggregate.js";
import { parseDate, parseNumber, previewAssessmentImport, splitLine, type ImportOptions } from "./assessmentImport.js";

const ASESMEN = METRO_PLAN.components.find((c) => c.id === "asesmen")!;
const BAPPEDA = METRO_CANDIDATES.filter((c) => c.postId === "bappeda");
const [n0, n1, n2, n3] = BAPPEDA.map((c) => c.nip) as [string, string, string, string];
const OPTIONS: ImportOptions = {
  component: ASESMEN,
  applicants: BAPPEDA,
  asOf: "2021-10-05",
  validityMonths: DEFAULT_PROFILE.assessmentValidity?.months,
};

describe("previewAssessmentImport", () => {
  it("reads an Indonesian export: ';' between cells, decimal commas, dates as dd/mm/yyyy", () => {
    const csv = [
      "No;NIP;Nama;Nilai Total;Tanggal;Sumber",
      `1;${n0};Drs. Ahmad Fauzi, M.Si.;312,5;14/10/2019;UPT Penilaian Kompetensi BKD Provinsi Lampung`,
      `2;'${n1}';Hj. Sri Wahyuni;280;2021-09-20;Assessment Center BKPSDM Kota Metro`,
    ].join("\r\n");
    const preview = previewAssessmentImport(csv, OPTIONS);
    expect(preview.ok && preview.separator).toBe(";");
    if (!preview.ok) return;
    // The quote mark a spreadsheet puts before a long number is not a digit: that row is rejected.
    expect(preview.rejected).toEqual([
      expect.objectContaining({ line: 3, issue: expect.objectContaining({ code: "err.import.nip" }) }),
    ]);
    expect(preview.rows).toEqual([
      {
        line: 2,
        nip: n0,
        applicationId: BAPPEDA[0]!.applicationId,
        raw: 312.5,
        marks: 31250,
        score: 78.13, // 312.5 / 400 = 78.125 → half up
        date: "2019-10-14",
        source: "UPT Penilaian Kompetensi BKD Provinsi Lampung",
        stale: false, // Metro 2021 reused 2019's results (the day is assumed): within two years
      },
    ]);
  });

  it("reads an English export with ',' and quoted decimal commas, spaces in the NIP", () => {
    const spaced = `${n2.slice(0, 8)} ${n2.slice(8, 14)} ${n2.slice(14, 15)} ${n2.slice(15)}`;
    const csv = `nip,score,date\n${n0},301.25,2021-09-20\n"${spaced}","290,5",2021-09-20\n`;
    const preview = previewAssessmentImport(csv, OPTIONS);
    expect(preview.ok && preview.separator).toBe(",");
    expect(preview.ok && preview.rows.map((r) => [r.nip, r.raw])).toEqual([
      [n0, 301.25],
      [n2, 290.5],
    ]);
    expect(preview.ok && preview.rejected).toEqual([]);
  });

  it("rejects each bad row with its reason and keeps the good ones", () => {
    const csv = [
      "NIP;Nilai",
      `${n0};300`,
      `19720315199803100;300`, // 17 digits
      `197203151998031005;300`, // valid NIP, not an applicant of this post
      `${n1};tiga ratus`,
      `${n2};401`,
      `${n3};-1`,
      `${BAPPEDA[4]!.nip};312,755`,
      `${BAPPEDA[5]!.nip};"300`,
    ].join("\n");
    const preview = previewAssessmentImport(csv, OPTIONS);
    if (!preview.ok) throw new Error("expected a preview");
    expect(preview.rows.map((r) => r.line)).toEqual([2]);
    expect(preview.rejected.map((r) => [r.line, r.issue.code])).toEqual([
      [3, "err.import.nip"],
      [4, "err.import.notApplicant"],
      [5, "err.import.notNumber"],
      [6, "err.import.outsideMax"],
      [7, "err.import.outsideMax"],
      [8, "err.import.decimals"],
      [9, "err.import.quote"],
    ]);
    expect(preview.rejected[0]!.issue.params).toMatchObject({ reason: "err.nip.length" });
    expect(preview.rejected[3]!.issue.params).toEqual({ value: 401, max: 400 });
  });

  it("takes neither row of a NIP listed twice", () => {
    const csv = `NIP;Nilai\n${n0};300\n${n1};280\n${n0};310\n`;
    const preview = previewAssessmentImport(csv, OPTIONS);
    if (!preview.ok) throw new Error("expected a preview");
    expect(preview.rows.map((r) => r.nip)).toEqual([n1]);
    expect(preview.rejected.map((r) => [r.line, r.issue.code, r.issue.params?.["lines"]])).toEqual([
      [2, "err.import.duplicate", "4"],
      [4, "err.import.duplicate", "2"],
    ]);
  });

  it("flags results older than the profile's validity, and takes the batch's date and source when the file has none", () => {
    const csv = `NIP;Nilai\n${n0};300\n`;
    const batch = { date: "2019-08-14", source: "UPT BKD Lampung" };
    // Two years to the day is still valid; a day more is flagged (flagged, not rejected: the pansel decides).
    const edge = previewAssessmentImport(csv, { ...OPTIONS, asOf: "2021-08-14", defaults: batch });
    expect(edge.ok && edge.rows[0]).toMatchObject({ date: "2019-08-14", source: "UPT BKD Lampung", stale: false });
    const later = previewAssessmentImport(csv, { ...OPTIONS, asOf: "2021-08-15", defaults: batch });
    expect(later.ok && later.rows[0]!.stale).toBe(true);
    const noRule = previewAssessmentImport(csv, {
      ...OPTIONS,
      asOf: "2030-01-01",
      validityMonths: undefined,
      defaults: { date: "2019-08-14" },
    });
    expect(noRule.ok && noRule.rows[0]!.stale).toBe(false);
    const badDate = previewAssessmentImport(`NIP;Nilai;Tanggal\n${n0};300;31/02/2019\n`, OPTIONS);
    expect(badDate.ok && badDate.rejected[0]!.issue.code).toBe("err.import.date");
  });

  it("refuses a file without NIP and score columns, an empty file, and a member-scored component", () => {
    expect(previewAssessmentImport("Nama;Nilai\nA;1\n", OPTIONS)).toEqual({
      ok: false,
      issue: { code: "err.import.header" },
    });
    expect(previewAssessmentImport(" \n\n", OPTIONS)).toEqual({ ok: false, issue: { code: "err.import.empty" } });
    const makalah = METRO_PLAN.components.find((c) => c.id === "makalah")!;
    expect(previewAssessmentImport("NIP;Nilai\n", { ...OPTIONS, component: makalah })).toEqual({
      ok: false,
      issue: { code: "err.import.notImported" },
    });
  });

  it("gives marks the aggregate converts by the plan's maximum", () => {
    const preview = previewAssessmentImport(`NIP;Nilai\n${n0};312\n`, OPTIONS);
    if (!preview.ok) throw new Error("expected a preview");
    const row = preview.rows[0]!;
    const table = aggregate(METRO_PLAN, [row.applicationId], [{ ...row, componentId: "asesmen", memberUid: "import" }]);
    expect(printed(cellOf(table, 0, 0)!.score)).toBe(78);
  });
});

describe("CSV cells, numbers and dates", () => {
  it("splits quoted cells with doubled quotes", () => {
    expect(splitLine('a;"b;c";"say ""hi""";', ";")).toEqual(["a", "b;c", 'say "hi"', ""]);
    expect(splitLine('"open', ",")).toBeNull();
  });

  it("reads decimal commas and points, and thousands in either style", () => {
    expect(parseNumber("80,5")).toBe(80.5);
    expect(parseNumber(" 80.5 ")).toBe(80.5);
    expect(parseNumber("1.234,5")).toBe(1234.5);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("80,5,1")).toBeNull();
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("1e3")).toBeNull();
  });

  it("reads ISO and day-first dates, and rejects impossible ones", () => {
    expect(parseDate("14/08/2019")).toEqual({ year: 2019, month: 8, day: 14 });
    expect(parseDate("14-08-2019")).toEqual({ year: 2019, month: 8, day: 14 });
    expect(parseDate("29/02/2021")).toBeUndefined();
  });
});
