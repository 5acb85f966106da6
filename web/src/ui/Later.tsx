/**
 * A part of a screen whose code loads when it is first shown (a step of the setup wizard, say), so
 * the screen's route downloads only what its first view needs. `later` starts no download: the part
 * loads when a <Later> shows it, or ahead of time through `preload` once the screen is up.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { LoadError } from "./LoadError";
import { Loading } from "./Loading";

export interface LaterPart<T> {
  /** The module once loaded. */
  readonly loaded: () => T | undefined;
  /** Loads the module (once; a failed load is tried again on the next call). */
  readonly preload: () => Promise<T>;
}

export function later<T>(load: () => Promise<T>): LaterPart<T> {
  let module: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    loaded: () => module,
    preload: () =>
      (pending ??= load().then(
        (m) => (module = m),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
  };
}

/**
 * Renders `children` with the part's module, "Memuat…" until it has loaded, and a retry when the
 * download failed (offline before the service worker had it). `quiet` shows nothing meanwhile, for
 * a small companion of a part that already shows its own progress.
 */
export function Later<T>(props: { part: LaterPart<T>; quiet?: boolean; children: (module: T) => ComponentChildren }) {
  const { part } = props;
  const [, setLoaded] = useState(0);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (part.loaded()) return;
    let current = true;
    part.preload().then(
      () => current && setLoaded((n) => n + 1),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [part, attempt]);
  const module = part.loaded();
  if (module) return <>{props.children(module)}</>;
  if (props.quiet) return null;
  if (failed)
    return (
      <LoadError
        retry={() => {
          setFailed(false);
          setAttempt((n) => n + 1);
        }}
      />
    );
  return <Loading />;
}
