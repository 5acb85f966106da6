import { describe, it, expect } from "vitest";
import {
  applicantShortfall,
  checkPanselComposition,
  checkPosts,
  checkSchedule,
  checkScoringPlan,
  checkSetup,
  electionGateIssue,
  isInternalMember,
  isRotationProtected,
  type Finding,
} from "./checks.js";
import type {
  DocumentRequirement,
  PanselMember,
  Schedule,
  ScoringComponent,
  ScoringPlan,
  SelectionSetup,
  SetupPost,
} from "./setup.js";
import { DEFAULT_SCORING_PLAN } from "./defaults.js";
import type { ApprovalReason } from "./appointment.js";
import { DEFAULT_PROFILE, EXAMPLE_LATER_PROFILE } from "../regulation/profiles.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { LOCALES, type MessageKey } from "../i18n/messages.js";
import { renderFinding } from "../i18n/render.js";
import { STAGES, type Stage } from "../stages.js";

const PROFILE = DEFAULT_PROFILE;
const PERMENPAN = "Permenpan RB No. 15 Tahun 2019";

// ---------------------------------------------------------------------------------------------------
// Fixtures: Kota Metro 2021 (posts from the announcement) and Kota Pontianak 2024 (the pansel's make-up).
// Dates, requirements, weights and names are assumed: the articles do not state them.

const DOCUMENTS: DocumentRequirement[] = [
  { id: "surat-lamaran", label: "Surat lamaran", required: true, formats: ["pdf"], maxSizeKb: 1024 },
  { id: "sk-pangkat", label: "SK pangkat terakhir", required: true, formats: ["pdf", "jpg"], maxSizeKb: 2048 },
  { id: "skp-2-tahun", label: "SKP dua tahun terakhir", required: true, formats: ["pdf"], maxSizeKb: 4096 },
  { id: "ijazah", label: "Ijazah terakhir", required: true, formats: ["pdf", "jpg", "png"], maxSizeKb: 2048 },
  { id: "sertifikat", label: "Sertifikat diklat", required: false, formats: ["pdf"], maxSizeKb: 4096 },
];

function post(id: string, name: string, opd: string): SetupPost {
  return {
    id,
    name,
    opd,
    level: "jptPratama",
    requirements: {
      minGolongan: "IV/a",
      minEducation: "S1",
      minYearsInPost: 2,
      minYearsRelevant: 5,
      maxAge: 56,
      extraConditions: ["Sehat jasmani dan rohani"],
      documents: DOCUMENTS,
    },
  };
}

const METRO_POSTS: SetupPost[] = [
  post("asisten-1", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Sekretariat Daerah"),
  post("kepala-bappeda", "Kepala Badan Perencanaan Pembangunan Daerah", "Bappeda"),
  post("kepala-disdikbud", "Kepala Dinas Pendidikan dan Kebudayaan", "Disdikbud"),
  post("kalak-bpbd", "Kepala Pelaksana Badan Penanggulangan Bencana Daerah", "BPBD"),
  post("kepala-dpkp", "Kepala Dinas Perumahan dan Permukiman", "DPKP"),
];

const METRO_SCHEDULE: Schedule = {
  pendaftaran: { start: "2021-09-20", end: "2021-10-04" }, // 15 days, the minimum
  seleksiAdministrasi: { start: "2021-10-05", end: "2021-10-07" },
  pengumumanAdministrasi: { start: "2021-10-08", end: "2021-10-11" },
  asesmenManajerial: { start: "2021-10-13", end: "2021-10-14" },
  kompetensiTeknis: { start: "2021-10-18", end: "2021-10-19" },
  wawancara: { start: "2021-10-20", end: "2021-10-21" },
  rekamJejak: { start: "2021-10-22", end: "2021-10-27" },
  pemeringkatan: { start: "2021-10-28", end: "2021-10-28" },
  laporanPpk: { start: "2021-10-29", end: "2021-11-01" },
};

function component(
  id: string,
  weight: number,
  stage: ScoringComponent["stage"],
  extra: Partial<ScoringComponent> = {},
) {
  const label = id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ");
  return { id, label, weight, stage, scale: { min: 0, max: 100 }, ...extra } satisfies ScoringComponent;
}

const RUBRIC = {
  indicators: [{ id: "substansi", label: "Substansi program kerja" }],
  levels: [
    { score: 40, label: "Kurang", description: "Program tidak terkait tugas jabatan." },
    { score: 60, label: "Cukup", description: "Terkait, tanpa target terukur." },
    { score: 80, label: "Baik", description: "Terkait, dengan target terukur." },
    { score: 100, label: "Sangat baik", description: "Terukur, inovatif, dan dapat dilaksanakan." },
  ],
};

const METRO_PLAN: ScoringPlan = {
  components: [
    component("rekam-jejak", 10, "rekamJejak"),
    component("asesmen-manajerial", 30, "asesmenManajerial", { minScore: 60 }),
    component("makalah", 20, "kompetensiTeknis", { rubric: RUBRIC }),
    component("presentasi", 15, "kompetensiTeknis", { rubric: RUBRIC }),
    component("wawancara", 25, "wawancara"),
  ],
  finalistsPerPost: 3,
};

function member(name: string, origin: PanselMember["origin"], position: PanselMember["position"], affiliation: string) {
  return { name, origin, position, affiliation } satisfies PanselMember;
}

/** Pontianak 2024: two senior provincial officials and three academics; names and roles assumed. */
const PONTIANAK_PANSEL: PanselMember[] = [
  member("Dr. Hendra Saputra, M.Si.", "instansiLain", "ketua", "Pemerintah Provinsi Kalimantan Barat"),
  member("Ir. Yuliana Kartika, M.T.", "instansiLain", "anggota", "Pemerintah Provinsi Kalimantan Barat"),
  member("Prof. Dr. Agus Wibowo", "akademisi", "anggota", "Universitas Tanjungpura"),
  member("Dr. Rina Marlina, S.H., M.H.", "akademisi", "anggota", "Universitas Tanjungpura"),
  member("Dr. Fajar Nugroho, M.A.", "akademisi", "sekretaris", "Universitas Muhammadiyah Pontianak"),
];

const METRO_SETUP: SelectionSetup = {
  title: "Seleksi Terbuka JPT Pratama Kota Metro 2021",
  year: 2021,
  legalBasis: ["Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara"],
  referenceDate: "2021-10-04",
  openTo: "ASN di lingkungan Provinsi Lampung",
  openToRule: { scope: "province", province: "Lampung", conditions: [] },
  maxPostsPerCandidate: 1,
  regulationProfileId: PROFILE.id,
  stagesUsed: STAGES.filter((s) => s !== "dibatalkan"),
  posts: METRO_POSTS,
  schedule: METRO_SCHEDULE,
  scoringPlan: METRO_PLAN,
  pansel: PONTIANAK_PANSEL,
  contact: { name: "BKPSDM Kota Metro", phone: "0725 41234", email: "bkpsdm@metrokota.go.id", address: "Metro" },
};

/** What the tests compare: the code and where it goes, plus the severity. */
function brief(findings: readonly Finding[]) {
  return findings.map((f) => ({ code: f.code, field: f.field, severity: f.severity }));
}
const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);

/** A pansel of `size` members with one ketua and one sekretaris; `internal` of them internal. */
function pansel(size: number, internal = 0): PanselMember[] {
  return Array.from({ length: size }, (_, i) =>
    member(
      `Anggota Pansel ${i + 1}`,
      i < internal ? "internal" : "akademisi",
      i === 0 ? "ketua" : i === 1 ? "sekretaris" : "anggota",
      i < internal ? "Pemerintah Kota Metro" : "Universitas Lampung",
    ),
  );
}

/** Every message these checks produce; each must come out of some test below. */
const CHECK_CODES: readonly MessageKey[] = [
  "err.applicants.decisionNeeded",
  "err.setup.componentDuplicate",
  "err.setup.dateInvalid",
  "err.setup.openToRuleMissing",
  "err.setup.documentDuplicate",
  "err.setup.documentNoFormat",
  "err.setup.educationBelowMinimum",
  "err.setup.electionApprovalDate",
  "err.setup.actingHeadApprovalMissing",
  "err.setup.electionApprovalLetter",
  "err.setup.electionApprovalMissing",
  "err.setup.maxAgeAboveLimit",
  "err.setup.minScoreOutside",
  "err.setup.noPosts",
  "err.setup.panselDuplicate",
  "err.setup.panselEven",
  "err.setup.panselInternalShare",
  "err.setup.panselManyKetua",
  "err.setup.panselNoKetua",
  "err.setup.panselNoSekretaris",
  "err.setup.panselTooFew",
  "err.setup.panselTooMany",
  "err.setup.postDuplicate",
  "err.setup.rankBelowMinimum",
  "err.setup.rubricLevelDuplicate",
  "err.setup.rubricLevelOutside",
  "err.setup.scaleReversed",
  "err.setup.scheduleMissing",
  "err.setup.scheduleOrder",
  "err.setup.scheduleOverlap",
  "err.setup.scheduleReversed",
  "err.setup.weightsSum",
  "err.setup.yearsInPostBelowMinimum",
  "err.setup.yearsRelevantBelowMinimum",
  "warn.applicants.extend",
  "warn.setup.componentStageUnscheduled",
  "warn.setup.registrationShort",
  "warn.setup.scheduleUnused",
  "warn.setup.weightZero",
];

// Every finding the tests below produce, for the catalogue checks at the end.
const SEEN: Finding[] = [];
function seen<T extends Finding[] | Finding | undefined>(value: T): T {
  if (Array.isArray(value)) SEEN.push(...value);
  else if (value) SEEN.push(value);
  return value;
}

// ---------------------------------------------------------------------------------------------------

describe("checkPanselComposition", () => {
  it("accepts the Pontianak pansel: provincial officials are not internal", () => {
    expect(checkPanselComposition(PONTIANAK_PANSEL, PROFILE)).toEqual([]);
    expect(PONTIANAK_PANSEL.filter(isInternalMember)).toHaveLength(0);
  });

  it.each([
    ["internal", true],
    ["instansiLain", false],
    ["akademisi", false],
    ["profesional", false],
  ] as const)("counts origin %s as internal: %s", (origin, expected) => {
    expect(isInternalMember({ origin })).toBe(expected);
  });

  it.each([
    [0, ["err.setup.panselTooFew"]],
    [1, ["err.setup.panselTooFew", "err.setup.panselNoSekretaris"]],
    [3, ["err.setup.panselTooFew"]],
    [4, ["err.setup.panselTooFew", "err.setup.panselEven"]],
    [5, []],
    [6, ["err.setup.panselEven"]],
    [7, []],
    [8, ["err.setup.panselEven"]],
    [9, []],
    [10, ["err.setup.panselTooMany", "err.setup.panselEven"]],
    [11, ["err.setup.panselTooMany"]],
  ])("a pansel of %i members: %j", (size, expected) => {
    expect(codes(seen(checkPanselComposition(pansel(size), PROFILE)))).toEqual(expected);
  });

  it("says how many members there are and the bound, with the citation", () => {
    const [tooFew, even] = checkPanselComposition(pansel(4), PROFILE);
    expect(tooFew).toEqual({
      severity: "error",
      code: "err.setup.panselTooFew",
      field: "pansel",
      params: { count: 4, min: 5, cite: PERMENPAN },
      cite: PERMENPAN,
    });
    expect(even).toMatchObject({ code: "err.setup.panselEven", params: { count: 4, cite: PERMENPAN } });
    expect(checkPanselComposition(pansel(11), PROFILE)[0]).toMatchObject({ params: { count: 11, max: 9 } });
  });

  // Internal share, at most 45 %: [internal, size, allowed, percent shown].
  it.each([
    [0, 5, true, 0],
    [2, 5, true, 40],
    [3, 5, false, 60],
    [3, 7, true, 42.9],
    [4, 7, false, 57.1],
    [4, 9, true, 44.4],
    [5, 9, false, 55.6],
  ])("%i internal of %i: allowed %s (%s %%)", (internal, size, allowed, shown) => {
    const findings = seen(checkPanselComposition(pansel(size, internal), PROFILE));
    if (allowed) {
      expect(findings).toEqual([]);
    } else {
      expect(findings).toEqual([
        {
          severity: "error",
          code: "err.setup.panselInternalShare",
          field: "pansel",
          params: { internal, count: size, percent: shown, max: 45, cite: PERMENPAN },
          cite: PERMENPAN,
        },
      ]);
    }
  });

  it("allows exactly 45 % and refuses just above it", () => {
    // Only a larger committee can be exactly 45 %: lift the size limits to isolate the share rule.
    const roomy: RegulationProfile = { ...PROFILE, pansel: { ...PROFILE.pansel, maxMembers: 25, oddOnly: false } };
    expect(checkPanselComposition(pansel(20, 9), roomy)).toEqual([]); // 45 %
    expect(codes(checkPanselComposition(pansel(20, 10), roomy))).toEqual(["err.setup.panselInternalShare"]); // 50 %
    expect(codes(checkPanselComposition(pansel(21, 10), roomy))).toEqual(["err.setup.panselInternalShare"]); // 47.6 %
  });

  it("counts instansiLain as external when the provincial officials are the ones in question", () => {
    const withCityOfficials = PONTIANAK_PANSEL.map((m) =>
      m.origin === "instansiLain" ? { ...m, origin: "internal" as const } : m,
    );
    expect(checkPanselComposition(withCityOfficials, PROFILE)).toEqual([]); // 2 of 5 = 40 %
    const threeInternal = withCityOfficials.map((m, i) => (i === 2 ? { ...m, origin: "internal" as const } : m));
    expect(codes(checkPanselComposition(threeInternal, PROFILE))).toEqual(["err.setup.panselInternalShare"]);
  });

  it.each([
    ["no ketua", ["anggota", "sekretaris", "anggota", "anggota", "anggota"], ["err.setup.panselNoKetua"]],
    ["two ketua", ["ketua", "sekretaris", "ketua", "anggota", "anggota"], ["err.setup.panselManyKetua"]],
    ["no sekretaris", ["ketua", "anggota", "anggota", "anggota", "anggota"], ["err.setup.panselNoSekretaris"]],
    [
      "neither",
      ["anggota", "anggota", "anggota", "anggota", "anggota"],
      ["err.setup.panselNoKetua", "err.setup.panselNoSekretaris"],
    ],
    ["two sekretaris", ["ketua", "sekretaris", "sekretaris", "anggota", "anggota"], []],
  ] as const)("%s", (_name, positions, expected) => {
    const members = pansel(5).map((m, i) => ({ ...m, position: positions[i]! }));
    expect(codes(seen(checkPanselComposition(members, PROFILE)))).toEqual(expected);
  });

  it("counts the ketua when there are too many", () => {
    const members = pansel(5).map((m, i) => ({ ...m, position: i === 1 ? m.position : ("ketua" as const) }));
    expect(checkPanselComposition(members, PROFILE)).toEqual([
      expect.objectContaining({ code: "err.setup.panselManyKetua", params: { count: 4, cite: PERMENPAN } }),
    ]);
  });

  it("does without a sekretaris when the profile does not require one", () => {
    const lenient: RegulationProfile = {
      ...PROFILE,
      panselRoles: { ...PROFILE.panselRoles, requireSekretaris: false },
    };
    const members = pansel(5).map((m) => ({
      ...m,
      position: m.position === "sekretaris" ? ("anggota" as const) : m.position,
    }));
    expect(checkPanselComposition(members, lenient)).toEqual([]);
  });

  it("finds the same person listed twice, whatever the spacing and case", () => {
    const members = [...PONTIANAK_PANSEL.slice(0, 4), { ...PONTIANAK_PANSEL[2]!, name: "  prof.  DR. Agus Wibowo " }];
    const findings = seen(checkPanselComposition(members, PROFILE));
    // The fifth entry also took the sekretaris away.
    expect(brief(findings)).toEqual([
      { code: "err.setup.panselNoSekretaris", field: "pansel", severity: "error" },
      { code: "err.setup.panselDuplicate", field: "pansel.4.name", severity: "error" },
    ]);
    expect(findings[1]!.params).toEqual({ name: "prof.  DR. Agus Wibowo" });
  });
});

// ---------------------------------------------------------------------------------------------------

function withStage(stage: keyof Schedule, start: string, end: string): Schedule {
  return { ...METRO_SCHEDULE, [stage]: { start, end } };
}

describe("checkSchedule", () => {
  it("accepts Metro's schedule", () => {
    expect(checkSchedule(METRO_SCHEDULE, PROFILE)).toEqual([]);
  });

  it.each([
    ["2021-09-20", "2021-10-02", 13],
    ["2021-09-20", "2021-10-03", 14],
    ["2021-09-20", "2021-10-04", 15],
    ["2021-09-20", "2021-10-05", 16],
    ["2021-10-04", "2021-10-04", 1],
  ])("registration %s to %s (%i days)", (start, end, days) => {
    const schedule = { ...withStage("pendaftaran", start, end) };
    if (end >= "2021-10-05") schedule.seleksiAdministrasi = { start: "2021-10-06", end: "2021-10-07" };
    const findings = seen(checkSchedule(schedule, PROFILE));
    if (days >= 15) {
      expect(findings).toEqual([]);
    } else {
      expect(findings).toEqual([
        {
          severity: "warning",
          code: "warn.setup.registrationShort",
          field: "schedule.pendaftaran",
          params: { days, min: 15, cite: PERMENPAN },
          cite: PERMENPAN,
        },
      ]);
    }
  });

  it("warns under a later profile with a longer minimum, with no change to the check", () => {
    expect(checkSchedule(METRO_SCHEDULE, PROFILE)).toEqual([]);
    expect(checkSchedule(METRO_SCHEDULE, EXAMPLE_LATER_PROFILE)).toEqual([
      expect.objectContaining({
        code: "warn.setup.registrationShort",
        params: expect.objectContaining({ days: 15, min: 20 }),
      }),
    ]);
  });

  it("reports a stage whose end is before its start, and leaves it out of the order checks", () => {
    const findings = seen(checkSchedule(withStage("wawancara", "2021-10-21", "2021-10-20"), PROFILE));
    expect(findings).toEqual([
      {
        severity: "error",
        code: "err.setup.scheduleReversed",
        field: "schedule.wawancara",
        params: { stage: "wawancara", start: "2021-10-21", end: "2021-10-20" },
      },
    ]);
  });

  it("accepts a one-day stage", () => {
    expect(checkSchedule(withStage("wawancara", "2021-10-20", "2021-10-20"), PROFILE)).toEqual([]);
  });

  it.each([
    // [stage, start, end, expected code or none]
    ["seleksiAdministrasi", "2021-10-04", "2021-10-07", "err.setup.scheduleOverlap"], // starts on registration's last day
    ["seleksiAdministrasi", "2021-10-05", "2021-10-07", undefined], // the day after
    ["seleksiAdministrasi", "2021-10-01", "2021-10-07", "err.setup.scheduleOverlap"],
    ["seleksiAdministrasi", "2021-09-19", "2021-09-19", "err.setup.scheduleOrder"], // before registration starts
    ["wawancara", "2021-10-15", "2021-10-16", "err.setup.scheduleOrder"], // before the technical competency
  ] as const)("%s from %s to %s: %s", (stage, start, end, expected) => {
    const findings = seen(checkSchedule(withStage(stage, start, end), PROFILE));
    expect(codes(findings)).toEqual(expected ? [expected] : []);
    if (expected) expect(findings[0]!.field).toBe(`schedule.${stage}`);
  });

  it("names both stages and their dates in an overlap", () => {
    const [overlap] = checkSchedule(withStage("seleksiAdministrasi", "2021-10-04", "2021-10-07"), PROFILE);
    expect(overlap!.params).toEqual({
      stage: "seleksiAdministrasi",
      start: "2021-10-04",
      end: "2021-10-07",
      otherStage: "pendaftaran",
      otherStart: "2021-09-20",
      otherEnd: "2021-10-04",
    });
  });

  it("names the stage that should have come first when out of order", () => {
    const [order] = checkSchedule(withStage("wawancara", "2021-10-15", "2021-10-16"), PROFILE);
    expect(order!.params).toMatchObject({
      stage: "wawancara",
      otherStage: "kompetensiTeknis",
      otherStart: "2021-10-18",
    });
  });

  it("finds an overlap with an earlier stage that is not the one just before", () => {
    const schedule: Schedule = {
      pendaftaran: { start: "2021-09-01", end: "2021-09-30" },
      seleksiAdministrasi: { start: "2021-09-10", end: "2021-09-12" },
      pengumumanAdministrasi: { start: "2021-09-20", end: "2021-09-21" },
    };
    expect(brief(checkSchedule(schedule, PROFILE))).toEqual([
      { code: "err.setup.scheduleOverlap", field: "schedule.seleksiAdministrasi", severity: "error" },
      { code: "err.setup.scheduleOverlap", field: "schedule.pengumumanAdministrasi", severity: "error" },
    ]);
  });

  it("reports dates that do not exist on the date's own field", () => {
    const findings = seen(checkSchedule(withStage("wawancara", "2021-02-29", "2021-10-21"), PROFILE));
    expect(findings).toEqual([
      {
        severity: "error",
        code: "err.setup.dateInvalid",
        field: "schedule.wawancara.start",
        params: { value: "2021-02-29" },
      },
    ]);
  });

  it("requires registration", () => {
    const rest: Schedule = { ...METRO_SCHEDULE, pendaftaran: undefined };
    expect(brief(seen(checkSchedule(rest, PROFILE)))).toEqual([
      { code: "err.setup.scheduleMissing", field: "schedule.pendaftaran", severity: "error" },
    ]);
  });

  describe("with the stages the selection uses", () => {
    const used: Stage[] = [
      "persiapan",
      "pendaftaran",
      "seleksiAdministrasi",
      "pengumumanAdministrasi",
      "wawancara",
      "pelantikan",
    ];

    it("requires dates for each scheduled stage used", () => {
      const schedule: Schedule = { pendaftaran: METRO_SCHEDULE.pendaftaran!, wawancara: METRO_SCHEDULE.wawancara! };
      expect(brief(seen(checkSchedule(schedule, PROFILE, used)))).toEqual([
        { code: "err.setup.scheduleMissing", field: "schedule.seleksiAdministrasi", severity: "error" },
        { code: "err.setup.scheduleMissing", field: "schedule.pengumumanAdministrasi", severity: "error" },
      ]);
    });

    it("ignores the dates of a stage not used, with a warning, even when they are wrong", () => {
      const schedule = withStage("rekamJejak", "2021-09-01", "2021-08-01");
      const findings = seen(
        checkSchedule(schedule, PROFILE, [
          ...used,
          "asesmenManajerial",
          "kompetensiTeknis",
          "pemeringkatan",
          "laporanPpk",
        ]),
      );
      expect(brief(findings)).toEqual([
        { code: "warn.setup.scheduleUnused", field: "schedule.rekamJejak", severity: "warning" },
      ]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------

function withWeights(...weights: number[]): ScoringPlan {
  return {
    ...METRO_PLAN,
    components: weights.map((w, i) => component(`komponen-${i + 1}`, w, "wawancara")),
  };
}

describe("checkScoringPlan", () => {
  it("accepts Metro's plan", () => {
    expect(checkScoringPlan(METRO_PLAN)).toEqual([]);
  });

  it.each([
    [[10, 30, 20, 15, 24.5], 99.5],
    [[10, 30, 20, 15, 25], 100],
    [[10, 30, 20, 15, 25.5], 100.5],
    [[33.3, 33.3, 33.4], 100], // decimals that do not add up exactly in floating point
    [[50, 50, 1], 101],
    [[100], 100],
    [[99.99], 99.99],
  ])("weights %j add up to %s", (weights, sum) => {
    const findings = seen(checkScoringPlan(withWeights(...weights)));
    if (sum === 100) {
      expect(findings).toEqual([]);
    } else {
      expect(findings).toEqual([
        { severity: "error", code: "err.setup.weightsSum", field: "scoringPlan.components", params: { sum } },
      ]);
    }
  });

  it("warns of a component that weighs nothing", () => {
    expect(brief(seen(checkScoringPlan(withWeights(50, 50, 0))))).toEqual([
      { code: "warn.setup.weightZero", field: "scoringPlan.components.2.weight", severity: "warning" },
    ]);
  });

  it("finds a duplicate component id at the second one", () => {
    const plan = {
      ...METRO_PLAN,
      components: METRO_PLAN.components.map((c, i) => (i === 3 ? { ...c, id: "makalah" } : c)),
    };
    expect(seen(checkScoringPlan(plan))).toEqual([
      {
        severity: "error",
        code: "err.setup.componentDuplicate",
        field: "scoringPlan.components.3.id",
        params: { id: "makalah" },
      },
    ]);
  });

  function withComponent(patch: Partial<ScoringComponent>): ScoringPlan {
    return { ...METRO_PLAN, components: METRO_PLAN.components.map((c, i) => (i === 1 ? { ...c, ...patch } : c)) };
  }

  it.each([
    [{ min: 100, max: 0 }, 60],
    [{ min: 50, max: 50 }, 60],
  ])("refuses the scale %j, and says nothing more about that component", (scale, minScore) => {
    expect(seen(checkScoringPlan(withComponent({ scale, minScore })))).toEqual([
      {
        severity: "error",
        code: "err.setup.scaleReversed",
        field: "scoringPlan.components.1.scale",
        params: { component: "Asesmen manajerial", min: scale.min, max: scale.max },
      },
    ]);
  });

  it.each([
    [0, true],
    [100, true],
    [60, true],
    [-1, false],
    [100.5, false],
    [101, false],
  ])("minimum score %s on a 0–100 scale: inside %s", (minScore, inside) => {
    const findings = seen(checkScoringPlan(withComponent({ minScore })));
    expect(brief(findings)).toEqual(
      inside
        ? []
        : [{ code: "err.setup.minScoreOutside", field: "scoringPlan.components.1.minScore", severity: "error" }],
    );
  });

  it.each([
    [[1, 2, 3, 4, 5], { min: 1, max: 5 }, []],
    [[0, 5], { min: 1, max: 5 }, [["err.setup.rubricLevelOutside", 0]]],
    [[1, 6], { min: 1, max: 5 }, [["err.setup.rubricLevelOutside", 1]]],
    [[1, 3, 3, 5], { min: 1, max: 5 }, [["err.setup.rubricLevelDuplicate", 2]]],
    [
      [7, 7],
      { min: 1, max: 5 },
      [
        ["err.setup.rubricLevelOutside", 0],
        ["err.setup.rubricLevelOutside", 1],
      ],
    ],
  ] as const)("rubric levels %j on the scale %j", (scores, scale, expected) => {
    const rubric = {
      indicators: RUBRIC.indicators,
      levels: scores.map((score) => ({ score, label: `Nilai ${score}`, description: "" })),
    };
    const findings = seen(checkScoringPlan(withComponent({ scale, rubric, minScore: undefined })));
    expect(brief(findings)).toEqual(
      expected.map(([code, j]) => ({
        code,
        field: `scoringPlan.components.1.rubric.levels.${j}.score`,
        severity: "error",
      })),
    );
  });
});

// ---------------------------------------------------------------------------------------------------

function withRequirement(
  i: number,
  patch: Partial<SetupPost["requirements"]>,
  level: SetupPost["level"] = "jptPratama",
) {
  return METRO_POSTS.map((p, j) => (j === i ? { ...p, level, requirements: { ...p.requirements, ...patch } } : p));
}

describe("checkPosts", () => {
  it("accepts Metro's five posts", () => {
    expect(checkPosts(METRO_POSTS, PROFILE)).toEqual([]);
  });

  it("needs at least one post", () => {
    expect(seen(checkPosts([], PROFILE))).toEqual([
      { severity: "error", code: "err.setup.noPosts", field: "posts", params: {} },
    ]);
  });

  it("finds a duplicate post id at the second one", () => {
    const posts = [...METRO_POSTS, { ...METRO_POSTS[1]!, name: "Kepala Bappeda (salinan)" }];
    expect(brief(seen(checkPosts(posts, PROFILE)))).toEqual([
      { code: "err.setup.postDuplicate", field: "posts.5.id", severity: "error" },
    ]);
  });

  it.each([
    [50, true],
    [55, true],
    [56, true],
    [57, false],
    [60, false],
  ])("a JPT Pratama age limit of %i is allowed: %s", (maxAge, allowed) => {
    const findings = seen(checkPosts(withRequirement(1, { maxAge }), PROFILE));
    expect(findings).toEqual(
      allowed
        ? []
        : [
            {
              severity: "error",
              code: "err.setup.maxAgeAboveLimit",
              field: "posts.1.requirements.maxAge",
              params: { value: maxAge, limit: 56, level: "jptPratama", cite: PROFILE.eligibility.jptPratama.cite },
              cite: PROFILE.eligibility.jptPratama.cite,
            },
          ],
    );
  });

  it.each([
    ["III/d", "jptPratama", ["err.setup.rankBelowMinimum"]],
    ["IV/a", "jptPratama", []],
    ["IV/b", "jptPratama", []],
    ["IV/a", "jptMadya", ["err.setup.rankBelowMinimum", "err.setup.yearsRelevantBelowMinimum"]],
    ["IV/c", "jptMadya", ["err.setup.yearsRelevantBelowMinimum"]], // Metro's 5 years are too few for Madya
  ] as const)("minimum rank %s for %s: %j", (minGolongan, level, expected) => {
    expect(codes(seen(checkPosts(withRequirement(0, { minGolongan }, level), PROFILE)))).toEqual(expected);
  });

  it("prints the rank as announcements do", () => {
    const [f] = checkPosts(withRequirement(0, { minGolongan: "III/d" }), PROFILE);
    expect(f).toMatchObject({
      field: "posts.0.requirements.minGolongan",
      params: { value: "Penata Tingkat I, III/d", limit: "Pembina, IV/a", level: "jptPratama" },
    });
  });

  it("holds education to the profile's minimum", () => {
    const strict: RegulationProfile = {
      ...PROFILE,
      eligibility: { ...PROFILE.eligibility, jptPratama: { ...PROFILE.eligibility.jptPratama, minEducation: "S2" } },
    };
    // Every other post asks S2; post 2 asks what the row says.
    const educated = (minEducation: "S1" | "S2" | "S3") =>
      METRO_POSTS.map((p, i) => ({
        ...p,
        requirements: { ...p.requirements, minEducation: i === 2 ? minEducation : "S2" },
      }));
    expect(brief(seen(checkPosts(educated("S1"), strict)))).toEqual([
      { code: "err.setup.educationBelowMinimum", field: "posts.2.requirements.minEducation", severity: "error" },
    ]);
    expect(checkPosts(educated("S2"), strict)).toEqual([]);
    expect(checkPosts(educated("S3"), strict)).toEqual([]);
  });

  it.each([
    [{ minYearsInPost: 1.5 }, ["err.setup.yearsInPostBelowMinimum"], "minYearsInPost"],
    [{ minYearsInPost: 2 }, [], ""],
    [{ minYearsInPost: 3 }, [], ""],
    [{ minYearsRelevant: 4 }, ["err.setup.yearsRelevantBelowMinimum"], "minYearsRelevant"],
    [{ minYearsRelevant: 5 }, [], ""],
  ])("tenure %j: %j", (patch, expected, key) => {
    const findings = seen(checkPosts(withRequirement(3, patch), PROFILE));
    expect(codes(findings)).toEqual(expected);
    if (key) expect(findings[0]!.field).toBe(`posts.3.requirements.${key}`);
  });

  it("finds a duplicate document id and a document without a format", () => {
    const documents: DocumentRequirement[] = [
      ...DOCUMENTS,
      { ...DOCUMENTS[1]!, label: "SK pangkat (lagi)" },
      { id: "pakta-integritas", label: "Pakta integritas", required: true, formats: [], maxSizeKb: 1024 },
      { id: "npwp", label: "NPWP", required: false, formats: [], maxSizeKb: 1024 },
    ];
    const findings = seen(checkPosts(withRequirement(4, { documents }), PROFILE));
    expect(findings).toEqual([
      {
        severity: "error",
        code: "err.setup.documentDuplicate",
        field: "posts.4.requirements.documents.5.id",
        params: { id: "sk-pangkat", post: "Kepala Dinas Perumahan dan Permukiman" },
      },
      {
        severity: "error",
        code: "err.setup.documentNoFormat",
        field: "posts.4.requirements.documents.6.formats",
        params: { document: "Pakta integritas", post: "Kepala Dinas Perumahan dan Permukiman" },
      },
      {
        severity: "error",
        code: "err.setup.documentNoFormat",
        field: "posts.4.requirements.documents.7.formats",
        params: { document: "NPWP", post: "Kepala Dinas Perumahan dan Permukiman" },
      },
    ]);
  });

  it("accepts the same document id in two posts", () => {
    expect(checkPosts(METRO_POSTS.slice(0, 2), PROFILE)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("checkSetup", () => {
  it("passes Metro's setup with no errors and no warnings", () => {
    expect(checkSetup(METRO_SETUP, PROFILE)).toEqual({ errors: [], warnings: [] });
  });

  it("reports the issue's bad input all at once, in the wizard's order", () => {
    const bad: SelectionSetup = {
      ...METRO_SETUP,
      schedule: withStage("wawancara", "2021-10-21", "2021-10-20"), // reversed
      scoringPlan: {
        ...METRO_PLAN,
        components: METRO_PLAN.components.map((c, i) => (i === 4 ? { ...c, weight: 24 } : c)),
      },
      pansel: PONTIANAK_PANSEL.slice(0, 4), // four: even and too few, and the sekretaris is gone
    };
    const { errors, warnings } = checkSetup(bad, PROFILE);
    seen([...errors, ...warnings]);
    expect(brief(errors)).toEqual([
      { code: "err.setup.scheduleReversed", field: "schedule.wawancara", severity: "error" },
      { code: "err.setup.weightsSum", field: "scoringPlan.components", severity: "error" },
      { code: "err.setup.panselTooFew", field: "pansel", severity: "error" },
      { code: "err.setup.panselEven", field: "pansel", severity: "error" },
      { code: "err.setup.panselNoSekretaris", field: "pansel", severity: "error" },
    ]);
    expect(warnings).toEqual([]);
  });

  it("asks who may apply on the scope's input when a setup has no rule (made before it existed)", () => {
    const { errors, warnings } = checkSetup({ ...METRO_SETUP, openToRule: null }, PROFILE);
    seen(errors);
    expect(errors).toEqual([
      { code: "err.setup.openToRuleMissing", severity: "error", field: "openToRule.scope", params: {} },
    ]);
    expect(warnings).toEqual([]);
    // Any scope answers it, national with no conditions too.
    expect(checkSetup({ ...METRO_SETUP, openToRule: { scope: "national", conditions: [] } }, PROFILE).errors).toEqual(
      [],
    );
  });

  it("separates warnings from errors", () => {
    const setup: SelectionSetup = {
      ...METRO_SETUP,
      referenceDate: "2021-09-31",
      // The interview was dropped from the stages, but the plan still scores one.
      stagesUsed: METRO_SETUP.stagesUsed.filter((s) => s !== "wawancara"),
      schedule: { ...withStage("pendaftaran", "2021-09-25", "2021-10-04"), wawancara: undefined },
    };
    const { errors, warnings } = checkSetup(setup, PROFILE);
    seen([...errors, ...warnings]);
    expect(brief(errors)).toEqual([{ code: "err.setup.dateInvalid", field: "referenceDate", severity: "error" }]);
    expect(brief(warnings)).toEqual([
      { code: "warn.setup.registrationShort", field: "schedule.pendaftaran", severity: "warning" },
      { code: "warn.setup.componentStageUnscheduled", field: "scoringPlan.components.4.stage", severity: "warning" },
    ]);
  });

  it("checks the fixed stages too when given only the stored list, which names the optional ones", () => {
    // As stored: the optional stages chosen; registration and the administrative stages are fixed.
    const setup: SelectionSetup = {
      ...METRO_SETUP,
      stagesUsed: ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak"],
      schedule: { ...METRO_SCHEDULE, seleksiAdministrasi: undefined },
    };
    const { errors } = checkSetup(setup, PROFILE);
    expect(brief(errors)).toEqual([
      { code: "err.setup.scheduleMissing", field: "schedule.seleksiAdministrasi", severity: "error" },
    ]);
  });

  it("passes the stages used on to the schedule check", () => {
    const used: Stage[] = ["pendaftaran", "seleksiAdministrasi"];
    const { warnings } = checkSetup(METRO_SETUP, PROFILE, used);
    expect(warnings.filter((w) => w.code === "warn.setup.scheduleUnused")).toHaveLength(7);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("applicantShortfall", () => {
  it.each([
    // [applicants, extensions so far, expected outcome]
    [4, 0, { status: "ok", applicants: 4 }],
    [12, 2, { status: "ok", applicants: 12 }],
    [3, 0, { status: "extend", applicants: 3, days: 7, extension: 1 }],
    [3, 1, { status: "extend", applicants: 3, days: 7, extension: 2 }],
    [3, 2, { status: "decisionNeeded", applicants: 3, options: ["cancelPost", "continueWithDecision"] }],
    [0, 2, { status: "decisionNeeded", applicants: 0 }],
    [1, 5, { status: "decisionNeeded", applicants: 1 }], // more extensions than allowed: still a decision
  ])("%i applicants after %i extensions", (applicants, extensions, expected) => {
    const outcomes = applicantShortfall({ "kepala-bapenda": applicants }, { "kepala-bapenda": extensions }, PROFILE);
    expect(outcomes["kepala-bapenda"]).toMatchObject(expected);
    const outcome = outcomes["kepala-bapenda"]!;
    if (outcome.status !== "ok") seen(outcome.finding);
  });

  it("decides every post on its own and counts a post never extended as 0 extensions", () => {
    const outcomes = applicantShortfall(
      { "sekretaris-daerah": 9, "kepala-bapenda": 2, "kepala-diskumdag": 3, "kepala-dp2kbp3a": 5 },
      { "kepala-diskumdag": 2 },
      PROFILE,
    );
    expect(Object.fromEntries(Object.entries(outcomes).map(([id, o]) => [id, o.status]))).toEqual({
      "sekretaris-daerah": "ok",
      "kepala-bapenda": "extend",
      "kepala-diskumdag": "decisionNeeded",
      "kepala-dp2kbp3a": "ok",
    });
  });

  it("names the post and cites the rule in its findings", () => {
    const names = { "kepala-bapenda": "Kepala Badan Pendapatan Daerah" };
    const outcomes = applicantShortfall({ "kepala-bapenda": 2 }, {}, PROFILE, names);
    expect(outcomes["kepala-bapenda"]).toEqual({
      status: "extend",
      applicants: 2,
      days: 7,
      extension: 1,
      finding: {
        severity: "warning",
        code: "warn.applicants.extend",
        field: "applicants.kepala-bapenda",
        params: {
          post: "Kepala Badan Pendapatan Daerah",
          count: 2,
          min: 4,
          days: 7,
          extension: 1,
          maxExtensions: 2,
          cite: PERMENPAN,
        },
        cite: PERMENPAN,
      },
    });
    const decision = applicantShortfall({ "kepala-bapenda": 2 }, { "kepala-bapenda": 2 }, PROFILE)["kepala-bapenda"];
    expect(decision).toMatchObject({
      finding: { code: "err.applicants.decisionNeeded", params: { post: "kepala-bapenda", extensions: 2 } },
    });
  });

  it("follows the profile's numbers", () => {
    const strict: RegulationProfile = {
      ...PROFILE,
      applicants: { ...PROFILE.applicants, minPerPost: 6, extensionDays: 5, maxExtensions: 0 },
    };
    expect(applicantShortfall({ a: 5 }, {}, strict)["a"]).toMatchObject({ status: "decisionNeeded" });
    expect(applicantShortfall({ a: 6 }, {}, strict)["a"]).toEqual({ status: "ok", applicants: 6 });
  });
});

describe("isRotationProtected", () => {
  it.each([
    [0, false, true],
    [1, false, true],
    [1.99, false, true],
    [2, false, false], // exactly two years: the protection has ended
    [3, false, false],
    [0.25, true, true],
    [0.49, true, true],
    [0.5, true, false], // exactly six months with poor performance
    [1, true, false],
  ])("%s years in post, poor performance %s: protected %s", (years, poor, expected) => {
    expect(isRotationProtected(years, poor, PROFILE)).toBe(expected);
  });
});

describe("electionGateIssue", () => {
  const cite = "UU No. 10 Tahun 2016 Pasal 71 ayat (2)";
  const actingCite = "PP No. 49 Tahun 2008 Pasal 132A";
  const letter = { letterNumber: "100.2.2.6/1234/OTDA", date: "2024-04-22" };
  const election: ApprovalReason = { kind: "electionWindow", from: "2024-03-22", to: "2025-02-20", cite };
  const acting: ApprovalReason = { kind: "actingHead", from: "2023-12-23", to: "2025-02-20", cite: actingCite };

  it.each([
    ["no reason, without approval", [], undefined, undefined, cite],
    ["no reason, with approval", [], letter, undefined, cite],
    ["approved", [election], letter, undefined, cite],
    ["without approval", [election], undefined, ["err.setup.electionApprovalMissing", "electionApproval"], cite],
    [
      "under a Penjabat, without approval",
      [acting],
      undefined,
      ["err.setup.actingHeadApprovalMissing", "electionApproval"],
      actingCite,
    ],
    [
      "without a letter number",
      [election],
      { ...letter, letterNumber: "  " },
      ["err.setup.electionApprovalLetter", "electionApproval.letterNumber"],
      cite,
    ],
    [
      "with a date that does not exist",
      [election],
      { ...letter, date: "2024-02-30" },
      ["err.setup.electionApprovalDate", "electionApproval.date"],
      cite,
    ],
  ] as const)("%s", (_name, reasons, approval, expected, expectedCite) => {
    const issue = seen(electionGateIssue(reasons, approval, PROFILE));
    if (!expected) {
      expect(issue).toBeUndefined();
    } else {
      expect(issue).toMatchObject({
        severity: "error",
        code: expected[0],
        field: expected[1],
        cite: expectedCite,
        params: { cite: expectedCite },
      });
    }
  });

  it("names the window in the message", () => {
    expect(electionGateIssue([election], undefined, PROFILE)?.params).toEqual({
      stage: "pelantikan",
      from: "2024-03-22",
      to: "2025-02-20",
      cite,
    });
  });
});

// ---------------------------------------------------------------------------------------------------

describe("rendering findings", () => {
  it("explains an even pansel in Indonesian, ending with the citation", () => {
    const [, even] = checkPanselComposition(pansel(4), PROFILE);
    expect(renderFinding("id", even!)).toBe(
      "Panitia seleksi berjumlah 4 orang; jumlahnya harus ganjil agar keputusan tidak seri (Permenpan RB No. 15 Tahun 2019).",
    );
  });

  it("prints stage labels, not keys", () => {
    const [overlap] = checkSchedule(withStage("seleksiAdministrasi", "2021-10-04", "2021-10-07"), PROFILE);
    expect(renderFinding("id", overlap!)).toBe(
      "Tahap Seleksi administrasi (2021-10-04 s.d. 2021-10-07) bertumpang tindih dengan tahap Pengumuman dan pendaftaran " +
        "(2021-09-20 s.d. 2021-10-04); mulailah setelah tahap Pengumuman dan pendaftaran selesai.",
    );
    expect(renderFinding("en", overlap!)).not.toContain("seleksiAdministrasi");
  });

  it("prints the JPT level's label", () => {
    const [f] = checkPosts(withRequirement(1, { maxAge: 58 }), PROFILE);
    expect(renderFinding("id", f!)).toBe(
      `Batas usia 58 tahun melebihi batas 56 tahun untuk JPT Pratama (${PROFILE.eligibility.jptPratama.cite}).`,
    );
  });

  it("renders the internal share with the actual percentage", () => {
    const [f] = checkPanselComposition(pansel(5, 3), PROFILE);
    expect(renderFinding("id", f!)).toContain("Unsur internal 3 dari 5 anggota (60%), padahal paling banyak 45%.");
  });

  // Runs last: every finding the tests above produced.
  it("fills every placeholder, ends with the citation, and names a field", () => {
    expect([...new Set(SEEN.map((f) => f.code))].sort()).toEqual([...CHECK_CODES].sort());
    for (const f of SEEN) {
      expect(f.field, f.code).toBeTruthy();
      for (const locale of LOCALES) {
        const text = renderFinding(locale, f);
        expect(text, `${locale} ${f.code}`).not.toMatch(/[{}]/);
        if (f.cite) {
          expect(text.endsWith(`(${f.cite}).`), `${locale} ${f.code}`).toBe(true);
          expect(f.params?.["cite"]).toBe(f.cite);
        }
      }
    }
  });
});

describe("checkScoringPlan: how many go on after a stage", () => {
  const plan = (advance: Partial<Record<string, number>>, finalistsPerPost = 3) => ({
    finalistsPerPost,
    components: DEFAULT_SCORING_PLAN.components.map((c) =>
      advance[c.id] === undefined ? c : { ...c, advancePerPost: advance[c.id] },
    ),
  });
  const codes = (p: ReturnType<typeof plan>) => checkScoringPlan(p).map((f) => `${f.severity}:${f.code}:${f.field}`);

  it("accepts cut-offs that narrow towards the finalists", () => {
    expect(codes(plan({ asesmen: 8, makalah: 6, wawancara: 3 }))).toEqual([]);
  });

  it("refuses a cut-off below the finalists per post, naming the numbers", () => {
    const findings = checkScoringPlan(plan({ wawancara: 2 }));
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "err.setup.advanceBelowFinalists",
        field: "scoringPlan.components.2.advancePerPost",
        params: { component: "Wawancara akhir", advance: 2, finalists: 3 },
      }),
    ]);
    expect(renderFinding("id", findings[0]!)).toBe(
      "Setelah Wawancara akhir, 2 peserta per jabatan lanjut; paling sedikit harus 3 (jumlah yang diusulkan kepada PPK).",
    );
  });

  it("warns when a later stage lets more go on than an earlier one", () => {
    expect(codes(plan({ asesmen: 5, makalah: 7 }))).toEqual([
      "warning:warn.setup.advanceIncreases:scoringPlan.components.1.advancePerPost",
    ]);
  });

  it("reads the stages in process order, not in the order the components are listed", () => {
    const reversed = plan({ asesmen: 8, makalah: 6 });
    expect(codes({ ...reversed, components: [...reversed.components].reverse() })).toEqual([]);
  });
});
