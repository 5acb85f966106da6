import { useT } from "../../i18n/i18n";

export function NotFound() {
  const t = useT();
  return (
    <section>
      <h1>{t("app.notFound")}</h1>
      <p>
        <a href="/">{t("app.backHome")}</a>
      </p>
    </section>
  );
}
