/**
 * The setup wizard's outbox: edits wait on the device (localStorage, one entry per selection) until
 * the saveSetup callable has taken them, so offline drafting survives a reload, and what the server
 * refuses (a colleague saved first, the stage closed, a proposal froze the setup) is kept for the
 * operator to resolve rather than dropped. What every outbox does is in ./deviceOutbox.ts; here, what
 * is the wizard's: edits merge field by field into one partial setup.
 */
import { z } from "zod/mini";
import { selectionSetup, type SelectionSetup } from "@domain/selection/setup";
import { issue } from "@domain/selection/stored";
import {
  afterLost,
  afterRefused,
  afterSaved,
  keepMine,
  loadItem,
  retry,
  storeItem,
  withoutUndefined,
  type OutboxItemBase,
} from "./deviceOutbox";

export type SetupPart = Partial<SelectionSetup>;
const setupPart = z.partial(selectionSetup);

export interface Conflict {
  readonly revision: number;
  readonly setup: Readonly<Record<string, unknown>>;
}

export interface OutboxItem extends OutboxItemBase<Conflict> {
  /** The setup fields to save, merged over every unsent edit (the latest value of each field wins). */
  readonly part: SetupPart;
}

const key = (selectionId: string) => `seleksi.outbox.${selectionId}`;

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

export function loadOutbox(selectionId: string): OutboxItem | undefined {
  return loadItem(key(selectionId), (value) => {
    const parsed = storedItem.safeParse(value);
    return parsed.success ? withoutUndefined(parsed.data) : undefined;
  });
}

export function storeOutbox(selectionId: string, item: OutboxItem | undefined): void {
  storeItem(key(selectionId), item);
}

export { afterLost, afterRefused, afterSaved, keepMine, retry };

/** New edits join the waiting ones; a refused or conflicting item keeps its state until resolved. */
export function addEdit(item: OutboxItem | undefined, part: SetupPart, revision: number): OutboxItem {
  if (!item) return { baseRevision: revision, part: { ...part }, edits: 1, state: "waiting" };
  return { ...item, part: { ...item.part, ...part }, edits: item.edits + 1 };
}

/** The fields where the operator's version and the stored one differ, for the side-by-side view. */
export function differingFields(item: OutboxItem): { field: string; mine: unknown; theirs: unknown }[] {
  const theirs = item.conflict?.setup ?? {};
  return Object.entries(item.part)
    .filter(([field, mine]) => JSON.stringify(mine) !== JSON.stringify(theirs[field]))
    .map(([field, mine]) => ({ field, mine, theirs: theirs[field] }));
}
