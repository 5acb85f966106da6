/**
 * A part of a screen loaded when it is first needed (the upload control of a draft, the receipt and
 * the timeline of a submitted application): the route's first download stays small on a phone.
 * Undefined until loaded; a failed load is tried again the next time the part is needed.
 */
import { useEffect, useState } from "preact/hooks";

export function useLazy<T>(load: () => Promise<T>, needed: boolean): T | undefined {
  const [loaded, setLoaded] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    if (!needed || loaded) return;
    let current = true;
    load().then(
      (value) => current && setLoaded({ value }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [needed, loaded]);
  return loaded?.value;
}
