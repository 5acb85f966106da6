/**
 * Submitted applications and their uploaded files, written with the Admin SDK as the apply, submit
 * and upload-check functions leave them (those functions are other work of issue 8): what the
 * verification tests, the browser test and the bench start from.
 */
import { createHash } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import {
  applicationId,
  storedApplication,
  type ApplicationDocument,
  type StoredApplication,
} from "../../functions/src/domain/applications/application.js";
import { candidateProfile } from "../../functions/src/domain/schemas/profile.js";
import { FAUZI_INPUT } from "../fixtures/metro2021Profile.js";

const PROFILE = candidateProfile().parse(FAUZI_INPUT);

export interface ApplicationFacts {
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  readonly postName: string;
  readonly candidateUid: string;
  readonly candidateName: string;
  readonly status?: StoredApplication["status"];
  readonly submittedAt?: string;
  readonly documents?: Record<string, ApplicationDocument>;
}

/** An application as the submit function stores it: profile snapshot, eligibility, checklist. */
export function submittedApplication(f: ApplicationFacts): StoredApplication & { id: string } {
  const at = f.submittedAt ?? "2021-10-04T03:00:00.000Z";
  const status = f.status ?? "submitted";
  const app = storedApplication.parse({
    instansiId: f.instansiId,
    selectionId: f.selectionId,
    postId: f.postId,
    postName: f.postName,
    candidateUid: f.candidateUid,
    candidateName: f.candidateName,
    nip: PROFILE.nip,
    status,
    createdAt: at,
    updatedAt: at,
    submittedAt: status === "draft" ? null : at,
    profile: { ...PROFILE, name: f.candidateName },
    eligibility: [
      { requirement: "rank", status: "met", code: "elig.rank", params: { rank: "IV/b", min: "IV/a" } },
      { requirement: "age", status: "met", code: "elig.age", params: { date: "2021-10-04", age: 49, max: 56 } },
    ],
    documents: f.documents ?? {},
  });
  return { ...app, id: applicationId(f.selectionId, f.postId, f.candidateUid) };
}

export function acceptedDocument(fileId: string, fileName: string, mimeType: string, size = 1000): ApplicationDocument {
  return { fileId, fileName, mimeType, size, status: "accepted", rejection: null };
}

export async function writeApplication(db: Firestore, app: StoredApplication & { id: string }): Promise<void> {
  const { id, ...data } = app;
  await db.collection(COLLECTIONS.applications).doc(id).set(data);
}

const CHUNK_BYTES = 512 * 1024;

/** An upload the check accepted: the manifest and its chunks of at most 512 KiB. */
export async function writeAcceptedUpload(
  db: Firestore,
  fileId: string,
  app: StoredApplication & { id: string },
  documentType: string,
  file: { readonly fileName: string; readonly mimeType: string; readonly bytes: Uint8Array },
): Promise<void> {
  const chunkCount = Math.max(1, Math.ceil(file.bytes.length / CHUNK_BYTES));
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const ref = db.collection(COLLECTIONS.uploads).doc(fileId);
  await ref.set({
    ownerUid: app.candidateUid,
    instansiId: app.instansiId,
    selectionId: app.selectionId,
    applicationId: app.id,
    postId: app.postId,
    documentType,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.bytes.length,
    sha256,
    chunkCount,
    status: "accepted",
    verified: { size: file.bytes.length, sha256, format: file.mimeType, chunkCount },
  });
  for (let i = 0; i < chunkCount; i++) {
    const data = Buffer.from(file.bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
    await ref.collection(COLLECTIONS.chunks).doc(String(i).padStart(5, "0")).set({ data });
  }
}
