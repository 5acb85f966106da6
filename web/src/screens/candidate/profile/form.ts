/**
 * The profile screen's form model, pure: what the candidate typed (dates and years as text, every
 * row with a key of its own), the profile it stands for, and the checks of `candidateProfile`, the
 * schema saveProfile validates with. The form keeps every character typed: an input the schema
 * cannot take is shown beside its field and nothing is saved until it is corrected.
 */
import type { CalendarDate } from "@domain/calendar";
import type { Issue } from "@domain/issue";
import type { Golongan } from "@domain/ranks";
import {
  candidateProfile,
  profileCompleteness,
  type CandidateProfile,
  type Completeness,
  type EducationHistoryLevel,
  type PostType,
  type SkpRating,
} from "@domain/schemas/profile";
import { parseWith } from "@domain/validation";

export interface PostRow {
  readonly key: string;
  name: string;
  type: PostType;
  from: string;
  to: string;
}

export interface EducationRow {
  readonly key: string;
  level: EducationHistoryLevel;
  field: string;
  institution: string;
  year: string;
}

export interface PerformanceRow {
  readonly key: string;
  year: string;
  rating: SkpRating;
}

export interface ProfileForm {
  nip: string;
  name: string;
  email: string;
  birthPlace: string;
  birthDate: string;
  /** Empty: not chosen yet. */
  golongan: Golongan | "";
  golonganSince: string;
  currentPost: string;
  currentInstansi: string;
  province: string;
  phone: string;
  posts: PostRow[];
  education: EducationRow[];
  performance: PerformanceRow[];
}

let rowCounter = 0;
export const rowKey = (): string => `r${++rowCounter}`;

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const rows = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null) : [];

/** The form for a profile as stored or as waiting in the outbox (fields read leniently). */
export function formFrom(p: Readonly<Record<string, unknown>>): ProfileForm {
  return {
    nip: str(p["nip"]),
    name: str(p["name"]),
    email: str(p["email"]),
    birthPlace: str(p["birthPlace"]),
    birthDate: str(p["birthDate"]),
    golongan: str(p["golongan"]) as Golongan | "",
    golonganSince: str(p["golonganSince"]),
    currentPost: str(p["currentPost"]),
    currentInstansi: str(p["currentInstansi"] ?? p["originInstansi"]),
    province: str(p["province"]),
    phone: str(p["phone"]),
    posts: rows(p["posts"]).map((r) => ({
      key: rowKey(),
      name: str(r["name"]),
      type: (str(r["type"]) || "administrator") as PostType,
      from: str(r["from"]),
      to: str(r["to"]),
    })),
    education: rows(p["education"]).map((r) => ({
      key: rowKey(),
      level: (str(r["level"]) || "S1") as EducationHistoryLevel,
      field: str(r["field"]),
      institution: str(r["institution"]),
      year: str(r["year"]),
    })),
    performance: rows(p["performance"]).map((r) => ({
      key: rowKey(),
      year: str(r["year"]),
      rating: (str(r["rating"]) || "Baik") as SkpRating,
    })),
  };
}

/** A year typed as four digits is a number; anything else goes to the schema as typed, to be named. */
const year = (text: string): number | string => (/^\s*\d{4}\s*$/.test(text) ? Number(text) : text);
const optional = (text: string) => (text.trim() === "" ? undefined : text);

/** The profile the form stands for, as saveProfile takes it: empty optional fields left out. */
export function profileInput(form: ProfileForm): Record<string, unknown> {
  const entries = Object.entries({
    nip: form.nip,
    name: form.name,
    email: form.email,
    birthPlace: optional(form.birthPlace),
    birthDate: optional(form.birthDate),
    golongan: optional(form.golongan),
    golonganSince: optional(form.golonganSince),
    currentPost: optional(form.currentPost),
    currentInstansi: optional(form.currentInstansi),
    province: optional(form.province),
    phone: optional(form.phone),
    posts: form.posts.map((p) => ({ name: p.name, type: p.type, from: p.from, ...(p.to.trim() ? { to: p.to } : {}) })),
    education: form.education.map((e) => ({
      level: e.level,
      field: e.field,
      institution: e.institution,
      year: year(e.year),
    })),
    performance: form.performance.map((e) => ({ year: year(e.year), rating: e.rating })),
  });
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

export type Checked = { ok: true; profile: CandidateProfile } | { ok: false; issues: Issue[] };

/** The form checked as the function will check it (the device's date stands in for the server's). */
export function checkForm(form: ProfileForm, today: CalendarDate): Checked {
  const parsed = parseWith(candidateProfile(today), profileInput(form));
  return parsed.ok ? { ok: true, profile: parsed.value } : { ok: false, issues: parsed.issues };
}

/**
 * How complete the profile as typed is. Presence is what counts here (a field typed wrong is still
 * filled in, and its error shows beside it); the stored profile was validated whole by the server.
 */
export function formCompleteness(form: ProfileForm): Completeness {
  const filled = (text: string) => (text.trim() === "" ? undefined : text);
  const view = {
    nip: form.nip,
    name: form.name.trim(),
    email: form.email.trim(),
    birthPlace: filled(form.birthPlace),
    birthDate: filled(form.birthDate),
    golongan: filled(form.golongan),
    golonganSince: filled(form.golonganSince),
    currentPost: filled(form.currentPost),
    currentInstansi: filled(form.currentInstansi),
    province: filled(form.province),
    phone: filled(form.phone),
    posts: form.posts,
    education: form.education,
    performance: form.performance.map((p) => ({ year: year(p.year), rating: p.rating })),
  };
  return profileCompleteness(view as unknown as CandidateProfile);
}

/** The input's id for an issue's field ("posts.0.to" or the server's "profile.posts.0.to"). */
export function inputId(field: string): string {
  return `pf-${field.replace(/^profile\./, "").replace(/\./g, "-")}`;
}

/** Issues looked up by field path, the server's ("profile.x") and the form's ("x") alike. */
export function issuesAt(issues: readonly Issue[], field: string): Issue[] {
  return issues.filter((i) => (i.field ?? "").replace(/^profile\./, "") === field);
}

export const emptyPost = (): PostRow => ({ key: rowKey(), name: "", type: "administrator", from: "", to: "" });
export const emptyEducation = (): EducationRow => ({
  key: rowKey(),
  level: "S1",
  field: "",
  institution: "",
  year: "",
});
export const emptyPerformance = (): PerformanceRow => ({ key: rowKey(), year: "", rating: "Baik" });
