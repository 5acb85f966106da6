/**
 * Sends the wizard's outbox (../../../data/outbox.ts) through the saveSetup callable: at once when
 * online, again when the device comes back online, and every few seconds while an answer is
 * missing. One send at a time, so each is based on the revision the previous one produced.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import {
  addEdit,
  afterLost,
  afterRefused,
  afterSaved,
  conflict,
  keepMine,
  loadOutbox,
  retry,
  storeOutbox,
  type OutboxItem,
  type SetupPart,
} from "../../../data/outbox";
import { failureKind } from "../../../data/requestPolicy";

export interface SetupOutbox {
  readonly item: OutboxItem | undefined;
  readonly sending: boolean;
  /** True once the server has taken an edit and nothing waits. */
  readonly sent: boolean;
  queue(part: SetupPart): void;
  keepMine(): void;
  retry(): void;
  /** Drops the waiting edits (the operator took the saved version); returns its revision. */
  discard(): void;
}

export function useSetupOutbox(selectionId: string, startRevision: number): SetupOutbox {
  const [item, setItem] = useState(() => loadOutbox(selectionId));
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const itemRef = useRef(item);
  const revision = useRef(startRevision);
  const inFlight = useRef(false);

  const set = (next: OutboxItem | undefined) => {
    itemRef.current = next;
    storeOutbox(selectionId, next);
    setItem(next);
  };

  const send = async (): Promise<void> => {
    const current = itemRef.current;
    if (!current || current.state !== "waiting" || inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    let again = false;
    try {
      // Offline before the callables' code was ever loaded: the edit waits, and the next try loads it.
      const loaded = await import("../../../data/callables").catch(() => undefined);
      if (!loaded) return;
      const { saveSetup, newRequestId, callableIssues, callableDetails } = loaded;
      const requestId = current.requestId ?? newRequestId();
      // Stored before sending: a reload while the answer is on its way resends the same request.
      set(afterLost(current, requestId));
      try {
        const answer = await saveSetup({
          selectionId,
          baseRevision: current.baseRevision,
          part: current.part,
          requestId,
        });
        revision.current = answer.revision;
        const after = itemRef.current && afterSaved(itemRef.current, current.edits, answer.revision);
        set(after);
        setSent(true);
        again = after !== undefined;
      } catch (error) {
        const now = itemRef.current ?? current;
        if (failureKind(error) === "unknown") set(afterLost(now, requestId));
        else {
          const details = callableDetails(error);
          const current = conflict.safeParse(
            typeof details === "object" && details !== null && "current" in details ? details.current : undefined,
          );
          set(afterRefused(now, callableIssues(error), current.success ? current.data : undefined));
        }
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
    if (again) await send();
  };
  const sendRef = useRef(send);
  sendRef.current = send;

  const waiting = item?.state === "waiting";
  useEffect(() => {
    if (!waiting) return;
    void sendRef.current();
    const online = () => void sendRef.current();
    window.addEventListener("online", online);
    const timer = setInterval(online, 10_000);
    return () => {
      window.removeEventListener("online", online);
      clearInterval(timer);
    };
  }, [waiting]);

  return {
    item,
    sending,
    sent: sent && !item,
    queue(part) {
      setSent(false);
      set(addEdit(itemRef.current, part, revision.current));
      void sendRef.current();
    },
    keepMine() {
      if (itemRef.current) set(keepMine(itemRef.current));
    },
    retry() {
      if (itemRef.current) set(retry(itemRef.current));
    },
    discard() {
      const c = itemRef.current?.conflict;
      if (c) revision.current = c.revision;
      set(undefined);
    },
  };
}
