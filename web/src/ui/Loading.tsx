import { useT } from "../i18n/i18n";

export function Loading() {
  const t = useT();
  return (
    <p class="loading" aria-busy="true">
      {t("app.loading")}
    </p>
  );
}
