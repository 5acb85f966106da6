/**
 * The candidate's profile (issue 8): the one schema the edit screen and the functions validate with.
 * A profile is saved section by section from a phone, so every section except the identity from
 * sign-up may still be missing; `profileCompleteness` says which, and the eligibility check answers
 * "cannot tell" for what is missing rather than guessing. Every list and string is bounded: the
 * document is read on every eligibility check and stays far below Firestore's 1 MiB.
 */
import { z } from "zod/mini";
import { parseIsoDate, type CalendarDate } from "../calendar.js";
import { parseNip } from "../nip.js";
import { GOLONGAN } from "../ranks.js";
import { email, nipField, personName } from "./fields.js";

/** Posts an ASN may have held. JPT and administrator posts count as tenure for JPT requirements. */
export const POST_TYPES = ["jpt", "administrator", "pengawas", "functional", "pelaksana"] as const;
export type PostType = (typeof POST_TYPES)[number];

/** Education levels a candidate may enter, lowest to highest; D-IV ranks with S1 (sarjana terapan). */
export const EDUCATION_HISTORY_LEVELS = ["SMA", "D3", "D4", "S1", "S2", "S3"] as const;
export type EducationHistoryLevel = (typeof EDUCATION_HISTORY_LEVELS)[number];

/**
 * The predicates of the yearly performance rating (PermenPAN-RB No. 6 Tahun 2022), best first. They
 * are legal terms printed as such on the SKP in either language, so they are stored as written.
 */
export const SKP_RATINGS = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"] as const;
export type SkpRating = (typeof SKP_RATINGS)[number];

export const PROFILE_LIMITS = {
  text: 200,
  posts: 30,
  education: 10,
  performance: 5,
  phone: 20,
} as const;

/** A day that exists, as YYYY-MM-DD. */
const calendarDay = z.string().check(
  z.superRefine((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parseIsoDate(value)) {
      ctx.issues.push({ code: "custom", message: "err.profile.dateInvalid", params: { value }, input: value });
    }
  }),
);

const text = (max: number = PROFILE_LIMITS.text) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: "err.profile.required" }),
      z.maxLength(max, { error: "err.profile.textLong" }),
    );

const list = <T extends z.ZodMiniType>(item: T, max: number) =>
  z._default(z.array(item).check(z.maxLength(max, { error: "err.profile.tooMany" })), []);

/** "0812-3456-7890", "+62 812 3456 7890": digits with the separators people type, 8–15 digits. */
export const phone = z.string().check(
  z.trim(),
  z.maxLength(PROFILE_LIMITS.phone, { error: "err.profile.phone" }),
  z.regex(/^\+?[0-9][0-9 .-]{6,}[0-9]$/, { error: "err.profile.phone" }),
  z.refine((p: string) => p.replace(/\D/g, "").length >= 8 && p.replace(/\D/g, "").length <= 15, {
    error: "err.profile.phone",
  }),
);

/** One post held; `to` is absent for the post held now. */
export const postHistoryEntry = z
  .object({
    name: text(),
    type: z.enum(POST_TYPES, { error: "err.input.invalid" }),
    from: calendarDay,
    to: z.optional(calendarDay),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.to !== undefined && parseIsoDate(p.from) && parseIsoDate(p.to) && p.to < p.from) {
        ctx.issues.push({
          code: "custom",
          message: "err.profile.periodReversed",
          params: { from: p.from, to: p.to },
          path: ["to"],
          input: p,
        });
      }
    }),
  );
export type PostHistoryEntry = z.infer<typeof postHistoryEntry>;

export const educationEntry = z.object({
  level: z.enum(EDUCATION_HISTORY_LEVELS, { error: "err.input.invalid" }),
  field: text(),
  institution: text(),
  year: z.int({ error: "err.profile.year" }).check(z.gte(1950, { error: "err.profile.year" }), z.lte(2100)),
});
export type EducationEntry = z.infer<typeof educationEntry>;

export const performanceEntry = z.object({
  year: z.int({ error: "err.profile.year" }).check(z.gte(1950, { error: "err.profile.year" }), z.lte(2100)),
  rating: z.enum(SKP_RATINGS, { error: "err.input.invalid" }),
});
export type PerformanceEntry = z.infer<typeof performanceEntry>;

/**
 * The profile as the candidate edits it. `today` rejects a NIP whose dates have not happened yet (the
 * domain has no clock). The NIP carries the birth date; a different birth date typed in the form is
 * one of the two typos, and the candidate is asked which (err.profile.nipBirthMismatch).
 */
export function candidateProfile(today?: CalendarDate) {
  return z
    .object({
      nip: nipField(today),
      /** With academic titles as on the SK: "Dr. Hendra Gunawan, S.T., M.T." */
      name: personName,
      email,
      birthPlace: z.optional(text(100)),
      birthDate: z.optional(calendarDay),
      golongan: z.optional(z.enum(GOLONGAN, { error: "err.input.invalid" })),
      /** TMT of the current rank. */
      golonganSince: z.optional(calendarDay),
      currentPost: z.optional(text(300)),
      /** The government served now, e.g. "Pemerintah Kota Metro", and its province (the "open to" check). */
      currentInstansi: z.optional(text()),
      province: z.optional(text(60)),
      phone: z.optional(phone),
      posts: list(postHistoryEntry, PROFILE_LIMITS.posts),
      education: list(educationEntry, PROFILE_LIMITS.education),
      performance: list(performanceEntry, PROFILE_LIMITS.performance),
    })
    .check(
      z.superRefine((p, ctx) => {
        const parsed = parseNip(p.nip);
        if (
          parsed.ok &&
          p.birthDate !== undefined &&
          parseIsoDate(p.birthDate) &&
          parsed.nip.birthDate !== p.birthDate
        ) {
          ctx.issues.push({
            code: "custom",
            message: "err.profile.nipBirthMismatch",
            params: { birthDate: p.birthDate, nipBirthDate: parsed.nip.birthDate },
            path: ["birthDate"],
            input: p,
          });
        }
        const years = p.performance.map((e) => e.year);
        const twice = years.find((y, i) => years.indexOf(y) !== i);
        if (twice !== undefined) {
          ctx.issues.push({
            code: "custom",
            message: "err.profile.skpYearTwice",
            params: { year: twice },
            path: ["performance"],
            input: p,
          });
        }
      }),
    );
}
export type CandidateProfile = z.output<ReturnType<typeof candidateProfile>>;

// ---------------------------------------------------------------------------------------------------
// Completeness

export const PROFILE_SECTIONS = [
  "identity",
  "birth",
  "rank",
  "currentPost",
  "posts",
  "education",
  "performance",
  "contact",
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

export interface Completeness {
  /** The sections still to fill, in the order of the edit screen. */
  readonly missing: readonly ProfileSection[];
  /** Whole percent of sections complete (0–100), rounded down so 100 means nothing is missing. */
  readonly percent: number;
}

/**
 * Which sections of a (parsed) profile are filled. Performance needs two ratings, one per year, as
 * the eligibility check reads the last two years; a section half filled counts as missing.
 */
export function profileCompleteness(profile: CandidateProfile): Completeness {
  const filled: Record<ProfileSection, boolean> = {
    identity: profile.nip !== "" && profile.name !== "",
    birth: profile.birthPlace !== undefined && profile.birthDate !== undefined,
    rank: profile.golongan !== undefined && profile.golonganSince !== undefined,
    currentPost:
      profile.currentPost !== undefined && profile.currentInstansi !== undefined && profile.province !== undefined,
    posts: profile.posts.length > 0,
    education: profile.education.length > 0,
    performance: new Set(profile.performance.map((e) => e.year)).size >= 2,
    contact: profile.phone !== undefined && profile.email !== "",
  };
  const missing = PROFILE_SECTIONS.filter((s) => !filled[s]);
  const percent = Math.floor(((PROFILE_SECTIONS.length - missing.length) * 100) / PROFILE_SECTIONS.length);
  return { missing, percent };
}
