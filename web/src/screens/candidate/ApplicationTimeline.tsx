/**
 * A candidate's own status, step by step: sent, verified, the published result (with the reasons
 * of a TMS, which only the candidate sees), the objection and its answer, and the stages that follow.
 * It shows only what the application and the public stage say: a verification decision reaches the
 * candidate when the result is published, never before.
 */
import type { ComponentChildren } from "preact";
import type { StoredApplication } from "@domain/applications/application";
import { STAGES, type Stage } from "@domain/stages";
import { useLocale } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";

interface Props {
  readonly application: StoredApplication;
  /** The selection's stage as published (publicSelections/{id}.stage). */
  readonly stage: Stage | null;
}

type StepState = "done" | "waiting";

function Step(props: { testid: string; state: StepState; title: string; children?: ComponentChildren }) {
  return (
    <li data-testid={props.testid} data-state={props.state} class={props.state === "waiting" ? "muted" : undefined}>
      <strong>{props.title}</strong>
      {props.children}
    </li>
  );
}

export function ApplicationTimeline({ application: a, stage }: Props) {
  const { t, locale } = useLocale();
  const when = (iso: string | null) => (iso ? <span class="muted"> · {formatDateTime(iso, locale)}</span> : null);
  const result = a.result;
  const objection = a.objection;
  const after = (s: Stage) => stage !== null && stage !== "dibatalkan" && STAGES.indexOf(stage) > STAGES.indexOf(s);

  return (
    <ol class="timeline" data-testid="application-timeline">
      {a.status === "draft" ? (
        <Step testid="step-submitted" state="waiting" title={t("timeline.draft")} />
      ) : (
        <Step testid="step-submitted" state="done" title={t("timeline.submitted")}>
          {when(a.submittedAt)}
        </Step>
      )}
      {a.status !== "draft" && (
        <Step
          testid="step-verified"
          state={a.reviewed || result ? "done" : "waiting"}
          title={a.reviewed || result ? t("timeline.verified") : t("timeline.verification")}
        />
      )}
      {result && (
        <Step testid="step-result" state="done" title={result.decision === "ms" ? t("timeline.ms") : t("timeline.tms")}>
          {result.decision === "tms" && result.reasons.length > 0 && (
            <>
              <p>{t("timeline.reasons")}</p>
              <ul data-testid="tms-reasons">
                {result.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
          {result.changedByObjection && <p data-testid="result-changed">{t("timeline.changed")}</p>}
        </Step>
      )}
      {objection && (
        <Step testid="step-objection" state="done" title={t("timeline.objectionFiled")}>
          {when(objection.filedAt)}
          <p>{objection.text}</p>
          {objection.status === "open" && (
            <p class="muted">{t("timeline.objectionDue", { date: formatDateTime(objection.answerDue, locale) })}</p>
          )}
        </Step>
      )}
      {objection && objection.status !== "open" && (
        <Step
          testid="step-answer"
          state="done"
          title={objection.status === "accepted" ? t("timeline.objectionAccepted") : t("timeline.objectionRejected")}
        >
          {when(objection.answeredAt)}
          {objection.answer && <p>{t("timeline.answer", { answer: objection.answer })}</p>}
        </Step>
      )}
      {a.status === "ms" && stage && after("pengumumanAdministrasi") && (
        <Step testid="step-stage" state="done" title={t("timeline.now", { stage: t(`stage.${stage}`) })} />
      )}
    </ol>
  );
}
