/**
 * The spread flags of a ranking with what the committee decided on each (calibration): the ketua
 * pansel, or the operator taking the minutes, records "the scores stand" with a reason, or "rescored"
 * naming the score the ketua reopened and the member submitted again (resolveSpreadFlag). The ketua
 * reaches the reopening screen from each flag's scores. Refused input stays in the form.
 */
import { useState } from "preact/hooks";
import { flagKey, MIN_RESOLUTION_REASON, type FlagRef, type StoredCalibration } from "@domain/scoring/calibration";
import { hundredths, type PostRankingResult } from "@domain/scoring/postRanking";
import { scoreId } from "@domain/scoring/score";
import type { Locale } from "@domain/i18n/messages";
import { issueText, useMessages, type Translate } from "../../../i18n/i18n";
import { Notice } from "../../../ui/Notice";
import { ReasonField } from "../../../ui/ReasonField";
import { useAction } from "../../../ui/useAction";
import { useLive } from "../../../ui/useLive";

interface Props {
  readonly r: PostRankingResult;
  readonly instansiId: string;
  readonly t: Translate;
  readonly locale: Locale;
  /** The ketua or an operator: may record decisions. */
  readonly mayResolve: boolean;
  /** The ketua: may reopen scores. */
  readonly isKetua: boolean;
}

export function Calibration({ r, instansiId, t, locale, mayResolve, isKetua }: Props) {
  // Its own claim on the scoring messages, though the ranking screen loads them first: this panel
  // must not depend on which screen places it.
  const ready = useMessages("scoring");
  const calibration = useLive<StoredCalibration | undefined>(async () => {
    const { watchCalibration } = await import("../../../data/rankingData");
    const scope = { instansiId, selectionId: r.selectionId, postId: r.postId, stage: r.stage };
    return (next, fail) => watchCalibration(scope, next, fail);
  }, [instansiId, r.selectionId, r.postId, r.stage]);
  const format = (h: number) => hundredths(h, locale === "en" ? "." : ",");
  const names = new Map(r.candidates.map((c) => [c.applicationId, c.name]));
  const label = (id: string) => r.components.find((c) => c.id === id)?.label ?? id;
  const memberName = (uid: string) => r.members.find((m) => m.uid === uid)?.name ?? uid;
  const resolutions = calibration.status === "ready" ? (calibration.value?.resolutions ?? {}) : {};

  // The scores a flag is about: the cell's members', or the flagged member's on this post.
  const scoresOf = (flag: FlagRef) =>
    flag.kind === "cell"
      ? (r.spread.cells
          .find((c) => c.applicationId === flag.applicationId && c.componentId === flag.componentId)
          ?.scores.map((s) => ({
            id: scoreId(flag.applicationId, flag.componentId, s.memberUid),
            member: s.memberUid,
            applicationId: flag.applicationId,
            componentId: flag.componentId,
          })) ?? [])
      : r.dots
          .filter((d) => d.scores[r.members.findIndex((m) => m.uid === flag.memberUid)] !== null)
          .map((d) => ({
            id: scoreId(d.applicationId, d.componentId, flag.memberUid),
            member: flag.memberUid,
            applicationId: d.applicationId,
            componentId: d.componentId,
          }));

  const flags: { flag: FlagRef; text: string }[] = [
    ...r.spread.cells.map((c) => ({
      flag: { kind: "cell" as const, applicationId: c.applicationId, componentId: c.componentId },
      text: t("ranking.spread.cell", {
        name: names.get(c.applicationId) ?? c.applicationId,
        component: label(c.componentId),
        spread: format(c.spread),
        threshold: r.spread.threshold,
      }),
    })),
    ...r.spread.members.map((m) => ({
      flag: { kind: "member" as const, memberUid: m.memberUid },
      text: t("ranking.spread.member", { member: memberName(m.memberUid), deviation: format(m.meanDeviation) }),
    })),
  ];
  if (!ready) return null;
  if (flags.length === 0) return <p class="muted">{t("ranking.spread.none")}</p>;

  return (
    <ul class="cards" data-testid="ranking-spread">
      {flags.map(({ flag, text }) => {
        const key = flagKey(flag);
        const resolution = resolutions[key];
        const scores = scoresOf(flag).map((s) => ({
          ...s,
          label: `${memberName(s.member)} · ${names.get(s.applicationId) ?? s.applicationId} · ${label(s.componentId)}`,
        }));
        return (
          <li key={key} class="card card--padded" data-testid={`flag-${key}`}>
            <p>{text}</p>
            {resolution ? (
              <p data-testid="flag-resolution">
                {t("calibration.resolved", {
                  outcome:
                    resolution.outcome === "kept"
                      ? t("calibration.kept")
                      : t("calibration.rescored", { member: memberName(resolution.scoreMemberUid ?? "") }),
                  reason: resolution.reason,
                  by: resolution.by.name,
                })}
              </p>
            ) : (
              <p>
                <span class="badge badge--empty">{t("calibration.open")}</span>
              </p>
            )}
            {isKetua && (
              <ul class="links">
                {scores.map((s) => (
                  <li key={s.id}>
                    <a
                      href={`/pansel/${r.selectionId}/buka-kembali/${s.id}?nama=${encodeURIComponent(names.get(s.applicationId) ?? "")}`}
                    >
                      {t("calibration.reopen", { member: memberName(s.member) })}
                    </a>{" "}
                    <small>{s.label}</small>
                  </li>
                ))}
              </ul>
            )}
            {mayResolve && (
              <ResolveForm r={r} flagKey={key} scores={scores} resolved={resolution !== undefined} t={t} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ResolveForm(props: {
  r: PostRankingResult;
  flagKey: string;
  scores: readonly { id: string; label: string }[];
  resolved: boolean;
  t: Translate;
}) {
  const { r, t } = props;
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<"kept" | "rescored">("kept");
  const [reason, setReason] = useState("");
  const [score, setScore] = useState("");
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const id = `resolve-${props.flagKey.replace(/[^A-Za-z0-9-]/g, "-")}`;

  const save = async () => {
    setSaved(false);
    // The same checks as the server's, before sending: a short reason or no score is said at once.
    if (reason.trim().length < MIN_RESOLUTION_REASON) return action.refuse([{ code: "err.calibration.reason" }]);
    if (outcome === "rescored" && !score) return action.refuse([{ code: "err.calibration.scoreRequired" }]);
    const answer = await action.run(async (requestId) => {
      const { resolveSpreadFlag } = await import("../../../data/callables");
      return resolveSpreadFlag({
        requestId,
        selectionId: r.selectionId,
        postId: r.postId,
        stage: r.stage,
        flagKey: props.flagKey,
        outcome,
        reason,
        scoreId: outcome === "rescored" ? score : null,
      });
    });
    // Refused: everything typed stays; recorded: the live calibration shows the decision.
    if (answer) {
      setSaved(true);
      setOpen(false);
      setReason("");
    }
  };

  if (!open) {
    return (
      <>
        {saved && <Notice kind="success">{t("calibration.saved")}</Notice>}
        <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
          {props.resolved ? t("calibration.change") : t("calibration.resolve")}
        </button>
      </>
    );
  }
  return (
    <div class="decision" data-testid="resolve-form">
      <fieldset>
        <legend>{t("calibration.outcome")}</legend>
        {(["kept", "rescored"] as const).map((o) => (
          <label key={o} class="choice">
            <input type="radio" name={`${id}-outcome`} checked={outcome === o} onChange={() => setOutcome(o)} />{" "}
            {t(`calibration.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === "rescored" && (
        <div class="field">
          <label for={`${id}-score`}>{t("calibration.score")}</label>
          <select id={`${id}-score`} value={score} onChange={(e) => setScore(e.currentTarget.value)}>
            <option value="">{t("calibration.score.pick")}</option>
            {props.scores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <ReasonField
        id={`${id}-reason`}
        label={t("calibration.reason")}
        hint={t("calibration.reasonHint")}
        value={reason}
        onInput={setReason}
      />
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <button type="button" class="button" disabled={action.busy} onClick={() => void save()}>
        {t("calibration.save")}
      </button>{" "}
      <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
        {t("calibration.cancel")}
      </button>
    </div>
  );
}
