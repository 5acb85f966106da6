/**
 * A candidate's own status, step by step: sent, verified, the published result (with the reasons
 * of a TMS, which only the candidate sees), the objection and its answer, each stage's result as
 * announced (the candidate's own outcome, and why not, which only they see), and the stage now.
 * It shows only what the application and the public stage say: a verification decision reaches the
 * candidate when the result is published, never before.
 */
import type { ComponentChildren } from "preact";
import type { StoredApplication } from "@domain/applications/application";
import type { StageOutcome } from "@domain/scoring/stageResultSchema";
import { SCHEDULED_STAGES, type ScheduledStage } from "@domain/selection/setup";
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
      {SCHEDULED_STAGES.flatMap((s) => {
        const outcome = a.stageOutcomes[s];
        return outcome ? [<StageOutcomeStep key={s} stage={s} outcome={outcome} />] : [];
      })}
      {a.status === "ms" && stage && after("pengumumanAdministrasi") && (
        <Step testid="step-stage" state="done" title={t("timeline.now", { stage: t(`stage.${stage}`) })} />
      )}
    </ol>
  );
}

/** Hundredths of a point (domain/scoring/aggregate.ts): 8450 reads 84,50. */
function points(hundredths: number, locale: string): string {
  return (hundredths / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function StageOutcomeStep({ stage, outcome: o }: { stage: ScheduledStage; outcome: StageOutcome }) {
  const { t, locale } = useLocale();
  const reason = o.reason;
  const verdict = o.advances
    ? o.final
      ? t("timeline.stageResult.finalist")
      : t("timeline.stageResult.advances")
    : t("timeline.stageResult.out");
  return (
    <Step
      testid={`step-result-${stage}`}
      state="done"
      title={t("timeline.stageResult", { stage: t(`stage.${stage}`) })}
    >
      <span class="muted"> · {formatDateTime(o.publishedAt, locale)}</span>
      <p data-testid="stage-verdict">
        <strong>{verdict}</strong>
      </p>
      {o.rank !== null && o.total !== null && (
        <p>{t("timeline.stageResult.score", { rank: o.rank, total: points(o.total, locale) })}</p>
      )}
      {o.rank === null && o.total !== null && (
        <p>{t("timeline.stageResult.total", { total: points(o.total, locale) })}</p>
      )}
      {reason?.code === "missedComponent" && (
        <p>{t("timeline.stageResult.missed", { component: reason.component ?? "" })}</p>
      )}
      {reason?.code === "belowMinScore" && (
        <p>
          {t("timeline.stageResult.belowMin", {
            component: reason.component ?? "",
            score: points(reason.score ?? 0, locale),
            min: reason.minScore ?? 0,
          })}
        </p>
      )}
      {reason?.code === "notAdvanced" && (
        <p>{t("timeline.stageResult.notAdvanced", { rank: reason.rank ?? 0, advance: reason.advance ?? 0 })}</p>
      )}
      {reason?.code === "notFinalist" && <p>{t("timeline.stageResult.notFinalist")}</p>}
      <p>
        <a href={`/verifikasi/${o.documentId}`}>{t("public.announcementNumber", { number: o.number })}</a>
      </p>
    </Step>
  );
}
