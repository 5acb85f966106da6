/**
 * Sends a device outbox (../data/deviceOutbox.ts) through its callable: at once when online, again
 * when the device comes back online, and every few seconds while an answer is missing. One send at a
 * time, so each is based on the revision the previous one produced. The setup wizard's and the
 * profile's outboxes are this hook with their own payload and callable.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { ZodMiniType } from "zod/mini";
import { afterLost, afterRefused, afterSaved, type OutboxItemBase } from "../data/deviceOutbox";
import { failureKind } from "../data/requestPolicy";

type Callables = typeof import("../data/callables");

export interface DeviceOutboxOptions<T extends OutboxItemBase<C>, C extends { readonly revision: number }> {
  load: () => T | undefined;
  store: (item: T | undefined) => void;
  /** Sends the item under the request id; answers the revision the server stored. */
  send: (callables: Callables, item: T, requestId: string) => Promise<number>;
  /** The stored version a stale save is refused with (the error's `details.current`). */
  conflict: ZodMiniType<C>;
  onSaved?: (revision: number) => void;
}

export interface DeviceOutbox<T> {
  readonly item: T | undefined;
  readonly sending: boolean;
  /** True once the server has taken an edit and nothing waits. */
  readonly sent: boolean;
  /** A new edit: the item becomes `next(current)` and is sent. */
  edit(next: (current: T | undefined) => T): void;
  /** Replaces the item (keeping a version, retrying, discarding); one left waiting is sent by itself. */
  replace(next: (current: T) => T | undefined): void;
}

export function useDeviceOutbox<T extends OutboxItemBase<C>, C extends { readonly revision: number }>(
  options: DeviceOutboxOptions<T, C>,
): DeviceOutbox<T> {
  const [item, setItem] = useState(options.load);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const itemRef = useRef(item);
  const inFlight = useRef(false);
  const opts = useRef(options);
  opts.current = options;

  const set = (next: T | undefined) => {
    itemRef.current = next;
    opts.current.store(next);
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
      const loaded = await import("../data/callables").catch(() => undefined);
      if (!loaded) return;
      const requestId = current.requestId ?? loaded.newRequestId();
      // Stored before sending: a reload while the answer is on its way resends the same request.
      set(afterLost(current, requestId));
      try {
        const revision = await opts.current.send(loaded, current, requestId);
        opts.current.onSaved?.(revision);
        const after = itemRef.current && afterSaved(itemRef.current, current.edits, revision);
        set(after);
        setSent(true);
        again = after !== undefined;
      } catch (error) {
        const now = itemRef.current ?? current;
        if (failureKind(error) === "unknown") set(afterLost(now, requestId));
        else {
          const details = loaded.callableDetails(error);
          const stored = opts.current.conflict.safeParse(
            typeof details === "object" && details !== null && "current" in details ? details.current : undefined,
          );
          set(afterRefused(now, loaded.callableIssues(error), stored.success ? stored.data : undefined));
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
    edit(next) {
      setSent(false);
      set(next(itemRef.current));
      void sendRef.current();
    },
    replace(next) {
      if (itemRef.current) set(next(itemRef.current));
    },
  };
}
