/**
 * The file store of a candidate's phone (issue 8, "Storage design (decided)"): a file goes to
 * Firestore as a manifest (uploads/{fileId}) and chunks of at most 512 KiB, through the full SDK and
 * its persistent cache. Every write is queued at once, in order (manifest, chunks, `complete`), so
 * the SDK sends what the network allows and keeps the rest in IndexedDB: a dropped connection, a
 * closed tab or a restarted phone only pause it, and the same queue goes out when the app runs again
 * with the same account. That queue IS the resumable upload; nothing here retries by hand.
 *
 * The interface is narrow (upload, follow, the device's pending list) so a Cloud Storage backend with
 * resumable uploads could replace this module for larger files without touching the screens.
 */
import {
  Bytes,
  collection,
  doc,
  getDoc,
  onSnapshot,
  setDoc,
  updateDoc,
  waitForPendingWrites,
} from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import type { Issue } from "@domain/issue";
import { applicationDocument, type ApplicationDocument } from "@domain/applications/application";
import { planChunks } from "@domain/files/upload";
import type { UploadManifest } from "@domain/files/manifest";
import { publicSelectionDetail } from "@domain/publication/projection";
import type { DocumentRequirement } from "@domain/selection/setup";
import { liveDb } from "./live";
import { patch, put, readPending, uploads, writePending, type UploadState } from "./uploadState";

export interface NewUpload {
  readonly ownerUid: string;
  readonly applicationId: string;
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  readonly documentType: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  /** "objection": the attachment of an objection (domain/files/manifest.ts), not a checklist document. */
  readonly purpose?: "objection";
}

/** An error the screen shows as is: a catalogue issue. */
export class UploadError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.code);
    this.name = "UploadError";
  }
}

let loadedFor: string | undefined;

const watching = new Map<string, () => void>();

/**
 * The uploads this device had not seen decided, after a restart too, each followed until it is.
 * Call once the user is known (the queue belongs to that account).
 */
export function resumePending(uid: string): void {
  if (loadedFor === uid) return;
  loadedFor = uid;
  const next = new Map(uploads.get());
  const pending = readPending(uid);
  for (const state of pending) if (!next.has(state.fileId)) next.set(state.fileId, state);
  uploads.set(next);
  // The queue left by the last session goes out first; only then is each file on the server to follow.
  void waitForPendingWrites(liveDb()).then(() => pending.forEach((state) => follow(uid, state.fileId)));
}

/**
 * Follows the manifest (a small document; never the chunks, which would download the file again),
 * once this device's writes of it are through: the rules refuse to read a manifest the server does
 * not have, so a refusal then means the file never arrived and nothing of it is left to send.
 */
function follow(uid: string, fileId: string): void {
  if (watching.has(fileId)) return;
  const stop = onSnapshot(
    doc(liveDb(), COLLECTIONS.uploads, fileId),
    { includeMetadataChanges: true },
    (snap) => {
      if (!snap.exists()) return;
      const status: unknown = snap.get("status");
      const current = uploads.get().get(fileId);
      if (status === "accepted") finish(uid, fileId, { phase: "accepted", acked: current?.total ?? 0 });
      else if (status === "rejected") {
        const rejection = snap.get("rejection") as Issue | undefined;
        finish(uid, fileId, rejection ? { phase: "rejected", rejection } : { phase: "rejected" });
      } else if (status === "complete" && !snap.metadata.hasPendingWrites) {
        patch(uid, fileId, { phase: "checking", acked: current?.total ?? 0 });
      }
    },
    () => finish(uid, fileId, { phase: "lost", rejection: { code: "err.upload.lost" } }),
  );
  watching.set(fileId, stop);
}

function finish(uid: string, fileId: string, change: Partial<UploadState>): void {
  patch(uid, fileId, change);
  watching.get(fileId)?.();
  watching.delete(fileId);
}

// ---- uploading ------------------------------------------------------------------------------------

/** Zero-padded like functions/src/files/chunks.ts, so ids sort in byte order. */
const chunkIdOf = (index: number) => String(index).padStart(5, "0");

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes.slice().buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Queues a file for upload and returns its fileId at once; `uploads` follows it from then on.
 * Refuses (UploadError) only what can be known on the phone: an empty or oversized file.
 */
export async function uploadFile(input: NewUpload, maxBytes: number): Promise<string> {
  const plan = planChunks(input.bytes.length, undefined, maxBytes);
  if (!plan.ok) throw new UploadError(plan.issue);
  const sha256 = await sha256Hex(input.bytes);
  const db = liveDb();
  const ref = doc(collection(db, COLLECTIONS.uploads));
  const manifest: UploadManifest = {
    ownerUid: input.ownerUid,
    instansiId: input.instansiId,
    selectionId: input.selectionId,
    applicationId: input.applicationId,
    postId: input.postId,
    documentType: input.documentType,
    fileName: input.fileName,
    mimeType: input.mimeType,
    size: input.bytes.length,
    sha256,
    chunkCount: plan.count,
    status: "uploading",
    ...(input.purpose ? { purpose: input.purpose } : {}),
  };
  const uid = input.ownerUid;
  put(uid, {
    fileId: ref.id,
    applicationId: input.applicationId,
    documentType: input.documentType,
    fileName: input.fileName,
    size: input.bytes.length,
    total: plan.count,
    acked: 0,
    phase: "sending",
  });
  // No await between these: all of them enter the SDK's queue now, in this order, and the write
  // stream applies them in order (the chunks' rules read the manifest written just before).
  let acked = 0;
  const writes = [
    setDoc(ref, manifest),
    ...plan.ranges.map((range) =>
      setDoc(doc(ref, COLLECTIONS.chunks, chunkIdOf(range.index)), {
        data: Bytes.fromUint8Array(input.bytes.slice(range.start, range.end)),
      }).then(() => patch(uid, ref.id, { acked: ++acked })),
    ),
    updateDoc(ref, { status: "complete" }),
  ];
  Promise.all(writes).then(
    () => {
      const current = uploads.get().get(ref.id);
      if (current?.phase === "sending") patch(uid, ref.id, { phase: "checking", acked: plan.count });
      follow(uid, ref.id);
    },
    () => finish(uid, ref.id, { phase: "refused", rejection: { code: "err.upload.refused" } }),
  );
  return ref.id;
}

/** Forgets a finished upload the candidate has seen (its outcome is on the checklist now). */
export function dismissUpload(uid: string, fileId: string): void {
  const next = new Map(uploads.get());
  next.delete(fileId);
  uploads.set(next);
  writePending(
    uid,
    readPending(uid).filter((u) => u.fileId !== fileId),
  );
}

// ---- what the documents screen reads --------------------------------------------------------------

export interface MyApplication {
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  readonly postName: string;
  readonly status: string;
  readonly documents: Readonly<Record<string, ApplicationDocument>>;
}

/** The candidate's own application, live: the upload check writes each file's outcome on it. */
export function watchMyApplication(
  applicationId: string,
  next: (value: MyApplication | undefined) => void,
  fail: (error: unknown) => void,
): () => void {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.applications, applicationId),
    (snap) => {
      const data = snap.data();
      if (!data) return next(undefined);
      const documents: Record<string, ApplicationDocument> = {};
      const raw = (data["documents"] ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(raw)) {
        const parsed = applicationDocument.safeParse(value);
        if (parsed.success) documents[key] = parsed.data;
      }
      next({
        instansiId: String(data["instansiId"]),
        selectionId: String(data["selectionId"]),
        postId: String(data["postId"]),
        postName: String(data["postName"] ?? ""),
        status: String(data["status"]),
        documents,
      });
    },
    fail,
  );
}

/** The post's checklist as published (publicSelections/{id}/detail/main). */
export async function readChecklist(selectionId: string, postId: string): Promise<DocumentRequirement[]> {
  const snap = await getDoc(doc(liveDb(), COLLECTIONS.publicSelections, selectionId, COLLECTIONS.publicDetail, "main"));
  const parsed = publicSelectionDetail.safeParse(snap.data());
  return parsed.success ? (parsed.data.requirements[postId]?.documents ?? []) : [];
}

export { uploads, type UploadPhase, type UploadState } from "./uploadState";
