/**
 * The regulation profiles in force, as data. A change in the law is a new entry here with its own
 * effectiveFrom, never an edit to the checks; a selection keeps the profile it was set up under
 * (`regulationProfileId`), so changing this list never changes the rules of a running selection.
 *
 * LEGAL REVIEW: every value and citation marked "verify" is our reading, to be confirmed by the legal
 * team. Where we do not know the article, the citation names the regulation (and the topic in the
 * comment) rather than guess an article number.
 */
import { compareDates, parseIsoDate, type CalendarDate } from "../calendar.js";
import type { RegulationProfile } from "./profile.js";

const PERMENPAN_15_2019 = "Permenpan RB No. 15 Tahun 2019";
// verify: the JPT requirements (education, experience, age, post held before) are in PP 11/2017 on
// civil-service management as amended by PP 17/2020; we do not cite an article we have not checked.
const PP_MANAJEMEN_PNS = "PP No. 11 Tahun 2017 jo. PP No. 17 Tahun 2020";

export const DEFAULT_PROFILE_ID = "permenpanrb-15-2019";

/**
 * Permenpan RB No. 15 Tahun 2019 on filling JPT posts openly and competitively, with the laws it
 * works under (UU ASN, UU Pilkada).
 */
export const PERMENPANRB_15_2019: RegulationProfile = {
  id: DEFAULT_PROFILE_ID,
  version: 1,
  title: "Permenpan RB No. 15 Tahun 2019 tentang Pengisian Jabatan Pimpinan Tinggi secara Terbuka dan Kompetitif",
  // verify: the date the regulation took effect. 1 January 2019 is a placeholder that predates
  // every selection we import; the legal team sets the promulgation date.
  effectiveFrom: "2019-01-01",
  pansel: {
    // Topic: composition of the panitia seleksi (odd number, 5 to 9, internal at most 45 %).
    minMembers: 5,
    maxMembers: 9,
    oddOnly: true,
    maxInternalPercent: 45,
    cite: PERMENPAN_15_2019,
  },
  panselRoles: {
    // verify: ketua and sekretaris are how every pansel decree we have seen is organised; the legal
    // team confirms whether the regulation requires them or it is practice.
    requireSekretaris: true,
    cite: PERMENPAN_15_2019,
  },
  registration: {
    // Topic: announcement of the vacancy; verify that the 15 days are calendar days.
    minDays: 15,
    daysAre: "calendar",
    cite: PERMENPAN_15_2019,
  },
  applicants: {
    // Topic: too few applicants per post; verify the extension length and count.
    minPerPost: 4,
    extensionDays: 7,
    // verify: calendar days, like the registration days they extend.
    extensionDaysAre: "calendar",
    maxExtensions: 2,
    afterLastExtension: ["cancelPost", "continueWithDecision"],
    cite: PERMENPAN_15_2019,
  },
  eligibility: {
    jptPratama: {
      maxAge: 56,
      // verify: IV/a is the minimum printed in the announcements we have seen.
      minGolongan: "IV/a",
      minEducation: "S1",
      // Two years as an administrator (or senior functional official), five years in the field.
      minYearsInPost: 2,
      minYearsRelevant: 5,
      cite: PP_MANAJEMEN_PNS,
    },
    jptMadya: {
      // verify: 56 as for JPT Pratama. A limit of 60 was suggested, but 60 is the retirement age of
      // JPT officials, which would leave an appointee no time in the post; it may be the limit for
      // non-civil-servant candidates, whom Seleksi does not model.
      maxAge: 56,
      // verify: IV/c and S1 are the lowest values we are sure of; a post may ask more (e.g. S2).
      minGolongan: "IV/c",
      minEducation: "S1",
      // Two years in a JPT Pratama post (or as a principal functional official), seven in the field.
      minYearsInPost: 2,
      minYearsRelevant: 7,
      cite: PP_MANAJEMEN_PNS,
    },
  },
  electionGate: {
    // The approval names the person to be installed, so it is asked for after the PPK's choice and
    // before the installation.
    approvalBeforeStage: "pelantikan",
    // "6 (enam) bulan sebelum tanggal penetapan pasangan calon sampai dengan akhir masa jabatan".
    monthsBeforeCandidatePairs: 6,
    cite: "UU No. 10 Tahun 2016 Pasal 71 ayat (2)",
    // An acting regional head may not move officials without the Minister's written approval.
    actingHeadCite: "PP No. 49 Tahun 2008 Pasal 132A",
  },
  rotation: {
    protectedMonths: 24,
    cite: "UU No. 5 Tahun 2014 Pasal 116 ayat (1)",
    // verify: the 6 months for poor performance are stated in competency-test announcements
    // (Serang 2025); the legal team supplies the exact source. UU 5/2014 has since been replaced by
    // UU 20/2023: whether the 2-year rule carries over is a question for a new profile, not a guess.
    poorPerformanceProtectedMonths: 6,
    poorPerformanceCite: PERMENPAN_15_2019,
  },
  objections: {
    // verify: the 3 days to object and 7 to answer are what selection announcements we have seen
    // print for the sanggah of the administrative result; the legal team confirms the source.
    objectionDays: 3,
    objectionAnswerDays: 7,
    daysAre: "calendar",
    cite: PERMENPAN_15_2019,
  },
  // verify: two years is the validity of assessment-centre results we have seen stated in JPT
  // announcements; the legal team supplies the source (a BKN regulation on competency assessment).
  assessmentValidity: { months: 24, cite: PERMENPAN_15_2019 },
  // "Sekretaris Daerah kabupaten/kota diangkat ... oleh bupati/wali kota setelah dikonsultasikan dengan gubernur".
  governorConsultation: { sekdaOf: ["kabupaten", "kota"], cite: "UU No. 23 Tahun 2014 Pasal 214 ayat (2)" },
  finalReport: {
    // verify: KASN received the selection results until UU 20/2023 dissolved it; its oversight of the
    // merit system passed to BKN in 2024. The legal team confirms the addressee (BKN, or Kemendagri
    // beside it for regional governments) and the implementing regulation to cite.
    authority: "Kepala Badan Kepegawaian Negara",
    authorityShort: "BKN",
    authorityCite: "UU No. 20 Tahun 2023 tentang Aparatur Sipil Negara",
    // verify: a PLACEHOLDER. We have not read a number of days in the regulation's text; 7 calendar
    // days after the PPK's choice is what the product team asked to show until the legal team
    // supplies the rule. A profile with the right number replaces it, no code change.
    days: 7,
    daysAre: "calendar",
    cite: PERMENPAN_15_2019,
  },
};

/** The profiles operators may choose from, oldest first. */
export const PROFILES: readonly RegulationProfile[] = [PERMENPANRB_15_2019];

export const DEFAULT_PROFILE: RegulationProfile = PERMENPANRB_15_2019;

/**
 * NOT LAW. An invented later version that lengthens registration to 20 days, kept out of PROFILES so
 * no real selection ever runs under it. It shows (and the tests prove) that a change in the law is a
 * new entry with a later effectiveFrom, picked by date, with no change to the checks.
 */
export const EXAMPLE_LATER_PROFILE: RegulationProfile = {
  ...PERMENPANRB_15_2019,
  id: "contoh-pendaftaran-20-hari",
  version: 2,
  title: "Contoh (bukan peraturan): masa pendaftaran paling singkat 20 hari",
  effectiveFrom: "2026-07-01",
  registration: { minDays: 20, daysAre: "calendar", cite: "Contoh perubahan peraturan (ilustrasi)" },
};

export const EXAMPLE_PROFILES: readonly RegulationProfile[] = [EXAMPLE_LATER_PROFILE];

export function profileById(
  id: string,
  profiles: readonly RegulationProfile[] = PROFILES,
): RegulationProfile | undefined {
  return profiles.find((p) => p.id === id);
}

/**
 * The profile in force on `date`: the latest whose effectiveFrom is on or before it and whose
 * effectiveTo, if any, is after it. Undefined before the first profile, or in a gap between an
 * expired profile and the next one (a selection then needs an explicit choice).
 */
export function profileInForce(
  date: CalendarDate,
  profiles: readonly RegulationProfile[] = PROFILES,
): RegulationProfile | undefined {
  let best: { profile: RegulationProfile; from: CalendarDate } | undefined;
  for (const profile of profiles) {
    const from = parseIsoDate(profile.effectiveFrom);
    if (!from || compareDates(from, date) > 0) continue;
    if (profile.effectiveTo !== undefined) {
      const to = parseIsoDate(profile.effectiveTo);
      if (!to || compareDates(to, date) <= 0) continue;
    }
    // Two profiles from the same day: the later version wins.
    const order = best ? compareDates(from, best.from) || profile.version - best.profile.version : 1;
    if (order > 0) best = { profile, from };
  }
  return best?.profile;
}
