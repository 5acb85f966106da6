/**
 * The PPK's choice among the 3 besar, and the governor's consultation it may need first. The PPK may
 * choose any finalist; choosing other than the first needs a written reason, which goes into the
 * record and the audit log (a choice of the second-ranked is the decision most often contested).
 *
 * The Sekda of a kabupaten or kota is appointed by the bupati/wali kota "after consultation with the
 * governor" (UU 23/2014 art. 214 (2)): the three names go to the governor first, and the stage
 * machine waits for the governor's letter. Which posts and regions need it is the regulation
 * profile's (`governorConsultation`); a profile without it asks for no consultation.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { storedRanking } from "./postRanking.js";

/** A reason that says something ("lebih sesuai dengan kebutuhan organisasi …"), not a dot. */
export const MIN_REASON = 20;

export const ppkChoiceInput = z.object({
  selectionId: z.string().check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(200)),
  postId: z.string().check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(40)),
  applicationId: z.string().check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(200)),
  reason: z._default(z.string().check(z.trim(), z.maxLength(2000, { error: "err.ppk.reasonLong" })), ""),
});
export type PpkChoiceInput = z.infer<typeof ppkChoiceInput>;

/** What the PPK's phone sends: the choice, with a request id so a retry records it once. */
export const choosePpkInput = z.extend(ppkChoiceInput, {
  requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "err.input.invalid" })),
});
export type ChoosePpkInput = z.output<typeof choosePpkInput>;

export const choosePpkOutput = z.object({ postId: z.string(), applicationId: z.string(), rank: z.int() });

export interface Finalist {
  readonly applicationId: string;
  readonly rank: number;
}

export interface NamedFinalist extends Finalist {
  readonly name: string;
  /** The total in hundredths and the masked NIP, as the ranking printed them (the proposal letter's). */
  readonly total?: number;
  readonly nip?: string;
}

/** What the PPK's choice reads of a ranking's canonical JSON (postRanking.ts's PostRankingResult). */
const rankedNames = z.object({
  ranked: z.array(z.object({ applicationId: z.string(), rank: z.int(), total: z.optional(z.number()) })),
  candidates: z.array(z.object({ applicationId: z.string(), name: z.string(), nip: z.optional(z.string()) })),
});

/** What the letters after the ranking read of a post's final ranking. */
export interface FinalRanking {
  readonly instansiId: string;
  readonly sha256: string;
  /** How many candidates the ranking ranked (eliminated ones not counted). */
  readonly ranked: number;
  /** How many MS candidates it read: computeRanking ranks the post's MS applications. */
  readonly candidates: number;
  readonly finalists: NamedFinalist[];
}

/**
 * A post's final ranking (`rankings/{sel}_{post}_pemeringkatan`) with its 3 besar, their ranks and
 * names; null when it is missing, not what computeRanking writes, or not lockable (a candidate
 * below quorum or a score still awaited: the 3 besar may still change).
 */
export function finalRankingOf(ranking: Readonly<Record<string, unknown>> | undefined): FinalRanking | null {
  const stored = storedRanking.safeParse(ranking);
  if (!stored.success || stored.data.stage !== "pemeringkatan" || !stored.data.lockable) return null;
  let result;
  try {
    result = rankedNames.safeParse(JSON.parse(stored.data.json));
  } catch {
    return null;
  }
  if (!result.success) return null;
  const { ranked, candidates } = result.data;
  const finalists = stored.data.finalists.flatMap((applicationId) => {
    const row = ranked.find((r) => r.applicationId === applicationId);
    const who = candidates.find((c) => c.applicationId === applicationId);
    if (!row || !who) return [];
    return [{ applicationId, rank: row.rank, name: who.name, total: row.total, nip: who.nip }];
  });
  return {
    instansiId: stored.data.instansiId,
    sha256: stored.data.sha256,
    ranked: ranked.length,
    candidates: candidates.length,
    finalists,
  };
}

/** The 3 besar of a post's final ranking; none when there is no final, lockable one. */
export function finalistsOf(ranking: Readonly<Record<string, unknown>> | undefined): NamedFinalist[] {
  return finalRankingOf(ranking)?.finalists ?? [];
}

/** Issues with the choice; empty when it may be recorded. */
export function checkPpkChoice(
  finalists: readonly Finalist[],
  choice: Pick<PpkChoiceInput, "applicationId" | "reason">,
): Issue[] {
  const chosen = finalists.find((f) => f.applicationId === choice.applicationId);
  if (!chosen) return [{ code: "err.ppk.notFinalist", field: "applicationId" }];
  // Rank, not position: two sharing first place by a tie no rule broke are both "the first".
  if (chosen.rank > 1 && choice.reason.trim().length < MIN_REASON) {
    return [{ code: "err.ppk.reasonRequired", field: "reason", params: { rank: chosen.rank, min: MIN_REASON } }];
  }
  return [];
}

export const REGION_KINDS = ["provinsi", "kabupaten", "kota"] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** The kind of region from the government's name as Seleksi stores it ("Pemerintah Kota Metro"). */
export function regionKindOf(instansiName: string): RegionKind | null {
  const name = instansiName.toLowerCase();
  if (/\bprovinsi\b/.test(name)) return "provinsi";
  if (/\bkabupaten\b/.test(name)) return "kabupaten";
  if (/\bkota\b/.test(name)) return "kota";
  return null;
}

/** The Sekda's post, by its name in the setup ("Sekretaris Daerah", "Sekda Kota Pontianak"). */
export function isSekdaPost(postName: string): boolean {
  return /\b(sekretaris daerah|sekda)\b/i.test(postName);
}

export type Consultation = { readonly needed: false } | { readonly needed: true; readonly cite: string };

export function governorConsultation(
  profile: Pick<RegulationProfile, "governorConsultation">,
  region: RegionKind | null,
  postName: string,
): Consultation {
  const rule = profile.governorConsultation;
  if (!rule || region === null || region === "provinsi" || !isSekdaPost(postName)) return { needed: false };
  return rule.sekdaOf.includes(region) ? { needed: true, cite: rule.cite } : { needed: false };
}
