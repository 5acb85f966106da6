/**
 * The status part of the application screen (/peserta/lamaran/:applicationId, loaded once the
 * application is submitted): the timeline and, for a published TMS, the objection form while the
 * window is open (one objection per application). The window's end comes from the server
 * (publicSelections/{id}); the countdown only tells, the function decides by its own clock.
 */
import { useEffect, useState } from "preact/hooks";
import { OBJECTION_ATTACHMENT, OBJECTION_TEXT_MAX, OBJECTION_TEXT_MIN } from "@domain/applications/objection";
import type { Issue } from "@domain/issue";
import type { PublicSelection } from "@domain/publication/projection";
import type { ApplicationWithId } from "../../data/applicationData";
import { useStore } from "../../data/store";
import { uploads } from "../../data/uploadState";
import { issueText, useLocale } from "../../i18n/i18n";
import { formatDate, formatDateTime } from "../../ui/format";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";
import { ApplicationTimeline } from "./ApplicationTimeline";

export function ApplicationStatus({
  application: a,
  published,
}: {
  application: ApplicationWithId;
  published: PublicSelection;
}) {
  const { t, locale } = useLocale();
  return (
    <section id="status" data-testid="status-section">
      <h2>{t("timeline.title")}</h2>
      {/* The form leaves as soon as the objection is on the application: this says it arrived. */}
      {a.objection?.status === "open" && (
        <Notice kind="success">
          <span data-testid="objection-sent">
            {t("objection.sent", { date: formatDateTime(a.objection.answerDue, locale) })}
          </span>
        </Notice>
      )}
      <ApplicationTimeline application={a} stage={published.stage} />
      {a.status === "tms" && a.result?.decision === "tms" && !a.objection && published.administrativeResult && (
        <ObjectionForm
          application={a}
          closesAtMs={published.administrativeResult.objectionClosesAtMs}
          lastDay={published.administrativeResult.objectionLastDay}
        />
      )}
    </section>
  );
}

/** Re-renders every minute so the countdown moves and the form closes when the window does. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface FormProps {
  readonly application: ApplicationWithId;
  readonly closesAtMs: number;
  /** YYYY-MM-DD in the government's zone. */
  readonly lastDay: string;
}

function ObjectionForm({ application, closesAtMs, lastDay }: FormProps) {
  const { t, locale } = useLocale();
  const now = useNow();
  const [text, setText] = useState("");
  const [attachment, setAttachment] = useState<string | null>(null);
  const attached = useStore(uploads).get(attachment ?? "");
  const action = useAction();

  if (now >= closesAtMs) return <Notice kind="info">{t("objection.closed")}</Notice>;
  const left = closesAtMs - now;
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length < OBJECTION_TEXT_MIN) {
      action.refuse([{ code: "err.objection.textShort", params: { min: OBJECTION_TEXT_MIN } }]);
      return;
    }
    // On success the live application carries the objection and the parent replaces this form.
    await action.run(async (requestId) => {
      const { fileObjection } = await import("../../data/callables");
      return fileObjection({ applicationId: application.id, text: trimmed, attachmentFileId: attachment, requestId });
    });
  };

  // One file, through the same file store as the checklist's documents; the function checks it.
  const attach = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { uploadFile } = await import("../../data/uploads");
      const a = application;
      const input = { ownerUid: a.candidateUid, applicationId: a.id, instansiId: a.instansiId, postId: a.postId };
      const fileId = await uploadFile(
        {
          ...input,
          selectionId: a.selectionId,
          documentType: OBJECTION_ATTACHMENT.id,
          purpose: "objection",
          fileName: file.name,
          mimeType: file.type,
          bytes: new Uint8Array(await file.arrayBuffer()),
        },
        OBJECTION_ATTACHMENT.maxSizeKb * 1024,
      );
      setAttachment(fileId);
    } catch (error) {
      const issue = (error as { issue?: Issue }).issue;
      action.refuse([issue ?? { code: "err.upload.refused" }]);
    }
  };

  return (
    <form class="decision" data-testid="objection-form" onSubmit={(e) => void submit(e)}>
      <h2>{t("objection.title")}</h2>
      <p data-testid="objection-window">
        {t("objection.window", { date: formatDate(lastDay, locale), left: t("objection.left", { days, hours }) })}
      </p>
      <div class="field">
        <label for="objection-text">{t("objection.text")}</label>
        <textarea
          id="objection-text"
          maxLength={OBJECTION_TEXT_MAX}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <span class="field__hint">{t("objection.hint", { min: OBJECTION_TEXT_MIN })}</span>
      </div>
      <div class="field">
        <label for="objection-attachment">{t("objection.attach", { kb: OBJECTION_ATTACHMENT.maxSizeKb })}</label>
        <input
          id="objection-attachment"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => void attach(e.currentTarget.files?.[0])}
        />
        {attached?.phase === "accepted" && (
          <Notice kind="success">{t("objection.attachAccepted", { name: attached.fileName })}</Notice>
        )}
        {(attached?.phase === "sending" || attached?.phase === "checking") && (
          <p class="muted" data-testid="objection-attachment-checking">
            {t("objection.attachChecking")}
          </p>
        )}
        {attached?.rejection && <Notice kind="error">{issueText(t, attached.rejection)}</Notice>}
      </div>
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <div class="actions">
        <button type="submit" class="button" disabled={action.busy}>
          {t("objection.submit")}
        </button>
      </div>
    </form>
  );
}
