/**
 * Uploads from a candidate's phone, as pure rules (issue 8, "Uploading documents from a phone"): how a
 * file is cut into chunks, what its first bytes say it really is, and whether a completed upload is
 * what its manifest and the post's checklist promise. The function in ../../files/uploads.ts feeds
 * these the facts it reads from Firestore; the web app will plan its chunks with the same code.
 */
import type { Issue } from "../issue.js";
import type { DocumentRequirement } from "../selection/setup.js";
import { FILE_FORMATS } from "../selection/setup.js";
import type { UploadManifest } from "./manifest.js";

/** 512 KiB of bytes per chunk document: half of Firestore's 1 MiB document limit. */
export const UPLOAD_CHUNK_SIZE = 512 * 1024;
/** The largest limit a checklist may set (setup.ts: maxSizeKb ≤ 10 240). */
export const MAX_UPLOAD_BYTES = 10_240 * 1024;
/** So many chunks at most: a 10 MiB file in 512 KiB chunks. */
export const MAX_UPLOAD_CHUNKS = Math.ceil(MAX_UPLOAD_BYTES / UPLOAD_CHUNK_SIZE);

export type FileFormat = (typeof FILE_FORMATS)[number];

/** The MIME type a phone declares for each format the checklist can allow. */
export const MIME_OF_FORMAT: Readonly<Record<FileFormat, string>> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
};

export interface ChunkRange {
  readonly index: number;
  /** Byte offsets, start inclusive, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export type ChunkPlan = { ok: true; count: number; ranges: ChunkRange[] } | { ok: false; issue: Issue };

/**
 * The chunks of a file of `size` bytes. An empty file is refused (nothing to review, and a phone that
 * produced one lost the photo), and so is a file over the limit, before a single byte is sent.
 */
export function planChunks(
  size: number,
  chunkSize: number = UPLOAD_CHUNK_SIZE,
  maxBytes: number = MAX_UPLOAD_BYTES,
): ChunkPlan {
  if (!Number.isSafeInteger(size) || size < 0) {
    return { ok: false, issue: { code: "err.input.invalid", params: { detail: "size" }, field: "size" } };
  }
  if (size === 0) return { ok: false, issue: { code: "err.upload.empty", field: "size" } };
  if (size > maxBytes) {
    return {
      ok: false,
      issue: { code: "err.upload.tooLarge", params: { maxKb: Math.floor(maxBytes / 1024) }, field: "size" },
    };
  }
  const ranges: ChunkRange[] = [];
  for (let start = 0, index = 0; start < size; start += chunkSize, index++) {
    ranges.push({ index, start, end: Math.min(start + chunkSize, size) });
  }
  return { ok: true, count: ranges.length, ranges };
}

/** What a file really is, from its first bytes; impostors are named so the message can say what was sent. */
export type SniffedType = FileFormat | "exe" | "zip" | "gif" | "elf" | "unknown";

const SIGNATURES: readonly (readonly [SniffedType, readonly number[]])[] = [
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["jpg", [0xff, 0xd8, 0xff]],
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["exe", [0x4d, 0x5a]], // MZ: Windows executables
  ["zip", [0x50, 0x4b, 0x03, 0x04]], // also .docx, .xlsx, .apk
  ["gif", [0x47, 0x49, 0x46, 0x38]], // GIF8
  ["elf", [0x7f, 0x45, 0x4c, 0x46]],
];

/** The longest signature: how many leading bytes the caller needs to pass. */
export const SNIFF_BYTES = 8;

/**
 * Strict: the signature must start the file. PDF readers tolerate junk before `%PDF-`, but a file a
 * phone made never has any, and a lenient check is what lets a polyglot through.
 */
export function sniffType(firstBytes: Uint8Array): SniffedType {
  for (const [type, signature] of SIGNATURES) {
    if (signature.length <= firstBytes.length && signature.every((byte, i) => firstBytes[i] === byte)) return type;
  }
  return "unknown";
}

/** The format a MIME type declares, if it is one a checklist can allow. */
export function formatOfMime(mimeType: string): FileFormat | undefined {
  const mime = mimeType.trim().toLowerCase();
  if (mime === "image/jpg" || mime === "image/pjpeg") return "jpg";
  return FILE_FORMATS.find((format) => MIME_OF_FORMAT[format] === mime);
}

/** What the function learned by reading the chunks back and putting them together. */
export interface ReassembledFacts {
  /** Every chunk document found, in id order: its index and the length of its bytes. */
  readonly chunks: readonly { readonly index: number; readonly size: number }[];
  /** Length of the reassembled bytes. */
  readonly size: number;
  /** Lower-case hex SHA-256 of the reassembled bytes. */
  readonly sha256: string;
  /** sniffType of the first bytes. */
  readonly detected: SniffedType;
}

export type UploadCheck = { accepted: true; format: FileFormat } | { accepted: false; reason: Issue };

/**
 * Whether a completed upload may go to the operator's review. `requirement` is the checklist entry of
 * the manifest's document type on its post; undefined when the post has no such document.
 *
 * Order matters: what the candidate can fix by choosing another file (type, size) comes first, then
 * what a broken connection does (missing or oversized chunks, wrong size, wrong hash), and last what
 * the bytes really are, which is only worth saying of a file that arrived whole.
 */
export function checkUpload(
  manifest: UploadManifest,
  facts: ReassembledFacts,
  requirement: DocumentRequirement | undefined,
): UploadCheck {
  const reject = (reason: Issue): UploadCheck => ({ accepted: false, reason });
  if (requirement === undefined) {
    return reject({ code: "err.upload.notInChecklist", field: "documentType" });
  }
  const formats = requirement.formats.map((f) => f.toUpperCase()).join(", ");
  const format = formatOfMime(manifest.mimeType);
  if (format === undefined || !requirement.formats.includes(format)) {
    return reject({ code: "err.upload.typeNotAllowed", params: { formats }, field: "mimeType" });
  }
  const maxKb = requirement.maxSizeKb;
  const plan = planChunks(manifest.size, UPLOAD_CHUNK_SIZE, maxKb * 1024);
  if (!plan.ok) return reject(plan.issue);

  if (facts.chunks.some((chunk) => chunk.size > UPLOAD_CHUNK_SIZE)) {
    return reject({ code: "err.upload.chunkTooLarge", params: { maxKb: UPLOAD_CHUNK_SIZE / 1024 } });
  }
  const inOrder = facts.chunks.every((chunk, i) => chunk.index === i);
  if (manifest.chunkCount !== plan.count || facts.chunks.length !== plan.count || !inOrder) {
    return reject({
      code: "err.upload.truncated",
      params: { received: facts.chunks.length, expected: plan.count },
    });
  }
  if (facts.size !== manifest.size) {
    return reject({ code: "err.upload.sizeMismatch", params: { received: facts.size, expected: manifest.size } });
  }
  if (facts.sha256 !== manifest.sha256) return reject({ code: "err.upload.hashMismatch" });
  if (facts.detected !== format) {
    return reject({
      code: "err.upload.typeMismatch",
      params: { declared: format.toUpperCase(), detected: facts.detected.toUpperCase() },
    });
  }
  return { accepted: true, format };
}
