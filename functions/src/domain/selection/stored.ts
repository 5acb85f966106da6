/**
 * A selection as stored in `selections/{id}`: the operator's setup plus the process fields that only
 * functions write (stage, publication, pending proposal, counters, recorded decisions).
 */
import { z } from "zod/mini";
import { STAGES } from "../stages.js";
import { SCHEDULED_STAGES, selectionSetup } from "./setup.js";
import { storedStageResult } from "../scoring/stageResultSchema.js";
import { SHORTFALL_DECISIONS } from "../regulation/profile.js";
import { parseWith } from "../validation.js";
import type { MessageKey } from "../i18n/messages.js";
import type { Finding } from "./checks.js";

const messageKey = z.custom<MessageKey>((v) => typeof v === "string" && /^(?:err|warn)\./.test(v));

/** An Issue as stored or sent (../issue.ts). */
export const issue = z.object({
  code: messageKey,
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  field: z.optional(z.string()),
});

/** A Finding as stored or sent: the warnings of a proposal, of an extension. */
export const finding = z.extend(issue, { severity: z.enum(["error", "warning"]), cite: z.optional(z.string()) });

const actor = z.object({ uid: z.string(), name: z.string(), role: z.string() });

/** selections/{id}/proposals/{proposalId}: a stage move proposed, then decided by someone else. */
export const proposalDoc = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  selectionTitle: z.string(),
  from: z.enum(STAGES),
  to: z.enum(STAGES),
  reason: z.string(),
  status: z.enum(["pending", "approved", "rejected"]),
  proposedBy: actor,
  proposedAt: z.string(),
  warnings: z.array(finding),
  decidedBy: z.nullable(actor),
  decidedAt: z.nullable(z.string()),
  decisionReason: z.string(),
  /** The setup the approver reviews; saves are refused while it is pending, and approval compares it. */
  setupRevision: z._default(z.int(), 0),
});
export type ProposalDoc = z.infer<typeof proposalDoc>;

export const pendingProposal = z.object({
  id: z.string(),
  from: z.enum(STAGES),
  to: z.enum(STAGES),
  proposedByName: z.string(),
  proposedAt: z.string(),
});
export type PendingProposal = z.infer<typeof pendingProposal>;

/** A letter on the record: the Minister's approval in an election period, a recommendation. */
/** The PPK's choice of one finalist of a post; a rank above 1 carries the PPK's written reason. */
export const storedPpkChoice = z.object({
  applicationId: z.string(),
  name: z.string(),
  rank: z.int(),
  reason: z.string(),
  chosenBy: z.string(),
  chosenByName: z.string(),
  chosenAt: z.string(),
});
export type StoredPpkChoice = z.infer<typeof storedPpkChoice>;

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
  /** Member scores expected but not submitted (declared, not recused, not yet locked): all stages. */
  unlockedScores: z.int(),
  /** The same per scoring stage (the component's stage), for the gate that leaves that stage. */
  unlockedScoresByStage: z.optional(z.record(z.string(), z.int())),
});
export type ProcessCounts = z.infer<typeof processCounts>;

export const ZERO_COUNTS: ProcessCounts = {
  applicantsPerPost: {},
  unverifiedApplications: 0,
  openObjections: 0,
  unlockedScores: 0,
};

/**
 * The administrative result once announced (issue 8): set by the approval that publishes it, its MS
 * list kept by accepted objections. The public projection shows it; the objection window is counted
 * from `publishedAt` (domain/applications/objection.ts).
 */
export const administrativeResult = z.object({
  publishedAt: z.string(),
  objectionClosesAtMs: z.number(),
  objectionLastDay: z.string(),
  /** The pengumuman hasil seleksi administrasi: documents/{documentId}. */
  documentId: z.string(),
  number: z.string(),
  /** Per post id (cancelled posts left out): the MS candidates, NIPs masked. */
  ms: z.record(z.string(), z.array(z.object({ name: z.string(), nip: z.string() }))),
});
export type AdministrativeResult = z.infer<typeof administrativeResult>;

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
  /** The governor's answer on the Sekda's three names (UU 23/2014 art. 214), when the profile asks for it. */
  governorConsultation: z._default(z.nullable(recordedLetter), null),
  /** The PPK's choice per post among its 3 besar, written only by choosePpk. */
  ppkChoices: z._default(z.record(z.string(), storedPpkChoice), {}),
  /** The current version of the selection's pengumuman, once issued. */
  announcementDocumentId: z._default(z.nullable(z.string()), null),
  /** Number of audit entries so far: the next entry's sequence number. */
  auditSeq: z._default(z.int(), 0),
  /** Bumped by every saveSetup: a save based on an older revision is a colleague's work overwritten. */
  setupRevision: z._default(z.int(), 0),
  administrativeResult: z._default(z.nullable(administrativeResult), null),
  /**
   * Which pansel members work on a post (uids, a subset of panselUids), set by assignPansel; a post
   * with no entry has the whole committee. The rules read it: a member sees the applicants of their posts only.
   */
  panselAssignments: z._default(z.record(z.string(), z.array(z.string())), {}),
  /** The current rekap version per ranking id (rankings/{id}), set by issueRekap. */
  rekapDocuments: z._default(z.record(z.string(), z.string()), {}),
  /** Per stage, its result as last published by publishStageResult (domain/scoring/stageResult.ts). */
  stageResults: z._default(z.partialRecord(z.enum(SCHEDULED_STAGES), storedStageResult), {}),
  /** The current berita acara version per stage, set by issueBeritaAcara. */
  minutesDocuments: z._default(z.record(z.string(), z.string()), {}),
  /** The current version of the letter proposing the 3 besar to the PPK, set by issueProposalLetter. */
  proposalDocumentId: z._default(z.nullable(z.string()), null),
  /** The current version of the final report to the national authority, set by issueFinalReport. */
  finalReportDocumentId: z._default(z.nullable(z.string()), null),
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
  setupRevision: 0,
  administrativeResult: null,
  panselAssignments: {},
  governorConsultation: null,
  ppkChoices: {},
  rekapDocuments: {},
  stageResults: {},
  minutesDocuments: {},
  proposalDocumentId: null,
  finalReportDocumentId: null,
} as const satisfies Partial<StoredSelection>;

/**
 * A stored selection, or why it cannot be read. A document that no longer fits the schema (written
 * by hand, or by an older version) must not make the selection vanish or every call on it fail
 * with INTERNAL: the finding names each broken field so the operator can repair it in the wizard.
 */
export type ReadSelection =
  | { readonly ok: true; readonly selection: StoredSelection }
  | { readonly ok: false; readonly findings: readonly Finding[] };

export function readSelection(data: unknown): ReadSelection {
  const parsed = parseWith(storedSelection, data);
  if (parsed.ok) return { ok: true, selection: parsed.value };
  const fields = [...new Set(parsed.issues.map((i) => i.field ?? ""))];
  return {
    ok: false,
    findings: fields.map((field) => ({
      severity: "error",
      code: "err.setup.corrupt",
      field,
      params: { field: field || "-" },
    })),
  };
}
