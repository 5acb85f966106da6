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
import { requireOperator, type Caller } from "../shell/callable.js";
import { createDraftOutput, recordLetterOutput } from "../domain/callables.js";
import { operatorActor } from "./audit.js";
import { readInstansi, readOwnSelection } from "./selectionStore.js";
import { runSelectionStep, runSelectionStepReading, type ReadSelection, type StepSelection } from "./step.js";

export async function createSelectionDraft(
  caller: Caller,
  input: CreateSelectionDraftInput,
  now: Date,
): Promise<{ selectionId: string }> {
  const instansiId = requireOperator(caller);
  // The idempotency record lives under the new selection, whose id is derived from the request id.
  const selectionId = `${instansiId}-${input.requestId}`.slice(0, 100);
  // Nothing to read yet: the request id makes the id, so a retry finds its earlier answer instead.
  const fresh: ReadSelection<StepSelection> = () => Promise.resolve({ instansiId, stage: null, auditSeq: 0 });
  const request = { caller, selectionId, requestId: input.requestId, action: "create", answer: createDraftOutput, now };
  return runSelectionStepReading(fresh, request, async ({ tx }) => {
    const instansi = await readInstansi(tx, instansiId);
    const year = now.getUTCFullYear();
    let setup: SelectionSetup = emptySetup(year, draftProfileId(todayIn(instansi.timeZone, now)));
    if (input.copyFrom) {
      const past = await readOwnSelection(tx, input.copyFrom, caller.claims);
      // Copy what an operator set up, never what the process decided; dates start again.
      const copied = selectionSetup.parse(past);
      setup = { ...copied, title: message("id", "doc.record.copyTitle", { title: copied.title }), year, schedule: {} };
    }
    const selection: StoredSelection = {
      ...setup,
      instansiId,
      instansiName: instansi.name,
      stage: "persiapan",
      public: false,
      announcedAt: null,
      panselUids: setup.pansel.flatMap((m) => (m.uid ? [m.uid] : [])),
      ...INITIAL_PROCESS,
    };
    return {
      result: { selectionId },
      write: { create: storedSelection.parse(selection) },
      audit: {
        actor: operatorActor(caller),
        action: "create",
        to: "persiapan",
        reason: input.copyFrom ? message("id", "doc.record.copiedFrom", { selection: input.copyFrom }) : "",
        reference: input.copyFrom ?? null,
      },
    };
  });
}

/** The Minister's approval in an election period, or the national recommendation, on the record. */
export async function recordLetter(caller: Caller, input: RecordLetterInput, now: Date): Promise<{ recorded: true }> {
  requireOperator(caller);
  const request = { caller, ...input, action: "record", answer: recordLetterOutput, now };
  return runSelectionStep(request, async () =>
    Promise.resolve({
      result: { recorded: true as const },
      write: { update: { [input.kind]: input.letter } },
      audit: {
        actor: operatorActor(caller),
        action: "record" as const,
        to: null,
        reason: message("id", "doc.record.letter", {
          kind: message("id", `doc.record.letter.${input.kind}`),
          number: input.letter.letterNumber,
          date: input.letter.date,
        }),
        reference: input.letter.letterNumber,
      },
    }),
  );
}
