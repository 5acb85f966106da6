/**
 * One score on a tablet (/pansel/:selectionId/nilai/:applicationId/:componentId): the rubric's
 * indicators with their level buttons and descriptions (or one number where the component has no
 * rubric), a note, the candidate's documents beside. Every change is written to the member's draft
 * at once through the offline cache, so nothing typed is lost when the tablet sleeps, the app is
 * closed or the Wi-Fi drops; the draft's snapshot says whether it is only on this device or synced.
 * Submitting (submitScore, after a confirmation) locks it: the form becomes read-only.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { ScoringComponent } from "@domain/selection/setup";
import { scoreId, validateScore, type ScoreEntry, type StoredScore } from "@domain/scoring/score";
import type { SelectionWithId } from "../../data/live";
import type { CandidateRow, DraftState } from "../../data/scoreData";
import { issueText, useLocale, useMessages } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Later, later } from "../../ui/Later";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { useAction } from "../../ui/useAction";
import { useLive } from "../../ui/useLive";
import { useLiveSelection } from "../../ui/useLiveSelection";

const viewer = later(() => import("../official/verification/DocumentViewer"));

const EMPTY: ScoreEntry = { levels: null, value: null, note: "" };

export function ScoreForm({ session }: { session: SignedIn }) {
  const ready = useMessages("scoring");
  const { t } = useLocale();
  const { params } = useRoute();
  const selectionId = params["selectionId"] ?? "";
  const applicationId = params["applicationId"] ?? "";
  const componentId = params["componentId"] ?? "";
  const id = scoreId(applicationId, componentId, session.uid);

  const selection = useLiveSelection(selectionId);
  const candidate = useLive<CandidateRow | undefined>(async () => {
    const { watchCandidate } = await import("../../data/scoreData");
    return (next, fail) => watchCandidate(applicationId, next, fail);
  }, [applicationId]);
  const draft = useLive<DraftState>(async () => {
    const { watchDraft } = await import("../../data/scoreData");
    return (next, fail) => watchDraft(id, next, fail);
  }, [id]);
  const score = useLive<StoredScore | undefined>(async () => {
    const { watchScore } = await import("../../data/scoreData");
    return (next, fail) => watchScore(id, next, fail);
  }, [id]);

  if (!ready || selection.loading || candidate.status === "loading" || draft.status === "loading") {
    return <Loading />;
  }
  const s = selection.selection;
  const app = candidate.status === "ready" ? candidate.value : undefined;
  const componentIndex = s ? s.scoringPlan.components.findIndex((c) => c.id === componentId) : -1;
  const component = s?.scoringPlan.components[componentIndex];
  const back = <a href={`/pansel/${selectionId}/nilai`}>{t("scoring.form.back")}</a>;
  if (!s || !app || !component || component.imported || draft.status !== "ready") {
    return (
      <section>
        <p class="eyebrow">{back}</p>
        <Notice kind="error">{t("scoring.form.unavailable")}</Notice>
      </section>
    );
  }
  return (
    <Form
      key={id}
      id={id}
      uid={session.uid}
      selection={s}
      candidate={app}
      component={component}
      componentIndex={componentIndex}
      draft={draft.value}
      score={score.status === "ready" ? score.value : undefined}
      back={back}
    />
  );
}

function Form(props: {
  id: string;
  uid: string;
  selection: SelectionWithId;
  candidate: CandidateRow;
  component: ScoringComponent;
  componentIndex: number;
  draft: DraftState;
  score: StoredScore | undefined;
  back: ComponentChildren;
}) {
  const { t, locale } = useLocale();
  const { selection, candidate, component, draft, score } = props;
  // What the member typed: from the draft the first time it is seen (the offline cache's, after a
  // restart), then the screen's own, so a late snapshot never overwrites a key pressed since.
  const [entry, setEntry] = useState<ScoreEntry>(() =>
    draft.draft ? { levels: draft.draft.levels, value: draft.draft.value, note: draft.draft.note } : EMPTY,
  );
  const [typed, setTyped] = useState(false);
  const [refused, setRefused] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [valueText, setValueText] = useState(entry.value === null ? "" : String(entry.value));
  const action = useAction();
  const seenDraft = useRef(draft.draft !== undefined);
  useEffect(() => {
    if (!seenDraft.current && draft.draft && !typed) {
      seenDraft.current = true;
      setEntry({ levels: draft.draft.levels, value: draft.draft.value, note: draft.draft.note });
      setValueText(draft.draft.value === null ? "" : String(draft.draft.value));
    }
  }, [draft.draft, typed]);

  const locked = score?.status === "submitted";

  const change = (next: ScoreEntry) => {
    setEntry(next);
    setTyped(true);
    setRefused(false);
    void import("../../data/scoreData").then(({ saveDraft }) =>
      saveDraft(props.id, {
        instansiId: selection.instansiId,
        selectionId: selection.id,
        postId: candidate.postId,
        applicationId: candidate.id,
        componentId: component.id,
        componentIndex: props.componentIndex,
        memberUid: props.uid,
        levels: next.levels,
        value: next.value,
        note: next.note,
        // The tablet's clock, shown only; the server's decides everything that counts.
        savedAt: new Date().toISOString(),
      }).catch(() => setRefused(true)),
    );
  };

  const submit = () => {
    const check = validateScore(selection.scoringPlan, component.id, entry, "submit");
    if (!check.ok) {
      setConfirming(false);
      action.refuse(check.issues);
      return;
    }
    void action
      .run(async (requestId) => {
        const { call } = await import("../../data/callables");
        return call("submitScore", {
          requestId,
          selectionId: selection.id,
          applicationId: candidate.id,
          componentId: component.id,
          entry,
        });
      })
      .then(() => setConfirming(false));
  };

  const sync = refused ? null : !draft.draft ? "nothing" : draft.pending ? "device" : "synced";
  const post = selection.posts.find((p) => p.id === candidate.postId)?.name ?? candidate.postId;
  const documents = Object.entries(candidate.documents).filter(([, d]) => d.status === "accepted");

  return (
    <section class="score-layout">
      <div class="score-layout__form">
        <p class="eyebrow">{props.back}</p>
        <h1>{component.label}</h1>
        <p>{t("scoring.form.candidate", { name: candidate.candidateName, post })}</p>
        {locked && score?.submittedAt && (
          <Notice kind="success">
            <span data-testid="score-locked">
              {t("scoring.form.locked", { at: formatDateTime(score.submittedAt, locale) })}
            </span>
          </Notice>
        )}
        {!locked && score?.reopened && (
          <Notice kind="info">{t("scoring.form.reopened", { reason: score.reopened.reason })}</Notice>
        )}
        {!locked && (
          <p class="sync-state" data-testid="sync-state" data-state={sync ?? "refused"}>
            {sync === "nothing" && t("scoring.form.nothingSaved")}
            {sync === "device" && t("scoring.form.savedDevice")}
            {sync === "synced" && t("scoring.form.synced")}
          </p>
        )}
        {refused && <Notice kind="error">{t("scoring.form.saveRefused")}</Notice>}
        <fieldset class="score-fields" disabled={locked}>
          {component.rubric ? (
            component.rubric.indicators.map((indicator) => (
              <fieldset key={indicator.id} class="indicator" data-testid={`indicator-${indicator.id}`}>
                <legend>{indicator.label}</legend>
                <div class="levels">
                  {component.rubric!.levels.map((level) => {
                    const chosen = entry.levels?.[indicator.id] === level.score;
                    return (
                      <button
                        type="button"
                        key={level.score}
                        class={`level${chosen ? " level--chosen" : ""}`}
                        aria-pressed={chosen}
                        data-testid={`level-${indicator.id}-${level.score}`}
                        onClick={() => change({ ...entry, levels: { ...entry.levels, [indicator.id]: level.score } })}
                      >
                        <strong>{t("scoring.form.level", { score: level.score, label: level.label })}</strong>
                        <small>{level.description}</small>
                      </button>
                    );
                  })}
                </div>
              </fieldset>
            ))
          ) : (
            <div class="field">
              <label for="score-value">{t("scoring.form.value")}</label>
              <input
                id="score-value"
                type="number"
                inputMode="decimal"
                step="0.01"
                min={component.scale.min}
                max={component.scale.max}
                value={valueText}
                onInput={(e) => {
                  const text = e.currentTarget.value;
                  setValueText(text);
                  const n = text.trim() === "" ? null : Number(text);
                  change({ ...entry, value: n === null || Number.isNaN(n) ? null : n });
                }}
              />
              <p class="field__hint">
                {t("scoring.form.scale", { min: component.scale.min, max: component.scale.max })}
              </p>
            </div>
          )}
          <div class="field">
            <label for="score-note">{t("scoring.form.note")}</label>
            <textarea
              id="score-note"
              maxLength={2000}
              value={entry.note}
              onInput={(e) => change({ ...entry, note: e.currentTarget.value })}
            />
          </div>
        </fieldset>
        {action.issues.map((issue, i) => (
          <Notice key={i} kind="error">
            {issueText(t, issue)}
          </Notice>
        ))}
        {!locked &&
          (confirming ? (
            <div class="card card--padded" role="alertdialog" aria-labelledby="confirm-text">
              <p id="confirm-text">{t("scoring.form.confirm")}</p>
              <div class="actions">
                <button type="button" class="button" disabled={action.busy} onClick={submit}>
                  {t("scoring.form.confirmYes")}
                </button>
                <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
                  {t("scoring.form.cancel")}
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <button type="button" class="button" onClick={() => setConfirming(true)}>
                {t("scoring.form.submit")}
              </button>
            </div>
          ))}
      </div>
      <aside class="score-layout__documents">
        <h2>{t("scoring.form.documents")}</h2>
        {documents.length === 0 ? (
          <p>{t("scoring.form.noDocuments")}</p>
        ) : (
          documents.map(([type, file]) => <DocumentItem key={type} fileId={file.fileId} file={file} />)
        )}
      </aside>
    </section>
  );
}

function DocumentItem({ fileId, file }: { fileId: string; file: { fileName: string; mimeType: string } }) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <div class="card card--padded">
      <strong>{file.fileName}</strong>
      {open ? (
        <Later part={viewer}>
          {({ DocumentViewer }) => <DocumentViewer fileId={fileId} mimeType={file.mimeType} />}
        </Later>
      ) : (
        <p>
          <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
            {t("review.document.view")}
          </button>
        </p>
      )}
    </div>
  );
}
