/**
 * A selection followed live by a screen about one of its applications (an operator verifying it, a
 * member scoring it): loading until the first snapshot, then the selection, or undefined when it is
 * missing, broken or unreadable; each screen says what that means for it in its own words.
 */
import type { BrokenSelection, SelectionWithId } from "../data/live";
import { useLive } from "./useLive";

export type LiveSelection =
  { readonly loading: true } | { readonly loading: false; readonly selection: SelectionWithId | undefined };

export function useLiveSelection(selectionId: string): LiveSelection {
  const state = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../data/live");
    return (next, fail) => watchSelection(selectionId, next, fail);
  }, [selectionId]);
  if (state.status === "loading") return { loading: true };
  const value = state.status === "ready" ? state.value : undefined;
  return { loading: false, selection: value && !("broken" in value) ? value : undefined };
}
