/** The append-only timeline of a selection: one entry per step, numbered by the selection's auditSeq. */
import type { Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { auditEntryId, type AuditEntry } from "../domain/selection/process.js";
import type { Stage } from "../domain/stages.js";
import type { Caller } from "../shell/callable.js";
import { selectionRef } from "./selectionStore.js";

/** `create`, never `set`: an entry with the same number means a lost race, and the transaction retries. */
export function appendAudit(tx: Transaction, selectionId: string, entry: AuditEntry): void {
  tx.create(selectionRef(selectionId).collection(COLLECTIONS.audit).doc(auditEntryId(entry.seq)), entry);
}

/** One step of the process, as the callables know it; the entry adds the tenant and the stage it left. */
export type Step = Omit<AuditEntry, "instansiId" | "from">;

export function appendStep(
  tx: Transaction,
  selectionId: string,
  selection: { readonly instansiId: string; readonly stage: Stage | null },
  step: Step,
): void {
  appendAudit(tx, selectionId, { instansiId: selection.instansiId, from: selection.stage, ...step });
}

export function operatorActor(caller: Caller): AuditEntry["actor"] {
  return { uid: caller.uid, name: caller.name, role: "operator" };
}
