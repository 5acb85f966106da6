/**
 * A stored selection as the officials' and the pansel's lists read it: parsed with the domain schema,
 * or kept as broken with its findings. Pure (no Firebase), so it is tested without a browser.
 */
import type { Finding } from "@domain/selection/checks";
import { readSelection, type StoredSelection } from "@domain/selection/stored";

export type SelectionWithId = StoredSelection & { id: string };

/**
 * A selection whose stored document no longer fits the schema: it stays in the lists, and its page
 * and the wizard name the damaged fields, instead of it vanishing (issue 7).
 */
export interface BrokenSelection {
  readonly id: string;
  readonly broken: true;
  readonly title: string;
  readonly findings: readonly Finding[];
  /** The document as stored, for the wizard to keep what is still readable. */
  readonly data: Readonly<Record<string, unknown>>;
}

export function selectionOrBroken(id: string, data: Record<string, unknown>): SelectionWithId | BrokenSelection {
  const read = readSelection(data);
  if (read.ok) return { ...read.selection, id };
  const title = typeof data["title"] === "string" ? data["title"] : id;
  return { id, broken: true, title, findings: read.findings, data };
}

/** Every document of a query result, none left out: a damaged one is listed as broken. */
export function selectionsOrBroken(
  docs: readonly { readonly id: string; data(): Record<string, unknown> }[],
): (SelectionWithId | BrokenSelection)[] {
  return docs.map((d) => selectionOrBroken(d.id, d.data()));
}
