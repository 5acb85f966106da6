/**
 * The setup wizard's outbox: edits wait on the device (localStorage, one entry per selection) until
 * the saveSetup callable has taken them, so offline drafting survives a reload, and what the server
 * refuses (a colleague saved first, the stage closed, a proposal froze the setup) is kept for the
 * operator to resolve rather than dropped. The functions here are pure over an `OutboxItem`; only
 * `loadOutbox`/`storeOutbox` touch storage.
 */
import { z } from "zod/mini";
import type { Issue } from "@domain/issue";
import { selectionSetup, type SelectionSetup } from "@domain/selection/setup";
import { issue } from "@domain/selection/stored";

export type SetupPart = Partial<SelectionSetup>;
const setupPart = z.partial(selectionSetup);

export interface Conflict {
  readonly revision: number;
  readonly setup: Readonly<Record<string, unknown>>;
}

export interface OutboxItem {
  /** The setup revision these edits started from. */
  readonly baseRevision: number;
  /** The setup fields to save, merged over every unsent edit (the latest value of each field wins). */
  readonly part: SetupPart;
  /** Counts edits, so an answer to an older send does not clear newer ones. */
  readonly edits: number;
  /** The request id of a send whose outcome is unknown; a retry sends it again. */
  readonly requestId?: string;
  readonly state: "waiting" | "refused" | "conflict";
  readonly issues?: readonly Issue[];
  readonly conflict?: Conflict;
}

const key = (selectionId: string) => `seleksi.outbox.${selectionId}`;

export function loadOutbox(selectionId: string): OutboxItem | undefined {
  try {
    const text = localStorage.getItem(key(selectionId));
    if (!text) return undefined;
    const parsed = storedItem.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    const { requestId, issues, conflict, ...rest } = parsed.data;
    return {
      ...rest,
      ...(requestId === undefined ? {} : { requestId }),
      ...(issues === undefined ? {} : { issues }),
      ...(conflict === undefined ? {} : { conflict }),
    };
  } catch {
    return undefined;
  }
}

export function storeOutbox(selectionId: string, item: OutboxItem | undefined): void {
  try {
    if (item) localStorage.setItem(key(selectionId), JSON.stringify(item));
    else localStorage.removeItem(key(selectionId));
  } catch {
    // Storage full or blocked (private mode): the item stays in memory for this visit.
  }
}

/** The conflict a stale save is refused with (the server's current setup), as the error carries it. */
export const conflict = z.object({ revision: z.int(), setup: z.record(z.string(), z.unknown()) });

const storedItem = z.object({
  baseRevision: z.int(),
  part: setupPart,
  edits: z.int(),
  requestId: z.optional(z.string()),
  state: z.enum(["waiting", "refused", "conflict"]),
  issues: z.optional(z.array(issue)),
  conflict: z.optional(conflict),
});

/** New edits join the waiting ones; a refused or conflicting item keeps its state until resolved. */
export function addEdit(item: OutboxItem | undefined, part: SetupPart, revision: number): OutboxItem {
  if (!item) return { baseRevision: revision, part: { ...part }, edits: 1, state: "waiting" };
  return { ...item, part: { ...item.part, ...part }, edits: item.edits + 1 };
}

/** The server took the edits sent: what was typed since stays, based on the new revision. */
export function afterSaved(item: OutboxItem, sentEdits: number, revision: number): OutboxItem | undefined {
  return item.edits === sentEdits ? undefined : waiting(item, revision);
}

/** The outcome is unknown: keep the request id, so the retry cannot save twice. */
export function afterLost(item: OutboxItem, requestId: string): OutboxItem {
  return { ...item, requestId };
}

/** The item as it waits to be sent: no request id, refusal or conflict attached. */
function waiting(item: OutboxItem, baseRevision: number): OutboxItem {
  return { baseRevision, part: item.part, edits: item.edits, state: "waiting" };
}

/** Refused for good: the edits stay, with the reason, for the operator to resolve. */
export function afterRefused(item: OutboxItem, issues: readonly Issue[], conflict?: Conflict): OutboxItem {
  const base = waiting(item, item.baseRevision);
  return conflict ? { ...base, state: "conflict", issues, conflict } : { ...base, state: "refused", issues };
}

/** The operator keeps their version over a colleague's: it is sent again on top of the current revision. */
export function keepMine(item: OutboxItem): OutboxItem {
  return waiting(item, item.conflict?.revision ?? item.baseRevision);
}

/** A refused item sent again as a new request (after the proposal was decided, say). */
export function retry(item: OutboxItem): OutboxItem {
  return waiting(item, item.baseRevision);
}

/** The fields where the operator's version and the stored one differ, for the side-by-side view. */
export function differingFields(item: OutboxItem): { field: string; mine: unknown; theirs: unknown }[] {
  const theirs = item.conflict?.setup ?? {};
  return Object.entries(item.part)
    .filter(([field, mine]) => JSON.stringify(mine) !== JSON.stringify(theirs[field]))
    .map(([field, mine]) => ({ field, mine, theirs: theirs[field] }));
}
