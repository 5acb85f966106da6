/**
 * uploads/{fileId}: the manifest a candidate's phone writes before and after sending a file's chunks
 * (uploads/{fileId}/chunks/{00000}). The client writes it with status `uploading`, then `complete`;
 * only the completion function writes `accepted` or `rejected` with what it verified.
 */
import { z } from "zod/mini";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_CHUNKS } from "./upload.js";

export const UPLOAD_STATUSES = ["uploading", "complete", "accepted", "rejected"] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];
/** What a client may set; the others are decisions. */
export const CLIENT_UPLOAD_STATUSES = ["uploading", "complete"] as const;

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, { error: "err.input.invalid" }));

/** The fields the client writes, each bounded so a manifest stays a small document. */
export const uploadManifest = z.object({
  ownerUid: id,
  instansiId: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "err.input.invalid" }), z.maxLength(60)),
  selectionId: id,
  applicationId: id,
  /** The post applied to: its checklist says which formats and how large. */
  postId: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" })),
  /** The checklist entry's id, e.g. "sk-pangkat". */
  documentType: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: "err.input.invalid" })),
  fileName: z.string().check(z.minLength(1, { error: "err.input.invalid" }), z.maxLength(200)),
  mimeType: z
    .string()
    .check(z.regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, { error: "err.input.invalid" }), z.maxLength(100)),
  // Zero and over-limit sizes parse, so the function can reject them with their own reason.
  size: z.int().check(z.gte(0), z.lte(MAX_UPLOAD_BYTES * 4)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "err.input.invalid" })),
  chunkCount: z.int().check(z.gte(0), z.lte(MAX_UPLOAD_CHUNKS * 4)),
  status: z.enum(UPLOAD_STATUSES),
  /**
   * Absent for a checklist document of a draft. "objection": the attachment of a TMS candidate's
   * objection (sanggah), written inside the objection window, with documentType OBJECTION_ATTACHMENT.id.
   */
  purpose: z.optional(z.enum(["objection"])),
});
export type UploadManifest = z.infer<typeof uploadManifest>;

/** What the function adds when it decides; `rejection` is an Issue whose code is a catalogue key. */
export const uploadDecision = z.object({
  status: z.enum(["accepted", "rejected"]),
  verified: z.optional(z.object({ size: z.int(), sha256: z.string(), format: z.string(), chunkCount: z.int() })),
  rejection: z.optional(
    z.object({
      code: z.string(),
      params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
      field: z.optional(z.string()),
    }),
  ),
});
export type UploadDecision = z.infer<typeof uploadDecision>;
