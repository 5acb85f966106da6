/** What a damaged selection document shows instead of vanishing: the fields to repair, and where. */
import type { Finding } from "@domain/selection/checks";
import { issueText, useT } from "../../i18n/i18n";
import { Notice } from "../../ui/Notice";

export function BrokenSetup({ findings, repairHref }: { findings: readonly Finding[]; repairHref?: string }) {
  const t = useT();
  return (
    <Notice kind="error">
      <p>
        <strong>{t("setup.corrupt")}</strong>
      </p>
      <ul data-testid="setup-corrupt">
        {findings.map((f, i) => (
          <li key={i}>{issueText(t, f)}</li>
        ))}
      </ul>
      {repairHref && (
        <p>
          <a class="button button--secondary" href={repairHref}>
            {t("setup.open")}
          </a>
        </p>
      )}
    </Notice>
  );
}
