/**
 * Files a candidate's phone uploads, checked on completion (issue 8, "Storage design (decided)").
 *
 *   uploads/{fileId}                   the manifest the phone writes: owner, application, post, document
 *                                      type, file name, MIME type, size, SHA-256, chunk count, status
 *   uploads/{fileId}/chunks/{00000}    { data } of at most 512 KiB each, ids zero-padded as in chunks.ts
 *
 * The phone writes chunks through the Firestore SDK's persistent cache (so an upload resumes after a
 * dropped connection) and then sets the manifest's status to `complete`. Only this module turns it into
 * `accepted` (for the operator's review) or `rejected` with a reason the candidate reads. The rules of
 * the process live in the domain (../domain/files/upload.ts); this reads the facts and writes the outcome.
 * A separate module from chunks.ts: those files are written whole by functions, these arrive in
 * pieces from a client that may lie, so every fact is measured here, not taken from the manifest.
 */
import { FieldPath, FieldValue, type Firestore } from "firebase-admin/firestore";
import { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import type { Issue } from "../domain/issue.js";
import { uploadManifest, type UploadManifest, type UploadStatus } from "../domain/files/manifest.js";
import {
  MAX_UPLOAD_CHUNKS,
  SNIFF_BYTES,
  checkUpload,
  sniffType,
  type ReassembledFacts,
  type UploadCheck,
} from "../domain/files/upload.js";
import { documentRequirement, type DocumentRequirement } from "../domain/selection/setup.js";
import type { ApplicationDocument } from "../domain/applications/application.js";
import { OBJECTION_ATTACHMENT } from "../domain/applications/objection.js";
import { db as adminDb } from "../shell/admin.js";
import { chunkId } from "./chunks.js";
import { sha256Hex } from "./hash.js";

const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface VerifyOutcome {
  readonly fileId: string;
  /** The manifest's status after the call; "missing" when there is no manifest. */
  readonly status: UploadStatus | "missing";
  /** False when the manifest was not `complete` (already decided, still uploading): nothing written. */
  readonly changed: boolean;
  readonly reason?: Issue;
}

export function uploadRef(db: Firestore, fileId: string) {
  return db.collection(COLLECTIONS.uploads).doc(fileId);
}

/**
 * Checks a completed upload and records the decision. Safe to call any number of times (a trigger
 * may fire twice): a manifest that is not `complete` any more is left exactly as it is.
 *
 * The post and its checklist entry come from the application the manifest names, never from the
 * manifest's own postId; in the same transaction as the decision, the application's checklist entry
 * points at this file, while the application is a draft and only if no newer upload is there already
 * (a slow first attempt finishing after the second must not replace it).
 */
export async function verifyUpload(
  fileId: string,
  db: Firestore = adminDb,
  now: () => Date = () => new Date(),
): Promise<VerifyOutcome> {
  if (!FILE_ID.test(fileId)) return { fileId, status: "missing", changed: false };
  const ref = uploadRef(db, fileId);
  const snap = await ref.get();
  if (!snap.exists) return { fileId, status: "missing", changed: false };
  const status: unknown = snap.get("status");
  if (status !== "complete") return { fileId, status: statusOf(status), changed: false };

  const parsed = uploadManifest.safeParse(snap.data());
  const application = parsed.success ? await applicationOf(db, parsed.data) : undefined;
  const check: UploadCheck = !parsed.success
    ? {
        accepted: false,
        reason: { code: "err.input.invalid", params: { detail: parsed.error.issues[0]?.path.join(".") ?? "" } },
      }
    : application === undefined
      ? { accepted: false, reason: { code: "err.upload.noApplication", field: "applicationId" } }
      : await checkStored(db, fileId, { ...parsed.data, postId: application.postId });

  return db.runTransaction(async (tx) => {
    const current = await tx.get(ref);
    // Decided meanwhile by a concurrent run, or changed under us: the run that sees it complete decides.
    if (current.get("status") !== "complete" || !sameFacts(current.data(), snap.data())) {
      return { fileId, status: statusOf(current.get("status")), changed: false };
    }
    const appRef = parsed.success ? db.collection(COLLECTIONS.applications).doc(parsed.data.applicationId) : undefined;
    const app = appRef && application ? await tx.get(appRef) : undefined;
    const onChecklist: unknown = app?.get(new FieldPath("documents", parsed.data?.documentType ?? "-"));
    const previousId = isRecord(onChecklist) && typeof onChecklist["fileId"] === "string" ? onChecklist["fileId"] : "";
    const previous =
      previousId !== "" && previousId !== fileId && FILE_ID.test(previousId)
        ? await tx.get(uploadRef(db, previousId))
        : undefined;

    const reason: Issue | undefined = check.accepted ? undefined : check.reason;
    if (check.accepted && parsed.success) {
      const m = parsed.data;
      tx.update(ref, {
        status: "accepted",
        verified: { size: m.size, sha256: m.sha256, format: check.format, chunkCount: m.chunkCount },
        decidedAt: FieldValue.serverTimestamp(),
      });
    } else {
      tx.update(ref, {
        status: "rejected",
        rejection: { ...(reason ?? { code: "err.input.invalid" }) },
        decidedAt: FieldValue.serverTimestamp(),
      });
    }
    // Manifests are created by the server's clock (createTime): the later one is the newer upload.
    const newer =
      !previous?.exists || !previous.createTime || !snap.createTime || snap.createTime > previous.createTime;
    const onTheChecklist = parsed.success && parsed.data.purpose === undefined;
    if (parsed.success && onTheChecklist && appRef && app?.exists && app.get("status") === "draft" && newer) {
      const m = parsed.data;
      const entry: ApplicationDocument = {
        fileId,
        fileName: m.fileName,
        mimeType: m.mimeType,
        size: m.size,
        status: check.accepted ? "accepted" : "rejected",
        rejection: reason ? { code: reason.code, params: { ...reason.params } } : null,
      };
      tx.update(appRef, new FieldPath("documents", m.documentType), entry, "updatedAt", now().toISOString());
    }
    const decided = check.accepted ? ("accepted" as const) : ("rejected" as const);
    return reason ? { fileId, status: decided, changed: true, reason } : { fileId, status: decided, changed: true };
  });
}

/** The draft's owner, tenant and selection must be the manifest's; otherwise there is no checklist. */
async function applicationOf(db: Firestore, manifest: UploadManifest): Promise<{ postId: string } | undefined> {
  const snap = await db.collection(COLLECTIONS.applications).doc(manifest.applicationId).get();
  const app = storedApplicationHead.safeParse(snap.data());
  if (!app.success) return undefined;
  const { candidateUid, instansiId, selectionId, postId } = app.data;
  const mine =
    candidateUid === manifest.ownerUid && instansiId === manifest.instansiId && selectionId === manifest.selectionId;
  return mine ? { postId } : undefined;
}

const storedApplicationHead = z.object({
  candidateUid: z.string(),
  instansiId: z.string(),
  selectionId: z.string(),
  postId: z.string(),
});

async function checkStored(db: Firestore, fileId: string, manifest: UploadManifest): Promise<UploadCheck> {
  // An objection's attachment has the same checks under its own fixed limits; it is on no checklist.
  const requirement =
    manifest.purpose === "objection"
      ? manifest.documentType === OBJECTION_ATTACHMENT.id
        ? OBJECTION_ATTACHMENT
        : undefined
      : await checklistEntry(db, manifest);
  // One more than any legal upload has, so an extra chunk shows without reading an unbounded number.
  const chunks = await uploadRef(db, fileId)
    .collection(COLLECTIONS.chunks)
    .orderBy(FieldPath.documentId())
    .limit(MAX_UPLOAD_CHUNKS + 1)
    .get();
  const parts: Buffer[] = [];
  const found: { index: number; size: number }[] = [];
  for (const doc of chunks.docs) {
    const data: unknown = doc.get("data");
    const bytes = data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.length) : Buffer.alloc(0);
    const index = /^\d{5}$/.test(doc.id) && doc.id === chunkId(Number(doc.id)) ? Number(doc.id) : -1;
    found.push({ index, size: bytes.length });
    parts.push(bytes);
  }
  const bytes = Buffer.concat(parts);
  const facts: ReassembledFacts = {
    chunks: found,
    size: bytes.length,
    sha256: sha256Hex(bytes),
    detected: sniffType(bytes.subarray(0, SNIFF_BYTES)),
  };
  return checkUpload(manifest, facts, requirement);
}

const checklist = z.array(documentRequirement);

/** The document type on the application's post's checklist, only within the manifest's own government. */
async function checklistEntry(db: Firestore, manifest: UploadManifest): Promise<DocumentRequirement | undefined> {
  const selection = await db.collection(COLLECTIONS.selections).doc(manifest.selectionId).get();
  if (!selection.exists || selection.get("instansiId") !== manifest.instansiId) return undefined;
  const posts: unknown = selection.get("posts");
  if (!Array.isArray(posts)) return undefined;
  const post: unknown = posts.find((p: unknown) => isRecord(p) && p["id"] === manifest.postId);
  if (!isRecord(post) || !isRecord(post["requirements"])) return undefined;
  const documents = checklist.safeParse(post["requirements"]["documents"]);
  return documents.success ? documents.data.find((d) => d.id === manifest.documentType) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function statusOf(value: unknown): UploadStatus | "missing" {
  return value === "uploading" || value === "complete" || value === "accepted" || value === "rejected"
    ? value
    : "missing";
}

/** The facts the check relied on, unchanged between the read and the decision. */
function sameFacts(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  return [
    "size",
    "sha256",
    "chunkCount",
    "mimeType",
    "documentType",
    "postId",
    "selectionId",
    "instansiId",
    "purpose",
  ].every((key) => a?.[key] === b?.[key]);
}
