/**
 * Calling a backend action from a screen: busy state, the Issues of a failure, and one request-id
 * policy for every screen (../data/requestPolicy.ts). A retry after a lost answer sends the same id,
 * so a second click cannot create a second draft or take a second document number.
 */
import { useRef, useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import { failureKind, requestIdAfter } from "../data/requestPolicy";

export interface Action {
  readonly busy: boolean;
  readonly issues: readonly Issue[];
  /** Runs `call` with the action's request id; resolves to its answer, or undefined after a failure. */
  run<T>(call: (requestId: string) => Promise<T>): Promise<T | undefined>;
  /** Shows Issues found before calling (a missing reason, say). */
  refuse(issues: readonly Issue[]): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const requestId = useRef<string | undefined>(undefined);
  return {
    busy,
    issues,
    refuse: setIssues,
    async run<T>(call: (requestId: string) => Promise<T>): Promise<T | undefined> {
      setBusy(true);
      setIssues([]);
      try {
        const { newRequestId, callableIssues } = await import("../data/callables");
        const id = (requestId.current ??= newRequestId());
        try {
          const answer = await call(id);
          requestId.current = requestIdAfter("success", id);
          return answer;
        } catch (error) {
          requestId.current = requestIdAfter(failureKind(error), id);
          setIssues(callableIssues(error));
          return undefined;
        }
      } catch {
        // The callables' code could not load (offline on a first visit): nothing was sent.
        setIssues([{ code: "err.network" }]);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
  };
}
