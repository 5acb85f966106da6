/** Follows a live Firestore source for a screen; the source module loads with the screen. */
import { useEffect, useState } from "preact/hooks";

export type LiveState<T> =
  | { readonly status: "loading" }
  | { readonly status: "error"; readonly error: unknown }
  | { readonly status: "ready"; readonly value: T };

type Subscribe<T> = (next: (value: T) => void, fail: (error: unknown) => void) => () => void;

export function useLive<T>(subscribe: () => Promise<Subscribe<T>>, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: "loading" });
  useEffect(() => {
    let stop: (() => void) | undefined;
    let current = true;
    setState({ status: "loading" });
    subscribe().then(
      (start) => {
        if (!current) return;
        stop = start(
          (value) => setState({ status: "ready", value }),
          (error) => setState({ status: "error", error }),
        );
      },
      (error: unknown) => current && setState({ status: "error", error }),
    );
    return () => {
      current = false;
      stop?.();
    };
  }, deps);
  return state;
}
