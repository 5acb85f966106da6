/** Step 3: first and last day of every stage with dates that this selection goes through. */
import { useT } from "../../../i18n/i18n";
import { scheduledStagesUsed } from "./form";
import { Input, Messages, fieldId } from "./parts";
import type { StepProps } from "./step";

export function StepSchedule({ form, update, findings }: StepProps) {
  const t = useT();
  return (
    <>
      <p class="lead">{t("setup.scheduleIntro")}</p>
      {scheduledStagesUsed(form.stagesUsed).map((stage) => {
        const at = `schedule.${stage}`;
        const dates = form.schedule[stage];
        return (
          <fieldset key={stage} class="group" id={fieldId(at)}>
            <legend>{t(`stage.${stage}`)}</legend>
            <div class="pair">
              <Input
                field={`${at}.start`}
                type="date"
                label={t("setup.start")}
                value={dates.start}
                onInput={(v) => update((f) => void (f.schedule[stage].start = v))}
                findings={findings}
              />
              <Input
                field={`${at}.end`}
                type="date"
                label={t("setup.end")}
                value={dates.end}
                onInput={(v) => update((f) => void (f.schedule[stage].end = v))}
                findings={findings}
              />
            </div>
            <Messages items={findings.at(at)} />
          </fieldset>
        );
      })}
    </>
  );
}
