/**
 * Metro's administrative result as the approval of the move to pengumumanAdministrasi left it
 * (functions/src/process/publishResult.ts): the selection's `administrativeResult` (objection window,
 * MS list per post with masked NIPs) and the pengumuman hasil seleksi administrasi's record and
 * snapshot, numbered from the government's counter of the announcement's year. Pure, from the same
 * domain rules the approval uses; the seed renders the PDF from the snapshot and stores it.
 */
import { objectionWindow, msListByPost } from "../functions/src/domain/applications/objection.js";
import type { StoredApplication } from "../functions/src/domain/applications/application.js";
import { resultSnapshotOf, type ResultSnapshot } from "../functions/src/domain/documents/administrativeResult.js";
import {
  counterIdFor,
  DEFAULT_NUMBERING_PATTERN,
  DOCUMENT_KIND_CODES,
  formatDocumentNumber,
} from "../functions/src/domain/documents/numbering.js";
import { documentIdFor, verifyUrlFor, type DocumentRecord } from "../functions/src/domain/documents/record.js";
import { profileById } from "../functions/src/domain/regulation/profiles.js";
import type { InstansiDoc } from "../functions/src/domain/schemas/documents.js";
import type { AdministrativeResult, StoredSelection } from "../functions/src/domain/selection/stored.js";

/** Where `npm start` serves the PWA (firebase.json, functions/.env.local): the QR code's address. */
export const DEMO_PUBLIC_URL = "http://127.0.0.1:5100";

export interface SeededResult {
  readonly administrativeResult: AdministrativeResult;
  /** The record before its file is stored: the seed fills sha256 and size and marks it valid. */
  readonly record: DocumentRecord;
  readonly snapshot: ResultSnapshot;
  /** instansi/{id}/counters/{counterId} after the number was taken. */
  readonly counter: { readonly instansiId: string; readonly id: string; readonly next: number };
}

export interface ResultInput {
  readonly selectionId: string;
  readonly selection: StoredSelection;
  readonly instansi: InstansiDoc;
  /** As published: status ms or tms. */
  readonly applications: readonly StoredApplication[];
  /** Local time of the approval, e.g. "2021-10-25T08:00:00+07:00". */
  readonly publishedAt: string;
  /** The sequence number the counter gave (the first document of its year: 1). */
  readonly seq: number;
  readonly publicBaseUrl?: string;
}

export function seededResult(input: ResultInput): SeededResult {
  const { selectionId, selection, instansi } = input;
  const profile = profileById(selection.regulationProfileId);
  if (!profile) throw new Error(`selection ${selectionId} has no regulation profile`);
  const publishedMs = Date.parse(input.publishedAt);
  const at = new Date(publishedMs).toISOString();
  const issuedOn = input.publishedAt.slice(0, 10);
  const year = Number(issuedOn.slice(0, 4));
  const month = Number(issuedOn.slice(5, 7));
  const cancelled = Object.entries(selection.postDecisions)
    .filter(([, d]) => d === "cancelPost")
    .map(([postId]) => postId);
  const ms = msListByPost(
    selection.posts.map((p) => p.id),
    cancelled,
    input.applications,
  );
  const window = objectionWindow(publishedMs, profile.objections, instansi.timeZone);
  const number = formatDocumentNumber(instansi.numberingPattern || DEFAULT_NUMBERING_PATTERN, {
    seq: input.seq,
    year,
    month,
    kind: DOCUMENT_KIND_CODES.hasilAdministrasi,
    instansiCode: instansi.documentCode || selection.instansiId.toUpperCase(),
  });
  const documentId = documentIdFor(selectionId, "hasilAdministrasi", 1);
  const snapshot = resultSnapshotOf(selection, instansi, {
    selectionId,
    number,
    issuedOn,
    objectionLastDay: window.lastDay,
    cancelled,
    ms,
    verifyUrl: verifyUrlFor(input.publicBaseUrl ?? DEMO_PUBLIC_URL, documentId),
  });
  return {
    administrativeResult: {
      publishedAt: at,
      objectionClosesAtMs: window.closesAtMs,
      objectionLastDay: window.lastDay,
      documentId,
      number,
      ms,
    },
    record: {
      instansiId: selection.instansiId,
      instansiName: instansi.name,
      selectionId,
      selectionTitle: selection.title,
      kind: "hasilAdministrasi",
      number,
      version: 1,
      issuedOn,
      status: "issuing",
      sha256: null,
      size: null,
      fileId: documentId,
      fileName: `hasil-administrasi-${number.replace(/[^A-Za-z0-9]+/g, "-")}.pdf`,
      supersedes: null,
      supersededBy: null,
      issuedAt: at,
      revokedOn: null,
      revokedReason: null,
    },
    snapshot,
    counter: { instansiId: selection.instansiId, id: counterIdFor(year), next: input.seq + 1 },
  };
}
