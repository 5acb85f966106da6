/**
 * A regulation profile: the rules that drive every check of a selection, as data. Each rule carries
 * the citation its messages print, so an operator reading "pansel harus ganjil" also reads where that
 * comes from. When the law changes, or a government works under a different rule, that is a new
 * profile with its own dates (./profiles.ts), never an edit to the checks.
 *
 * Dates are ISO (YYYY-MM-DD) strings, as everywhere in stored data; ./profiles.ts reads them.
 */
import type { Golongan } from "../ranks.js";
import type { Stage } from "../stages.js";
import type { JPT_LEVELS } from "../schemas/documents.js";
import type { EDUCATION_LEVELS } from "../selection/setup.js";

export type JptLevel = (typeof JPT_LEVELS)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Every rule names its source, printed at the end of each message, e.g. "(Permenpan RB No. 15 Tahun 2019)". */
export interface CitedRule {
  readonly cite: string;
}

/** The selection committee (panitia seleksi). */
export interface PanselRule extends CitedRule {
  readonly minMembers: number;
  readonly maxMembers: number;
  /** An odd number, so that a vote cannot tie. */
  readonly oddOnly: boolean;
  /**
   * Members from the government's own ranks, as a percentage of all members, at most. "Internal"
   * means officials of the government running the selection; officials of another government
   * (origin "instansiLain", e.g. the province in Pontianak 2024), academics and professionals are
   * external.
   */
  readonly maxInternalPercent: number;
}

/** Who leads and who keeps the records: one ketua, and a sekretaris. */
export interface PanselRolesRule extends CitedRule {
  readonly requireSekretaris: boolean;
}

/**
 * How a rule's days are counted. Only calendar days for now: working days would need each
 * government's holiday calendar (cuti bersama differs by year and decree), which Seleksi does not hold.
 */
export type DayCount = "calendar";

/** The announcement and registration period. */
export interface RegistrationRule extends CitedRule {
  /** Days, first and last day included. Shorter is a warning, not an error. */
  readonly minDays: number;
  readonly daysAre: DayCount;
}

/** What an operator may decide when a post still has too few applicants after the last extension. */
export const SHORTFALL_DECISIONS = ["cancelPost", "continueWithDecision"] as const;
export type ShortfallDecision = (typeof SHORTFALL_DECISIONS)[number];

/** Too few applicants for a post at the end of registration. */
export interface ApplicantsRule extends CitedRule {
  readonly minPerPost: number;
  readonly extensionDays: number;
  /** Counted as registration days are: first and last day of the extension included. */
  readonly extensionDaysAre: DayCount;
  readonly maxExtensions: number;
  /** The ways out after `maxExtensions`; either one must be recorded as a decision. */
  readonly afterLastExtension: readonly ShortfallDecision[];
}

/** What a candidate for a post of one JPT level must meet; a post may ask more, never less. */
export interface EligibilityRule extends CitedRule {
  /** Whole years of age at the selection's reference date, at most. */
  readonly maxAge: number;
  readonly minGolongan: Golongan;
  readonly minEducation: EducationLevel;
  /** Years in the post below (administrator for JPT Pratama, JPT Pratama for JPT Madya), at least. */
  readonly minYearsInPost: number;
  /** Years of experience in the field of the post, at least. */
  readonly minYearsRelevant: number;
}

/**
 * A regional head (kepala daerah) may not replace officials without the written approval of the
 * Minister of Home Affairs from some months before the determination of the candidate pairs of the
 * regional election until the end of the term; an acting regional head (Penjabat) needs it for any
 * appointment. The selection records the letter before the stage in which the chosen candidate
 * takes the post. The window is computed from the instansi's recorded election dates and the
 * selection's planned appointment date (./../selection/appointment.ts).
 */
export interface ElectionGateRule extends CitedRule {
  readonly approvalBeforeStage: Stage;
  /** The window opens this many months before the candidate pairs are determined (that day included). */
  readonly monthsBeforeCandidatePairs: number;
  /** The rule for an acting regional head, printed with its own message. */
  readonly actingHeadCite: string;
}

/** Officials recently appointed are protected from being moved (rotation after a competency test). */
export interface RotationRule extends CitedRule {
  readonly protectedMonths: number;
  /** The shorter protection of an official whose performance in the post is poor. */
  readonly poorPerformanceProtectedMonths: number;
  readonly poorPerformanceCite: string;
}

/**
 * Objections (sanggah) to the administrative result: how long after the announcement a TMS candidate
 * may object, and how long the operators then have to answer. Calendar days in the government's zone.
 */
export interface ObjectionRule extends CitedRule {
  /** Days after the announcement day; the window closes at the end of the last one. */
  readonly objectionDays: number;
  /** Days after the day an objection is filed, by whose end the operators answer. */
  readonly objectionAnswerDays: number;
  readonly daysAre: DayCount;
}

/** How long an assessment-centre result may be reused in a later selection (Metro 2021 reused 2019's). */
export interface AssessmentValidityRule extends CitedRule {
  readonly months: number;
}

/** Whose appointment needs the governor consulted first, as the PPK's choice goes out. */
export interface GovernorConsultationRule extends CitedRule {
  /** The Sekda of these kinds of region: UU 23/2014 art. 214 names kabupaten and kota. */
  readonly sekdaOf: readonly ("kabupaten" | "kota")[];
}

/**
 * The final selection report (laporan akhir seleksi) to the national authority, once the PPK has
 * chosen on every post: to whom and by when. Results went to KASN until it was dissolved in 2024
 * (UU 20/2023) and its duties moved to BKN, so the authority is data, like the deadline.
 */
export interface FinalReportRule extends CitedRule {
  /** The addressee, as printed: "Kepala Badan Kepegawaian Negara". */
  readonly authority: string;
  /** Its short name on the screens: "BKN". */
  readonly authorityShort: string;
  /** Why it is this authority (the law that moved the duty), printed beside it. */
  readonly authorityCite: string;
  /** Days after the day of the PPK's last choice, by whose end the report is sent. */
  readonly days: number;
  readonly daysAre: DayCount;
}

export interface RegulationProfile {
  /** Stable id, stored on each selection as `regulationProfileId`. */
  readonly id: string;
  /** Increases with each profile in the same line of regulation. */
  readonly version: number;
  /** What the profile implements, as shown to the operator choosing it. */
  readonly title: string;
  /** First day the profile applies (ISO). */
  readonly effectiveFrom: string;
  /** First day it no longer applies (ISO), when known; a later profile also supersedes it. */
  readonly effectiveTo?: string;
  readonly pansel: PanselRule;
  readonly panselRoles: PanselRolesRule;
  readonly registration: RegistrationRule;
  readonly applicants: ApplicantsRule;
  readonly eligibility: Readonly<Record<JptLevel, EligibilityRule>>;
  readonly electionGate: ElectionGateRule;
  readonly rotation: RotationRule;
  readonly objections: ObjectionRule;
  // Scoring (issue 9); optional so profiles without them still type-check: no flag, no consultation.
  readonly assessmentValidity?: AssessmentValidityRule;
  readonly governorConsultation?: GovernorConsultationRule;
  // The letters after the ranking (issue 9); a profile without it shows no deadline.
  readonly finalReport?: FinalReportRule;
}
