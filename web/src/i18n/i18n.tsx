/**
 * The UI language. Indonesian ships in the first bundle; English loads when someone switches to it.
 * The choice is remembered on the device.
 */
import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import {
  DEFAULT_LOCALE,
  fillTemplate,
  id,
  isLocale,
  type Catalogue,
  type Locale,
  type MessageKey,
} from "@domain/i18n/messages";
import type { Issue, IssueParams } from "@domain/issue";
import { isStage } from "@domain/stages";

const STORAGE_KEY = "seleksi.locale";

export type Translate = (key: MessageKey, params?: IssueParams) => string;

interface LocaleState {
  readonly locale: Locale;
  readonly t: Translate;
  readonly setLocale: (locale: Locale) => void;
}

const translator =
  (catalogue: Catalogue): Translate =>
  (key, params) =>
    fillTemplate(catalogue[key], params);

const LocaleContext = createContext<LocaleState>({
  locale: DEFAULT_LOCALE,
  t: translator(id),
  setLocale: () => undefined,
});

async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return locale === "en" ? (await import("@domain/i18n/en")).en : id;
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function LocaleProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<{ locale: Locale; catalogue: Catalogue }>({
    locale: DEFAULT_LOCALE,
    catalogue: id,
  });

  const setLocale = useCallback((locale: Locale) => {
    void loadCatalogue(locale).then((catalogue) => {
      setState({ locale, catalogue });
      document.documentElement.lang = locale;
      try {
        localStorage.setItem(STORAGE_KEY, locale);
      } catch {
        // Private mode: the choice lasts for this visit only.
      }
    });
  }, []);

  useEffect(() => {
    const remembered = storedLocale();
    if (remembered !== DEFAULT_LOCALE) setLocale(remembered);
  }, [setLocale]);

  return (
    <LocaleContext.Provider value={{ locale: state.locale, t: translator(state.catalogue), setLocale }}>
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

/** An issue in the user's language; stage ids among its values read as the stages' names. */
export function issueText(t: Translate, issue: Issue): string {
  const params: Record<string, string | number> = { ...issue.params };
  for (const [name, value] of Object.entries(params)) {
    if (STAGE_PARAMS.has(name) && isStage(value)) params[name] = t(`stage.${value}`);
  }
  return t(issue.code, params);
}

const STAGE_PARAMS = new Set(["stage", "otherStage", "from", "to"]);
