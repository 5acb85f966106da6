/**
 * What every outbox on the device shares (the setup wizard's edits, the candidate's profile): an item
 * waits in localStorage until its callable has taken it, so work done offline survives a reload, and
 * what the server refuses stays with the reason (and, for a stale save, the stored version) for the
 * person to resolve rather than being dropped. Pure over the item; only `loadItem`/`storeItem` touch
 * storage. Each outbox keeps its own payload field (`part`, `profile`): items already stored on phones
 * under those names must still load after an update.
 */
import type { Issue } from "@domain/issue";

export type OutboxState = "waiting" | "refused" | "conflict";

export interface OutboxItemBase<C extends { readonly revision: number }> {
  /** The revision the payload was edited from. */
  readonly baseRevision: number;
  /** Counts edits, so an answer to an older send does not clear newer ones. */
  readonly edits: number;
  /** The request id of a send whose outcome is unknown; a retry sends it again. */
  readonly requestId?: string;
  readonly state: OutboxState;
  readonly issues?: readonly Issue[];
  /** The stored version a stale save was refused with. */
  readonly conflict?: C;
}

type AnyItem = OutboxItemBase<{ readonly revision: number }>;

/** A stored item, or nothing when there is none or it no longer parses (an older app's). */
export function loadItem<T>(key: string, parse: (value: unknown) => T | undefined): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text ? parse(JSON.parse(text)) : undefined;
  } catch {
    return undefined;
  }
}

export function storeItem(key: string, item: object | undefined): void {
  try {
    if (item) localStorage.setItem(key, JSON.stringify(item));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or blocked (private mode): the item stays in memory for this visit.
  }
}

/** The stored shape minus the optional parts left undefined (exactOptionalPropertyTypes). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The item as it waits to be sent: no request id, refusal or conflict attached. */
export function waiting<T extends AnyItem>(item: T, baseRevision: number): T {
  const rest = { ...item } as Record<string, unknown>;
  delete rest["requestId"];
  delete rest["issues"];
  delete rest["conflict"];
  return { ...rest, baseRevision, state: "waiting" } as unknown as T;
}

/** The server took the edits sent: what was typed since stays, based on the new revision. */
export function afterSaved<T extends AnyItem>(item: T, sentEdits: number, revision: number): T | undefined {
  return item.edits === sentEdits ? undefined : waiting(item, revision);
}

/** The outcome is unknown: keep the request id, so the retry cannot save twice. */
export function afterLost<T extends AnyItem>(item: T, requestId: string): T {
  return { ...item, requestId };
}

/** Refused for good: the payload stays, with the reasons, for the person to resolve. */
export function afterRefused<T extends AnyItem>(item: T, issues: readonly Issue[], conflict?: T["conflict"]): T {
  const base = waiting(item, item.baseRevision);
  return conflict ? { ...base, state: "conflict", issues, conflict } : { ...base, state: "refused", issues };
}

/** This device's version is kept over the stored one: sent again on top of the stored revision. */
export function keepMine<T extends AnyItem>(item: T): T {
  return waiting(item, item.conflict?.revision ?? item.baseRevision);
}

/** A refused item sent again as a new request (after the proposal was decided, say). */
export function retry<T extends AnyItem>(item: T): T {
  return waiting(item, item.baseRevision);
}
