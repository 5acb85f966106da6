/**
 * One application of the signed-in candidate (/peserta/lamaran/:applicationId), the one place to
 * follow it: the post, the time left to register, the live eligibility check, the document checklist
 * with an upload control per entry while it is a draft, the final submission behind a confirmation,
 * then the receipt and the status timeline (with the objection form when allowed). The older paths
 * …/dokumen and …/status (links in e-mails) open this screen at that part.
 *
 * The upload control, the receipt and the timeline load when the application's state needs them:
 * a draft never downloads the timeline, a submitted application never the file store.
 *
 * The eligibility check runs on the phone, from the profile as stored now and the post's requirements
 * as published, with the same domain code the function uses at submission; it is advisory. The
 * countdown uses the phone's clock for display only: the server's clock decides (rules and callables).
 */
import { useEffect, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import type { ApplicationDocument } from "@domain/applications/application";
import { blockingSections, unreadyDocuments } from "@domain/applications/apply";
import { calendarDate } from "@domain/calendar";
import { checkEligibility } from "@domain/eligibility/check";
import { isOpenTo } from "@domain/eligibility/openTo";
import type { Issue } from "@domain/issue";
import { profileById } from "@domain/regulation/profiles";
import { candidateProfile, type CandidateProfile } from "@domain/schemas/profile";
import type { DocumentRequirement } from "@domain/selection/setup";
import type { ApplicationWithId, SelectionForApplication } from "../../data/applicationData";
import { issueText, useLocale, useMessages, type Translate } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { useAction } from "../../ui/useAction";
import { useAsync } from "../../ui/useAsync";
import { useLazy } from "../../ui/useLazy";
import { useLive } from "../../ui/useLive";

const data = () => import("../../data/applicationData");

export function ApplicationScreen({ session }: { session: SignedIn }) {
  const ready = useMessages("candidate");
  const { t } = useLocale();
  const { params } = useRoute();
  const { path } = useLocation();
  const applicationId = params["applicationId"] ?? "";
  const application = useLive<ApplicationWithId | undefined>(async () => {
    const { watchApplication } = await data();
    return (next, fail) => watchApplication(applicationId, next, fail);
  }, [applicationId]);
  const rawProfile = useLive<unknown>(async () => {
    const { watchRawProfile } = await data();
    return (next, fail) => watchRawProfile(session.uid, next, fail);
  }, [session.uid]);
  const selectionId = application.status === "ready" ? application.value?.selectionId : undefined;
  const selection = useAsync(
    async () => (selectionId ? (await data()).getSelectionForApplication(selectionId) : undefined),
    [selectionId],
  );

  if (!ready || application.status === "loading") return <Loading />;
  if (application.status === "error") return <Notice kind="error">{t("app.loadError")}</Notice>;
  const app = application.value;
  if (!app) return <Notice kind="error">{t("err.apply.notFound")}</Notice>;
  if (selection.status === "loading" || rawProfile.status === "loading") return <Loading />;
  if (selection.status === "error") return <LoadError retry={selection.retry} />;
  if (!selection.value) return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  const profile = rawProfile.status === "ready" ? parseProfile(rawProfile.value) : undefined;
  const part = path.endsWith("/status") ? "status" : path.endsWith("/dokumen") ? "documents" : undefined;
  return <ApplicationView app={app} selection={selection.value} profile={profile} part={part} />;
}

function parseProfile(raw: unknown): CandidateProfile | undefined {
  const parsed = candidateProfile().safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The phone's clock, ticking each 30 s: only for showing the time left. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface ViewProps {
  readonly app: ApplicationWithId;
  readonly selection: SelectionForApplication;
  readonly profile: CandidateProfile | undefined;
  /** The part an older link (…/dokumen, …/status) points at. */
  readonly part: "documents" | "status" | undefined;
}

function ApplicationView({ app, selection, profile, part }: ViewProps) {
  const { t, locale } = useLocale();
  const now = useNow();
  const { summary, detail } = selection;
  const post = summary.posts.find((p) => p.id === app.postId);
  const requirements = detail.requirements[app.postId];
  const closesAt = summary.registrationClosesAtMs;
  const open = summary.stage === "pendaftaran" && closesAt !== null && now < closesAt;
  const draft = app.status === "draft";
  const checklist = requirements?.documents ?? [];
  const Upload = useLazy(() => import("./upload/DocumentUpload").then((m) => m.DocumentUpload), draft && open);
  const Receipt = useLazy(() => import("./ApplicationReceipt").then((m) => m.ApplicationReceipt), !draft);
  const Status = useLazy(() => import("./ApplicationStatus").then((m) => m.ApplicationStatus), !draft);
  const partShown = part === "status" ? Status !== undefined : part === "documents";
  useEffect(() => {
    if (part && partShown) document.getElementById(part)?.scrollIntoView();
  }, [part, partShown]);

  return (
    <section class="narrow application">
      <p class="eyebrow">{summary.instansiName}</p>
      <h1>{app.postName}</h1>
      <dl class="facts">
        <dt>{t("apply.selection")}</dt>
        <dd>
          <a href={`/seleksi/${app.selectionId}`}>{summary.title}</a>
        </dd>
        <dt>{t("apply.post")}</dt>
        <dd>{post ? `${post.name} (${post.opd})` : app.postName}</dd>
        <dt>{t("apply.status")}</dt>
        <dd data-testid="application-status">{t(`apply.status.${app.status}`)}</dd>
      </dl>

      <Countdown closesAt={closesAt} open={open} now={now} />

      <h2>{t("apply.eligibility")}</h2>
      {requirements && post ? (
        <Eligibility profile={profile} post={{ level: post.level, requirements }} selection={selection} />
      ) : null}

      <h2 id="documents">{t("apply.documents")}</h2>
      <ul class="checklist" data-testid="checklist">
        {checklist.map((r) => (
          <li key={r.id} data-testid={`doc-${r.id}`}>
            <strong>{r.label}</strong>{" "}
            <span class="muted">({t(r.required ? "apply.doc.required" : "apply.doc.optional")})</span>
            <br />
            <DocumentStatus current={app.documents[r.id]} t={t} />
            {draft && open && Upload && (
              <Upload
                applicationId={app.id}
                instansiId={app.instansiId}
                selectionId={app.selectionId}
                postId={app.postId}
                requirement={r}
                current={app.documents[r.id]}
              />
            )}
          </li>
        ))}
      </ul>

      {draft && open && <Submit app={app} profile={profile} checklist={checklist} />}
      {app.submittedAt && (
        <Notice kind="success">{t("apply.submittedAt", { at: formatDateTime(app.submittedAt, locale) })}</Notice>
      )}
      {Receipt && <Receipt app={app} />}
      {Status && <Status application={app} published={summary} />}
    </section>
  );
}

function Countdown({ closesAt, open, now }: { closesAt: number | null; open: boolean; now: number }) {
  const { t, locale } = useLocale();
  if (!open || closesAt === null) return <Notice kind="info">{t("apply.closed")}</Notice>;
  const minutes = Math.max(0, Math.floor((closesAt - now) / 60_000));
  return (
    <div class="countdown" data-testid="countdown">
      <p>{t("apply.closesAt", { at: formatDateTime(new Date(closesAt).toISOString(), locale) })}</p>
      <p>
        <strong>
          {t("apply.timeLeft", {
            days: Math.floor(minutes / 1440),
            hours: Math.floor((minutes % 1440) / 60),
            minutes: minutes % 60,
          })}
        </strong>
      </p>
      <p class="muted">{t("apply.serverClock")}</p>
    </div>
  );
}

function Eligibility({
  profile,
  post,
  selection,
}: {
  profile: CandidateProfile | undefined;
  post: Parameters<typeof checkEligibility>[1];
  selection: SelectionForApplication;
}) {
  const { t } = useLocale();
  const regulation = profileById(selection.detail.regulationProfileId);
  if (!profile || !regulation) return <Notice kind="info">{t("apply.eligibility.noProfile")}</Notice>;
  const results = checkEligibility(profile, post, regulation, calendarDate(selection.detail.referenceDate));
  const rule = selection.detail.openToRule;
  const openTo = rule ? isOpenTo(rule, profile) : undefined;
  return (
    <>
      <ul class="eligibility" data-testid="eligibility">
        {openTo && (
          <li class={`elig elig--${openTo.status}`} data-testid="elig-openTo">
            <strong>{t("apply.openTo")}</strong>: {t(`elig.status.${openTo.status}`)}
            <br />
            <span class="muted">{issueText(t, { code: openTo.code, params: openTo.params })}</span>
          </li>
        )}
        {results.map((r) => (
          <li key={r.requirement} class={`elig elig--${r.status}`} data-testid={`elig-${r.requirement}`}>
            <strong>{t(`elig.req.${r.requirement}`)}</strong>: {t(`elig.status.${r.status}`)}
            <br />
            <span class="muted">{issueText(t, { code: r.code, params: r.params })}</span>
          </li>
        ))}
      </ul>
      <p class="muted">{t("elig.advisory")}</p>
    </>
  );
}

function DocumentStatus({ current, t }: { current: ApplicationDocument | undefined; t: Translate }) {
  if (!current) return <span class="doc-status doc-status--missing">{t("apply.doc.missing")}</span>;
  return (
    <span class={`doc-status doc-status--${current.status}`}>
      {t(`apply.doc.${current.status}`)}
      {current.status === "rejected" && current.rejection && (
        <>: {issueText(t, { code: current.rejection.code as Issue["code"], params: current.rejection.params })}</>
      )}
      <span class="muted"> · {current.fileName}</span>
    </span>
  );
}

/** A profile section named in words (the server's issues carry its id). */
function withSectionName(t: Translate, issue: Issue): string {
  const section = issue.params?.["section"];
  if (issue.code !== "err.submit.profileIncomplete" || typeof section !== "string") return issueText(t, issue);
  return issueText(t, { ...issue, params: { ...issue.params, section: t(`profile.section.${section}` as never) } });
}

function Submit({
  app,
  profile,
  checklist,
}: {
  app: ApplicationWithId;
  profile: CandidateProfile | undefined;
  checklist: readonly DocumentRequirement[];
}) {
  const { t } = useLocale();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const blocks = profile ? blockingSections(profile) : [];
  const unready = unreadyDocuments(checklist, app.documents);

  const submit = async () => {
    const { submitApplication } = await import("../../data/callables");
    const answer = await action.run((requestId) => submitApplication({ applicationId: app.id, requestId }));
    if (answer) setConfirming(false);
  };

  return (
    <div class="submit">
      {blocks.length > 0 && (
        <Notice kind="info">
          {t("apply.profileBlocks")}
          <ul>
            {blocks.map((s) => (
              <li key={s}>{t(`profile.section.${s}`)}</li>
            ))}
          </ul>
        </Notice>
      )}
      {unready.length > 0 && (
        <Notice kind="info">
          <ul>
            {unready.map((r) => (
              <li key={r.id}>
                {t(
                  app.documents[r.id]?.status === "rejected"
                    ? "err.submit.documentRejected"
                    : app.documents[r.id]
                      ? "err.submit.documentChecking"
                      : "err.submit.documentMissing",
                  { document: r.label },
                )}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {!confirming ? (
        <p>
          <button type="button" class="button" onClick={() => setConfirming(true)}>
            {t("apply.submit")}
          </button>
        </p>
      ) : (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            <strong>{t("apply.confirm")}</strong>
          </p>
          <p class="actions">
            <button type="button" class="button" disabled={action.busy} onClick={() => void submit()}>
              {t("apply.confirmYes")}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={action.busy}
              onClick={() => setConfirming(false)}
            >
              {t("apply.confirmNo")}
            </button>
          </p>
        </div>
      )}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {withSectionName(t, issue)}
        </Notice>
      ))}
    </div>
  );
}
