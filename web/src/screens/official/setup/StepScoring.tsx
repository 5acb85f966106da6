/**
 * Step 4: the scoring components with their weights, scales, cut-offs and rubrics, and the finalists
 * per post. Components and rubric levels fold into one line each, so a phone shows the plan at a
 * glance and one open component, not four screens of inputs.
 */
import { PUBLISH_SCORES, type ScheduledStage } from "@domain/selection/setup";
import { useT } from "../../../i18n/i18n";
import { Field } from "../../../ui/Field";
import {
  newComponent,
  newIndicator,
  newLevel,
  scheduledStagesUsed,
  turnRubricOn,
  type ComponentForm,
  type LevelForm,
} from "./form";
import { Check, Input, InputMessages, Messages, Select, fieldId, type Findings } from "./parts";
import type { StepProps, Update } from "./step";

/** Limit of the schema (setup.ts). */
const MAX_COMPONENTS = 12;
/** Limits of the wizard: a rubric sheet a pansel member fills in per candidate stays on one page. */
const MAX_INDICATORS = 10;
const MAX_LEVELS = 10;

type Reveal = (field: string) => void;

export function StepScoring({ form, update, findings, reveal }: StepProps & { reveal: Reveal }) {
  const t = useT();
  const used = scheduledStagesUsed(form.stagesUsed);
  const add = () => {
    const index = form.components.length;
    update((f) => {
      f.components.push(newComponent(used.find((s) => s === "wawancara") ?? used[used.length - 1] ?? "wawancara"));
    });
    reveal(`scoringPlan.components.${index}.label`);
  };
  return (
    <>
      <p class="lead">{t("setup.scoringIntro")}</p>
      <div id={fieldId("scoringPlan.components")}>
        <Messages items={findings.at("scoringPlan.components")} />
      </div>
      <ul class="setup-list">
        {form.components.map((c, i) => (
          <ComponentItem
            key={c.key}
            component={c}
            index={i}
            used={used}
            update={update}
            findings={findings}
            reveal={reveal}
          />
        ))}
      </ul>
      {form.components.length < MAX_COMPONENTS && (
        <p>
          <button type="button" class="button button--secondary" onClick={add}>
            {t("setup.addComponent")}
          </button>
        </p>
      )}
      <Input
        field="scoringPlan.finalistsPerPost"
        inputMode="numeric"
        label={t("setup.finalists")}
        value={form.finalistsPerPost}
        onInput={(v) =>
          update((f) => {
            f.finalistsPerPost = v;
          })
        }
        findings={findings}
      />
      <Select
        field="scoringPlan.publishScores"
        label={t("setup.publishScores")}
        value={form.publishScores}
        options={PUBLISH_SCORES.map((v) => ({ value: v, label: t(`setup.publishScores.${v}`) }))}
        onChange={(v) =>
          update((f) => {
            f.publishScores = v;
          })
        }
        findings={findings}
      />
    </>
  );
}

function ComponentItem({
  component: c,
  index,
  used,
  update,
  findings,
  reveal,
}: {
  component: ComponentForm;
  index: number;
  used: readonly ScheduledStage[];
  update: Update;
  findings: Findings;
  reveal: Reveal;
}) {
  const t = useT();
  const at = `scoringPlan.components.${index}`;
  const errors = findings.errorsWithin(at);
  const edit = (recipe: (c: ComponentForm) => void) =>
    update((f) => {
      const component = f.components[index];
      if (component) recipe(component);
    });
  const remove = () => {
    if (!confirm(t("setup.confirmRemoveComponent", { name: c.label.trim() || t("setup.newComponent") }))) return;
    update((f) => void f.components.splice(index, 1));
  };
  // A stage the selection no longer uses stays selectable, so the value is not silently changed.
  const stages = used.includes(c.stage) ? used : [...used, c.stage];
  return (
    <li class="setup-item">
      <details id={fieldId(at)}>
        <summary>
          <span class="setup-item__title">{c.label.trim() || t("setup.newComponent")}</span>
          <span class="setup-item__meta">
            <span>{t("setup.componentMeta", { weight: c.weight.trim() })}</span>
            {c.rubricOn && (
              <span>{t("setup.rubricMeta", { indicators: c.indicators.length, levels: c.levels.length })}</span>
            )}
            {errors > 0 && <span class="badge badge--error">{t("setup.problems", { count: errors })}</span>}
          </span>
        </summary>
        <div class="setup-item__body">
          <Field
            id={fieldId(`${at}.label`)}
            label={t("setup.componentLabel")}
            value={c.label}
            onInput={(v) => edit((x) => void (x.label = v))}
            error={findings.errorText(t, `${at}.label`)}
          />
          <Select
            field={`${at}.stage`}
            label={t("setup.componentStage")}
            value={c.stage}
            options={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            onChange={(v) => edit((x) => void (x.stage = v))}
            findings={findings}
          />
          <div class="pair">
            <Input
              field={`${at}.weight`}
              inputMode="decimal"
              label={t("setup.weight")}
              value={c.weight}
              onInput={(v) => edit((x) => void (x.weight = v))}
              findings={findings}
            />
            <Input
              field={`${at}.minScore`}
              inputMode="decimal"
              label={t("setup.minScore")}
              value={c.minScore}
              onInput={(v) => edit((x) => void (x.minScore = v))}
              findings={findings}
            />
          </div>
          <Input
            field={`${at}.advancePerPost`}
            inputMode="numeric"
            label={t("setup.advancePerPost")}
            value={c.advancePerPost}
            onInput={(v) => edit((x) => void (x.advancePerPost = v))}
            findings={findings}
          />
          <div class="pair" id={fieldId(`${at}.scale`)}>
            <Input
              field={`${at}.scale.min`}
              inputMode="decimal"
              label={t("setup.scaleMin")}
              value={c.scaleMin}
              onInput={(v) => edit((x) => void (x.scaleMin = v))}
              findings={findings}
            />
            <Input
              field={`${at}.scale.max`}
              inputMode="decimal"
              label={t("setup.scaleMax")}
              value={c.scaleMax}
              onInput={(v) => edit((x) => void (x.scaleMax = v))}
              findings={findings}
            />
          </div>
          <Messages items={[...findings.at(`${at}.scale`), ...findings.at(`${at}.id`)]} />
          <Check
            id={fieldId(`${at}.rubric.on`)}
            label={t("setup.rubricOn")}
            checked={c.rubricOn}
            onChange={(on) => edit((x) => (on ? turnRubricOn(x) : void (x.rubricOn = false)))}
          />
          {c.rubricOn && <RubricEditor component={c} at={at} edit={edit} findings={findings} reveal={reveal} />}
          <button type="button" class="link link--danger" onClick={remove}>
            {t("setup.removeComponent")}
          </button>
        </div>
      </details>
    </li>
  );
}

/** The indicators and score levels of one component's rubric, with the checks' findings beside them. */
function RubricEditor({
  component: c,
  at,
  edit,
  findings,
  reveal,
}: {
  component: ComponentForm;
  at: string;
  edit: (recipe: (c: ComponentForm) => void) => void;
  findings: Findings;
  reveal: Reveal;
}) {
  const t = useT();
  const r = `${at}.rubric`;
  const addIndicator = () => {
    const j = c.indicators.length;
    edit((x) => void x.indicators.push(newIndicator()));
    reveal(`${r}.indicators.${j}.label`);
  };
  const addLevel = () => {
    const j = c.levels.length;
    edit((x) => void x.levels.push(newLevel()));
    reveal(`${r}.levels.${j}.score`);
  };
  return (
    <>
      <h3 id={fieldId(`${r}.indicators`)}>{t("setup.indicators")}</h3>
      {c.indicators.map((indicator, j) => {
        const field = `${r}.indicators.${j}.label`;
        const id = fieldId(field);
        const items = findings.at(field);
        const name = t("setup.indicatorLine", { n: j + 1 });
        return (
          <div class="line" key={indicator.key}>
            <label for={id} class="visually-hidden">
              {name}
            </label>
            <textarea
              id={id}
              rows={1}
              value={indicator.label}
              aria-invalid={items.some((f) => f.severity === "error") ? true : undefined}
              onInput={(e) => {
                const value = e.currentTarget.value;
                edit((x) => {
                  const target = x.indicators[j];
                  if (target) target.label = value;
                });
              }}
            />
            <button
              type="button"
              class="link line__remove"
              aria-label={`${t("setup.remove")}: ${name}`}
              onClick={() => edit((x) => void x.indicators.splice(j, 1))}
            >
              {t("setup.remove")}
            </button>
            <Messages items={items} />
          </div>
        );
      })}
      {c.indicators.length < MAX_INDICATORS && (
        <p>
          <button type="button" class="button button--secondary button--small" onClick={addIndicator}>
            {t("setup.addIndicator")}
          </button>
        </p>
      )}

      <h3 id={fieldId(`${r}.levels`)}>{t("setup.levels")}</h3>
      <small class="field__hint">{t("setup.levelsHint")}</small>
      <ul class="setup-list">
        {c.levels.map((level, j) => (
          <LevelItem
            key={level.key}
            level={level}
            field={`${r}.levels.${j}`}
            findings={findings}
            edit={(recipe) =>
              edit((x) => {
                const target = x.levels[j];
                if (target) recipe(target);
              })
            }
            remove={() => edit((x) => void x.levels.splice(j, 1))}
          />
        ))}
      </ul>
      {c.levels.length < MAX_LEVELS && (
        <p>
          <button type="button" class="button button--secondary button--small" onClick={addLevel}>
            {t("setup.addLevel")}
          </button>
        </p>
      )}
    </>
  );
}

function LevelItem({
  level,
  field,
  findings,
  edit,
  remove,
}: {
  level: LevelForm;
  field: string;
  findings: Findings;
  edit: (recipe: (l: LevelForm) => void) => void;
  remove: () => void;
}) {
  const t = useT();
  const errors = findings.errorsWithin(field);
  const score = level.score.trim();
  const label = level.label.trim();
  const title = score || label ? [score, label].filter(Boolean).join(" \u00b7 ") : t("setup.newLevel");
  return (
    <li class="setup-item setup-item--small">
      <details id={fieldId(field)}>
        <summary>
          <span class="setup-item__title">{title}</span>
          {errors > 0 && (
            <span class="setup-item__meta">
              <span class="badge badge--error">{t("setup.problems", { count: errors })}</span>
            </span>
          )}
        </summary>
        <div class="setup-item__body">
          <div class="pair">
            <Input
              field={`${field}.score`}
              inputMode="decimal"
              label={t("setup.levelScore")}
              value={level.score}
              onInput={(v) => edit((l) => void (l.score = v))}
              findings={findings}
              inlineMessages={false}
            />
            <Input
              field={`${field}.label`}
              label={t("setup.levelLabel")}
              value={level.label}
              onInput={(v) => edit((l) => void (l.label = v))}
              findings={findings}
              inlineMessages={false}
            />
          </div>
          <InputMessages field={`${field}.score`} findings={findings} />
          <InputMessages field={`${field}.label`} findings={findings} />
          <Input
            field={`${field}.description`}
            type="multiline"
            label={t("setup.levelDescription")}
            value={level.description}
            onInput={(v) => edit((l) => void (l.description = v))}
            findings={findings}
          />
          <button type="button" class="link link--danger" onClick={remove}>
            {t("setup.removeLevel")}
          </button>
        </div>
      </details>
    </li>
  );
}

/** The live sum of the weights: red until it is exactly 100. */
export function WeightTotal({ sum }: { sum: number }) {
  const t = useT();
  const ok = Math.abs(sum - 100) < 1e-9;
  return (
    <p class={ok ? "total" : "total total--bad"} data-testid="weight-total" aria-live="polite">
      {t("setup.totalWeight", { sum: Math.round(sum * 100) / 100 })}
    </p>
  );
}
