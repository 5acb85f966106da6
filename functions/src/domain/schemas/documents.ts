/**
 * The shape of stored documents, parsed when read (converters) so screens and functions never trust
 * whatever happens to be in Firestore.
 */
import { z } from "zod/mini";
import { STAFF_ROLES } from "../roles.js";
import { GOLONGAN } from "../ranks.js";

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "err.input.invalid" }));

export const instansiDoc = z.object({
  name: z.string(), // "Pemerintah Kota Metro"
  shortName: z.string(), // "Kota Metro"
  province: z.string(),
  agency: z.string(), // "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
  address: z._default(z.string(), ""),
  website: z._default(z.string(), ""),
  /** Deadlines ("registration closes on 4 October") are dates in the government's own zone. */
  timeZone: z._default(z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]), "Asia/Jakarta"),
  /** The code in document numbers, e.g. "BKPSDM-MTR"; empty means the tenant id in capitals. */
  documentCode: z._default(z.string(), ""),
  /** How this government numbers its documents (see domain/documents/numbering.ts). */
  numberingPattern: z._default(z.string(), ""),
  /**
   * The regional elections (pilkada) of this government's head: the day the candidate pairs are
   * determined and the last day of the term. Appointments near them need the Minister of Home
   * Affairs' approval (selection/appointment.ts).
   */
  elections: z._default(
    z.array(z.object({ candidatePairsDetermination: isoDate, termEnd: isoDate })).check(z.maxLength(20)),
    [],
  ),
  /** Periods led by an acting regional head (Penjabat), who needs that approval for any appointment. */
  actingHeads: z._default(z.array(z.object({ from: isoDate, to: isoDate })).check(z.maxLength(20)), []),
});
export type InstansiDoc = z.infer<typeof instansiDoc>;

export const JPT_LEVELS = ["jptPratama", "jptMadya"] as const;

export const PANSEL_ORIGINS = ["internal", "akademisi", "profesional", "instansiLain"] as const;
export const PANSEL_POSITIONS = ["ketua", "sekretaris", "anggota"] as const;

/**
 * profiles/{uid}: what sign-up wrote (NIP-derived fields, consent, the reservation's state) and what
 * the candidate keeps up to date through `saveProfile` (the `candidateProfile` fields, at the top
 * level). Read leniently so a profile from before issue 8 still shows: its `originInstansi` is read
 * as `currentInstansi`, and the lists and the revision may be missing.
 */
export const profileDoc = z.pipe(
  z.object({
    name: z.string(),
    nip: z.string(),
    email: z.string(),
    birthDate: z.string(),
    serviceStart: z.string(),
    sex: z.enum(["L", "P"]),
    golongan: z.optional(z.enum(GOLONGAN)),
    /** Current post, e.g. "Sekretaris Dinas Pendidikan dan Kebudayaan". */
    currentPost: z.optional(z.string()),
    /** The government the candidate serves now, e.g. "Pemerintah Kota Metro". */
    currentInstansi: z.optional(z.string()),
    /** @deprecated The name before issue 8; read as `currentInstansi`, never written again. */
    originInstansi: z.optional(z.string()),
    birthPlace: z.optional(z.string()),
    golonganSince: z.optional(z.string()),
    province: z.optional(z.string()),
    phone: z.optional(z.string()),
    // The rows as saveProfile validated them (schemas/profile.ts), read by shape only: importing the
    // edit schema here would put it on every screen that reads a stored document.
    posts: z.optional(
      z.array(z.object({ name: z.string(), type: z.string(), from: z.string(), to: z.optional(z.string()) })),
    ),
    education: z.optional(
      z.array(z.object({ level: z.string(), field: z.string(), institution: z.string(), year: z.number() })),
    ),
    performance: z.optional(z.array(z.object({ year: z.number(), rating: z.string() }))),
    /** Bumped by every saveProfile; a save based on an older one is refused (schemas/profileSave.ts). */
    profileRevision: z.optional(z.int()),
    /** ISO instant of the last saveProfile. */
    updatedAt: z.optional(z.string()),
    /** Written by functions: "pending" until the verified account confirms its NIP (accounts/nipReservations.ts). */
    nipStatus: z.optional(z.enum(["pending", "confirmed", "taken", "released"])),
    /** Consent to the privacy notice at sign-up (UU 27/2022): which text, when (ISO). */
    consent: z.optional(z.object({ version: z.string(), at: z.string() })),
    /** Set by a dispute decision on an account that held someone else's NIP. */
    flags: z.optional(z.record(z.string(), z.string())),
  }),
  z.transform((p) => (p.currentInstansi === undefined ? { ...p, currentInstansi: p.originInstansi } : p)),
);
export type ProfileDoc = z.output<typeof profileDoc>;

export const memberDoc = z.object({
  instansiId: z.string(),
  email: z.string(),
  name: z._default(z.string(), ""),
  roles: z.array(z.enum(STAFF_ROLES)),
});
export type MemberDoc = z.infer<typeof memberDoc>;

/** nipDisputes/{nip_uid}: written by functions only (accounts/nipDisputes.ts). */
export const nipDisputeDoc = z.object({
  instansiId: z.string(),
  nip: z.string(),
  claimantUid: z.string(),
  claimantName: z.string(),
  claimantEmail: z.string(),
  holderUid: z.string(),
  holderName: z._default(z.string(), ""),
  holderEmail: z._default(z.string(), ""),
  note: z._default(z.string(), ""),
  status: z.enum(["open", "released", "transferred", "rejected"]),
  filedAt: z.string(),
  decision: z.optional(
    z.object({ decision: z.string(), by: z.string(), byName: z.string(), at: z.string(), reason: z.string() }),
  ),
});
export type NipDisputeDoc = z.infer<typeof nipDisputeDoc>;

/** instansi/{id}/roleAudit/{autoId}: one grant or removal of staff roles, written by functions only. */
export const roleAuditDoc = z.object({
  instansiId: z.string(),
  actor: z.object({ uid: z.string(), name: z.string(), as: z.enum([...STAFF_ROLES, "platformAdmin"]) }),
  target: z.object({ uid: z.string(), email: z.string(), name: z.string() }),
  before: z.array(z.enum(STAFF_ROLES)),
  after: z.array(z.enum(STAFF_ROLES)),
  at: z.string(),
});
export type RoleAuditDoc = z.infer<typeof roleAuditDoc>;

/**
 * instansi/{id}/calendarAudit/{autoId}: who changed the calendar, when, and both versions (written by
 * the function only; the instansi's operators and pejabat read it). Read leniently: an entry is history.
 */
const storedRows = z.object({
  elections: z.array(z.object({ candidatePairsDetermination: z.string(), termEnd: z.string() })),
  actingHeads: z.array(z.object({ from: z.string(), to: z.string() })),
});
export const calendarAuditDoc = z.object({
  instansiId: z.string(),
  actor: z.object({ uid: z.string(), name: z.string() }),
  before: storedRows,
  after: storedRows,
  at: z.string(),
});
export type CalendarAuditDoc = z.infer<typeof calendarAuditDoc>;
