/** The frame of every screen: header with navigation and language, offline and update banners. */
import type { ComponentChildren } from "preact";
import { useLocation } from "preact-iso";
import { loadAuth, session } from "../data/session";
import { useStore } from "../data/store";
import { useLocale } from "../i18n/i18n";
import { updateAvailable, applyUpdate, dismissUpdate } from "../pwa";
import { useOnline } from "./useOnline";

export function Layout({ children }: { children: ComponentChildren }) {
  const { t, locale, setLocale } = useLocale();
  const current = useStore(session);
  const online = useOnline();
  const update = useStore(updateAvailable);
  const { route } = useLocation();

  const signOut = async () => {
    const auth = await loadAuth();
    await auth.signOut();
    route("/");
  };

  return (
    <>
      <header class="header">
        <a href="/" class="header__brand">
          <img src="/icon.svg" alt="" width={28} height={28} />
          <span>{t("app.name")}</span>
        </a>
        <nav class="header__nav" aria-label="Menu">
          {current.status === "signedIn" ? (
            <>
              <a href={current.home}>{t("nav.myHome")}</a>
              <button type="button" class="link" onClick={() => void signOut()}>
                {t("nav.signOut")}
              </button>
            </>
          ) : (
            <>
              <a href="/masuk">{t("nav.signIn")}</a>
              <a href="/daftar">{t("nav.signUp")}</a>
            </>
          )}
          <button
            type="button"
            class="link header__lang"
            aria-label={t("app.language")}
            onClick={() => setLocale(locale === "id" ? "en" : "id")}
          >
            {locale === "id" ? "EN" : "ID"}
          </button>
        </nav>
      </header>
      {!online && <div class="banner banner--offline">{t("app.offline")}</div>}
      {update && (
        <div class="banner banner--update" role="status">
          <span>{t("app.update")}</span>
          <button type="button" class="button" onClick={() => void applyUpdate()}>
            {t("app.updateNow")}
          </button>
          <button type="button" class="link" onClick={dismissUpdate}>
            {t("app.later")}
          </button>
        </div>
      )}
      <main class="main">{children}</main>
    </>
  );
}
