import { useT } from "../i18n/i18n";
import { Notice } from "./Notice";

export function LoadError({ retry }: { retry: () => void }) {
  const t = useT();
  return (
    <Notice kind="error">
      <p>{t("app.loadError")}</p>
      <button type="button" class="button button--secondary" onClick={retry}>
        {t("app.retry")}
      </button>
    </Notice>
  );
}
