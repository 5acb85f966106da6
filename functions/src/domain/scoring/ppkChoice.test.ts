import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../regulation/profiles.js";
import { parseWith } from "../validation.js";
import {
  checkPpkChoice,
  finalistsOf,
  governorConsultation,
  isSekdaPost,
  ppkChoiceInput,
  regionKindOf,
  MIN_REASON,
} from "./ppkChoice.js";

const FINALISTS = [
  { applicationId: "a", rank: 1 },
  { applicationId: "b", rank: 2 },
  { applicationId: "c", rank: 3 },
];

describe("the PPK's choice", () => {
  it("takes the first without a reason", () => {
    expect(checkPpkChoice(FINALISTS, { applicationId: "a", reason: "" })).toEqual([]);
  });

  it("needs a written reason for the second or third", () => {
    expect(checkPpkChoice(FINALISTS, { applicationId: "b", reason: "ok" })).toEqual([
      { code: "err.ppk.reasonRequired", field: "reason", params: { rank: 2, min: MIN_REASON } },
    ]);
    const reason = "Pengalaman di bidang perencanaan lebih sesuai dengan kebutuhan organisasi";
    expect(checkPpkChoice(FINALISTS, { applicationId: "c", reason })).toEqual([]);
  });

  it("refuses anyone outside the 3 besar", () => {
    expect(checkPpkChoice(FINALISTS, { applicationId: "d", reason: "x".repeat(40) })[0]!.code).toBe(
      "err.ppk.notFinalist",
    );
  });

  it("treats two sharing first place (a tie no rule broke) both as the first", () => {
    const tied = [
      { applicationId: "a", rank: 1 },
      { applicationId: "b", rank: 1 },
      { applicationId: "c", rank: 3 },
    ];
    expect(checkPpkChoice(tied, { applicationId: "b", reason: "" })).toEqual([]);
  });

  it("parses the callable's input, trimming the reason", () => {
    const parsed = parseWith(ppkChoiceInput, {
      selectionId: "s",
      postId: "bappeda",
      applicationId: "a",
      reason: "  alasan  ",
    });
    expect(parsed.ok && parsed.value.reason).toBe("alasan");
    const long = parseWith(ppkChoiceInput, {
      selectionId: "s",
      postId: "p",
      applicationId: "a",
      reason: "x".repeat(2001),
    });
    expect(long.ok || long.issues[0]!.code).toBe("err.ppk.reasonLong");
  });
});

describe("consulting the governor (UU 23/2014 art. 214)", () => {
  it("is needed for the Sekda of a kota, as in Pontianak 2024", () => {
    expect(regionKindOf("Pemerintah Kota Pontianak")).toBe("kota");
    expect(governorConsultation(DEFAULT_PROFILE, "kota", "Sekretaris Daerah")).toEqual({
      needed: true,
      cite: "UU No. 23 Tahun 2014 Pasal 214 ayat (2)",
    });
    expect(
      governorConsultation(DEFAULT_PROFILE, regionKindOf("Pemerintah Kabupaten Kubu Raya"), "Sekretaris Daerah").needed,
    ).toBe(true);
  });

  it("is not needed for other posts, nor for a province's Sekda, nor under a profile without the rule", () => {
    expect(governorConsultation(DEFAULT_PROFILE, "kota", "Kepala Badan Pendapatan Daerah").needed).toBe(false);
    expect(governorConsultation(DEFAULT_PROFILE, "kota", "Asisten Pemerintahan Sekretariat Daerah").needed).toBe(false);
    expect(
      governorConsultation(DEFAULT_PROFILE, regionKindOf("Pemerintah Provinsi Lampung"), "Sekretaris Daerah").needed,
    ).toBe(false);
    expect(governorConsultation({}, "kota", "Sekretaris Daerah").needed).toBe(false);
    expect(governorConsultation(DEFAULT_PROFILE, regionKindOf("BKPSDM"), "Sekretaris Daerah").needed).toBe(false);
  });

  it("recognises the post by its name", () => {
    expect(isSekdaPost("Sekretaris Daerah")).toBe(true);
    expect(isSekdaPost("Sekda Kota Pontianak")).toBe(true);
    expect(isSekdaPost("Kepala Dinas Pendidikan dan Kebudayaan")).toBe(false);
  });
});

describe("finalistsOf", () => {
  const ranking = (changes: Record<string, unknown> = {}) => ({
    instansiId: "kota-metro",
    selectionId: "s",
    postId: "bappeda",
    stage: "pemeringkatan",
    json: JSON.stringify({
      ranked: [
        { applicationId: "a", rank: 1 },
        { applicationId: "b", rank: 2 },
        { applicationId: "c", rank: 2 },
        { applicationId: "d", rank: 4 },
      ],
      candidates: ["a", "b", "c", "d"].map((id) => ({ applicationId: id, name: `Calon ${id}` })),
    }),
    sha256: "0".repeat(64),
    components: [],
    finalists: ["a", "b", "c"],
    blockers: 0,
    lockable: true,
    computedAt: "2021-11-10T03:00:00.000Z",
    computedBy: { uid: "op", name: "Operator", role: "operator" },
    ...changes,
  });

  it("names the 3 besar of a lockable final ranking with their ranks, ties kept", () => {
    expect(finalistsOf(ranking())).toEqual([
      { applicationId: "a", rank: 1, name: "Calon a" },
      { applicationId: "b", rank: 2, name: "Calon b" },
      { applicationId: "c", rank: 2, name: "Calon c" },
    ]);
  });

  it("gives none for a ranking that may still change, an interim one, a missing or damaged one", () => {
    expect(finalistsOf(ranking({ lockable: false, blockers: 2 }))).toEqual([]);
    expect(finalistsOf(ranking({ stage: "wawancara" }))).toEqual([]);
    expect(finalistsOf(ranking({ json: "{not json" }))).toEqual([]);
    expect(finalistsOf(undefined)).toEqual([]);
  });
});
