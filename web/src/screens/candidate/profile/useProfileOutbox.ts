/**
 * Sends the profile outbox (../../../data/profileOutbox.ts) through saveProfile: at once when
 * online, again when the device comes back online, and every few seconds while an answer is
 * missing. One send at a time, so each is based on the revision the previous one produced.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CallableInput } from "@domain/callables";
import { profileConflict } from "@domain/schemas/profileSave";
import {
  afterLost,
  afterRefused,
  afterSaved,
  keepMine,
  loadProfileOutbox,
  queueSave,
  storeProfileOutbox,
  type ProfileFields,
  type ProfileOutboxItem,
} from "../../../data/profileOutbox";
import { failureKind } from "../../../data/requestPolicy";

export interface ProfileOutbox {
  readonly item: ProfileOutboxItem | undefined;
  readonly sending: boolean;
  /** True once the server has taken a save and nothing waits. */
  readonly sent: boolean;
  /** Saves a validated profile edited from `revision`. */
  queue(profile: ProfileFields, revision: number): void;
  keepMine(): void;
  /** Drops the waiting profile (the candidate took the stored one). */
  discard(): void;
}

/** `onSaved` gets the revision the server answered, the base of the next save. */
export function useProfileOutbox(uid: string, onSaved: (revision: number) => void): ProfileOutbox {
  const [item, setItem] = useState(() => loadProfileOutbox(uid));
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const itemRef = useRef(item);
  const inFlight = useRef(false);
  const saved = useRef(onSaved);
  saved.current = onSaved;

  const set = (next: ProfileOutboxItem | undefined) => {
    itemRef.current = next;
    storeProfileOutbox(uid, next);
    setItem(next);
  };

  const send = async (): Promise<void> => {
    const current = itemRef.current;
    if (!current || current.state !== "waiting" || inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    let again = false;
    try {
      // Offline before the callables' code was ever loaded: the save waits, and the next try loads it.
      const loaded = await import("../../../data/callables").catch(() => undefined);
      if (!loaded) return;
      const { saveProfile, newRequestId, callableIssues, callableDetails } = loaded;
      const requestId = current.requestId ?? newRequestId();
      // Stored before sending: a reload while the answer is on its way resends the same request.
      set(afterLost(current, requestId));
      try {
        const answer = await saveProfile({
          requestId,
          baseRevision: current.baseRevision,
          // A profile the form validated with the same schema (an older app's may be refused, and is kept).
          profile: current.profile as CallableInput<"saveProfile">["profile"],
        });
        saved.current(answer.revision);
        const after = itemRef.current && afterSaved(itemRef.current, current.edits, answer.revision);
        set(after);
        setSent(true);
        again = after !== undefined;
      } catch (error) {
        const now = itemRef.current ?? current;
        if (failureKind(error) === "unknown") set(afterLost(now, requestId));
        else {
          const details = callableDetails(error);
          const stored = profileConflict.safeParse(
            typeof details === "object" && details !== null && "current" in details ? details.current : undefined,
          );
          set(afterRefused(now, callableIssues(error), stored.success ? stored.data : undefined));
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
    queue(profile, revision) {
      setSent(false);
      set(queueSave(itemRef.current, profile, revision));
      void sendRef.current();
    },
    keepMine() {
      if (itemRef.current) set(keepMine(itemRef.current));
    },
    discard() {
      set(undefined);
    },
  };
}
