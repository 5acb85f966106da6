/**
 * /kelola/:id/sanggah — the operators' list of a selection's objections still to answer: the
 * candidate's text and the TMS reasons it disputes, and the answer (accept: the result becomes MS;
 * reject), each with its reason. The function records it, audited, and counts it for the gate.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { formatNip } from "@domain/nip";
import type { ObjectionDecision } from "@domain/applications/objection";
import type { ApplicationWithId } from "../../data/objectionData";
import type { SelectionWithId, BrokenSelection } from "../../data/live";
import { issueText, useLocale } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { useAction } from "../../ui/useAction";
import { useLive } from "../../ui/useLive";
import { DocumentViewer } from "./verification/DocumentViewer";

export function ObjectionsScreen({ session }: { session: SignedIn }) {
  const { t } = useLocale();
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const instansiId = session.claims?.instansi ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  const objections = useLive<ApplicationWithId[]>(async () => {
    const { watchOpenObjections } = await import("../../data/objectionData");
    return (next, fail) => watchOpenObjections(instansiId, id, next, fail);
  }, [instansiId, id]);

  if (objections.status === "loading") return <Loading />;
  if (objections.status === "error") return <Notice kind="error">{t("app.loadError")}</Notice>;
  const title = selection.status === "ready" && selection.value ? selection.value.title : id;
  return (
    <section data-testid="objections">
      <p class="eyebrow">
        <a href={`/kelola/${id}`}>{title}</a>
      </p>
      <h1>{t("objections.title")}</h1>
      {objections.value.length === 0 ? (
        <p>{t("objections.none")}</p>
      ) : (
        <ul class="cards">
          {objections.value.map((a) => (
            <li key={a.id}>
              <Objection application={a} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Objection({ application: a }: { application: ApplicationWithId }) {
  const { t, locale } = useLocale();
  const [reason, setReason] = useState("");
  const [showAttachment, setShowAttachment] = useState(false);
  const action = useAction();
  const objection = a.objection;
  if (!objection) return null;

  const answer = async (decision: ObjectionDecision) => {
    if (!reason.trim()) {
      action.refuse([{ code: "err.objection.reasonRequired" }]);
      return;
    }
    await action.run(async (requestId) => {
      const { answerObjection } = await import("../../data/callables");
      return answerObjection({ applicationId: a.id, decision, reason: reason.trim(), requestId });
    });
  };

  return (
    <div class="card card--padded" data-testid={`objection-${a.id}`}>
      <p>
        <strong>{a.candidateName}</strong> · NIP {formatNip(a.nip)}
        <br />
        {a.postName}
      </p>
      <p class="muted">
        {t("objections.filed", {
          date: formatDateTime(objection.filedAt, locale),
          due: formatDateTime(objection.answerDue, locale),
        })}
      </p>
      {a.result && a.result.reasons.length > 0 && (
        <p>{t("objections.tmsReasons", { reasons: a.result.reasons.join("; ") })}</p>
      )}
      <blockquote>{objection.text}</blockquote>
      {objection.attachmentFileId &&
        (showAttachment ? (
          <DocumentViewer fileId={objection.attachmentFileId} mimeType="" />
        ) : (
          <p>
            <button type="button" class="button button--secondary" onClick={() => setShowAttachment(true)}>
              {t("objections.attachment")}
            </button>
          </p>
        ))}
      <div class="field">
        <label for={`answer-${a.id}`}>{t("objections.reason")}</label>
        <textarea id={`answer-${a.id}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <div class="actions">
        <button type="button" class="button" disabled={action.busy} onClick={() => void answer("accept")}>
          {t("objections.accept")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={action.busy}
          onClick={() => void answer("reject")}
        >
          {t("objections.reject")}
        </button>
      </div>
    </div>
  );
}
