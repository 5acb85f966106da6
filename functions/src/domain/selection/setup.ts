/**
 * What an operator sets up for one open selection (issue: "Officials set up a selection"): posts with
 * their requirements and document checklist, the schedule, the scoring plan and the pansel. These are
 * the stored shapes (zod/mini, parsed on read and on every callable); the checks that need the
 * regulation profile (composition, minimum days, weights) live in ./checks.ts.
 */
import { z } from "zod/mini";
import { GOLONGAN } from "../ranks.js";
import { STAGES } from "../stages.js";
import { JPT_LEVELS, PANSEL_ORIGINS, PANSEL_POSITIONS } from "../schemas/documents.js";
import { openToRule } from "../eligibility/openTo.js";

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "err.input.invalid" }));

/** Education levels, lowest to highest. D-IV counts as S1 (sarjana terapan) for JPT requirements. */
export const EDUCATION_LEVELS = ["S1", "S2", "S3"] as const;
export const FILE_FORMATS = ["pdf", "jpg", "png"] as const;

export const documentRequirement = z.object({
  /** Stable id within the selection, e.g. "sk-pangkat", "skp-2-tahun", "ijazah". */
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" })),
  label: z.string().check(z.trim(), z.minLength(2, { error: "err.input.invalid" }), z.maxLength(200)),
  required: z.boolean(),
  formats: z.array(z.enum(FILE_FORMATS)).check(z.minLength(1, { error: "err.input.invalid" })),
  /** Per file; uploads are split into Firestore chunks, so this is a product limit, not a storage one. */
  maxSizeKb: z.int().check(z.gte(50), z.lte(10_240)),
});
export type DocumentRequirement = z.infer<typeof documentRequirement>;

export const postRequirements = z.object({
  minGolongan: z.enum(GOLONGAN),
  minEducation: z.enum(EDUCATION_LEVELS),
  /** Years in an administrator (eselon III) or JPT post, or as a senior functional official. */
  minYearsInPost: z.number().check(z.gte(0), z.lte(40)),
  /** Years of experience in the field of the post. */
  minYearsRelevant: z.number().check(z.gte(0), z.lte(40)),
  /** Age limit at the selection's reference date; the profile's limit is the default. */
  maxAge: z.int().check(z.gte(30), z.lte(65)),
  /** Conditions in words, as printed in the announcement ("sehat jasmani dan rohani", …). */
  extraConditions: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(20)),
  documents: z.array(documentRequirement).check(z.maxLength(30)),
});
export type PostRequirements = z.infer<typeof postRequirements>;

export const setupPost = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" })),
  name: z.string().check(z.trim(), z.minLength(3, { error: "err.input.invalid" }), z.maxLength(300)),
  opd: z.string().check(z.trim(), z.minLength(2, { error: "err.input.invalid" }), z.maxLength(200)),
  level: z.enum(JPT_LEVELS),
  requirements: postRequirements,
});
export type SetupPost = z.infer<typeof setupPost>;

/** The stages that have dates. Other stages (decisions, appointment) happen when they are approved. */
export const SCHEDULED_STAGES = [
  "pendaftaran",
  "seleksiAdministrasi",
  "pengumumanAdministrasi",
  "asesmenManajerial",
  "kompetensiTeknis",
  "wawancara",
  "rekamJejak",
  "pemeringkatan",
  "laporanPpk",
] as const satisfies readonly (typeof STAGES)[number][];
export type ScheduledStage = (typeof SCHEDULED_STAGES)[number];

export const dateRange = z.object({ start: isoDate, end: isoDate });
export type DateRange = z.infer<typeof dateRange>;

/** Dates per stage, inclusive. A stage the selection does not use has no entry. */
export const schedule = z.partialRecord(z.enum(SCHEDULED_STAGES), dateRange);
export type Schedule = z.infer<typeof schedule>;

export const rubricLevel = z.object({
  score: z.number(),
  label: z.string().check(z.maxLength(100)), // "Sangat baik"
  description: z.string().check(z.maxLength(1000)),
});

export const scoringComponent = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" })),
  label: z.string().check(z.trim(), z.minLength(2, { error: "err.input.invalid" }), z.maxLength(200)),
  /** Percent of the final score; the weights of a plan add up to 100. */
  weight: z.number().check(z.gte(0), z.lte(100)),
  /** The stage in which the pansel scores it. */
  stage: z.enum(SCHEDULED_STAGES),
  scale: z.object({ min: z.number(), max: z.number() }),
  /** Rubric-scored components: what the pansel looks at, and what each score level means. */
  rubric: z.optional(
    z.object({
      indicators: z.array(z.object({ id: z.string(), label: z.string().check(z.maxLength(300)) })),
      levels: z.array(rubricLevel),
    }),
  ),
  /** A candidate below this score in this component does not advance. */
  minScore: z.optional(z.number()),
  /**
   * How many candidates per post go on after this component's stage, best first (e.g. the six best
   * after the assessment centre); none means everyone above the minimum score goes on.
   */
  advancePerPost: z.optional(z.int().check(z.gte(1), z.lte(100))),
  // Scoring (issue 9); optional, so setups written before read unchanged (domain/scoring/).
  /** Absent or true: a candidate with no score here is out before ranking, not ranked last. */
  mandatory: z.optional(z.boolean()),
  /**
   * Measured outside the pansel (an assessment centre) and imported from its report, which gives a
   * raw total out of its own maximum ("312 of 400"): the score is raw / rawMax of the scale.
   */
  imported: z.optional(z.object({ rawMax: z.number().check(z.gt(0)) })),
});
export type ScoringComponent = z.infer<typeof scoringComponent>;

/** What a stage's published result shows of the scores (domain/scoring/stageResult.ts); default "none". */
export const PUBLISH_SCORES = ["none", "total", "components"] as const;
export type PublishScores = (typeof PUBLISH_SCORES)[number];

export const scoringPlan = z.object({
  components: z.array(scoringComponent).check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(12)),
  /** How many candidates per post go to the PPK: the "3 besar". */
  finalistsPerPost: z.int().check(z.gte(1), z.lte(10)),
  // Scoring (issue 9); optional, defaults in domain/scoring/ (README "Scoring and ranking").
  /** Mean by default; "trimmedMean" drops the highest and lowest score when at least five scored. */
  aggregation: z.optional(z.enum(["mean", "trimmedMean"])),
  /** Members who must be able to score each candidate-component; default a majority of those assigned. */
  quorum: z.optional(z.int().check(z.gte(1), z.lte(15))),
  /** Equal totals: compare these components in order, then the final rule; default heaviest first. */
  tieBreak: z.optional(
    z.object({ components: z.array(z.string()).check(z.maxLength(12)), final: z.enum(["seniority", "none"]) }),
  ),
  /** Members' scores (0–100) of one candidate-component further apart than this are flagged; default 20. */
  spreadThreshold: z.optional(z.number().check(z.gt(0), z.lte(100))),
  /** Published results show no scores ("none", the default), the rank and total, or also each component's points. */
  publishScores: z.optional(z.enum(PUBLISH_SCORES)),
});
export type ScoringPlan = z.infer<typeof scoringPlan>;

export const panselMember = z.object({
  name: z.string().check(z.trim(), z.minLength(3, { error: "err.name.short" }), z.maxLength(200)),
  origin: z.enum(PANSEL_ORIGINS),
  position: z.enum(PANSEL_POSITIONS),
  affiliation: z.string().check(z.maxLength(300)),
  uid: z.optional(z.string()),
});
export type PanselMember = z.infer<typeof panselMember>;

export const contact = z.object({
  name: z.string().check(z.maxLength(200)),
  phone: z.string().check(z.maxLength(40)),
  email: z.string().check(z.maxLength(200)),
  address: z.string().check(z.maxLength(500)),
});

/** Everything the operator decides; the process fields (stage, publication) are added by functions. */
export const selectionSetup = z.object({
  title: z.string().check(z.trim(), z.minLength(3, { error: "err.input.invalid" }), z.maxLength(200)),
  year: z.int().check(z.gte(2000), z.lte(2100)),
  /** Legal basis lines as printed under "Dasar" in the announcement. */
  legalBasis: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(20)),
  /** Ages and tenures are computed at this date (usually the registration deadline). */
  referenceDate: isoDate,
  openTo: z.string().check(z.maxLength(300)),
  /**
   * Who may apply, as data (eligibility/openTo.ts). Null on setups written before it existed: their
   * `openTo` text is still printed, and the eligibility check cannot tell until an operator sets it.
   */
  openToRule: z._default(z.nullable(openToRule), null),
  /** How many posts of this selection one candidate may apply to (the announcement says so). */
  maxPostsPerCandidate: z._default(z.int().check(z.gte(1), z.lte(5)), 1),
  /**
   * A second operator must confirm each MS/TMS decision before it counts as verified. Optional, read
   * as false when absent, so older setups and seeds need not carry it.
   */
  secondVerifier: z.optional(z.boolean()),
  regulationProfileId: z.string(),
  /**
   * The stages this selection goes through, in process order. Some are optional: Kota Metro 2021
   * reused its 2019 assessment-centre results, and the national recommendation step changes with law.
   */
  stagesUsed: z.array(z.enum(STAGES)),
  posts: z.array(setupPost).check(z.maxLength(40)),
  schedule,
  scoringPlan,
  pansel: z.array(panselMember).check(z.maxLength(15)),
  contact,
});
export type SelectionSetup = z.infer<typeof selectionSetup>;
