/** The Sekda's or PPK's inbox: every stage move of their government that waits for them. */
import { useState } from "preact/hooks";
import type { ProposalRow } from "../../data/live";
import { issueText, useLocale } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useLive } from "../../ui/useLive";
import { ProposalDecision } from "./ProposalDecision";

export function ApprovalsInbox({ instansiId, uid }: { instansiId: string; uid: string }) {
  const { t, locale } = useLocale();
  const [decided, setDecided] = useState<string | undefined>();
  const proposals = useLive<ProposalRow[]>(async () => {
    const { watchPendingProposals } = await import("../../data/live");
    return (next, fail) => watchPendingProposals(instansiId, next, fail);
  }, [instansiId]);
  return (
    <>
      <h2>{t("inbox.title")}</h2>
      {decided && <Notice kind="success">{decided}</Notice>}
      {proposals.status === "loading" && <Loading />}
      {proposals.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {proposals.status === "ready" &&
        (proposals.value.length === 0 ? (
          <p>{t("inbox.none")}</p>
        ) : (
          <ul class="cards">
            {proposals.value.map((p) => (
              <li key={p.id} class="card card--padded" data-testid="proposal">
                <a href={`/kelola/${p.selectionId}`} class="card__title">
                  {p.selectionTitle}
                </a>
                <p class="inbox__move">{t("inbox.move", { from: t(`stage.${p.from}`), to: t(`stage.${p.to}`) })}</p>
                <p class="muted">
                  {t("inbox.by", { name: p.proposedBy.name, at: formatDateTime(p.proposedAt, locale) })}
                </p>
                {p.reason && <p>{p.reason}</p>}
                {p.warnings.length > 0 && (
                  <Notice kind="info">
                    <strong>{t("process.warnings")}:</strong>
                    <ul>
                      {p.warnings.map((w, i) => (
                        <li key={i}>{issueText(t, w)}</li>
                      ))}
                    </ul>
                  </Notice>
                )}
                {p.proposedBy.uid !== uid && (
                  <ProposalDecision selectionId={p.selectionId} proposalId={p.id} onDecided={setDecided} />
                )}
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
