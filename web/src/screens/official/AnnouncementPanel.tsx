/** The selection's pengumuman for its operators: issue it (again, as a new version) and download it. */
import { useState } from "preact/hooks";
import { issueText, useT } from "../../i18n/i18n";
import { useAsync } from "../../ui/useAsync";
import { DownloadButton } from "../../ui/DownloadButton";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";

interface Props {
  readonly selectionId: string;
  readonly documentId: string | null;
  readonly canIssue: boolean;
}

export function AnnouncementPanel({ selectionId, documentId, canIssue }: Props) {
  const t = useT();
  const record = useAsync(
    async () => (documentId ? (await import("../../data/staffDocuments")).getDocumentRecord(documentId) : undefined),
    [documentId],
  );
  const [issued, setIssued] = useState<string | undefined>();
  // The request id outlives a lost answer: a retry of the same issue must not take a second number.
  const action = useAction();
  const { busy, issues } = action;

  const issue = async () => {
    const answer = await action.run(async (requestId) => {
      const { issueDocument } = await import("../../data/callables");
      return issueDocument({ selectionId, requestId });
    });
    if (answer) setIssued(t("document.issued", { number: answer.number, version: answer.version }));
  };

  const current = record.status === "ready" ? record.value : undefined;
  return (
    <section class="panel">
      {current && (
        <>
          <p>
            <strong>{t("document.current", { number: current.number, version: current.version })}</strong>
          </p>
          <div class="actions">
            <DownloadButton
              fileId={current.fileId}
              fileName={current.fileName}
              load={() => import("../../data/staffDocuments")}
            />
            <a href={`/verifikasi/${current.id}`}>{t("document.verifyLink")}</a>
          </div>
        </>
      )}
      {issued && <Notice kind="success">{issued}</Notice>}
      {issues.map((i, n) => (
        <Notice key={n} kind="error">
          {issueText(t, i)}
        </Notice>
      ))}
      {canIssue && (
        <p>
          <button type="button" class="button" disabled={busy} onClick={() => void issue()}>
            {busy ? t("document.issuing") : current ? t("document.reissue") : t("document.issue")}
          </button>
        </p>
      )}
    </section>
  );
}
