/**
 * A selection as stored in `selections/{id}`: the operator's setup plus the process fields that only
 * functions write (stage, publication, pending proposal, counters, recorded decisions).
 */
import { z } from "zod/mini";
import { STAGES } from "../stages.js";
import { selectionSetup } from "./setup.js";
import { SHORTFALL_DECISIONS } from "../regulation/profile.js";

export const pendingProposal = z.object({
  id: z.string(),
  from: z.enum(STAGES),
  to: z.enum(STAGES),
  proposedByName: z.string(),
  proposedAt: z.string(),
});
export type PendingProposal = z.infer<typeof pendingProposal>;

/** A letter on the record: the Minister's approval in an election period, a recommendation. */
export const recordedLetter = z.object({
  letterNumber: z.string().check(z.trim(), z.minLength(3, { error: "err.input.invalid" }), z.maxLength(200)),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "err.input.invalid" })),
});
export type RecordedLetter = z.infer<typeof recordedLetter>;

/** Kept up to date by the functions that handle applications, verification, objections and scores. */
export const processCounts = z.object({
  applicantsPerPost: z.record(z.string(), z.int()),
  unverifiedApplications: z.int(),
  openObjections: z.int(),
  unlockedScores: z.int(),
});
export type ProcessCounts = z.infer<typeof processCounts>;

export const ZERO_COUNTS: ProcessCounts = {
  applicantsPerPost: {},
  unverifiedApplications: 0,
  openObjections: 0,
  unlockedScores: 0,
};

export const storedSelection = z.extend(selectionSetup, {
  instansiId: z.string(),
  instansiName: z.string(),
  stage: z.enum(STAGES),
  /** Derived from the stage by the functions: announced selections are readable by anyone. */
  public: z.boolean(),
  /** ISO date-time of the announcement; orders the public list. */
  announcedAt: z.nullable(z.string()),
  /** uids of pansel members with accounts, for the rules and the pansel's own list. */
  panselUids: z.array(z.string()),
  pendingProposal: z._default(z.nullable(pendingProposal), null),
  counts: z._default(processCounts, ZERO_COUNTS),
  /** Registration extensions granted per post (the regulation caps them). */
  extensions: z._default(z.record(z.string(), z.int()), {}),
  /** Recorded decision for a post still short of applicants after the last extension. */
  postDecisions: z._default(z.record(z.string(), z.enum(SHORTFALL_DECISIONS)), {}),
  electionApproval: z._default(z.nullable(recordedLetter), null),
  recommendation: z._default(z.nullable(recordedLetter), null),
  /** The current version of the selection's pengumuman, once issued. */
  announcementDocumentId: z._default(z.nullable(z.string()), null),
  /** Number of audit entries so far: the next entry's sequence number. */
  auditSeq: z._default(z.int(), 0),
});
export type StoredSelection = z.infer<typeof storedSelection>;

/** The process fields of a selection that has just been created: nothing proposed, counted or issued. */
export const INITIAL_PROCESS = {
  pendingProposal: null,
  counts: ZERO_COUNTS,
  extensions: {},
  postDecisions: {},
  electionApproval: null,
  recommendation: null,
  announcementDocumentId: null,
  auditSeq: 0,
} as const satisfies Partial<StoredSelection>;
