/** The append-only timeline of a selection: one entry per step, numbered by the selection's auditSeq. */
import type { Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { auditEntryId, type AuditEntry } from "../domain/selection/process.js";
import { selectionRef } from "./selectionStore.js";

/** `create`, never `set`: an entry with the same number means a lost race, and the transaction retries. */
export function appendAudit(tx: Transaction, selectionId: string, entry: AuditEntry): void {
  tx.create(selectionRef(selectionId).collection(COLLECTIONS.audit).doc(auditEntryId(entry.seq)), entry);
}
