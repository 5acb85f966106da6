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
import { STAGES, type Stage } from "@domain/stages";
import { z } from "zod/mini";
import { emptySetup } from "@domain/selection/defaults";
import { selectionSetup, type SelectionSetup } from "@domain/selection/setup";
import type { BrokenSelection, SelectionWithId } from "../../../data/live";
import { differingFields, loadOutbox, type OutboxItem } from "../../../data/outbox";
import { BrokenSetup } from "../BrokenSetup";
import { useSetupOutbox, type SetupOutbox } from "./useOutbox";
import { issueText, useMessages, useT } from "../../../i18n/i18n";
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
import { Later, later } from "../../../ui/Later";
import { useOnline } from "../../../ui/useOnline";

// The wizard opens on its first step; the others load when the operator goes to them (and in the
// background once the wizard is up, so a later step also opens offline or on a slow link at once).
const LATER_STEPS = {
  posts: later(() => import("./StepPosts")),
  schedule: later(() => import("./StepSchedule")),
  scoring: later(() => import("./StepScoring")),
  pansel: later(() => import("./StepPansel")),
  review: later(() => import("./StepReview")),
};

export function SetupWizard(_props: { session: SignedIn }) {
  const t = useT();
  // The wizard's own words are an area of their own: no other screen downloads them.
  const wordsReady = useMessages("setup");
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  // The form starts from the first snapshot only, with the edits still in the outbox on top. Later
  // snapshots (the operator's own saves coming back, another operator's edits) must not overwrite
  // what is being typed: a colleague's save is caught by its revision when this one is sent. Only
  // the stage is followed, so a selection announced meanwhile stops taking drafts.
  const initial = useRef<Start | undefined>(undefined);
  const last = useRef<SelectionWithId | BrokenSelection | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  if (selection.status === "ready" && selection.value) {
    last.current = selection.value;
    initial.current ??= start(selection.value, loadOutbox(id));
  }

  if (!wordsReady) return <Loading />;
  if (!initial.current || !last.current) {
    if (selection.status === "loading") return <Loading />;
    return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  }
  const current = last.current;
  return (
    <>
      {"broken" in current && <BrokenSetup findings={current.findings} />}
      <Wizard
        key={generation}
        selectionId={id}
        title={current.title}
        stage={"broken" in current ? stageOf(current.data) : current.stage}
        start={initial.current}
        reset={() => {
          // The operator chose the saved version: start again from the latest snapshot.
          initial.current = last.current && start(last.current, undefined);
          setGeneration((g) => g + 1);
        }}
      />
    </>
  );
}

interface Start {
  readonly form: SetupForm;
  readonly baseline: Baseline;
  readonly revision: number;
  /** Steps to save at the first chance: those holding a damaged field of the stored document. */
  readonly dirty: readonly StepId[];
}

const revisionOf = z.catch(z.int(), 0);

function start(selection: SelectionWithId | BrokenSelection, outbox: OutboxItem | undefined): Start {
  const broken = "broken" in selection;
  const stored: SelectionSetup = broken ? salvage(selection.data) : selection;
  const merged = outbox ? selectionSetup.safeParse({ ...stored, ...outbox.part }) : undefined;
  const dirty = broken ? [...new Set(selection.findings.map((f) => stepOfField(f.field)))] : [];
  return {
    ...fromSetup(merged?.success ? merged.data : stored),
    revision: broken ? revisionOf.parse(selection.data["setupRevision"]) : selection.setupRevision,
    dirty: dirty.filter((s) => s !== "periksa"),
  };
}

/** What of a damaged document still reads, field by field; the rest starts from the defaults. */
function salvage(data: Readonly<Record<string, unknown>>): SelectionSetup {
  const year = z.int().safeParse(data["year"]);
  const defaults = emptySetup(year.success ? year.data : new Date().getFullYear(), DEFAULT_PROFILE.id);
  const shape: Record<string, z.ZodMiniType> = selectionSetup.shape;
  const fields = Object.keys(shape).flatMap((k) => {
    const parsed = shape[k]?.safeParse(data[k]);
    return parsed?.success ? [[k, parsed.data] as const] : [];
  });
  const result = selectionSetup.safeParse({ ...defaults, ...Object.fromEntries(fields) });
  return result.success ? result.data : defaults;
}

function stageOf(data: Readonly<Record<string, unknown>>): Stage {
  const stage = z.enum(STAGES).safeParse(data["stage"]);
  return stage.success ? stage.data : "dibatalkan";
}

interface WizardProps {
  readonly selectionId: string;
  readonly title: string;
  readonly stage: Stage;
  readonly start: Start;
  readonly reset: () => void;
}

function Wizard(props: WizardProps) {
  const t = useT();
  const { query } = useRoute();
  const [form, setForm] = useState(props.start.form);
  const [baseline, setBaseline] = useState(props.start.baseline);
  const [step, setStep] = useState<StepId>(STEPS[Number(query["langkah"]) - 1] ?? "umum");
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [heldBack, setHeldBack] = useState(0);
  const outbox = useSetupOutbox(props.selectionId, props.start.revision);
  const online = useOnline();
  const slow = useSlow(outbox.item?.state === "waiting");
  const editable = props.stage === "persiapan";

  // Handlers run after a render, so these refs hold what the operator sees.
  const formRef = useRef(form);
  formRef.current = form;
  const baselineRef = useRef(baseline);
  baselineRef.current = baseline;
  const stepRef = useRef(step);
  stepRef.current = step;
  const dirty = useRef(new Set<StepId>(props.start.dirty));

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
    setHeldBack(result.heldBack);
    // On the device first; the outbox sends it, and keeps it if the server refuses.
    outbox.queue(part);
  };
  const takeSaved = () => {
    dirty.current.clear();
    outbox.discard();
    props.reset();
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    const preload = () => Object.values(LATER_STEPS).forEach((part) => void part.preload().catch(() => undefined));
    const timer = setTimeout(preload, 1000);
    return () => clearTimeout(timer);
  }, []);

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

      <OutboxProblem outbox={outbox} takeSaved={takeSaved} />

      {step === "umum" && <StepGeneral {...stepProps} />}
      {step === "jabatan" && (
        <Later part={LATER_STEPS.posts}>
          {({ StepPosts }) => (
            <StepPosts
              {...stepProps}
              defaultMaxAge={(profile ?? DEFAULT_PROFILE).eligibility.jptPratama.maxAge}
              reveal={setTarget}
            />
          )}
        </Later>
      )}
      {step === "jadwal" && (
        <Later part={LATER_STEPS.schedule}>{({ StepSchedule }) => <StepSchedule {...stepProps} />}</Later>
      )}
      {step === "penilaian" && (
        <Later part={LATER_STEPS.scoring}>
          {({ StepScoring }) => <StepScoring {...stepProps} reveal={setTarget} />}
        </Later>
      )}
      {step === "pansel" && (
        <Later part={LATER_STEPS.pansel}>{({ StepPansel }) => <StepPansel {...stepProps} reveal={setTarget} />}</Later>
      )}
      {step === "periksa" && (
        <Later part={LATER_STEPS.review}>
          {({ StepReview }) => (
            <StepReview
              findings={findings}
              selectionId={props.selectionId}
              jump={(field) => goTo(stepOfField(field), field)}
            />
          )}
        </Later>
      )}

      <div class="wizard__bar">
        {step === "penilaian" && (
          <Later part={LATER_STEPS.scoring} quiet>
            {({ WeightTotal }) => <WeightTotal sum={sum} />}
          </Later>
        )}
        <SaveState outbox={outbox} heldBack={heldBack} offline={!online || slow} />
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

function SaveState(props: { outbox: SetupOutbox; heldBack: number; offline: boolean }) {
  const t = useT();
  const { item, sending, sent } = props.outbox;
  if (item && item.state !== "waiting") {
    return (
      <p class="save-state save-state--failed" role="alert">
        {item.state === "conflict" ? t("setup.conflict.title") : t("setup.refused.title")}
      </p>
    );
  }
  // An edit is on the device as soon as it is made: the outbox keeps it across reloads and sends it
  // when the network comes back, so "offline" is not "lost".
  const text = item
    ? sending && !props.offline
      ? t("setup.saving")
      : t("setup.savedOffline")
    : sent
      ? t("setup.saved")
      : "";
  return (
    <p class="save-state" role="status" data-testid="save-state">
      {text}
      {text && props.heldBack > 0 && ` ${t("setup.heldBack", { count: props.heldBack })}`}
    </p>
  );
}

/**
 * What the server refused, with nothing lost: after a colleague's save, both versions of each field
 * side by side and the choice of which to keep; after the stage closed or while a proposal froze the
 * setup, the reason and the edits as text to copy.
 */
function OutboxProblem({ outbox, takeSaved }: { outbox: SetupOutbox; takeSaved: () => void }) {
  const t = useT();
  const item = outbox.item;
  if (!item || item.state === "waiting") return null;
  const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 1));
  // The fields of the setup have their labels in the wizard's own words where the form has one.
  const labels: Record<string, string> = {
    title: t("setup.name"),
    year: t("setup.year"),
    legalBasis: t("setup.legalBasis"),
    referenceDate: t("setup.referenceDate"),
    openTo: t("setup.openTo"),
    openToRule: t("setup.openToRule"),
    regulationProfileId: t("setup.profile"),
    stagesUsed: t("setup.stagesUsed"),
    contact: t("setup.contact"),
  };
  const label = (field: string) => labels[field] ?? t(`setup.step.${stepOfField(field)}`);
  return (
    <div class="notice notice--error" role="alert" data-testid="outbox-problem">
      <p>
        <strong>{item.state === "conflict" ? t("setup.conflict.title") : t("setup.refused.title")}</strong>
      </p>
      {(item.issues ?? []).map((issue, i) => (
        <p key={i}>{issueText(t, issue)}</p>
      ))}
      {item.state === "conflict" && item.conflict ? (
        <>
          <table class="conflict" data-testid="conflict">
            <thead>
              <tr>
                <th>{t("setup.conflict.field")}</th>
                <th>{t("setup.conflict.theirs", { revision: item.conflict.revision })}</th>
                <th>{t("setup.conflict.mine")}</th>
              </tr>
            </thead>
            <tbody>
              {differingFields(item).map((d) => (
                <tr key={d.field}>
                  <th scope="row">{label(d.field)}</th>
                  <td>
                    <pre>{show(d.theirs)}</pre>
                  </td>
                  <td>
                    <pre>{show(d.mine)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <button type="button" class="button" onClick={() => outbox.keepMine()}>
              {t("setup.conflict.keepMine")}
            </button>
            <button type="button" class="button button--secondary" onClick={takeSaved}>
              {t("setup.conflict.takeTheirs")}
            </button>
          </div>
        </>
      ) : (
        <>
          <label for="outbox-copy">{t("setup.refused.copy")}</label>
          <textarea id="outbox-copy" readOnly rows={6} value={JSON.stringify(item.part, null, 1)} />
          <div class="actions">
            <button type="button" class="button" onClick={() => outbox.retry()}>
              {t("setup.refused.retry")}
            </button>
            <button type="button" class="button button--secondary" onClick={takeSaved}>
              {t("setup.refused.discard")}
            </button>
          </div>
        </>
      )}
    </div>
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
