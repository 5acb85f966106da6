/** The selection's pengumuman for its operators: issue it (again, as a new version) and download it. */
import { useRef, useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import { issueText, useT } from "../../i18n/i18n";
import { useAsync } from "../../ui/useAsync";
import { DownloadButton } from "../../ui/DownloadButton";
import { Notice } from "../../ui/Notice";

interface Props {
  readonly selectionId: string;
  readonly documentId: string | null;
  readonly canIssue: boolean;
}

export function AnnouncementPanel({ selectionId, documentId, canIssue }: Props) {
  const t = useT();
  const record = useAsync(
    async () => (documentId ? (await import("../../data/publicData")).getDocumentRecord(documentId) : undefined),
    [documentId],
  );
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [issued, setIssued] = useState<string | undefined>();
  const requestId = useRef<string | undefined>(undefined);

  const issue = async () => {
    setBusy(true);
    setIssues([]);
    const { issueDocument, callableIssues, newRequestId } = await import("../../data/callables");
    requestId.current ??= newRequestId();
    try {
      const answer = await issueDocument({ selectionId, requestId: requestId.current });
      setIssued(t("document.issued", { number: answer.number, version: answer.version }));
      requestId.current = undefined;
    } catch (error) {
      // Keep the request id: a retry of the same issue must not take a second number.
      setIssues(callableIssues(error));
    } finally {
      setBusy(false);
    }
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
            <DownloadButton fileId={current.fileId} fileName={current.fileName} />
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
