/**
 * An operator records their government's regional elections and Penjabat periods on `instansi/{id}`,
 * replacing both lists, in one transaction with an audit entry (who, when, before, after) and the
 * answer kept under the request id, so a retry after a lost answer changes nothing.
 */
import { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import { instansiDoc, type CalendarAuditDoc } from "../domain/schemas/documents.js";
import {
  recordRegionalCalendarOutput,
  type RecordRegionalCalendarInput,
  type RegionalCalendar,
} from "../domain/schemas/regionalCalendar.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";

const ACTION = "recordRegionalCalendar";
type Answer = z.output<typeof recordRegionalCalendarOutput>;

/** instansi/{id}/requests/{requestId}, as selections keep theirs (process/idempotency.ts). */
const requestDoc = z.object({ uid: z.string(), action: z.string(), result: z.unknown(), at: z.string() });
const storedCalendar = z.pick(instansiDoc, { elections: true, actingHeads: true });

/** Field order fixed, so that "unchanged" compares values and not the order a client sent keys in. */
function canonical(c: RegionalCalendar): RegionalCalendar {
  return {
    elections: c.elections.map((e) => ({
      candidatePairsDetermination: e.candidatePairsDetermination,
      termEnd: e.termEnd,
    })),
    actingHeads: c.actingHeads.map((p) => ({ from: p.from, to: p.to })),
  };
}

export async function recordRegionalCalendar(
  caller: Caller,
  input: RecordRegionalCalendarInput,
  now: Date,
): Promise<Answer> {
  // Only operators: the pejabat approves what the operator proposes, and these dates decide whether
  // the pejabat's approval of a pelantikan needs the Minister's letter, so the approver does not set
  // them. Pansel members and candidates have no say in the government's records.
  if (!caller.claims?.roles.includes("operator")) {
    throw issueError("permission-denied", [{ code: "err.calendar.operatorOnly" }]);
  }
  const instansiId = caller.claims.instansi;
  if (input.instansiId !== instansiId) {
    throw issueError("permission-denied", [{ code: "err.calendar.otherInstansi", field: "instansiId" }]);
  }
  const instansi = db.collection(COLLECTIONS.instansi).doc(instansiId);
  const request = instansi.collection(COLLECTIONS.requests).doc(input.requestId);
  return db.runTransaction(async (tx) => {
    const [earlier, snap] = await Promise.all([tx.get(request), tx.get(instansi)]);
    if (earlier.exists) {
      const stored = requestDoc.parse(earlier.data());
      if (stored.uid !== caller.uid || stored.action !== ACTION) {
        throw issueError("failed-precondition", [{ code: "err.request.reused" }]);
      }
      return recordRegionalCalendarOutput.parse(stored.result);
    }
    if (!snap.exists) throw issueError("not-found", [{ code: "err.instansi.unknown" }]);
    const parsed = storedCalendar.safeParse(snap.data());
    const before = canonical(parsed.success ? parsed.data : { elections: [], actingHeads: [] });
    const after = canonical(input);
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    const at = now.toISOString();
    if (changed) {
      tx.update(instansi, { ...after });
      const entry: CalendarAuditDoc = { instansiId, actor: { uid: caller.uid, name: caller.name }, before, after, at };
      tx.create(instansi.collection(COLLECTIONS.calendarAudit).doc(), entry);
    }
    const answer: Answer = { changed, at };
    tx.create(request, { uid: caller.uid, action: ACTION, result: answer, at });
    return answer;
  });
}
