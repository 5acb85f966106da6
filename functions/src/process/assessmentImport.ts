/**
 * An operator imports an assessment centre's report for one post and one imported component of the
 * plan. Both modes read the file on the server with the domain's `previewAssessmentImport` against
 * the post's MS applicants as they are now: "preview" writes nothing; "commit" writes every accepted
 * row, the audit entry with the report and the answer for retries in one transaction (all or none),
 * refusing a file with rejected lines unless the operator chose to skip them, and refusing to
 * overwrite results imported before unless asked to replace them.
 */
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { toIsoDate } from "../domain/calendar.js";
import { COLLECTIONS } from "../domain/collections.js";
import { storedApplication } from "../domain/applications/application.js";
import { profileById } from "../domain/regulation/profiles.js";
import {
  importedScoreId,
  previewAssessmentImport,
  type ImportPreview,
  type StoredImportedScore,
} from "../domain/scoring/assessmentImport.js";
import {
  importAssessmentOutput,
  importTarget,
  MAX_REJECTED_LISTED,
  type ImportAssessmentInput,
  type ImportAssessmentOutput,
} from "../domain/scoring/importRequest.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { todayIn } from "../shell/clock.js";
import { issueError, parseStored } from "../shell/errors.js";
import { operatorActor } from "./audit.js";
import { readInstansi, readOwnSelection } from "./selectionStore.js";
import { runSelectionStep } from "./step.js";

/** A post has tens of applicants; the bound only keeps a damaged selection from reading the world. */
const MAX_APPLICANTS = 1000;

interface Reading {
  readonly preview: Extract<ImportPreview, { ok: true }>;
  readonly names: ReadonlyMap<string, string>;
  readonly existing: readonly DocumentReference[];
  readonly postName: string;
  readonly componentLabel: string;
  readonly rawMax: number;
  readonly asOf: string;
}

async function readImport(
  tx: Transaction,
  selection: StoredSelection,
  input: ImportAssessmentInput,
  now: Date,
): Promise<Reading> {
  const target = importTarget(selection, input.postId, input.componentId);
  if (!target.ok) throw issueError("failed-precondition", [target.issue]);
  const rawMax = target.component.imported?.rawMax ?? 0;
  const instansi = await readInstansi(tx, selection.instansiId);
  const asOf = toIsoDate(todayIn(instansi.timeZone, now));
  const snaps = await tx.get(
    db
      .collection(COLLECTIONS.applications)
      .where("selectionId", "==", input.selectionId)
      .where("postId", "==", input.postId)
      .where("status", "==", "ms")
      .limit(MAX_APPLICANTS),
  );
  const applications = snaps.docs.map((d) => ({
    id: d.id,
    app: parseStored(storedApplication, d.data(), `${COLLECTIONS.applications}/${d.id}`),
  }));
  const mine = applications.filter((a) => a.app.instansiId === selection.instansiId);
  const months = profileById(selection.regulationProfileId)?.assessmentValidity?.months;
  const preview = previewAssessmentImport(input.csvText, {
    component: target.component,
    applicants: mine.map((a) => ({ applicationId: a.id, nip: a.app.nip })),
    asOf,
    ...(months === undefined ? {} : { validityMonths: months }),
    defaults: {
      ...(input.defaults.date ? { date: input.defaults.date } : {}),
      ...(input.defaults.source ? { source: input.defaults.source } : {}),
    },
  });
  if (!preview.ok) throw issueError("invalid-argument", [preview.issue]);
  const refs = mine.map((a) => importedRef(a.id, input.componentId));
  const existing = refs.length === 0 ? [] : (await tx.getAll(...refs)).filter((s) => s.exists).map((s) => s.ref);
  return {
    preview,
    names: new Map(mine.map((a) => [a.id, a.app.candidateName])),
    existing,
    postName: target.postName,
    componentLabel: target.component.label,
    rawMax,
    asOf,
  };
}

function importedRef(applicationId: string, componentId: string): DocumentReference {
  return db.collection(COLLECTIONS.importedScores).doc(importedScoreId(applicationId, componentId));
}

function answerOf(reading: Reading, mode: "preview" | "commit", imported: number, replaced: number) {
  const { preview } = reading;
  const answer: ImportAssessmentOutput = {
    mode,
    rows:
      mode === "preview"
        ? preview.rows.map((r) => ({
            line: r.line,
            nip: r.nip,
            name: reading.names.get(r.applicationId) ?? "",
            applicationId: r.applicationId,
            raw: r.raw,
            score: r.score,
            date: r.date,
            source: r.source,
            stale: r.stale,
          }))
        : [],
    rejected: preview.rejected.slice(0, MAX_REJECTED_LISTED).map((r) => ({
      line: r.line,
      text: r.text,
      issue: { code: r.issue.code, ...(r.issue.params ? { params: { ...r.issue.params } } : {}) },
    })),
    counts: {
      accepted: preview.rows.length,
      rejected: preview.rejected.length,
      stale: preview.rows.filter((r) => r.stale).length,
      existing: reading.existing.length,
      imported,
      replaced,
    },
    asOf: reading.asOf,
    rawMax: reading.rawMax,
  };
  return answer;
}

export async function importAssessment(
  caller: Caller,
  input: ImportAssessmentInput,
  now: Date,
): Promise<ImportAssessmentOutput> {
  requireOperator(caller);
  if (input.mode === "preview") {
    // Nothing is written, so no request id is remembered: previewing twice is harmless.
    return db.runTransaction(
      async (tx) => {
        const selection = await readOwnSelection(tx, input.selectionId, caller.claims);
        return answerOf(await readImport(tx, selection, input, now), "preview", 0, 0);
      },
      { readOnly: true },
    );
  }

  const action = input.replace ? "replaceAssessment" : "importAssessment";
  const request = { caller, ...input, action, answer: importAssessmentOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    const reading = await readImport(tx, selection, input, now);
    const { preview } = reading;
    if (preview.rejected.length > 0 && !input.skipRejected) {
      throw issueError("failed-precondition", [
        { code: "err.import.hasRejected", params: { count: preview.rejected.length } },
      ]);
    }
    if (preview.rows.length === 0) throw issueError("failed-precondition", [{ code: "err.import.noRows" }]);
    if (reading.existing.length > 0 && !input.replace) {
      throw issueError("failed-precondition", [
        { code: "err.import.exists", params: { count: reading.existing.length } },
      ]);
    }
    // A replacement is the component's whole result for the post: earlier rows the new report does
    // not carry go, so two reports are never mixed.
    const kept = new Set(preview.rows.map((r) => importedScoreId(r.applicationId, input.componentId)));
    for (const ref of reading.existing) if (!kept.has(ref.id)) tx.delete(ref);
    for (const r of preview.rows) {
      const doc: StoredImportedScore = {
        instansiId: selection.instansiId,
        selectionId: input.selectionId,
        postId: input.postId,
        applicationId: r.applicationId,
        componentId: input.componentId,
        nip: r.nip,
        raw: r.raw,
        rawMax: reading.rawMax,
        marks: r.marks,
        date: r.date,
        source: r.source,
        stale: r.stale,
        importedAt: at,
        importedBy: caller.uid,
      };
      tx.set(importedRef(r.applicationId, input.componentId), doc);
    }
    const answer = answerOf(reading, "commit", preview.rows.length, reading.existing.length);
    return {
      result: answer,
      write: { update: {} },
      audit: {
        actor: operatorActor(caller),
        action,
        to: null,
        reason: reportLine(reading, input),
        reference: `${input.postId}/${input.componentId}`,
      },
    };
  });
}

/** The report in the timeline: names, numbers and dates only, so it reads the same in either language. */
function reportLine(reading: Reading, input: ImportAssessmentInput): string {
  const { preview } = reading;
  const stale = preview.rows.filter((r) => r.stale).length;
  const sources = [...new Set(preview.rows.map((r) => r.source).filter((s) => s !== ""))];
  const dates = [...new Set(preview.rows.map((r) => r.date).filter((d): d is string => d !== null))].sort();
  const lines = preview.rejected.map((r) => r.line);
  const parts = [
    `${reading.postName} · ${reading.componentLabel}: ${preview.rows.length}`,
    lines.length > 0 ? `✗ ${lines.length} (${lines.slice(0, 30).join(", ")}${lines.length > 30 ? ", …" : ""})` : "",
    stale > 0 ? `⌛ ${stale}` : "",
    sources.length > 0 ? sources.join("; ") : "",
    dates.length > 0 ? (dates.length === 1 ? dates[0]! : `${dates[0]} – ${dates[dates.length - 1]}`) : "",
    input.replace ? `↺ ${reading.existing.length}` : "",
  ];
  return parts.filter((p) => p !== "").join(" · ");
}
