/**
 * The shape of stored documents, parsed when read (converters) so screens and functions never trust
 * whatever happens to be in Firestore.
 */
import { z } from "zod/mini";
import { STAGES } from "../stages.js";
import { STAFF_ROLES } from "../roles.js";
import { GOLONGAN } from "../ranks.js";

export const instansiDoc = z.object({
  name: z.string(), // "Pemerintah Kota Metro"
  shortName: z.string(), // "Kota Metro"
  province: z.string(),
  agency: z.string(), // "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
  address: z._default(z.string(), ""),
  website: z._default(z.string(), ""),
});
export type InstansiDoc = z.infer<typeof instansiDoc>;

export const JPT_LEVELS = ["jptPratama", "jptMadya"] as const;

export const postDoc = z.object({
  id: z.string(),
  name: z.string(), // "Kepala Badan Perencanaan Pembangunan Daerah"
  opd: z.string(), // "Bappeda"
  level: z.enum(JPT_LEVELS),
});
export type PostDoc = z.infer<typeof postDoc>;

export const PANSEL_ORIGINS = ["internal", "akademisi", "profesional", "instansiLain"] as const;
export const PANSEL_POSITIONS = ["ketua", "sekretaris", "anggota"] as const;

export const panselMemberDoc = z.object({
  name: z.string(),
  origin: z.enum(PANSEL_ORIGINS),
  position: z.enum(PANSEL_POSITIONS),
  affiliation: z.string(),
  uid: z.optional(z.string()),
});
export type PanselMemberDoc = z.infer<typeof panselMemberDoc>;

export const selectionDoc = z.object({
  instansiId: z.string(),
  instansiName: z.string(),
  title: z.string(),
  year: z.int(),
  stage: z.enum(STAGES),
  /** Derived from the stage by the functions: announced selections are readable by anyone. */
  public: z.boolean(),
  /** ISO date-time of the announcement; orders the public list. */
  announcedAt: z.nullable(z.string()),
  /** Who may apply, as announced: "ASN di lingkungan Provinsi Lampung". */
  openTo: z.string(),
  posts: z.array(postDoc),
  pansel: z._default(z.array(panselMemberDoc), []),
  /** uids of pansel members who have accounts, for rules and "my selections" queries. */
  panselUids: z._default(z.array(z.string()), []),
});
export type SelectionDoc = z.infer<typeof selectionDoc>;

export const profileDoc = z.object({
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
  originInstansi: z.optional(z.string()),
});
export type ProfileDoc = z.infer<typeof profileDoc>;

export const memberDoc = z.object({
  instansiId: z.string(),
  email: z.string(),
  name: z._default(z.string(), ""),
  roles: z.array(z.enum(STAFF_ROLES)),
});
export type MemberDoc = z.infer<typeof memberDoc>;
