/**
 * The public list, page by page, for the filters in the URL. The unfiltered first page shows at
 * once from the copy kept on the device and is refreshed from the network: on 3G the page is useful
 * before the Firestore SDK has even arrived. Each page is one bounded query (listing.ts).
 */
import { useEffect, useState } from "preact/hooks";
import { listFiltersSearch, type ListCursor, type ListFilters } from "@domain/publication/listing";
import type { PublicSelection } from "../../data/publicData";

// v3: the projection gained levels and openToScope (issue 8); older copies are not shown.
const CACHE_KEY = "seleksi.publicSelections.v3";

export type PublicList =
  | { status: "loading" }
  | {
      status: "ready";
      selections: PublicSelection[];
      fresh: boolean;
      /** Loads the next page; null on the last page (or while the device's copy is shown). */
      more: (() => void) | null;
      loadingMore: boolean;
      moreFailed: boolean;
    }
  | { status: "error"; retry: () => void };

interface Loaded {
  readonly search: string;
  readonly selections: PublicSelection[];
  readonly next: ListCursor | null;
  readonly fresh: boolean;
  readonly loadingMore: boolean;
  readonly moreFailed: boolean;
}

function cached(search: string): PublicSelection[] | undefined {
  if (search !== "") return undefined;
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as PublicSelection[]) : undefined;
  } catch {
    return undefined;
  }
}

const fromCache = (search: string): Loaded | undefined => {
  const copy = cached(search);
  return copy
    ? { search, selections: copy, next: null, fresh: false, loadingMore: false, moreFailed: false }
    : undefined;
};

export function usePublicSelections(filters: ListFilters = {}): PublicList {
  const search = listFiltersSearch(filters);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | undefined>(() => fromCache(search));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setFailed(false);
    setLoaded((prev) => (prev?.search === search ? prev : fromCache(search)));
    import("../../data/publicData")
      .then((m) => m.listPublicSelections(filters, null, Date.now()))
      .then(
        (page) => {
          if (!current) return;
          setLoaded({ search, ...page, fresh: true, loadingMore: false, moreFailed: false });
          if (search !== "") return;
          try {
            localStorage.setItem(CACHE_KEY, JSON.stringify(page.selections));
          } catch {
            // Storage full or private mode: the page still works, only not offline.
          }
        },
        () => {
          // Keep showing the device's copy when there is one; otherwise offer to retry.
          if (current) setFailed(true);
        },
      );
    return () => {
      current = false;
    };
    // `filters` is read through `search`, its canonical form.
  }, [search, attempt]);

  const next = loaded?.search === search && loaded.fresh ? loaded.next : null;
  // A page that arrives after the filters changed is dropped: it belongs to the other list.
  const page = (change: (prev: Loaded) => Loaded) =>
    setLoaded((prev) => (prev?.search === search ? change(prev) : prev));
  const more = () => {
    if (!next) return;
    page((prev) => ({ ...prev, loadingMore: true, moreFailed: false }));
    import("../../data/publicData")
      .then((m) => m.listPublicSelections(filters, next, Date.now()))
      .then(
        (p) =>
          page((prev) => ({
            ...prev,
            selections: [...prev.selections, ...p.selections],
            next: p.next,
            loadingMore: false,
          })),
        () => page((prev) => ({ ...prev, loadingMore: false, moreFailed: true })),
      );
  };

  if (loaded && loaded.search === search) {
    return {
      status: "ready",
      selections: loaded.selections,
      fresh: loaded.fresh,
      more: next ? more : null,
      loadingMore: loaded.loadingMore,
      moreFailed: loaded.moreFailed,
    };
  }
  if (failed) return { status: "error", retry: () => setAttempt((n) => n + 1) };
  return { status: "loading" };
}
