/**
 * Saving a candidate's profile (`saveProfile`, issue 8): the callable's input and answer, and the
 * pure parts of the write, shared by the edit screen and the function.
 *
 * The whole profile goes with every save, validated by `candidateProfile` (the schema the edit screen
 * checks with), together with the `profileRevision` the screen started from. A phone that edited an
 * older revision (the same candidate saved on a laptop meanwhile) is refused with the stored profile
 * attached, and the screen shows both versions section by section: the candidate decides. Merging
 * silently would have to guess which of two post histories or two SKP lists is the true one, and a
 * wrong guess is a profile the operator later verifies as if the candidate had written it.
 */
import { z } from "zod/mini";
import type { CalendarDate } from "../calendar.js";
import { candidateProfile, PROFILE_SECTIONS, type CandidateProfile, type ProfileSection } from "./profile.js";

/** The same request-id shape as every other callable (selection/process.ts), without importing the selection model. */
const requestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "err.input.invalid" }));

/**
 * The candidate-edited fields, stored at the top level of `profiles/{uid}` under exactly these names
 * (the eligibility check and the operators parse the document with `candidateProfile()`).
 */
export const PROFILE_FIELDS = [
  "nip",
  "name",
  "email",
  "birthPlace",
  "birthDate",
  "golongan",
  "golonganSince",
  "currentPost",
  "currentInstansi",
  "province",
  "phone",
  "posts",
  "education",
  "performance",
] as const satisfies readonly (keyof CandidateProfile)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The section of the edit screen each field belongs to (completeness, conflicts, error links). */
export const SECTION_OF: Readonly<Record<ProfileField, ProfileSection>> = {
  nip: "identity",
  name: "identity",
  birthPlace: "birth",
  birthDate: "birth",
  golongan: "rank",
  golonganSince: "rank",
  currentPost: "currentPost",
  currentInstansi: "currentPost",
  province: "currentPost",
  posts: "posts",
  education: "education",
  performance: "performance",
  phone: "contact",
  email: "contact",
};

/**
 * Nothing but the profile and the revision it was edited from: the uid is the caller's own (a
 * profile of someone else cannot even be named), and system fields sent along (nipStatus, flags,
 * consent) are stripped by the object schema before the function sees them.
 */
export function saveProfileInput(today?: CalendarDate) {
  return z.object({
    requestId,
    baseRevision: z.int({ error: "err.input.invalid" }).check(z.gte(0, { error: "err.input.invalid" })),
    profile: candidateProfile(today),
  });
}
export type SaveProfileInput = z.output<ReturnType<typeof saveProfileInput>>;

export const saveProfileOutput = z.object({ revision: z.int(), at: z.string() });
export type SaveProfileOutput = z.output<typeof saveProfileOutput>;

/** What a refused stale save carries back: the stored revision and its profile fields, as stored. */
export const profileConflict = z.object({ revision: z.int(), profile: z.record(z.string(), z.unknown()) });
export type ProfileConflict = z.output<typeof profileConflict>;

/** The candidate-edited fields of a stored profile document, absent ones left out. */
export function storedProfileFields(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const legacy = data["currentInstansi"] === undefined ? { currentInstansi: data["originInstansi"] } : {};
  const merged: Readonly<Record<string, unknown>> = { ...data, ...legacy };
  return Object.fromEntries(PROFILE_FIELDS.flatMap((f) => (merged[f] === undefined ? [] : [[f, merged[f]]])));
}

/**
 * The sections in which two versions of a profile differ, in the order of the edit screen. Lists
 * count as absent when empty, so a stored profile without posts equals a form with none.
 */
export function differingSections(
  mine: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, unknown>>,
): ProfileSection[] {
  const norm = (v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v === "" ? undefined : v);
  const differs = new Set(
    PROFILE_FIELDS.filter((f) => canonicalJson(norm(mine[f])) !== canonicalJson(norm(theirs[f]))).map(
      (f) => SECTION_OF[f],
    ),
  );
  return PROFILE_SECTIONS.filter((s) => differs.has(s));
}

/** JSON with object keys sorted: a row stored by the server and the same row typed compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
