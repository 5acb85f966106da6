/**
 * The UI language, and the messages loaded so far. Indonesian core messages ship in the first
 * bundle; a screen that needs more (the officials' and pansel's screens) asks for its area with
 * useMessages, and English loads when someone switches to it. The choice is remembered on the device.
 */
import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useRef, useState } from "preact/hooks";
import { DEFAULT_LOCALE, fillTemplate, isLocale, type Catalogue, type Locale } from "@domain/i18n/messages";
import { idCore } from "@domain/i18n/id/core";
import { renderIssueWith, type Translate } from "@domain/i18n/render";
import type { Issue } from "@domain/issue";

const STORAGE_KEY = "seleksi.locale";

export type { Translate };
/**
 * Areas a screen may need beyond the core; "documents" is the functions' alone. A screen may ask for
 * more than one (the operators' verification shows the candidate's eligibility check; the setup
 * wizard speaks its own "setup" area beside the staff one).
 */
export type MessageArea = "staff" | "candidate" | "setup" | "scoring";
type Messages = Partial<Catalogue>;

const LOADERS: Record<Locale, Record<"core" | MessageArea, () => Promise<Messages>>> = {
  id: {
    core: () => Promise.resolve(idCore),
    staff: () => import("@domain/i18n/id/staff").then((m) => m.idStaff),
    candidate: () => import("@domain/i18n/id/candidate").then((m) => m.idCandidate),
    setup: () => import("@domain/i18n/id/setup").then((m) => m.idSetup),
    scoring: () => import("@domain/i18n/id/scoring").then((m) => m.idScoring),
  },
  en: {
    core: () => import("@domain/i18n/en/core").then((m) => m.enCore),
    staff: () => import("@domain/i18n/en/staff").then((m) => m.enStaff),
    candidate: () => import("@domain/i18n/en/candidate").then((m) => m.enCandidate),
    setup: () => import("@domain/i18n/en/setup").then((m) => m.enSetup),
    scoring: () => import("@domain/i18n/en/scoring").then((m) => m.enScoring),
  },
};

interface LocaleState {
  readonly locale: Locale;
  readonly t: Translate;
  readonly setLocale: (locale: Locale) => void;
  readonly areas: ReadonlySet<MessageArea>;
  readonly loadArea: (area: MessageArea) => void;
}

/** A key whose area is not loaded yet shows as itself: visible in review, never a blank label. */
const translator =
  (messages: Messages): Translate =>
  (key, params) =>
    fillTemplate(messages[key] ?? key, params);

const LocaleContext = createContext<LocaleState>({
  locale: DEFAULT_LOCALE,
  t: translator(idCore),
  setLocale: () => undefined,
  areas: new Set(),
  loadArea: () => undefined,
});

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

async function loadMessages(locale: Locale, areas: Iterable<MessageArea>): Promise<Messages> {
  const parts = await Promise.all([LOADERS[locale].core(), ...[...areas].map((a) => LOADERS[locale][a]())]);
  return Object.assign({}, ...parts) as Messages;
}

export function LocaleProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<{ locale: Locale; areas: ReadonlySet<MessageArea>; messages: Messages }>({
    locale: DEFAULT_LOCALE,
    areas: new Set(),
    messages: idCore,
  });
  // The latest locale and areas for the callbacks, which must not change identity on every load.
  const latest = useRef(state);
  latest.current = state;

  const setLocale = useCallback((locale: Locale) => {
    void loadMessages(locale, latest.current.areas).then((messages) => {
      setState((s) => ({ ...s, locale, messages: { ...s.messages, ...messages } }));
      document.documentElement.lang = locale;
      try {
        localStorage.setItem(STORAGE_KEY, locale);
      } catch {
        // Private mode: the choice lasts for this visit only.
      }
    });
  }, []);

  const loadArea = useCallback((area: MessageArea) => {
    if (latest.current.areas.has(area)) return;
    const load = LOADERS[latest.current.locale][area];
    void load().then((messages) =>
      setState((s) => ({ ...s, areas: new Set([...s.areas, area]), messages: { ...s.messages, ...messages } })),
    );
  }, []);

  useEffect(() => {
    const remembered = storedLocale();
    if (remembered !== DEFAULT_LOCALE) setLocale(remembered);
  }, [setLocale]);

  return (
    <LocaleContext.Provider
      value={{ locale: state.locale, t: translator(state.messages), setLocale, areas: state.areas, loadArea }}
    >
      {children}
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  return useContext(LocaleContext).t;
}

/**
 * Asks for a message area and tells whether it is there yet; screens show Loading until it is.
 * Without an area (a screen that needs only the core) it is ready at once.
 */
export function useMessages(area: MessageArea | undefined): boolean {
  const { areas, loadArea } = useContext(LocaleContext);
  const ready = area === undefined || areas.has(area);
  useEffect(() => {
    if (area && !ready) loadArea(area);
  }, [ready, area, loadArea]);
  return ready;
}

/** An issue in the user's language, by the renderer the functions use too. */
export function issueText(t: Translate, issue: Issue): string {
  return renderIssueWith(t, issue);
}
