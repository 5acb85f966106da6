/**
 * Issuing a numbered document, the frame every kind shares (the pengumuman, the rekap, the berita
 * acara, a stage's result, the letters to the PPK): only an operator issues; never with a QR code
 * pointing at a developer's machine, checked before a number is taken (a printed number cannot be
 * withdrawn); one selection step (request id, audit entry) reads what the document prints, takes
 * the next number of the government's counter and creates the record and the snapshot; then the
 * PDF is rendered and the record settled (./pipeline.ts).
 */
import type { Transaction } from "firebase-admin/firestore";
import { toIsoDate } from "../domain/calendar.js";
import { issueAllocation } from "../domain/callables.js";
import { COLLECTIONS } from "../domain/collections.js";
import { documentCounter, nextSequence } from "../domain/documents/counter.js";
import {
  counterIdFor,
  DEFAULT_NUMBERING_PATTERN,
  DOCUMENT_KIND_CODES,
  formatDocumentNumber,
} from "../domain/documents/numbering.js";
import { documentFileName, issuingRecord, verifyUrlFor, type DocumentKindName } from "../domain/documents/record.js";
import { publicUrlIssue } from "../domain/deployment.js";
import type { InstansiDoc } from "../domain/schemas/documents.js";
import type { AuditAction } from "../domain/selection/process.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { operatorActor } from "../process/audit.js";
import { runSelectionStep, type StepContext, type StepOutcome } from "../process/step.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { todayIn } from "../shell/clock.js";
import { issueError, parseStored } from "../shell/errors.js";
import { DOCUMENT_KINDS } from "./kinds.js";
import { documentRef, finishDocument, readRecord, snapshotRef } from "./pipeline.js";

export interface IssueResult {
  readonly documentId: string;
  readonly number: string;
  readonly version: number;
}

/** Where the deployment is served, and whether it runs on the emulators (which may use loopback). */
export interface PublicSite {
  readonly baseUrl: string;
  readonly onEmulators: boolean;
}

/**
 * The whole issue: the operator check, the address check, the step `decide` runs in (which reads,
 * then calls numberDocument and returns issuedOutcome), and the PDF.
 */
export async function issueDocument(
  caller: Caller,
  input: { readonly selectionId: string; readonly requestId: string },
  now: Date,
  site: PublicSite,
  action: string,
  decide: (context: StepContext<StoredSelection>) => Promise<StepOutcome<IssueResult>>,
): Promise<IssueResult & { sha256: string }> {
  requireOperator(caller);
  const urlIssue = publicUrlIssue(site.baseUrl, site.onEmulators);
  if (urlIssue) throw issueError("failed-precondition", [urlIssue]);
  const request = {
    caller,
    selectionId: input.selectionId,
    requestId: input.requestId,
    action,
    answer: issueAllocation,
    now,
  };
  const allocated = await runSelectionStep(request, decide);
  const sha256 = await finishDocument(allocated.documentId);
  return { ...allocated, sha256 };
}

/** What numbering decided, for the snapshot and the step's answer. */
export interface Numbered extends IssueResult {
  /** YYYY-MM-DD in the government's zone: the date printed. */
  readonly issuedOn: string;
  /** Where the QR code points. */
  readonly verifyUrl: string;
}

/**
 * Inside the step, after its last read: the next number and version of a series, the record
 * ("issuing") and the snapshot, parsed by the kind's schema, created; the counter taken.
 */
export async function numberDocument(
  context: Pick<StepContext<StoredSelection>, "tx" | "selection" | "at">,
  f: {
    readonly selectionId: string;
    readonly instansi: InstansiDoc;
    readonly now: Date;
    readonly site: PublicSite;
    readonly kind: DocumentKindName;
    /** The version the selection points at now, which the new one supersedes. */
    readonly previousId: string | null;
    readonly documentId: (version: number) => string;
    /** "rekap-nilai": the downloaded file's name starts so. */
    readonly filePrefix: string;
    /** The snapshot's fields; the kind's schema checks them. */
    readonly snapshot: (numbered: Numbered) => unknown;
  },
): Promise<Numbered> {
  const { tx, selection, at } = context;
  const { today, number, version, previous, takeNumber } = await allocateNumber(tx, {
    instansiId: selection.instansiId,
    instansi: f.instansi,
    now: f.now,
    kind: f.kind,
    previousId: f.previousId,
  });
  const documentId = f.documentId(version);
  const numbered: Numbered = {
    documentId,
    number,
    version,
    issuedOn: toIsoDate(today),
    verifyUrl: verifyUrlFor(f.site.baseUrl, documentId),
  };
  const record = issuingRecord({
    instansiId: selection.instansiId,
    instansiName: f.instansi.name,
    selectionId: f.selectionId,
    selectionTitle: selection.title,
    kind: f.kind,
    number,
    version,
    issuedOn: numbered.issuedOn,
    documentId,
    fileName: documentFileName(f.filePrefix, number),
    supersedes: previous?.exists ? previous.id : null,
    at,
  });
  const snapshot = DOCUMENT_KINDS[f.kind].snapshot.parse(f.snapshot(numbered));
  takeNumber(at);
  tx.create(documentRef(documentId), record);
  tx.create(snapshotRef(documentId), snapshot as Record<string, unknown>);
  return numbered;
}

/** The step's outcome for an issued document: its answer, the selection's change, the audit entry. */
export function issuedOutcome(
  caller: Caller,
  numbered: Numbered,
  update: Record<string, unknown>,
  action: AuditAction = "issue",
): StepOutcome<IssueResult> {
  const { documentId, number, version } = numbered;
  return {
    result: { documentId, number, version },
    write: { update },
    audit: { actor: operatorActor(caller), action, to: null, reason: number, reference: documentId },
  };
}

/**
 * The next number of the government's counter for the year and the version after `previousId`:
 * read inside the issuing transaction; `takeNumber` writes the counter in it (every kind of
 * document shares the one counter, numbering.ts).
 */
export async function allocateNumber(
  tx: Transaction,
  f: {
    readonly instansiId: string;
    readonly instansi: InstansiDoc;
    readonly now: Date;
    readonly kind: keyof typeof DOCUMENT_KIND_CODES;
    readonly previousId: string | null;
  },
) {
  const today = todayIn(f.instansi.timeZone, f.now);
  const counterRef = db
    .collection(COLLECTIONS.instansi)
    .doc(f.instansiId)
    .collection(COLLECTIONS.counters)
    .doc(counterIdFor(today.year));
  const counter = await tx.get(counterRef);
  const previous = f.previousId ? await tx.get(documentRef(f.previousId)) : undefined;
  const seq = nextSequence(counter.exists ? parseStored(documentCounter, counter.data(), counterRef.path) : undefined);
  const version = previous?.exists ? readRecord(previous).version + 1 : 1;
  const number = formatDocumentNumber(f.instansi.numberingPattern || DEFAULT_NUMBERING_PATTERN, {
    seq,
    year: today.year,
    month: today.month,
    kind: DOCUMENT_KIND_CODES[f.kind],
    instansiCode: documentCode(f.instansi, f.instansiId),
  });
  const takeNumber = (at: string) => tx.set(counterRef, { next: seq + 1, updatedAt: at });
  return { today, number, version, previous, takeNumber };
}

export function documentCode(instansi: InstansiDoc, instansiId: string): string {
  return instansi.documentCode || instansiId.toUpperCase();
}
