/**
 * Conflicts of interest and quorum. Before a member sees any candidate of a post, they declare per
 * candidate a family tie, a direct superior/subordinate relation, another conflict (with a note), or
 * none. A conflicted member is recused from that candidate: they neither score nor see the scores.
 *
 * Quorum: each candidate-component needs at least `plan.quorum` members able to score it, by default
 * a majority of the members assigned to the post (3 of 5). Recusals can take a candidate below it (3
 * of 5 recused from the Sekda's brother-in-law): that candidate is flagged and blocks locking until
 * the committee resolves it (another member assigned, or a decision in the minutes).
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import type { ScoringPlan } from "../selection/setup.js";
import { compareText } from "./aggregate.js";

export const CONFLICT_KINDS = ["none", "family", "superiorSubordinate", "other"] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const conflictEntry = z.object({
  applicationId: z.string().check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(200)),
  kind: z.enum(CONFLICT_KINDS),
  note: z._default(z.string().check(z.trim(), z.maxLength(1000, { error: "err.conflict.noteLong" })), ""),
});
export type ConflictEntry = z.infer<typeof conflictEntry>;

/** One member's declaration for one post: `conflicts/{selectionId}_{postId}_{memberUid}`, by functions only. */
export const storedConflicts = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  postId: z.string(),
  memberUid: z.string(),
  entries: z.array(conflictEntry).check(z.maxLength(500)),
  /** The same entries as applicationId → kind: the rules look a candidate up in one read. */
  kinds: z.record(z.string(), z.enum(CONFLICT_KINDS)),
  declaredAt: z.string(),
  /** When the member last added candidates who became MS after `declaredAt` (an accepted objection). */
  amendedAt: z.optional(z.string()),
});
export type StoredConflicts = z.infer<typeof storedConflicts>;

export function kindsOf(entries: readonly ConflictEntry[]): Record<string, ConflictKind> {
  return Object.fromEntries(entries.map((e) => [e.applicationId, e.kind]));
}

export function conflictsId(selectionId: string, postId: string, memberUid: string): string {
  return `${selectionId}_${postId}_${memberUid}`;
}

/** A note long enough to say who is related to whom ("adik ipar", "mantan atasan langsung"). */
const MIN_OTHER_NOTE = 5;

/**
 * Checks a declaration against the post's candidates: every candidate exactly once (a member cannot
 * skip one and score them later), no one else, and a note for "other". `declared` are the candidates
 * the member already declared on for this post: a later declaration covers exactly the others (those
 * who became MS since), and naming a declared one again is refused, so a member who has seen scores
 * cannot change what they said.
 */
export function validateDeclaration(
  candidates: readonly string[],
  entries: readonly ConflictEntry[],
  declared: ReadonlySet<string> = new Set(),
): Issue[] {
  const issues: Issue[] = [];
  const pending = candidates.filter((c) => !declared.has(c));
  const expected = new Set(pending);
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const field = `entries.${i}`;
    if (declared.has(entry.applicationId)) {
      issues.push({ code: "err.conflict.alreadyDeclared", field, params: { applicationId: entry.applicationId } });
    } else if (!expected.has(entry.applicationId)) {
      issues.push({ code: "err.conflict.notCandidate", field, params: { applicationId: entry.applicationId } });
    } else if (seen.has(entry.applicationId)) {
      issues.push({ code: "err.conflict.duplicate", field, params: { applicationId: entry.applicationId } });
    }
    seen.add(entry.applicationId);
    if (entry.kind === "other" && entry.note.trim().length < MIN_OTHER_NOTE) {
      issues.push({ code: "err.conflict.noteRequired", field: `${field}.note`, params: { min: MIN_OTHER_NOTE } });
    }
  });
  const missing = pending.filter((c) => !seen.has(c));
  if (missing.length > 0)
    issues.push({ code: "err.conflict.incomplete", field: "entries", params: { count: missing.length } });
  return issues;
}

/** The post's candidates a member has not declared on yet (all of them before a first declaration). */
export function undeclaredCandidates(
  candidates: readonly string[],
  kinds: Readonly<Record<string, ConflictKind>> | undefined,
): string[] {
  return candidates.filter((c) => kinds?.[c] === undefined);
}

/**
 * A declaration extended with candidates who became MS after it: the earlier entries kept as they
 * were (the rules and the ranking read `kinds`), the new ones added, the first `declaredAt` kept.
 */
export function extendDeclaration(
  prior: StoredConflicts,
  entries: readonly ConflictEntry[],
  at: string,
): StoredConflicts {
  const all = [...prior.entries, ...entries];
  return { ...prior, entries: all, kinds: kindsOf(all), amendedAt: at };
}

/** Recusals as "memberUid applicationId" pairs: a declared conflict of any kind but none. */
export function recusals(declarations: readonly Pick<StoredConflicts, "memberUid" | "entries">[]): Set<string> {
  const out = new Set<string>();
  for (const d of declarations) {
    for (const e of d.entries) if (e.kind !== "none") out.add(recusalKey(d.memberUid, e.applicationId));
  }
  return out;
}

export function recusalKey(memberUid: string, applicationId: string): string {
  return `${memberUid} ${applicationId}`;
}

/** A member may open a candidate only after declaring for the post, and never when recused. */
export function mayScore(
  memberUid: string,
  applicationId: string,
  declaration: Pick<StoredConflicts, "entries"> | undefined,
): "ok" | "undeclared" | "recused" {
  const entry = declaration?.entries.find((e) => e.applicationId === applicationId);
  if (!entry) return "undeclared";
  return entry.kind === "none" ? "ok" : "recused";
}

/** Members who must be able to score: the plan's quorum, else a majority of those assigned. */
export function requiredQuorum(plan: Pick<ScoringPlan, "quorum">, assigned: number): number {
  return plan.quorum ?? Math.floor(assigned / 2) + 1;
}

export type QuorumStatus = "belowQuorum" | "undeclared" | "awaiting" | "complete";

export interface QuorumRow {
  readonly applicationId: string;
  readonly componentId: string;
  readonly required: number;
  /** Assigned members who declared no conflict with this candidate: those who can score now. */
  readonly eligible: number;
  /** Assigned members who have not declared on this candidate yet (it became MS after they declared). */
  readonly undeclared: number;
  readonly submitted: number;
  /**
   * belowQuorum: too few can score, even if every undeclared member declares none; undeclared: a
   * member must declare first; awaiting: some who can have not submitted; complete.
   */
  readonly status: QuorumStatus;
}

/**
 * Per candidate and pansel-scored component of a post: can it be locked? `submitted` are the
 * "memberUid applicationId componentId" triples of submitted scores (a recused member's score, which
 * the rules never let in, would not count). Sorted by candidate, then the plan's component order.
 */
export function quorumReport(input: {
  readonly plan: ScoringPlan;
  readonly assigned: readonly string[];
  readonly candidates: readonly string[];
  readonly recused: ReadonlySet<string>;
  /**
   * The "memberUid applicationId" pairs a member declared on (any kind). Without it every member not
   * recused counts as able to score; with it, a member who has not declared on a candidate is not yet.
   */
  readonly declared?: ReadonlySet<string>;
  readonly submitted: readonly { memberUid: string; applicationId: string; componentId: string }[];
}): QuorumRow[] {
  const { plan, assigned, recused } = input;
  const members = new Set(assigned);
  const required = requiredQuorum(plan, members.size);
  const done = new Set<string>();
  for (const s of input.submitted) {
    if (members.has(s.memberUid) && !recused.has(recusalKey(s.memberUid, s.applicationId))) {
      done.add(`${s.memberUid} ${s.applicationId} ${s.componentId}`);
    }
  }
  const rows: QuorumRow[] = [];
  for (const applicationId of [...new Set(input.candidates)].sort(compareText)) {
    const notRecused = [...members].filter((m) => !recused.has(recusalKey(m, applicationId)));
    const declared = input.declared;
    const able = declared ? notRecused.filter((m) => declared.has(recusalKey(m, applicationId))) : notRecused;
    const undeclared = notRecused.length - able.length;
    for (const component of plan.components) {
      if (component.imported) continue; // no member scores it: nothing to reach a quorum
      const submitted = able.filter((m) => done.has(`${m} ${applicationId} ${component.id}`)).length;
      const status: QuorumStatus =
        notRecused.length < required
          ? "belowQuorum"
          : undeclared > 0
            ? "undeclared"
            : submitted < able.length
              ? "awaiting"
              : "complete";
      rows.push({
        applicationId,
        componentId: component.id,
        required,
        eligible: able.length,
        undeclared,
        submitted,
        status,
      });
    }
  }
  return rows;
}

/** What blocks locking a post's scores: every row not complete. */
export function lockBlockers(rows: readonly QuorumRow[]): QuorumRow[] {
  return rows.filter((r) => r.status !== "complete");
}
