/**
 * The public list, shown at once from the copy kept on the device and refreshed from the network:
 * on 3G the page is useful before the Firestore SDK has even arrived.
 */
import { useEffect, useState } from "preact/hooks";
import type { PublicSelection } from "../../data/publicData";

// v2: the projection (publicSelections) replaced whole selection documents.
const CACHE_KEY = "seleksi.publicSelections.v2";

export type PublicList =
  | { status: "loading" }
  | { status: "ready"; selections: PublicSelection[]; fresh: boolean }
  | { status: "error"; retry: () => void };

function cached(): PublicSelection[] | undefined {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as PublicSelection[]) : undefined;
  } catch {
    return undefined;
  }
}

export function usePublicSelections(): PublicList {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PublicList>(() => {
    const copy = cached();
    return copy ? { status: "ready", selections: copy, fresh: false } : { status: "loading" };
  });
  useEffect(() => {
    let current = true;
    import("../../data/publicData")
      .then((m) => m.listPublicSelections())
      .then(
        (selections) => {
          if (!current) return;
          setState({ status: "ready", selections, fresh: true });
          try {
            localStorage.setItem(CACHE_KEY, JSON.stringify(selections));
          } catch {
            // Storage full or private mode: the page still works, only not offline.
          }
        },
        () => {
          if (!current) return;
          // Keep showing the device's copy when there is one; otherwise offer to retry.
          setState((prev) =>
            prev.status === "ready" ? prev : { status: "error", retry: () => setAttempt((n) => n + 1) },
          );
        },
      );
    return () => {
      current = false;
    };
  }, [attempt]);
  return state;
}
