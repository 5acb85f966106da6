/**
 * One post's ranking after a stage, from what is stored: the MS applications, the members' submitted
 * scores, the imported assessment results and the conflict declarations. What the computeRanking
 * callable writes to `rankings/{selectionId}_{postId}_{stage}` and the rekap PDF prints.
 *
 * - Only submitted scores of members assigned to the post count, and never a recused member's: a
 *   conflicted member's score must not move the candidate (a score that got in by a bug or a reopened
 *   declaration is dropped here too, and counted in `dropped`).
 * - The components are those scored at or before the stage; an earlier stage gives an interim
 *   ranking that names them. The 3 besar are proposed only in the final ranking ("pemeringkatan").
 * - Quorum and lock blockers (conflicts.ts), rater-spread flags (spread.ts) and the members' scores
 *   per candidate-component (for the dot plot) go with it, so the committee sees why it cannot lock.
 *
 * The result is serialised with sorted keys (`canonicalJson`): the same stored scores give the same
 * bytes, hence the same SHA-256, whatever order the reads returned them in.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import { maskNip } from "../nip.js";
import { requestId } from "../selection/process.js";
import { SCHEDULED_STAGES, type ScheduledStage, type ScoringPlan } from "../selection/setup.js";
import { compareText, type Mark } from "./aggregate.js";
import { lockBlockers, quorumReport, recusalKey, requiredQuorum, type QuorumRow } from "./conflicts.js";
import { rank, type EliminatedRow, type RankedRow } from "./ranking.js";
import type { ScoreEntry } from "./score.js";
import { fullMarks, validateScore } from "./score.js";
import { spreadFlags, type SpreadReport } from "./spread.js";
import { roundQuotient } from "./exact.js";

export const FINAL_STAGE = "pemeringkatan" satisfies ScheduledStage;

const docId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }));
const postIdField = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" }));

/** computeRanking and issueRekap take the same input: a post and the stage its ranking is after. */
export const rankingRequest = z.object({
  requestId,
  selectionId: docId,
  postId: postIdField,
  stage: z.enum(SCHEDULED_STAGES, { error: "err.input.invalid" }),
});
export type RankingRequest = z.output<typeof rankingRequest>;

export function rankingId(selectionId: string, postId: string, stage: string): string {
  return `${selectionId}_${postId}_${stage}`;
}

/**
 * The components a ranking after `stage` includes, in the plan's order: those scored at or before
 * it. The stage must be one where the plan scores something, or the final ranking.
 */
export function componentsUpTo(plan: ScoringPlan, stage: ScheduledStage): { ok: true; ids: string[] } | Issue {
  const at = SCHEDULED_STAGES.indexOf(stage);
  if (stage !== FINAL_STAGE && !plan.components.some((c) => c.stage === stage)) {
    return { code: "err.ranking.notScoringStage", params: { stage } };
  }
  const ids = plan.components.filter((c) => SCHEDULED_STAGES.indexOf(c.stage) <= at).map((c) => c.id);
  return { ok: true, ids };
}

export interface RankingSources {
  readonly plan: ScoringPlan;
  readonly selectionId: string;
  readonly postId: string;
  readonly stage: ScheduledStage;
  /** Members working on the post (the assignment, or the whole committee), with their names. */
  readonly members: readonly { readonly uid: string; readonly name: string }[];
  /** The post's MS applications; any others are left out. */
  readonly applications: readonly {
    readonly applicationId: string;
    readonly postId: string;
    readonly status: string;
    readonly name: string;
    readonly nip: string;
  }[];
  readonly scores: readonly (ScoreEntry & {
    readonly applicationId: string;
    readonly componentId: string;
    readonly memberUid: string;
    readonly status: string;
  })[];
  readonly imported: readonly {
    readonly applicationId: string;
    readonly componentId: string;
    readonly marks: number;
  }[];
  readonly conflicts: readonly {
    readonly memberUid: string;
    readonly entries: readonly { readonly applicationId: string; readonly kind: string }[];
  }[];
}

/** A candidate-component's members' scores, 0–100 in hundredths, in the order of `members`; null: none. */
export interface DotRow {
  readonly applicationId: string;
  readonly componentId: string;
  readonly scores: readonly (number | null)[];
  readonly flagged: boolean;
}

export interface PostRankingResult {
  readonly selectionId: string;
  readonly postId: string;
  readonly stage: ScheduledStage;
  readonly final: boolean;
  readonly interim: boolean;
  readonly components: readonly {
    readonly id: string;
    readonly label: string;
    readonly weight: number;
    readonly stage: ScheduledStage;
    readonly imported: boolean;
  }[];
  /** Sorted by application id; NIPs masked, as every screen and document shows them. */
  readonly candidates: readonly { readonly applicationId: string; readonly name: string; readonly nip: string }[];
  readonly members: readonly { readonly uid: string; readonly name: string }[];
  readonly tieBreak: { readonly components: readonly string[]; readonly final: string };
  readonly ranked: readonly RankedRow[];
  readonly eliminated: readonly EliminatedRow[];
  /** The 3 besar (final ranking only). */
  readonly finalists: readonly string[];
  readonly finalistsTied: boolean;
  /** How many go on after this stage (the plan's advancePerPost of its components), or the finalists. */
  readonly cutoff: number | null;
  readonly quorum: number;
  /** Below quorum or awaiting a score or an import: the ranking stands, but cannot be locked. */
  readonly blockers: readonly QuorumRow[];
  readonly lockable: boolean;
  readonly spread: SpreadReport;
  readonly dots: readonly DotRow[];
  /** Stored scores that did not count, by why. */
  readonly dropped: { readonly recused: number; readonly notAssigned: number; readonly invalid: number };
}

export function computePostRanking(src: RankingSources): PostRankingResult | Issue {
  const { plan, postId, stage } = src;
  const upTo = componentsUpTo(plan, stage);
  if (!("ok" in upTo)) return upTo;
  const included = new Set(upTo.ids);
  const components = plan.components.filter((c) => included.has(c.id));
  const byId = new Map(components.map((c) => [c.id, c]));
  const final = stage === FINAL_STAGE;

  const applications = src.applications
    .filter((a) => a.postId === postId && a.status === "ms")
    .sort((a, b) => compareText(a.applicationId, b.applicationId));
  const candidateIds = new Set(applications.map((a) => a.applicationId));
  const members = [...src.members].sort((a, b) => compareText(a.uid, b.uid));
  const assigned = new Set(members.map((m) => m.uid));
  // Any declared kind but "none" recuses (conflicts.ts `recusals`), whatever else the entry says.
  const recused = new Set<string>();
  // Who declared on whom: a candidate who became MS after a member declared waits for that member.
  const declared = new Set<string>();
  for (const c of src.conflicts) {
    for (const e of c.entries) {
      const key = recusalKey(c.memberUid, e.applicationId);
      declared.add(key);
      if (e.kind !== "none") recused.add(key);
    }
  }

  const dropped = { recused: 0, notAssigned: 0, invalid: 0 };
  const memberMarks: Mark[] = [];
  const submitted: { memberUid: string; applicationId: string; componentId: string }[] = [];
  for (const s of src.scores) {
    const component = byId.get(s.componentId);
    if (s.status !== "submitted" || !component || component.imported || !candidateIds.has(s.applicationId)) continue;
    if (!assigned.has(s.memberUid)) {
      dropped.notAssigned++;
      continue;
    }
    if (recused.has(recusalKey(s.memberUid, s.applicationId))) {
      dropped.recused++;
      continue;
    }
    // The marks are recomputed from the levels against the plan: a stored figure is never trusted.
    const check = validateScore(plan, s.componentId, { levels: s.levels, value: s.value, note: s.note }, "submit");
    if (!check.ok || check.marks === null) {
      dropped.invalid++;
      continue;
    }
    memberMarks.push({
      applicationId: s.applicationId,
      componentId: s.componentId,
      memberUid: s.memberUid,
      marks: check.marks,
    });
    submitted.push({ memberUid: s.memberUid, applicationId: s.applicationId, componentId: s.componentId });
  }
  const importedMarks: Mark[] = [];
  const importedCells = new Set<string>();
  for (const i of src.imported) {
    const component = byId.get(i.componentId);
    if (!component?.imported || !candidateIds.has(i.applicationId)) continue;
    const full = fullMarks(component);
    if (!(Number.isSafeInteger(i.marks) && i.marks >= 0 && i.marks <= full)) {
      dropped.invalid++;
      continue;
    }
    importedMarks.push({
      applicationId: i.applicationId,
      componentId: i.componentId,
      memberUid: "import",
      marks: i.marks,
    });
    importedCells.add(`${i.applicationId} ${i.componentId}`);
  }

  const ranking = rank({
    plan,
    posts: [{ id: postId }],
    candidates: applications.map((a) => ({ applicationId: a.applicationId, postId, nip: a.nip })),
    marks: [...memberMarks, ...importedMarks],
    components: upTo.ids,
  });
  const post = ranking.posts[0]!;

  const candidateList = applications.map((a) => a.applicationId);
  const quorumRows = quorumReport({
    plan,
    assigned: members.map((m) => m.uid),
    candidates: candidateList,
    recused,
    declared,
    submitted,
  }).filter((r) => included.has(r.componentId));
  const required = requiredQuorum(plan, assigned.size);
  // An imported component not yet in is awaited too: locking before the assessment report makes no sense.
  const importRows: QuorumRow[] = [];
  for (const applicationId of candidateList) {
    for (const c of components) {
      if (!c.imported || importedCells.has(`${applicationId} ${c.id}`)) continue;
      importRows.push({
        applicationId,
        componentId: c.id,
        required: 1,
        eligible: 1,
        undeclared: 0,
        submitted: 0,
        status: "awaiting",
      });
    }
  }
  const order = new Map(components.map((c, i) => [c.id, i]));
  const blockers = [...lockBlockers(quorumRows), ...importRows].sort(
    (a, b) => compareText(a.applicationId, b.applicationId) || order.get(a.componentId)! - order.get(b.componentId)!,
  );

  const spread = spreadFlags(plan, memberMarks);
  const flaggedCells = new Set(spread.cells.map((c) => `${c.applicationId} ${c.componentId}`));
  const memberIndex = new Map(members.map((m, i) => [m.uid, i]));
  const dotCells = new Map<string, (number | null)[]>();
  for (const m of memberMarks) {
    const key = `${m.applicationId} ${m.componentId}`;
    let row = dotCells.get(key);
    if (!row) dotCells.set(key, (row = members.map(() => null)));
    row[memberIndex.get(m.memberUid)!] = roundQuotient(m.marks * 10_000, fullMarks(byId.get(m.componentId)!));
  }
  const dots: DotRow[] = [];
  for (const applicationId of candidateList) {
    for (const c of components) {
      const scores = dotCells.get(`${applicationId} ${c.id}`);
      if (!scores) continue;
      dots.push({ applicationId, componentId: c.id, scores, flagged: flaggedCells.has(`${applicationId} ${c.id}`) });
    }
  }

  const advance = components
    .filter((c) => c.stage === stage && c.advancePerPost !== undefined)
    .map((c) => c.advancePerPost!);
  return {
    selectionId: src.selectionId,
    postId,
    stage,
    final,
    interim: !final,
    components: components.map((c) => ({
      id: c.id,
      label: c.label,
      weight: c.weight,
      stage: c.stage,
      imported: c.imported !== undefined,
    })),
    candidates: applications.map((a) => ({ applicationId: a.applicationId, name: a.name, nip: maskNip(a.nip) })),
    members: members.map((m) => ({ uid: m.uid, name: m.name })),
    tieBreak: ranking.tieBreak,
    ranked: post.ranked,
    eliminated: post.eliminated,
    finalists: final ? post.finalists : [],
    finalistsTied: final && post.finalistsTied,
    cutoff: final ? plan.finalistsPerPost : advance.length > 0 ? Math.min(...advance) : null,
    quorum: required,
    blockers,
    lockable: blockers.length === 0 && applications.length > 0,
    spread,
    dots,
    dropped,
  };
}

/** JSON with every object's keys sorted: the same value gives the same bytes in any runtime. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareText(a, b)))
      : v,
  );
}

/** `rankings/{selectionId}_{postId}_{stage}`, written only by computeRanking. */
export const storedRanking = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  postId: z.string(),
  stage: z.enum(SCHEDULED_STAGES),
  /** The PostRankingResult as canonical JSON, and the SHA-256 of its UTF-8 bytes. */
  json: z.string(),
  sha256: z.string(),
  components: z.array(z.string()),
  finalists: z.array(z.string()),
  blockers: z.int(),
  lockable: z.boolean(),
  computedAt: z.string(),
  computedBy: z.object({ uid: z.string(), name: z.string(), role: z.string() }),
});
export type StoredRanking = z.infer<typeof storedRanking>;

/** The elimination as a sentence key and its parameters, for the screen and the rekap. */
export function eliminationText(
  reason: EliminatedRow["reason"],
  componentLabel: (id: string) => string,
): {
  key: "ranking.out.missed" | "ranking.out.belowMin" | "ranking.out.notAdvanced";
  params: Record<string, string | number>;
} {
  switch (reason.code) {
    case "missedComponent":
      return { key: "ranking.out.missed", params: { component: componentLabel(reason.componentId) } };
    case "belowMinScore":
      return {
        key: "ranking.out.belowMin",
        params: {
          component: componentLabel(reason.componentId),
          score: hundredths(reason.score),
          min: reason.minScore,
        },
      };
    case "notAdvanced":
      return { key: "ranking.out.notAdvanced", params: { rank: reason.rank, advance: reason.advance } };
  }
}

/** 8750 → "87,50" (Indonesian decimal comma) or "87.50". */
export function hundredths(value: number, decimal: "," | "." = ","): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}${decimal}${String(abs % 100).padStart(2, "0")}`;
}
