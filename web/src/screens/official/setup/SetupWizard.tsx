/**
 * The setup wizard (/kelola/:id/atur): an operator sets up a selection on a phone, one step per
 * screen, while it is in preparation. Every step writes its part as a draft when the operator leaves
 * it (or asks to save); the persistent Firestore cache queues writes made offline and sends them once
 * connected. The checks of the regulation profile run as the operator types, and each finding shows
 * beside its input.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { checkSetup, type Finding } from "@domain/selection/checks";
import { DEFAULT_PROFILE, profileById } from "@domain/regulation/profiles";
import { normaliseStagesUsed } from "@domain/selection/stageMachine";
import type { Stage } from "@domain/stages";
import type { SelectionWithId } from "../../../data/live";
import { useT } from "../../../i18n/i18n";
import { Loading } from "../../../ui/Loading";
import { Notice } from "../../../ui/Notice";
import type { SignedIn } from "../../../ui/RequireSession";
import { useLive } from "../../../ui/useLive";
import {
  STEPS,
  draftPart,
  fromSetup,
  nextBaseline,
  stepOfField,
  toSetup,
  type Baseline,
  type SetupForm,
  type StepId,
} from "./form";
import { Findings, fieldId } from "./parts";
import type { Update } from "./step";
import { StepGeneral } from "./StepGeneral";
import { StepPosts } from "./StepPosts";
import { StepSchedule } from "./StepSchedule";
import { StepScoring, WeightTotal } from "./StepScoring";
import { StepPansel } from "./StepPansel";
import { StepReview } from "./StepReview";
import { useOnline } from "../../../ui/useOnline";

export function SetupWizard(_props: { session: SignedIn }) {
  const t = useT();
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useLive<SelectionWithId | undefined>(async () => {
    const { watchSelection } = await import("../../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  // The form starts from the first snapshot only. Later snapshots (the operator's own saves coming
  // back, another operator's edits) must not overwrite what is being typed; only the stage is
  // followed, so a selection announced meanwhile stops taking drafts.
  const initial = useRef<{ form: SetupForm; baseline: Baseline } | undefined>(undefined);
  const last = useRef<SelectionWithId | undefined>(undefined);
  if (selection.status === "ready" && selection.value) {
    last.current = selection.value;
    initial.current ??= fromSetup(selection.value);
  }

  if (!initial.current || !last.current) {
    if (selection.status === "loading") return <Loading />;
    return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  }
  return (
    <Wizard
      selectionId={id}
      title={last.current.title}
      stage={last.current.stage}
      form={initial.current.form}
      baseline={initial.current.baseline}
    />
  );
}

interface SaveStatus {
  /** Writes not yet acknowledged by the server (queued on the device meanwhile). */
  readonly pending: number;
  readonly saved: boolean;
  readonly failed: boolean;
  /** Items left out of the last draft because they are new and incomplete. */
  readonly heldBack: number;
}

function Wizard(props: { selectionId: string; title: string; stage: Stage; form: SetupForm; baseline: Baseline }) {
  const t = useT();
  const { query } = useRoute();
  const [form, setForm] = useState(props.form);
  const [baseline, setBaseline] = useState(props.baseline);
  const [step, setStep] = useState<StepId>(STEPS[Number(query["langkah"]) - 1] ?? "umum");
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>({ pending: 0, saved: false, failed: false, heldBack: 0 });
  const online = useOnline();
  const slow = useSlow(status.pending > 0);
  const editable = props.stage === "persiapan";

  // Handlers run after a render, so these refs hold what the operator sees.
  const formRef = useRef(form);
  formRef.current = form;
  const baselineRef = useRef(baseline);
  baselineRef.current = baseline;
  const stepRef = useRef(step);
  stepRef.current = step;
  const dirty = useRef(new Set<StepId>());

  const profile = profileById(form.regulationProfileId);
  const converted = useMemo(() => toSetup(form, baseline, profile), [form, baseline, profile]);
  const findings = useMemo(() => {
    // As the setupValid gate asks: with the mandatory stages, which the stored list leaves out.
    const check = checkSetup(converted.check, profile ?? DEFAULT_PROFILE, normaliseStagesUsed(form.stagesUsed));
    const unknown: Finding[] = profile
      ? []
      : [
          {
            severity: "error",
            code: "err.setup.profileUnknown",
            field: "regulationProfileId",
            params: { id: form.regulationProfileId },
          },
        ];
    const local = converted.problems.map((p): Finding => ({ ...p, severity: "error" }));
    const checked = [...check.errors, ...check.warnings].map((f) =>
      f.field === undefined ? f : { ...f, field: converted.formField(f.field) },
    );
    const all = [...unknown, ...local, ...checked];
    // In the order of the steps, so the review reads like the wizard.
    const order = (f: Finding) => STEPS.indexOf(stepOfField(f.field));
    return new Findings(
      all
        .map((f, i) => ({ f, i }))
        .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
        .map((x) => x.f),
    );
  }, [converted, profile, form.regulationProfileId, form.stagesUsed]);

  const update: Update = (recipe) => {
    dirty.current.add(stepRef.current);
    setForm((current) => {
      const next = structuredClone(current);
      recipe(next);
      return next;
    });
  };

  const save = () => {
    if (!editable || dirty.current.size === 0) return;
    const steps = new Set(dirty.current);
    dirty.current.clear();
    const current = formRef.current;
    const result = toSetup(current, baselineRef.current, profileById(current.regulationProfileId));
    const part = draftPart(result.save, steps);
    if (Object.keys(part).length === 0) return;
    // What is written now is what the next unreadable input falls back to.
    const next = nextBaseline(baselineRef.current, result, steps);
    baselineRef.current = next;
    setBaseline(next);
    setStatus((s) => ({ ...s, pending: s.pending + 1, failed: false, heldBack: result.heldBack }));
    import("../../../data/live")
      .then(({ saveSetup }) => saveSetup(props.selectionId, part))
      .then(
        () => setStatus((s) => ({ ...s, pending: s.pending - 1, saved: true })),
        () => {
          // Refused (the stage moved on, the role was taken away): nothing was written, and the next
          // save tries these steps again.
          steps.forEach((s) => dirty.current.add(s));
          setStatus((s) => ({ ...s, pending: s.pending - 1, failed: true }));
        },
      );
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  // A phone switches apps without warning, and the header's links leave the wizard: save then too.
  useEffect(() => {
    const hidden = () => document.visibilityState === "hidden" && saveRef.current();
    document.addEventListener("visibilitychange", hidden);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      saveRef.current();
    };
  }, []);

  const goTo = (next: StepId, field?: string) => {
    save();
    setStep(next);
    history.replaceState(history.state, "", `${location.pathname}?langkah=${STEPS.indexOf(next) + 1}`);
    setTarget(field ?? "");
  };

  // After the step has rendered: scroll to the input a finding or a new row points at, or to the top.
  useEffect(() => {
    if (target === undefined) return;
    setTarget(undefined);
    if (target === "") window.scrollTo(0, 0);
    else revealField(target);
  }, [target, step]);

  const index = STEPS.indexOf(step);
  const errorsOf = (s: StepId) =>
    findings.all.filter((f) => f.severity === "error" && stepOfField(f.field) === s).length;
  const sum = converted.check.scoringPlan.components.reduce((total, c) => total + c.weight, 0);
  const stepProps = { form, update, findings };

  return (
    <section class="wizard">
      <p class="eyebrow">
        <a href={`/kelola/${props.selectionId}`}>{props.title}</a>
      </p>
      <nav aria-label={t("setup.steps")}>
        <ol class="wizard__steps">
          {STEPS.map((s, i) => {
            const errors = s === "periksa" ? 0 : errorsOf(s);
            return (
              <li key={s}>
                <button
                  type="button"
                  class={s === step ? "wizard__step wizard__step--current" : "wizard__step"}
                  aria-current={s === step ? "step" : undefined}
                  aria-label={`${i + 1}. ${t(`setup.step.${s}`)}${errors > 0 ? ` (${t("setup.problems", { count: errors })})` : ""}`}
                  onClick={() => goTo(s)}
                >
                  {i + 1}
                  {errors > 0 && <span class="wizard__dot" aria-hidden="true" />}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <p class="eyebrow" data-testid="step-of">
        {t("setup.stepOf", { n: index + 1, total: STEPS.length })}
      </p>
      <h1>{t(`setup.step.${step}`)}</h1>
      {!editable && (
        <Notice kind="info">
          <p>{t("setup.notEditable", { stage: t(`stage.${props.stage}`) })}</p>
        </Notice>
      )}

      {step === "umum" && <StepGeneral {...stepProps} />}
      {step === "jabatan" && (
        <StepPosts
          {...stepProps}
          defaultMaxAge={(profile ?? DEFAULT_PROFILE).eligibility.jptPratama.maxAge}
          reveal={setTarget}
        />
      )}
      {step === "jadwal" && <StepSchedule {...stepProps} />}
      {step === "penilaian" && <StepScoring {...stepProps} reveal={setTarget} />}
      {step === "pansel" && <StepPansel {...stepProps} reveal={setTarget} />}
      {step === "periksa" && (
        <StepReview
          findings={findings}
          selectionId={props.selectionId}
          jump={(field) => goTo(stepOfField(field), field)}
        />
      )}

      <div class="wizard__bar">
        {step === "penilaian" && <WeightTotal sum={sum} />}
        <SaveState status={status} offline={!online || slow} />
        <div class="wizard__buttons">
          <button
            type="button"
            class="button button--secondary wizard__back"
            disabled={index === 0}
            onClick={() => goTo(STEPS[index - 1] ?? "umum")}
          >
            {t("setup.back")}
          </button>
          {editable && step !== "periksa" && (
            <button
              type="button"
              class="button button--secondary wizard__save"
              onClick={() => {
                dirty.current.add(step);
                save();
              }}
            >
              {t("setup.saveDraft")}
            </button>
          )}
          {index < STEPS.length - 1 && (
            <button type="button" class="button wizard__next" onClick={() => goTo(STEPS[index + 1] ?? "periksa")}>
              {t("setup.next")}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

function SaveState({ status, offline }: { status: SaveStatus; offline: boolean }) {
  const t = useT();
  if (status.failed) {
    return (
      <p class="save-state save-state--failed" role="alert">
        {t("setup.saveFailed")}
      </p>
    );
  }
  // A write is on the device as soon as it is made: the cache keeps it across reloads and sends it
  // when the network comes back, so "offline" is not "lost".
  const text =
    status.pending > 0 ? (offline ? t("setup.savedOffline") : t("setup.saving")) : status.saved ? t("setup.saved") : "";
  return (
    <p class="save-state" role="status" data-testid="save-state">
      {text}
      {text && status.heldBack > 0 && ` ${t("setup.heldBack", { count: status.heldBack })}`}
    </p>
  );
}

/** Opens the folded items around the input of `field` (or its nearest group), scrolls to it and focuses it. */
function revealField(field: string): void {
  const parts = field.split(".");
  let element: HTMLElement | null = null;
  for (let n = parts.length; n > 0 && !element; n--)
    element = document.getElementById(fieldId(parts.slice(0, n).join(".")));
  if (!element) return;
  for (let d = element.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
  element.scrollIntoView({ block: "center" });
  if (
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement
  ) {
    element.focus({ preventScroll: true });
  }
}

/**
 * True once a write has waited a few seconds for the server: on a weak connection the phone may
 * think it is online while nothing gets through, and the write is then safe on the device.
 */
function useSlow(waiting: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), 3000);
    return () => clearTimeout(timer);
  }, [waiting]);
  return slow;
}
