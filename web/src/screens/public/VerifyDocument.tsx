/**
 * What the QR code on a printed announcement opens: the document's number, date, issuer and SHA-256
 * fingerprint, whether it is still the valid version, and a check of any PDF file against it (the
 * file is hashed on the phone; nothing is uploaded).
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useLocale, useMessages } from "../../i18n/i18n";
import { useAsync } from "../../ui/useAsync";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { DownloadButton } from "../../ui/DownloadButton";
import { formatDate } from "../../ui/format";

export function VerifyDocument() {
  const { t, locale } = useLocale();
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const record = useAsync(async () => (await import("../../data/publicData")).getDocumentRecord(id), [id]);
  const [match, setMatch] = useState<boolean | undefined>();
  // Verification speaks the officials' vocabulary (document, version, fingerprint).
  const messagesReady = useMessages("staff");

  if (record.status === "loading" || !messagesReady) return <Loading />;
  if (record.status === "error") return <LoadError retry={record.retry} />;
  const d = record.value;
  if (!d) return <Notice kind="error">{t("verify.notFound")}</Notice>;

  const check = async (file: File | undefined) => {
    if (!file) return;
    const { sha256Hex } = await import("../../data/publicData");
    setMatch((await sha256Hex(file)) === d.sha256);
  };

  return (
    <article class="narrow">
      <h1>{t("verify.title")}</h1>
      {d.status === "valid" && <Notice kind="success">{t("verify.valid")}</Notice>}
      {d.status === "superseded" && (
        <Notice kind="info">
          {t("verify.superseded")} {d.supersededBy && <a href={`/verifikasi/${d.supersededBy}`}>{t("verify.newer")}</a>}
        </Notice>
      )}
      {d.status === "issuing" && <Notice kind="info">{t("verify.issuing")}</Notice>}
      {d.status === "revoked" && (
        <Notice kind="error">
          <span data-testid="document-revoked">
            {t("verify.revoked", {
              date: d.revokedOn ? formatDate(d.revokedOn, locale) : "",
              reason: d.revokedReason ?? "",
            })}
          </span>
        </Notice>
      )}
      <dl class="facts" data-testid="document-facts">
        <dt>{t("verify.number")}</dt>
        <dd>{d.number}</dd>
        <dt>{t("verify.date")}</dt>
        <dd>{formatDate(d.issuedOn, locale)}</dd>
        <dt>{t("verify.issuer")}</dt>
        <dd>{d.instansiName}</dd>
        <dt>{t("verify.selection")}</dt>
        <dd>
          <a href={`/seleksi/${d.selectionId}`}>{d.selectionTitle}</a>
        </dd>
        <dt>{t("verify.version")}</dt>
        <dd>{d.version}</dd>
        <dt>{t("verify.hash")}</dt>
        <dd class="hash">{d.sha256}</dd>
      </dl>
      {d.status !== "issuing" && (
        <DownloadButton fileId={d.fileId} fileName={d.fileName} load={() => import("../../data/publicData")} />
      )}
      {d.sha256 && (
        <div class="field">
          <label for="check-file">{t("verify.check")}</label>
          <input
            id="check-file"
            type="file"
            accept="application/pdf"
            onChange={(e) => void check(e.currentTarget.files?.[0])}
          />
          {match === true && <Notice kind="success">{t("verify.match")}</Notice>}
          {match === false && <Notice kind="error">{t("verify.mismatch")}</Notice>}
        </div>
      )}
    </article>
  );
}
