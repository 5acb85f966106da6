/**
 * One application as the operator verifies it (/kelola/:id/verifikasi/:applicationId): the profile
 * as submitted, the stored eligibility check (the candidate's messages, so it reads as the candidate
 * saw it), each document inline with valid/invalid and a reason, and the MS/TMS decision with who
 * and when. Opening it reads the application, its review and the selection; each document is read
 * only when opened. Everything is decided by the callables; this screen only asks.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { ApplicationReview } from "@domain/applications/application";
import type { Issue } from "@domain/issue";
import type { ApplicationWithId } from "../../data/verification";
import { issueText, useLocale, useMessages } from "../../i18n/i18n";
import { formatDate, formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { Later, later } from "../../ui/Later";
import { useAction } from "../../ui/useAction";
import { useLive } from "../../ui/useLive";
import { useLiveSelection } from "../../ui/useLiveSelection";

// The viewer loads when an operator opens a document, with the document itself.
const viewer = later(() => import("./verification/DocumentViewer"));

export function VerifyApplication({ session }: { session: SignedIn }) {
  const { t } = useLocale();
  const candidateMessages = useMessages("candidate");
  const { params, query } = useRoute();
  const selectionId = params["id"] ?? "";
  const applicationId = params["applicationId"] ?? "";
  const selection = useLiveSelection(selectionId);
  const app = useLive<ApplicationWithId | undefined>(async () => {
    const { watchApplication } = await import("../../data/verification");
    return (next, fail) => watchApplication(applicationId, next, fail);
  }, [applicationId]);
  const review = useLive<ApplicationReview | null>(async () => {
    const { watchReview } = await import("../../data/verification");
    return (next, fail) => watchReview(applicationId, next, fail);
  }, [applicationId]);

  if (!candidateMessages || app.status === "loading" || review.status === "loading" || selection.loading)
    return <Loading />;
  if (app.status === "error" || !app.value || app.value.selectionId !== selectionId)
    return <Notice kind="error">{t("err.verify.notFound")}</Notice>;
  const a = app.value;
  const r = review.status === "ready" ? review.value : null;
  const s = selection.selection;
  const checklist = s?.posts.find((p) => p.id === a.postId)?.requirements.documents ?? [];
  const label = (type: string) => checklist.find((d) => d.id === type)?.label ?? type;
  const backHref = `/kelola/${selectionId}/verifikasi?jabatan=${encodeURIComponent(query["jabatan"] ?? a.postId)}${query["semua"] ? "&semua=1" : ""}`;

  return (
    <section>
      <p class="eyebrow">
        <a href={backHref}>{t("review.back")}</a>
      </p>
      <h1>{a.candidateName}</h1>
      <p class="muted">{a.postName}</p>
      <Profile app={a} />
      <Eligibility app={a} />
      <h2>{t("review.documents")}</h2>
      <ul class="documents">
        {Object.entries(a.documents)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([type, file]) => (
            <DocumentItem key={type} applicationId={a.id} type={type} label={label(type)} file={file} review={r} />
          ))}
      </ul>
      <Decision app={a} review={r} session={session} />
    </section>
  );
}

function Profile({ app }: { app: ApplicationWithId }) {
  const { t, locale } = useLocale();
  const p = app.profile;
  return (
    <>
      <h2>{t("review.profile")}</h2>
      <dl class="facts" data-testid="profile">
        <dt>{t("review.profile.nip")}</dt>
        <dd>{app.nip}</dd>
        {p?.birthDate && (
          <>
            <dt>{t("review.profile.birth")}</dt>
            <dd>
              {p.birthPlace ? `${p.birthPlace}, ` : ""}
              {formatDate(p.birthDate, locale)}
            </dd>
          </>
        )}
        {p?.golongan && (
          <>
            <dt>{t("review.profile.rank")}</dt>
            <dd>
              {p.golongan}
              {p.golonganSince ? ` (TMT ${formatDate(p.golonganSince, locale)})` : ""}
            </dd>
          </>
        )}
        {p?.currentPost && (
          <>
            <dt>{t("review.profile.post")}</dt>
            <dd>
              {p.currentPost}
              {p.currentInstansi ? `, ${p.currentInstansi}` : ""}
            </dd>
          </>
        )}
      </dl>
      {p && p.posts.length > 0 && (
        <details class="post__details">
          <summary>{t("profile.section.posts")}</summary>
          <ul>
            {p.posts.map((post, i) => (
              <li key={i}>
                {post.name} ({t(`profile.postType.${post.type}`)}), {formatDate(post.from, locale)} –{" "}
                {post.to ? formatDate(post.to, locale) : "…"}
              </li>
            ))}
          </ul>
        </details>
      )}
      {p && p.education.length > 0 && (
        <details class="post__details">
          <summary>{t("profile.section.education")}</summary>
          <ul>
            {p.education.map((e, i) => (
              <li key={i}>
                {e.level} {e.field}, {e.institution} ({e.year})
              </li>
            ))}
          </ul>
        </details>
      )}
      {p && p.performance.length > 0 && (
        <details class="post__details">
          <summary>{t("profile.section.performance")}</summary>
          <ul>
            {p.performance.map((e) => (
              <li key={e.year}>
                {e.year}: {e.rating}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function Eligibility({ app }: { app: ApplicationWithId }) {
  const t = useLocale().t;
  if (!app.eligibility) return null;
  return (
    <>
      <h2>{t("review.eligibility")}</h2>
      <p class="muted">{t("elig.advisory")}</p>
      <ul class="checks-list" data-testid="eligibility">
        {app.eligibility.map((e) => (
          <li key={e.requirement}>
            <strong>{t(`elig.req.${e.requirement}`)}</strong>: <span class="badge">{t(`elig.status.${e.status}`)}</span>{" "}
            {issueText(t, { code: e.code as Issue["code"], params: e.params })}
          </li>
        ))}
      </ul>
    </>
  );
}

function Issues({ issues }: { issues: readonly Issue[] }) {
  const t = useLocale().t;
  return (
    <>
      {issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
    </>
  );
}

function DocumentItem(props: {
  applicationId: string;
  type: string;
  label: string;
  file: ApplicationWithId["documents"][string];
  review: ApplicationReview | null;
}) {
  const { t, locale } = useLocale();
  const { applicationId, type, label, file } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const action = useAction();
  const seen = props.review?.documents[type];
  // A review of an earlier file (replaced before submission) is not a review of this one.
  const current = seen && seen.fileId === file.fileId ? seen : undefined;

  const mark = (result: "valid" | "invalid") => {
    if (result === "invalid" && !reason.trim()) {
      action.refuse([{ code: "err.verify.reasonRequired" }]);
      return;
    }
    void action.run(async (requestId) => {
      const { call } = await import("../../data/callables");
      return call("reviewApplicationDocument", {
        applicationId,
        documentType: type,
        result,
        reason: result === "invalid" ? reason.trim() : "",
        requestId,
      });
    });
  };

  return (
    <li class="card card--padded" data-testid={`document-${type}`}>
      <strong>{label}</strong>
      <br />
      <span class="muted">
        {file.fileName} ({Math.ceil(file.size / 1024)} KB)
      </span>
      {current && (
        <p data-testid={`document-${type}-review`}>
          {t("review.document.reviewed", {
            result: t(current.result === "valid" ? "review.document.valid" : "review.document.invalid"),
            name: current.byName,
            at: formatDateTime(current.at, locale),
          })}
          {current.reason && <>: {current.reason}</>}
        </p>
      )}
      {file.status !== "accepted" && <Notice kind="info">{t("review.document.notAccepted")}</Notice>}
      {open ? (
        <Later part={viewer}>
          {({ DocumentViewer }) => <DocumentViewer fileId={file.fileId} mimeType={file.mimeType} />}
        </Later>
      ) : (
        <p>
          <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
            {t("review.document.view")}
          </button>
        </p>
      )}
      <div class="field">
        <label for={`reason-${type}`}>{t("review.document.reason")}</label>
        <textarea id={`reason-${type}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <Issues issues={action.issues} />
      <div class="actions">
        <button type="button" class="button" disabled={action.busy} onClick={() => mark("valid")}>
          {t("review.document.valid")}
        </button>
        <button type="button" class="button button--danger" disabled={action.busy} onClick={() => mark("invalid")}>
          {t("review.document.invalid")}
        </button>
      </div>
    </li>
  );
}

function Decision({
  app,
  review,
  session,
}: {
  app: ApplicationWithId;
  review: ApplicationReview | null;
  session: SignedIn;
}) {
  const { t, locale } = useLocale();
  const [decision, setDecision] = useState<"ms" | "tms">(review?.verification?.decision ?? "ms");
  const [reasons, setReasons] = useState("");
  const action = useAction();
  const confirmAction = useAction();
  const v = review?.verification ?? null;
  const locked = app.status !== "submitted" || Boolean(v?.confirmedByUid);

  const save = () => {
    const lines = reasons
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (decision === "tms" && lines.length === 0) {
      action.refuse([{ code: "err.verify.tmsReasonRequired" }]);
      return;
    }
    void action.run(async (requestId) => {
      const { call } = await import("../../data/callables");
      return call("decideApplication", { applicationId: app.id, decision, reasons: lines, requestId });
    });
  };
  const confirm = () =>
    void confirmAction.run(async (requestId) => {
      const { call } = await import("../../data/callables");
      return call("confirmApplicationDecision", { applicationId: app.id, requestId });
    });

  return (
    <>
      <h2>{t("review.decision")}</h2>
      {v && (
        <Notice kind="info">
          <p data-testid="decision">
            {t("review.decision.by", {
              decision: v.decision.toUpperCase(),
              name: v.byName,
              at: formatDateTime(v.at, locale),
            })}
          </p>
          {v.reasons.length > 0 && (
            <ul>
              {v.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          )}
          {v.confirmedByName && v.confirmedAt ? (
            <p>
              {t("review.decision.confirmedBy", { name: v.confirmedByName, at: formatDateTime(v.confirmedAt, locale) })}
            </p>
          ) : (
            <p class="muted">{t("review.decision.awaitingConfirmation")}</p>
          )}
          <p class="muted">{t("review.decision.private")}</p>
        </Notice>
      )}
      {v && !v.confirmedByUid && v.byUid !== session.uid && (
        <>
          <Issues issues={confirmAction.issues} />
          <p>
            <button type="button" class="button button--secondary" disabled={confirmAction.busy} onClick={confirm}>
              {t("review.decision.confirm")}
            </button>
          </p>
        </>
      )}
      {!locked && (
        <div class="decision">
          <div class="checks" role="radiogroup">
            <label>
              <input type="radio" name="decision" checked={decision === "ms"} onChange={() => setDecision("ms")} />{" "}
              {t("review.decision.ms")}
            </label>
            <label>
              <input type="radio" name="decision" checked={decision === "tms"} onChange={() => setDecision("tms")} />{" "}
              {t("review.decision.tms")}
            </label>
          </div>
          <div class="field">
            <label for="decision-reasons">{t("review.decision.reasons")}</label>
            <textarea id="decision-reasons" value={reasons} onInput={(e) => setReasons(e.currentTarget.value)} />
          </div>
          <Issues issues={action.issues} />
          <p>
            <button type="button" class="button" disabled={action.busy} onClick={save}>
              {t("review.decision.save")}
            </button>
          </p>
        </div>
      )}
    </>
  );
}
