/**
 * One step of a selection, the way every process callable runs it: in one Firestore transaction,
 * look up the answer of an earlier call with the same request id (a retry changes nothing), read the
 * selection (parsed, and checked to be the caller's government's), let the step decide, then write
 * its change with the next audit sequence number, the audit entry and the answer, together or not
 * at all.
 */
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod/mini";
import type { Stage } from "../domain/stages.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { appendStep, type Step } from "./audit.js";
import { earlierAnswer, rememberAnswer } from "./idempotency.js";
import { readOwnSelection, selectionRef } from "./selectionStore.js";

/** What a step read of its selection: at least the tenant, the stage and the audit counter. */
export interface StepSelection {
  readonly instansiId: string;
  readonly stage: Stage | null;
  readonly auditSeq: number;
}

export interface StepOutcome<R> {
  readonly result: R;
  /** The audit entry; its number and time are the step's. */
  readonly audit: Omit<Step, "seq" | "at">;
  /** Fields of the selection that change (the audit counter is added), or a new selection to create. */
  readonly write: { readonly update: Record<string, unknown> } | { readonly create: StoredSelection };
}

export interface StepContext<S> {
  readonly tx: Transaction;
  readonly selection: S;
  /** The step's time, ISO. */
  readonly at: string;
  /** The step's audit sequence number. */
  readonly seq: number;
}

export interface StepRequest<S extends z.ZodMiniType> {
  readonly caller: Caller;
  readonly selectionId: string;
  readonly requestId: string;
  /** Ties the request id to one kind of action: the same id sent to another callable is refused. */
  readonly action: string;
  /** The answer's schema, for parsing the stored answer of an earlier call. */
  readonly answer: S;
  readonly now: Date;
}

export type ReadSelection<Sel> = (tx: Transaction, selectionId: string, caller: Caller) => Promise<Sel>;
type Decide<S extends z.ZodMiniType, Sel> = (context: StepContext<Sel>) => Promise<StepOutcome<z.output<S>>>;

/** The selection parsed whole and checked to be the caller's government's. */
const readOwn: ReadSelection<StoredSelection> = (tx, selectionId, caller) =>
  readOwnSelection(tx, selectionId, caller.claims);

export function runSelectionStep<S extends z.ZodMiniType>(
  request: StepRequest<S>,
  decide: Decide<S, StoredSelection>,
): Promise<z.output<S>> {
  return runSelectionStepReading(readOwn, request, decide);
}

/** The same, with its own way of reading the selection (a draft being created, a setup being repaired). */
export async function runSelectionStepReading<S extends z.ZodMiniType, Sel extends StepSelection>(
  read: ReadSelection<Sel>,
  request: StepRequest<S>,
  decide: Decide<S, Sel>,
): Promise<z.output<S>> {
  const { caller, selectionId, now } = request;
  const key = { selectionId, requestId: request.requestId, uid: caller.uid, action: request.action };
  return db.runTransaction(async (tx) => {
    const earlier = await earlierAnswer(tx, key, request.answer);
    if (earlier !== undefined) return earlier;
    const selection = await read(tx, selectionId, caller);
    const at = now.toISOString();
    const seq = selection.auditSeq + 1;
    const outcome = await decide({ tx, selection, at, seq });
    const ref = selectionRef(selectionId);
    if ("create" in outcome.write) tx.create(ref, { ...outcome.write.create, auditSeq: seq });
    else tx.update(ref, { ...outcome.write.update, auditSeq: seq });
    appendStep(tx, selectionId, selection, { ...outcome.audit, seq, at });
    rememberAnswer(tx, key, outcome.result, at);
    return outcome.result;
  });
}
