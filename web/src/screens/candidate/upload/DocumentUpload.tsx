/**
 * The upload control of one checklist entry of a draft application: take a photo or pick a file,
 * compress, send in Firestore chunks with progress, resume after a dropped connection.
 *
 * The application screen renders it for each checklist entry while the application is a draft
 * inside the registration window. Photos can be several pages, sent as one PDF. The bytes go through
 * data/uploads (the file store); the processing code loads on the first file chosen.
 */
import { useEffect, useState } from "preact/hooks";
import type { DocumentRequirement } from "@domain/selection/setup";
import type { ApplicationDocument } from "@domain/applications/application";
import type { Issue } from "@domain/issue";
import { issueText, useT } from "../../../i18n/i18n";
import { session } from "../../../data/session";
import { useStore } from "../../../data/store";
import { uploads, type UploadState } from "../../../data/uploadState";
import { Notice } from "../../../ui/Notice";
import { useOnline } from "../../../ui/useOnline";

export interface DocumentUploadProps {
  /** applications/{applicationId}, owned by the signed-in candidate. */
  readonly applicationId: string;
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  readonly requirement: DocumentRequirement;
  /** The file now on the checklist for this entry, as the functions recorded it, if any. */
  readonly current: ApplicationDocument | undefined;
}

const ACCEPT = { pdf: "application/pdf,.pdf", jpg: "image/jpeg,.jpg,.jpeg", png: "image/png,.png" } as const;
const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export function DocumentUpload({
  applicationId,
  instansiId,
  selectionId,
  postId,
  requirement,
  current,
}: DocumentUploadProps) {
  const t = useT();
  const online = useOnline();
  const account = useStore(session);
  const uid = account.status === "signedIn" ? account.uid : "";
  const all = useStore(uploads);
  const [pages, setPages] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Issue | undefined>();
  const [reduced, setReduced] = useState<{ from: number; to: number } | undefined>();

  // The latest upload of this entry on this device (a restart shows it too: resumePending).
  const mine = [...all.values()].filter((u) => u.applicationId === applicationId && u.documentType === requirement.id);
  const active: UploadState | undefined = mine.at(-1);

  useEffect(() => {
    if (!uid) return;
    void import("../../../data/uploads").then((m) => m.resumePending(uid));
  }, [uid]);

  const formats = requirement.formats.map((f) => f.toUpperCase()).join(", ");
  const pickAccept = requirement.formats.map((f) => ACCEPT[f]).join(",");
  const photosAllowed =
    requirement.formats.includes("jpg") || requirement.formats.includes("png") || requirement.formats.includes("pdf");
  const multiPage = requirement.formats.includes("pdf");

  async function send(files: readonly File[]) {
    setBusy(true);
    setError(undefined);
    setReduced(undefined);
    try {
      const [{ prepareFiles }, { uploadFile }] = await Promise.all([
        import("./prepare"),
        import("../../../data/uploads"),
      ]);
      const prepared = await prepareFiles(files, requirement);
      if (prepared.originalSize > prepared.bytes.length) {
        setReduced({ from: kb(prepared.originalSize), to: kb(prepared.bytes.length) });
      }
      await uploadFile(
        {
          ownerUid: uid,
          applicationId,
          instansiId,
          selectionId,
          postId,
          documentType: requirement.id,
          fileName: prepared.fileName,
          mimeType: prepared.mimeType,
          bytes: prepared.bytes,
        },
        requirement.maxSizeKb * 1024,
      );
      setPages([]);
    } catch (e) {
      const issue = (e as { issue?: Issue }).issue;
      setError(issue ?? { code: "err.upload.readFailed" });
    } finally {
      setBusy(false);
    }
  }

  function onPhoto(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    // Where a PDF is allowed, a photo is a page: the candidate may add the next before sending.
    if (multiPage) setPages((list) => [...list, file]);
    else void send([file]);
  }

  function onPick(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (file) void send([file]);
  }

  const sending = active?.phase === "sending";
  const percent = active && active.total > 0 ? Math.round((active.acked / active.total) * 100) : 0;
  const status = current?.status ?? "missing";

  return (
    <div class="upload" data-testid={`upload-${requirement.id}`}>
      <h3 class="upload__title">
        {requirement.label}{" "}
        <span class="muted">({requirement.required ? t("upload.required") : t("upload.optional")})</span>
      </h3>
      <p class="muted">{t("upload.limit", { formats, maxKb: requirement.maxSizeKb })}</p>
      <p class={`upload__status upload__status--${status}`} data-testid="upload-status" data-status={status}>
        {t(`upload.status.${status}`)}
        {current && ` \u2014 ${t("upload.current", { name: current.fileName, kb: kb(current.size) })}`}
      </p>
      {current?.status === "rejected" && current.rejection && (
        <Notice kind="error">{issueText(t, current.rejection as Issue)}</Notice>
      )}

      {active && (active.phase === "sending" || active.phase === "checking") && (
        <div class="upload__progress" data-testid="upload-progress" data-phase={active.phase}>
          <progress max={100} value={percent} aria-label={active.fileName} />
          <span>
            {active.phase === "checking"
              ? t("upload.checking")
              : t("upload.progress", { done: active.acked, total: active.total })}
          </span>
          {sending && !online && (
            <p class="upload__waiting" data-testid="upload-waiting" role="status">
              {t("upload.waitingNetwork")}
            </p>
          )}
        </div>
      )}
      {active &&
        (active.phase === "refused" || active.phase === "lost" || active.phase === "rejected") &&
        active.rejection && <Notice kind="error">{issueText(t, active.rejection)}</Notice>}
      {reduced && <p class="muted">{t("upload.compressed", reduced)}</p>}
      {error && <Notice kind="error">{issueText(t, error)}</Notice>}
      {busy && <p class="loading">{t("upload.preparing")}</p>}

      {pages.length > 0 && (
        <div class="upload__pages" data-testid="upload-pages">
          <p>{t("upload.pages", { count: pages.length })}</p>
          <div class="actions">
            <button type="button" class="button" disabled={busy} onClick={() => void send(pages)}>
              {t("upload.sendPages")}
            </button>
            <button type="button" class="button button--secondary" disabled={busy} onClick={() => setPages([])}>
              {t("upload.cancelPages")}
            </button>
          </div>
        </div>
      )}

      <div class="actions">
        {photosAllowed && (
          <label class="button button--secondary">
            {pages.length > 0 ? t("upload.addPage") : t("upload.takePhoto")}
            <input
              type="file"
              class="visually-hidden"
              accept="image/*"
              capture="environment"
              data-testid="upload-camera"
              disabled={busy || sending}
              onChange={onPhoto}
            />
          </label>
        )}
        <label class="button button--secondary">
          {t("upload.chooseFile")}
          <input
            type="file"
            class="visually-hidden"
            accept={pickAccept}
            data-testid="upload-file"
            disabled={busy || sending}
            onChange={onPick}
          />
        </label>
      </div>
    </div>
  );
}
