/**
 * Objections (sanggah) to the administrative result. Filing and answering are each one transaction
 * on the selection (process/step.ts): the application's objection, the selection's count of open
 * objections that the gate out of pengumumanAdministrasi reads, the audit entry and the answer for
 * retries are written together, or nothing is. The window and the deadlines are the server's clock
 * in the government's zone; the rules that decide are in domain/applications/objection.ts.
 */
import type { Transaction } from "firebase-admin/firestore";
import { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import { storedApplication, type Objection, type StoredApplication } from "../domain/applications/application.js";
import {
  acceptedResult,
  answerDueMs,
  attachmentRefusal,
  objectionRefusal,
  type AnswerObjectionInput,
  type FileObjectionInput,
} from "../domain/applications/objection.js";
import { uploadManifest } from "../domain/files/manifest.js";
import { maskNip } from "../domain/nip.js";
import { profileById } from "../domain/regulation/profiles.js";
import { readSelection, type StoredSelection } from "../domain/selection/stored.js";
import { answerObjectionOutput, fileObjectionOutput } from "../domain/callables.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { issueError, parseStored } from "../shell/errors.js";
import { operatorActor } from "./audit.js";
import { readInstansi, selectionRef } from "./selectionStore.js";
import { runSelectionStep, runSelectionStepReading, type ReadSelection } from "./step.js";

const applicationRef = (id: string) => db.collection(COLLECTIONS.applications).doc(id);

/** `${selection}_${post}_${uid}`: post ids and uids hold no "_", so the selection is what precedes them. */
export function selectionIdOf(applicationId: string): string {
  return applicationId.split("_").slice(0, -2).join("_");
}

const notFound = () => issueError("not-found", [{ code: "err.objection.notFound" }]);

/** The application, checked to belong to the selection its id names. */
async function readApplication(tx: Transaction, applicationId: string, selectionId: string) {
  const snap = await tx.get(applicationRef(applicationId));
  if (!snap.exists) throw notFound();
  const application = parseStored(storedApplication, snap.data(), snap.ref.path);
  if (application.selectionId !== selectionId) throw notFound();
  return application;
}

/**
 * A candidate has no staff claims: the selection is read whole, and whether the caller may act is
 * decided on the application (its owner), not on the tenant.
 */
const readForCandidate: ReadSelection<StoredSelection> = async (tx, selectionId) => {
  const snap = await tx.get(selectionRef(selectionId));
  if (!snap.exists) throw notFound();
  const read = readSelection(snap.data());
  if (!read.ok) throw issueError("failed-precondition", read.findings);
  return read.selection;
};

export async function fileObjection(
  caller: Caller,
  input: FileObjectionInput,
  now: Date,
): Promise<z.output<typeof fileObjectionOutput>> {
  const selectionId = selectionIdOf(input.applicationId);
  if (!selectionId) throw notFound();
  const request = {
    caller,
    selectionId,
    requestId: input.requestId,
    action: "fileObjection",
    answer: fileObjectionOutput,
    now,
  };
  return runSelectionStepReading(readForCandidate, request, async ({ tx, selection, at }) => {
    const application = await readApplication(tx, input.applicationId, selectionId);
    const published = selection.administrativeResult;
    const refusal = objectionRefusal(
      application,
      caller.uid,
      published && selection.stage === "pengumumanAdministrasi" ? { closesAtMs: published.objectionClosesAtMs } : null,
      now.getTime(),
    );
    if (refusal === "err.objection.notOwner") throw notFound();
    if (refusal) {
      throw issueError("failed-precondition", [{ code: refusal, params: { end: published?.objectionLastDay ?? "-" } }]);
    }
    if (input.attachmentFileId !== null) {
      const upload = await tx.get(db.collection(COLLECTIONS.uploads).doc(input.attachmentFileId));
      const parsed = uploadManifest.safeParse(upload.data());
      const attachment = attachmentRefusal(parsed.success ? parsed.data : undefined, caller.uid, input.applicationId);
      if (attachment) throw issueError("failed-precondition", [{ code: attachment, field: "attachmentFileId" }]);
    }
    const instansi = await readInstansi(tx, selection.instansiId);
    const profile = profileById(selection.regulationProfileId);
    if (!profile) throw issueError("failed-precondition", [{ code: "err.objection.closed" }]);
    const answerDue = new Date(answerDueMs(now.getTime(), profile.objections, instansi.timeZone)).toISOString();
    const objection: Objection = {
      text: input.text,
      attachmentFileId: input.attachmentFileId,
      filedAt: at,
      answerDue,
      status: "open",
      answer: null,
      answeredByUid: null,
      answeredByName: null,
      answeredAt: null,
    };
    tx.update(applicationRef(input.applicationId), { objection, updatedAt: at });
    return {
      result: { answerDue },
      write: { update: { counts: { ...selection.counts, openObjections: selection.counts.openObjections + 1 } } },
      audit: {
        actor: { uid: caller.uid, name: application.candidateName, role: "peserta" },
        action: "fileObjection",
        to: null,
        reason: application.postName,
        reference: input.applicationId,
      },
    };
  });
}

export async function answerObjection(
  caller: Caller,
  input: AnswerObjectionInput,
  now: Date,
): Promise<z.output<typeof answerObjectionOutput>> {
  requireOperator(caller);
  const selectionId = selectionIdOf(input.applicationId);
  if (!selectionId) throw notFound();
  const request = {
    caller,
    selectionId,
    requestId: input.requestId,
    action: "answerObjection",
    answer: answerObjectionOutput,
    now,
  };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    const application = await readApplication(tx, input.applicationId, selectionId);
    const objection = application.objection;
    if (!objection || objection.status !== "open") {
      throw issueError("failed-precondition", [{ code: "err.objection.notOpen" }]);
    }
    const accepted = input.decision === "accept";
    const status: "accepted" | "rejected" = accepted ? "accepted" : "rejected";
    const answered: Objection = {
      ...objection,
      status,
      answer: input.reason,
      answeredByUid: caller.uid,
      answeredByName: caller.name,
      answeredAt: at,
    };
    const change: Partial<StoredApplication> =
      accepted && application.result
        ? { status: "ms", result: acceptedResult(application.result, { uid: caller.uid, name: caller.name }, at) }
        : {};
    tx.update(applicationRef(input.applicationId), { ...change, objection: answered, updatedAt: at });
    const published = selection.administrativeResult;
    const list = published?.ms[application.postId];
    const msUpdate =
      accepted && list
        ? {
            [`administrativeResult.ms.${application.postId}`]: [
              ...list,
              { name: application.candidateName, nip: maskNip(application.nip) },
            ].sort((a, b) => a.name.localeCompare(b.name, "id")),
          }
        : {};
    return {
      result: { status },
      write: {
        update: {
          counts: { ...selection.counts, openObjections: Math.max(0, selection.counts.openObjections - 1) },
          ...msUpdate,
        },
      },
      audit: {
        actor: operatorActor(caller),
        action: accepted ? "acceptObjection" : "rejectObjection",
        to: null,
        reason: input.reason,
        reference: input.applicationId,
      },
    };
  });
}
