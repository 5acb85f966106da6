/**
 * The public projection of a selection: what anonymous readers and candidates may see, kept by a
 * function in `publicSelections/{id}` (the list card, small) and `publicSelections/{id}/detail/main`
 * (requirements, legal basis, contact: read by the selection page only). Fields are picked one by
 * one, never spread: whatever the process adds to the internal document later (proposals, counts,
 * decisions, pansel accounts) stays out until someone decides it is public.
 */
import { z } from "zod/mini";
import { JPT_LEVELS } from "../schemas/documents.js";
import { STAGES } from "../stages.js";
import { contact, postRequirements, PUBLISH_SCORES, schedule, SCHEDULED_STAGES } from "../selection/setup.js";
import { publishedCandidate } from "../scoring/stageResultSchema.js";
import type { StoredSelection } from "../selection/stored.js";
import { registrationClosesAtMs, type IndonesianZone } from "../applications/window.js";
import { openToRule, type OpenToRule } from "../eligibility/openTo.js";

/**
 * Who may apply, without the further conditions (those are in the detail): what a candidate's list
 * needs to put the selections open to them first (eligibility/openTo.ts `isOpenTo`), kept small.
 */
const openToScope = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("instansi"), instansiName: z.string() }),
  z.object({ scope: z.literal("province"), province: z.string() }),
  z.object({ scope: z.literal("national") }),
]);
export type OpenToScope = z.infer<typeof openToScope>;

/** The rule `isOpenTo` takes, from the summary's scope: the conditions are never computed anyway. */
export const ruleOfScope = (scope: OpenToScope): OpenToRule => ({ ...scope, conditions: [] });

function scopeOf(rule: OpenToRule): OpenToScope {
  switch (rule.scope) {
    case "instansi":
      return { scope: "instansi", instansiName: rule.instansiName };
    case "province":
      return { scope: "province", province: rule.province };
    case "national":
      return { scope: "national" };
  }
}

export const publicSelection = z.object({
  instansiId: z.string(),
  instansiName: z.string(),
  province: z.nullable(z.string()),
  title: z.string(),
  year: z.int(),
  stage: z.enum(STAGES),
  announcedAt: z.nullable(z.string()),
  posts: z.array(z.object({ id: z.string(), name: z.string(), opd: z.string(), level: z.enum(JPT_LEVELS) })),
  /** The posts' levels, once each: the list's level filter is an array-contains query (listing.ts). */
  levels: z._default(z.array(z.enum(JPT_LEVELS)), []),
  /** Null when the setup has no rule yet: a candidate's list then cannot tell. */
  openToScope: z._default(z.nullable(openToScope), null),
  schedule,
  /**
   * The instant registration closes (end of its last day in the government's zone), for the
   * countdown and for the security rules that refuse uploads after it by the server's clock.
   */
  registrationClosesAtMs: z._default(z.nullable(z.number()), null),
  /** The current pengumuman: its number and the verification page it opens. */
  document: z.nullable(z.object({ number: z.string(), link: z.string() })),
  /**
   * The administrative result once announced: per post (cancelled ones left out) the MS candidates
   * with masked NIPs, the pengumuman's link and the end of the objection window. Never a TMS name,
   * never a reason: those reach each candidate privately, in their application.
   */
  administrativeResult: z._default(
    z.nullable(
      z.object({
        publishedAt: z.string(),
        objectionClosesAtMs: z.number(),
        objectionLastDay: z.string(),
        document: z.object({ number: z.string(), link: z.string() }),
        posts: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            candidates: z.array(z.object({ name: z.string(), nip: z.string() })),
          }),
        ),
      }),
    ),
    null,
  ),
});
export type PublicSelection = z.infer<typeof publicSelection>;

export const publicSelectionDetail = z.object({
  instansiId: z.string(),
  /** As printed: the operator's sentence, or one made from the rule when they left it empty (openToText.ts). */
  openTo: z.string(),
  openToRule: z._default(z.nullable(openToRule), null),
  referenceDate: z.string(),
  legalBasis: z.array(z.string()),
  contact,
  /** Per post id, as printed in the announcement. */
  requirements: z.record(z.string(), postRequirements),
  /** For the candidate's live eligibility check: the rule set. */
  regulationProfileId: z._default(z.string(), ""),
  /**
   * Each stage's result once announced (publishStageResult), in the process's order: per live post
   * those who go on, masked NIPs, scores only as the plan publishes them. Never an eliminated name.
   * In the detail, not the list card: the list stays small however many stages were announced.
   */
  stageResults: z._default(
    z.array(
      z.object({
        stage: z.enum(SCHEDULED_STAGES),
        final: z.boolean(),
        publishedAt: z.string(),
        publishScores: z.enum(PUBLISH_SCORES),
        /** The components the standings include: an interim result says which. */
        components: z.array(z.string()),
        document: z.object({ number: z.string(), link: z.string() }),
        posts: z.array(z.object({ id: z.string(), name: z.string(), candidates: z.array(publishedCandidate) })),
      }),
    ),
    [],
  ),
});
export type PublicSelectionDetail = z.infer<typeof publicSelectionDetail>;

export interface PublicProjection {
  readonly summary: PublicSelection;
  readonly detail: PublicSelectionDetail;
}

/** What the trigger reads besides the selection: the government's province, the pengumuman's number. */
export interface ProjectionContext {
  readonly province?: string | null;
  /** The government's zone; deadlines are dates there. */
  readonly timeZone?: IndonesianZone;
  readonly announcement?: { readonly documentId: string; readonly number: string } | null;
  /**
   * The printed "open to" sentence (eligibility/openToText.ts), made by the trigger, which has the
   * catalogue; by default the operator's own text.
   */
  readonly openToText?: string;
}

/**
 * The projection of a selection, or null when it must not be public (a draft, a selection never
 * announced, a deleted one). A cancelled selection keeps `public` when it had been announced, so it
 * stays, with its stage "dibatalkan": candidates learn it was cancelled.
 */
export function publicProjectionOf(
  selection: StoredSelection | undefined,
  context: ProjectionContext = {},
): PublicProjection | null {
  if (!selection || !selection.public) return null;
  const announcement = context.announcement ?? null;
  return {
    summary: {
      instansiId: selection.instansiId,
      instansiName: selection.instansiName,
      province: context.province ?? null,
      title: selection.title,
      year: selection.year,
      stage: selection.stage,
      announcedAt: selection.announcedAt,
      posts: selection.posts.map((p) => ({ id: p.id, name: p.name, opd: p.opd, level: p.level })),
      levels: JPT_LEVELS.filter((level) => selection.posts.some((p) => p.level === level)),
      openToScope: selection.openToRule ? scopeOf(selection.openToRule) : null,
      schedule: selection.schedule,
      registrationClosesAtMs: registrationClosesAtMs(selection.schedule, context.timeZone ?? "Asia/Jakarta"),
      document: announcement ? { number: announcement.number, link: `/verifikasi/${announcement.documentId}` } : null,
      administrativeResult: publishedResult(selection),
    },
    detail: {
      instansiId: selection.instansiId,
      openTo: context.openToText ?? selection.openTo,
      openToRule: selection.openToRule,
      referenceDate: selection.referenceDate,
      legalBasis: selection.legalBasis,
      contact: selection.contact,
      requirements: Object.fromEntries(selection.posts.map((p) => [p.id, p.requirements])),
      regulationProfileId: selection.regulationProfileId,
      stageResults: publishedStageResults(selection),
    },
  };
}

function publishedResult(selection: StoredSelection): PublicSelection["administrativeResult"] {
  const result = selection.administrativeResult;
  if (!result) return null;
  return {
    publishedAt: result.publishedAt,
    objectionClosesAtMs: result.objectionClosesAtMs,
    objectionLastDay: result.objectionLastDay,
    document: { number: result.number, link: `/verifikasi/${result.documentId}` },
    posts: selection.posts.flatMap((p) => {
      const candidates = result.ms[p.id];
      // Names and masked NIPs only, picked field by field.
      return candidates
        ? [{ id: p.id, name: p.name, candidates: candidates.map((c) => ({ name: c.name, nip: c.nip })) }]
        : [];
    }),
  };
}

function publishedStageResults(selection: StoredSelection): PublicSelectionDetail["stageResults"] {
  return SCHEDULED_STAGES.flatMap((stage) => {
    const result = selection.stageResults[stage];
    if (!result) return [];
    return [
      {
        stage,
        final: result.final,
        publishedAt: result.publishedAt,
        publishScores: result.publishScores,
        components: result.components.map((c) => c.label),
        document: { number: result.number, link: `/verifikasi/${result.documentId}` },
        posts: selection.posts.flatMap((p) => {
          const candidates = result.posts[p.id];
          // Picked field by field, as published: a field added to the stored rows stays out.
          return candidates
            ? [
                {
                  id: p.id,
                  name: p.name,
                  candidates: candidates.map((c) => ({
                    name: c.name,
                    nip: c.nip,
                    rank: c.rank,
                    total: c.total,
                    points: c.points,
                  })),
                },
              ]
            : [];
        }),
      },
    ];
  });
}
