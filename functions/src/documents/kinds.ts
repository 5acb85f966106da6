/**
 * What differs between the kinds of issued document once their number is taken: how the stored
 * snapshot is read and drawn, who may read the PDF, and which version of its series the selection
 * points at. The pipeline in ./issueAnnouncement.ts (render, store, settle) asks this table, so a
 * new kind of document is one entry here and a builder in domain/documents/, not a new branch in
 * every step.
 */
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import {
  buildAdministrativeResult,
  resultSnapshot,
  type ResultSnapshot,
} from "../domain/documents/administrativeResult.js";
import { buildAnnouncement } from "../domain/documents/announcement.js";
import type { Announcement } from "../domain/documents/announcement.js";
import { buildReceipt, receiptSnapshot } from "../domain/documents/receipt.js";
import type { DocumentKindName } from "../domain/documents/record.js";
import {
  buildFinalReport,
  buildProposalLetter,
  finalReportSnapshot,
  proposalSnapshot,
  type FinalReportSnapshot,
  type ProposalSnapshot,
} from "../domain/documents/ppkLetters.js";
import { buildRekap, rekapSnapshot, type RekapSnapshot } from "../domain/documents/rekap.js";
import { beritaAcaraSnapshot, buildBeritaAcara, type BeritaAcaraSnapshot } from "../domain/documents/beritaAcara.js";
import { announcementSnapshot, type AnnouncementSnapshot } from "../domain/documents/snapshot.js";
import { buildStageResult, stageResultSnapshot, type StageResultSnapshot } from "../domain/documents/stageResult.js";
import { stageOfSeries } from "../domain/scoring/stageResult.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";

/** Who reads a stored PDF besides functions (files/chunks.ts writes it into the file's metadata). */
export interface FileAccess {
  readonly ownerUid?: string;
  readonly selectionId?: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface DocumentKind<S> {
  readonly snapshot: z.ZodMiniType<S>;
  readonly build: (snapshot: S) => Announcement;
  readonly access: (record: { fileId: string; selectionId: string }, snapshot: S) => FileAccess;
  /** The version of this document's series the selection points at now (null: none). */
  readonly current: (documentId: string, selection: StoredSelection) => string | null;
  /** Written in the transaction that settles the record as issued, beside it. */
  readonly settled?: (tx: Transaction, snapshot: S, sha256: string) => void;
}

/** Anyone may read it: it is printed and pinned up, and its QR code leads to it. */
const publicFile = (record: { fileId: string }): FileAccess => ({ extra: { public: true, documentId: record.fileId } });

/**
 * The selection's staff read it (every candidate's scores), not the public, nor the pansel, which
 * may not see the scores of a candidate a member is recused from.
 */
export const staffFile = (record: { fileId: string; selectionId: string }): FileAccess => ({
  selectionId: record.selectionId,
  extra: { documentId: record.fileId },
});

/** "…_bappeda_pemeringkatan-rekapNilai-v2" → "…_bappeda_pemeringkatan": the key of a per-post series. */
export function seriesKey(documentId: string, kind: DocumentKindName): string {
  return documentId.replace(new RegExp(`-${kind}-v\\d+$`), "");
}

/** The id of another version of the same series: every versioned id ends in "-v{n}". */
export function versionIdOf(documentId: string, version: number): string {
  return documentId.replace(/-v\d+$/, `-v${version}`);
}

// Each entry's type is checked against its own snapshot here, then kept in the table untyped.
const kind = <S>(entry: DocumentKind<S>) => entry as unknown as DocumentKind<unknown>;

export const DOCUMENT_KINDS: Record<DocumentKindName, DocumentKind<unknown>> = {
  pengumuman: kind<AnnouncementSnapshot>({
    snapshot: announcementSnapshot,
    build: buildAnnouncement,
    access: publicFile,
    current: (_, selection) => selection.announcementDocumentId,
  }),
  hasilAdministrasi: kind<ResultSnapshot>({
    snapshot: resultSnapshot,
    build: buildAdministrativeResult,
    access: publicFile,
    current: (_, selection) => selection.administrativeResult?.documentId ?? null,
  }),
  tandaBukti: kind({
    snapshot: receiptSnapshot,
    build: buildReceipt,
    // The candidate's own file, read by them and the selection's staff; the application it belongs
    // to lets a pansel member read it only as they may that application.
    access: (record, receipt) => ({
      ownerUid: receipt.candidateUid,
      selectionId: record.selectionId,
      extra: { documentId: record.fileId, applicationId: receipt.applicationId },
    }),
    // Each receipt is the only version for its application.
    current: (documentId) => documentId,
    // The candidate's screen follows the application, not the record: it learns here that the PDF is there.
    settled: (tx, receipt, sha256) =>
      tx.update(db.collection(COLLECTIONS.applications).doc(receipt.applicationId), { "receipt.sha256": sha256 }),
  }),
  rekapNilai: kind<RekapSnapshot>({
    snapshot: rekapSnapshot,
    build: buildRekap,
    access: staffFile,
    current: (documentId, selection) => selection.rekapDocuments[seriesKey(documentId, "rekapNilai")] ?? null,
  }),
  hasilTahap: kind<StageResultSnapshot>({
    snapshot: stageResultSnapshot,
    build: buildStageResult,
    // Names the candidates who go on, NIPs masked, scores as the plan publishes: pinned up like the pengumuman.
    access: publicFile,
    current: (documentId, selection) => {
      const stage = stageOfSeries(seriesKey(documentId, "hasilTahap"));
      return stage ? (selection.stageResults[stage]?.documentId ?? null) : null;
    },
  }),
  // The minutes name candidates with the committee's reasons about their scores and carry the
  // members' drawn signatures (which a public file would hand to anyone to copy): staff only, like
  // the rekap. Its record on /verifikasi stays public, so a printed copy is still verifiable.
  beritaAcara: kind<BeritaAcaraSnapshot>({
    snapshot: beritaAcaraSnapshot,
    build: buildBeritaAcara,
    access: staffFile,
    // "{selectionId}_{stage}-beritaAcara-v{n}": stages have no "_", so the stage is the last part.
    current: (documentId, selection) =>
      selection.minutesDocuments[seriesKey(documentId, "beritaAcara").split("_").at(-1) ?? ""] ?? null,
  }),
  // Letters to the PPK and the national authority: the staff's, with every finalist's total in them.
  usulanPpk: kind<ProposalSnapshot>({
    snapshot: proposalSnapshot,
    build: buildProposalLetter,
    access: staffFile,
    current: (_, selection) => selection.proposalDocumentId,
  }),
  laporanAkhir: kind<FinalReportSnapshot>({
    snapshot: finalReportSnapshot,
    build: buildFinalReport,
    access: staffFile,
    current: (_, selection) => selection.finalReportDocumentId,
  }),
};

/** The kind a stored snapshot belongs to: every kind's snapshot names it but the pengumuman's, which predates the field. */
export function snapshotKind(data: unknown): DocumentKindName {
  const named = (data as { kind?: unknown } | undefined)?.kind;
  return typeof named === "string" && named in DOCUMENT_KINDS ? (named as DocumentKindName) : "pengumuman";
}
