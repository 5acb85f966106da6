/**
 * The wizard's outbox (../../../data/outbox.ts) sent through the saveSetup callable by the device
 * outbox hook (../../../ui/useDeviceOutbox.ts).
 */
import { useRef } from "preact/hooks";
import {
  addEdit,
  conflict,
  keepMine,
  loadOutbox,
  retry,
  storeOutbox,
  type OutboxItem,
  type SetupPart,
} from "../../../data/outbox";
import { useDeviceOutbox } from "../../../ui/useDeviceOutbox";

export interface SetupOutbox {
  readonly item: OutboxItem | undefined;
  readonly sending: boolean;
  /** True once the server has taken an edit and nothing waits. */
  readonly sent: boolean;
  queue(part: SetupPart): void;
  keepMine(): void;
  retry(): void;
  /** Drops the waiting edits (the operator took the saved version). */
  discard(): void;
}

export function useSetupOutbox(selectionId: string, startRevision: number): SetupOutbox {
  const revision = useRef(startRevision);
  const outbox = useDeviceOutbox({
    load: () => loadOutbox(selectionId),
    store: (item) => storeOutbox(selectionId, item),
    conflict,
    send: async ({ saveSetup }, item, requestId) =>
      (await saveSetup({ selectionId, baseRevision: item.baseRevision, part: item.part, requestId })).revision,
    onSaved: (saved) => {
      revision.current = saved;
    },
  });
  return {
    item: outbox.item,
    sending: outbox.sending,
    sent: outbox.sent,
    queue: (part) => outbox.edit((item) => addEdit(item, part, revision.current)),
    keepMine: () => outbox.replace(keepMine),
    retry: () => outbox.replace(retry),
    discard() {
      outbox.replace((item) => {
        // The operator took the stored version: the next edit is based on it.
        if (item.conflict) revision.current = item.conflict.revision;
        return undefined;
      });
    },
  };
}
