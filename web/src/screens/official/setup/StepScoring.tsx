/** Step 4: the scoring components with their weights, scales and cut-offs, and the finalists per post. */
import { useT } from "../../../i18n/i18n";
import { Field } from "../../../ui/Field";
import { newComponent, scheduledStagesUsed, type ComponentForm } from "./form";
import { Input, Messages, Select, fieldId } from "./parts";
import type { StepProps } from "./step";

/** Limit of the schema (setup.ts). */
const MAX_COMPONENTS = 12;

export function StepScoring({ form, update, findings, reveal }: StepProps & { reveal: (field: string) => void }) {
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
        {form.components.map((c, i) => {
          const at = `scoringPlan.components.${i}`;
          const edit = (recipe: (c: ComponentForm) => void) =>
            update((f) => {
              const component = f.components[i];
              if (component) recipe(component);
            });
          // A stage the selection no longer uses stays selectable, so the value is not silently changed.
          const stages = used.includes(c.stage) ? used : [...used, c.stage];
          return (
            <li key={c.key} class="setup-item setup-item--open" id={fieldId(at)}>
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
              <Messages
                items={findings
                  .within(at)
                  .filter(
                    (f) => [`${at}.scale`, `${at}.id`].includes(f.field ?? "") || f.field?.startsWith(`${at}.rubric`),
                  )}
              />
              <button
                type="button"
                class="link link--danger"
                onClick={() => update((f) => void f.components.splice(i, 1))}
              >
                {t("setup.removeComponent")}
              </button>
            </li>
          );
        })}
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
    </>
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
