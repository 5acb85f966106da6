/**
 * The tanda bukti pendaftaran of a submitted application, loaded by the application screen only once
 * the application is locked (with the file download it needs; the download's words are in core). The number is
 * shown as soon as it is taken; the download once the application says the PDF is stored: before
 * that the file does not exist, and the rules answer a read of it with a refusal.
 */
import { receiptFileName } from "@domain/documents/record";
import type { ApplicationWithId } from "../../data/applicationData";
import { issueText, useLocale } from "../../i18n/i18n";
import { DownloadButton } from "../../ui/DownloadButton";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";

export function ApplicationReceipt({ app }: { app: ApplicationWithId }) {
  const { t } = useLocale();
  const action = useAction();
  const receipt = app.receipt;
  if (receipt?.sha256) {
    return (
      <div class="receipt" data-testid="receipt" data-sha256={receipt.sha256}>
        <h2>{t("apply.receipt")}</h2>
        <p>{t("apply.receiptNumber", { number: receipt.number })}</p>
        <div class="actions">
          <DownloadButton
            fileId={receipt.documentId}
            fileName={receiptFileName(receipt.number)}
            load={() => import("../../data/staffDocuments")}
          />
          <a href={`/verifikasi/${receipt.documentId}`}>{t("apply.verifyLink")}</a>
        </div>
      </div>
    );
  }
  const retry = async () => {
    const { submitApplication } = await import("../../data/callables");
    await action.run((requestId) => submitApplication({ applicationId: app.id, requestId }));
  };
  return (
    <div class="receipt" data-testid="receipt">
      <h2>{t("apply.receipt")}</h2>
      {receipt ? (
        <>
          <p>{t("apply.receiptNumber", { number: receipt.number })}</p>
          <p class="muted">{t("apply.receiptPreparing")}</p>
        </>
      ) : (
        <p>{t("apply.receiptPending")}</p>
      )}
      {app.status === "submitted" && (
        <button type="button" class="button button--secondary" disabled={action.busy} onClick={() => void retry()}>
          {t("apply.receiptRetry")}
        </button>
      )}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
    </div>
  );
}
