/**
 * The public record of an issued document, `documents/{documentId}`: what the verification page
 * shows when someone scans the QR code on a printed announcement. Every version keeps its record;
 * a newer version marks the older one superseded, so an old printout still verifies, as such.
 */
import { z } from "zod/mini";

/** "revoked" (dicabut): the selection was cancelled; the record says when and why. */
export const DOCUMENT_STATUSES = ["issuing", "valid", "superseded", "revoked"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * tandaBukti: a candidate's registration receipt (./receipt.ts); its file is private.
 * hasilAdministrasi: the pengumuman of the administrative result (issue 8).
 * rekapNilai: a post's score summary after a stage (issue 9); its file is the selection's staff's.
 * beritaAcara: the minutes of a scoring stage, with the members' signatures (issue 9); staff's too.
 */
export const DOCUMENT_KIND_NAMES = [
  "pengumuman",
  "tandaBukti",
  "hasilAdministrasi",
  "rekapNilai",
  // A stage's result announced (issue 9): ../scoring/stageResult.ts.
  "hasilTahap",
  "beritaAcara",
  // The letters after the ranking (./ppkLetters.ts): the proposal to the PPK, the report to the authority.
  "usulanPpk",
  "laporanAkhir",
] as const;
export type DocumentKindName = (typeof DOCUMENT_KIND_NAMES)[number];

export const documentRecord = z.object({
  instansiId: z.string(),
  instansiName: z.string(),
  selectionId: z.string(),
  selectionTitle: z.string(),
  kind: z.enum(DOCUMENT_KIND_NAMES),
  number: z.string(),
  version: z.int(),
  /** YYYY-MM-DD, the date printed on the document. */
  issuedOn: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  /** Of the PDF's bytes; null until the file is stored. */
  sha256: z.nullable(z.string()),
  size: z.nullable(z.int()),
  fileId: z.string(),
  fileName: z.string(),
  supersedes: z.nullable(z.string()),
  supersededBy: z.nullable(z.string()),
  /** ISO date-time the number was taken: a record still "issuing" long after is finished by a sweep. */
  issuedAt: z._default(z.nullable(z.string()), null),
  /** YYYY-MM-DD and the reason, once revoked. */
  revokedOn: z._default(z.nullable(z.string()), null),
  revokedReason: z._default(z.nullable(z.string()), null),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

/** Ids that say what they are: "metro-2021-jpt-pengumuman-v2". */
export function documentIdFor(selectionId: string, kind: DocumentRecord["kind"], version: number): string {
  return `${selectionId}-${kind}-v${version}`;
}

/** Where the QR code points: the public verification page of this version. */
export function verifyUrlFor(publicBaseUrl: string, documentId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/verifikasi/${documentId}`;
}

/** A post's rekap versions: "metro-2021-jpt_bappeda_pemeringkatan-rekapNilai-v1". */
export function rekapDocumentId(rankingId: string, version: number): string {
  return `${rankingId}-rekapNilai-v${version}`;
}

/** documents/{id} of an application's receipt; its file has the same id (one version only). */
export function receiptDocumentId(applicationId: string): string {
  return `${applicationId}-tandaBukti`;
}

/** The name the PDF downloads under: "tanda-bukti-001-TB-PANSEL-JPT-BKPSDM-MTR-IX-2021.pdf". */
export function receiptFileName(number: string): string {
  return `tanda-bukti-${number.replace(/[^A-Za-z0-9]+/g, "-")}.pdf`;
}

/** "pengumuman" and "001/PENG/…/2021" → "pengumuman-001-PENG-….pdf": a file name any phone can save. */
export function documentFileName(prefix: string, number: string): string {
  return `${prefix}-${number.replace(/[^A-Za-z0-9]+/g, "-")}.pdf`;
}

/**
 * A version's record when its number is taken: "issuing", no file yet. Every kind starts the same
 * way; what differs is passed in.
 */
export function issuingRecord(f: {
  readonly instansiId: string;
  readonly instansiName: string;
  readonly selectionId: string;
  readonly selectionTitle: string;
  readonly kind: DocumentKindName;
  readonly number: string;
  readonly version: number;
  readonly issuedOn: string;
  readonly documentId: string;
  readonly fileName: string;
  /** The id of the version it replaces, when that version exists. */
  readonly supersedes: string | null;
  /** ISO date-time of the issuing transaction. */
  readonly at: string;
}): DocumentRecord {
  return {
    instansiId: f.instansiId,
    instansiName: f.instansiName,
    selectionId: f.selectionId,
    selectionTitle: f.selectionTitle,
    kind: f.kind,
    number: f.number,
    version: f.version,
    issuedOn: f.issuedOn,
    status: "issuing",
    sha256: null,
    size: null,
    fileId: f.documentId,
    fileName: f.fileName,
    supersedes: f.supersedes,
    supersededBy: null,
    issuedAt: f.at,
    revokedOn: null,
    revokedReason: null,
  };
}
