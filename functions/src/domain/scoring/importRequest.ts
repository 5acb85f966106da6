/**
 * The operator's import of an assessment-centre report (the `importAssessment` callable): its input
 * and answer, shared by the screen and the function, and the checks on the selection that come before
 * the file is read. The file itself is read by `previewAssessmentImport` (./assessmentImport.ts), on
 * the server for both the preview and the commit: rows a client parsed are never trusted.
 */
import { z } from "zod/mini";
import type { Issue } from "../issue.js";
import { STAGES, type Stage } from "../stages.js";
import type { StoredSelection } from "../selection/stored.js";
import type { ScoringComponent } from "../selection/setup.js";

/** A report of a few hundred candidates is some kilobytes; a megabyte is a wrong file. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** UTF-8 bytes, as the spreadsheet saved them (the limit is the file's, not the characters'). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * A spreadsheet (.xlsx), a PDF or an image read as text: NULs, other control characters or the
 * replacement character a decoder puts for bytes that are not UTF-8. A CSV has none of them.
 */
export function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.test(text);
}

/** The character count first, so a 100 MB string is not encoded to be measured. */
function withinLimit(text: string): boolean {
  return text.length <= MAX_IMPORT_BYTES && utf8Bytes(text) <= MAX_IMPORT_BYTES;
}

const ref = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" }));
const slug = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" }));

export const importAssessmentInput = z.object({
  selectionId: ref,
  postId: slug,
  componentId: slug,
  csvText: z.string().check(
    z.refine(withinLimit, { error: "err.import.tooLarge" }),
    // One error per file: a large binary file is reported as too large only.
    z.refine((t: string) => !withinLimit(t) || !looksBinary(t), { error: "err.import.binary" }),
  ),
  defaults: z._default(
    z.object({
      date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "err.import.defaultDate" }))),
      source: z.optional(z.string().check(z.trim(), z.maxLength(300, { error: "err.import.sourceLong" }))),
    }),
    {},
  ),
  mode: z.enum(["preview", "commit"], { error: "err.input.invalid" }),
  /** Commit the accepted rows of a file that also has rejected ones (the operator has seen them). */
  skipRejected: z._default(z.boolean(), false),
  /** Replace this post's results of this component imported before (audited as a replacement). */
  replace: z._default(z.boolean(), false),
  requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "err.input.invalid" })),
});
export type ImportAssessmentInput = z.output<typeof importAssessmentInput>;

/** At most this many rejected lines travel back; the count says how many there were. */
export const MAX_REJECTED_LISTED = 200;

const issueShape = z.object({
  code: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

export const importAssessmentOutput = z.object({
  mode: z.enum(["preview", "commit"]),
  /** The accepted rows with the candidate's name (staff see full NIPs); empty in a commit's answer. */
  rows: z.array(
    z.object({
      line: z.int(),
      nip: z.string(),
      name: z.string(),
      applicationId: z.string(),
      raw: z.number(),
      score: z.number(),
      date: z.nullable(z.string()),
      source: z.string(),
      stale: z.boolean(),
    }),
  ),
  rejected: z.array(z.object({ line: z.int(), text: z.string(), issue: issueShape })),
  counts: z.object({
    accepted: z.int(),
    rejected: z.int(),
    stale: z.int(),
    /** Results of this component for this post imported before (a commit refuses them without `replace`). */
    existing: z.int(),
    /** Written by the commit (0 in a preview). */
    imported: z.int(),
    /** Earlier results the commit deleted or overwrote (with `replace`). */
    replaced: z.int(),
  }),
  /** The day the validity was counted back from (the government's today). */
  asOf: z.string(),
  rawMax: z.number(),
});
export type ImportAssessmentOutput = z.output<typeof importAssessmentOutput>;

/** Imports count until the ranking: after the administrative result, before `pemeringkatan`. */
export function importOpen(stage: Stage): boolean {
  const at = STAGES.indexOf(stage);
  return (
    stage !== "dibatalkan" && at >= STAGES.indexOf("pengumumanAdministrasi") && at < STAGES.indexOf("pemeringkatan")
  );
}

type ImportView = Pick<StoredSelection, "stage" | "posts" | "postDecisions" | "scoringPlan">;

/** The imported component of the plan, or why this import cannot happen in this selection now. */
export function importTarget(
  selection: ImportView,
  postId: string,
  componentId: string,
): { ok: true; component: ScoringComponent; postName: string } | { ok: false; issue: Issue } {
  if (!importOpen(selection.stage)) return { ok: false, issue: { code: "err.import.closed" } };
  const post = selection.posts.find((p) => p.id === postId);
  if (!post) return { ok: false, issue: { code: "err.import.noPost", field: "postId" } };
  if (selection.postDecisions[postId] === "cancelPost") {
    return { ok: false, issue: { code: "err.import.postCancelled", field: "postId" } };
  }
  const component = selection.scoringPlan.components.find((c) => c.id === componentId);
  if (!component) return { ok: false, issue: { code: "err.import.noComponent", field: "componentId" } };
  if (!component.imported) return { ok: false, issue: { code: "err.import.notImported", field: "componentId" } };
  return { ok: true, component, postName: post.name };
}
