/**
 * New selections start here: a function, not the client, creates the document so that the process
 * fields (stage, publication, counters) start right and the tenant is the caller's own.
 */
import { emptySetup } from "../domain/selection/defaults.js";
import type { CreateSelectionDraftInput, RecordLetterInput } from "../domain/selection/process.js";
import { selectionSetup, type SelectionSetup } from "../domain/selection/setup.js";
import { INITIAL_PROCESS, storedSelection, type StoredSelection } from "../domain/selection/stored.js";
import { message } from "../domain/i18n/render.js";
import { draftProfileId } from "../domain/selection/defaults.js";
import { todayIn } from "../shell/clock.js";
import { db } from "../shell/admin.js";
import { requireOperator, type Caller } from "../shell/callable.js";
import { appendStep, operatorActor } from "./audit.js";
import { earlierAnswer, rememberAnswer } from "./idempotency.js";
import { readInstansi, readOwnSelection, selectionRef } from "./selectionStore.js";

export async function createSelectionDraft(
  caller: Caller,
  input: CreateSelectionDraftInput,
  now: Date,
): Promise<{ selectionId: string }> {
  const instansiId = requireOperator(caller);
  // The idempotency record lives under the new selection, whose id is derived from the request id.
  const selectionId = `${instansiId}-${input.requestId}`.slice(0, 100);
  const key = { selectionId, requestId: input.requestId, uid: caller.uid, action: "create" };
  return db.runTransaction(async (tx) => {
    const earlier = await earlierAnswer<{ selectionId: string }>(tx, key);
    if (earlier) return earlier;
    const instansi = await readInstansi(tx, instansiId);
    const year = now.getUTCFullYear();
    let setup: SelectionSetup = emptySetup(year, draftProfileId(todayIn(instansi.timeZone, now)));
    if (input.copyFrom) {
      const past = await readOwnSelection(tx, input.copyFrom, caller.claims);
      // Copy what an operator set up, never what the process decided; dates start again.
      const copied = selectionSetup.parse(past);
      setup = { ...copied, title: message("id", "doc.record.copyTitle", { title: copied.title }), year, schedule: {} };
    }
    const at = now.toISOString();
    const selection: StoredSelection = {
      ...setup,
      instansiId,
      instansiName: instansi.name,
      stage: "persiapan",
      public: false,
      announcedAt: null,
      panselUids: setup.pansel.flatMap((m) => (m.uid ? [m.uid] : [])),
      ...INITIAL_PROCESS,
      auditSeq: 1,
    };
    tx.create(selectionRef(selectionId), storedSelection.parse(selection));
    appendStep(
      tx,
      selectionId,
      { instansiId, stage: null },
      {
        seq: 1,
        at,
        actor: operatorActor(caller),
        action: "create",
        to: "persiapan",
        reason: input.copyFrom ? message("id", "doc.record.copiedFrom", { selection: input.copyFrom }) : "",
        reference: input.copyFrom ?? null,
      },
    );
    const result = { selectionId };
    rememberAnswer(tx, key, result, at);
    return result;
  });
}

/** The Minister's approval in an election period, or the national recommendation, on the record. */
export async function recordLetter(caller: Caller, input: RecordLetterInput, now: Date): Promise<{ recorded: true }> {
  requireOperator(caller);
  const key = { selectionId: input.selectionId, requestId: input.requestId, uid: caller.uid, action: "record" };
  return db.runTransaction(async (tx) => {
    const earlier = await earlierAnswer<{ recorded: true }>(tx, key);
    if (earlier) return earlier;
    const selection = await readOwnSelection(tx, input.selectionId, caller.claims);
    const at = now.toISOString();
    const seq = selection.auditSeq + 1;
    tx.update(selectionRef(input.selectionId), { [input.kind]: input.letter, auditSeq: seq });
    appendStep(tx, input.selectionId, selection, {
      seq,
      at,
      actor: operatorActor(caller),
      action: "record",
      to: null,
      reason: message("id", "doc.record.letter", {
        kind: message("id", `doc.record.letter.${input.kind}`),
        number: input.letter.letterNumber,
        date: input.letter.date,
      }),
      reference: input.letter.letterNumber,
    });
    const result = { recorded: true as const };
    rememberAnswer(tx, key, result, at);
    return result;
  });
}
