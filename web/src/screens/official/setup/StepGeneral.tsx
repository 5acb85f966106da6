/** Step 1: what the selection is, under which rules, and which optional stages it goes through. */
import { PROFILES } from "@domain/regulation/profiles";
import { OPTIONAL_STAGES } from "@domain/selection/stageMachine";
import { OPEN_TO_SCOPES } from "@domain/eligibility/openTo";
import { useT } from "../../../i18n/i18n";
import { Field } from "../../../ui/Field";
import { Check, Input, Lines, Select, fieldId } from "./parts";
import { openToNameField, type SetupForm } from "./form";
import { setter, type StepProps } from "./step";

export function StepGeneral({ form, update, findings }: StepProps) {
  const t = useT();
  const set = <K extends keyof SetupForm>(key: K) => setter(update, key);
  const setContact = (key: keyof SetupForm["contact"]) => (value: string) =>
    update((f) => {
      f.contact[key] = value;
    });
  const known = PROFILES.some((p) => p.id === form.regulationProfileId);
  // A profile this build does not know stays selectable, so opening the wizard never changes it.
  const profiles = [
    ...PROFILES.map((p) => ({ value: p.id, label: p.title })),
    ...(known ? [] : [{ value: form.regulationProfileId, label: form.regulationProfileId }]),
  ];
  return (
    <>
      <Field
        id={fieldId("title")}
        label={t("setup.name")}
        value={form.title}
        onInput={set("title")}
        error={findings.errorText(t, "title")}
      />
      <Field
        id={fieldId("year")}
        label={t("setup.year")}
        inputMode="numeric"
        value={form.year}
        onInput={set("year")}
        error={findings.errorText(t, "year")}
      />
      <Lines
        field="legalBasis"
        legend={t("setup.legalBasis")}
        lineLabel="setup.legalBasisLine"
        values={form.legalBasis}
        max={20}
        onChange={set("legalBasis")}
        findings={findings}
      />
      <Input
        field="referenceDate"
        type="date"
        label={t("setup.referenceDate")}
        hint={t("setup.referenceDateHint")}
        value={form.referenceDate}
        onInput={set("referenceDate")}
        findings={findings}
      />
      <fieldset class="group" id={fieldId("openToRule")}>
        <legend>{t("setup.openToRule")}</legend>
        <Select
          field="openToRule.scope"
          label={t("setup.openToScope")}
          value={form.openToScope}
          options={(["", ...OPEN_TO_SCOPES] as const).map((scope) => ({
            value: scope,
            label: t(`setup.openToScope.${scope || "none"}`),
          }))}
          onChange={(scope) =>
            update((f) => {
              // A government's name is not a province's: the other scope starts empty.
              if (f.openToScope !== scope) f.openToName = "";
              f.openToScope = scope;
            })
          }
          findings={findings}
        />
        {form.openToScope === "instansi" && (
          <Input
            field={openToNameField("instansi")}
            label={t("setup.openToInstansiName")}
            value={form.openToName}
            onInput={set("openToName")}
            findings={findings}
          />
        )}
        {form.openToScope === "province" && (
          <Input
            field={openToNameField("province")}
            label={t("public.filter.province")}
            value={form.openToName}
            onInput={set("openToName")}
            findings={findings}
          />
        )}
        {form.openToScope !== "" && (
          <Lines
            field="openToRule.conditions"
            legend={t("setup.extraConditions")}
            lineLabel="setup.conditionLine"
            values={form.openToConditions}
            max={10}
            onChange={set("openToConditions")}
            findings={findings}
          />
        )}
      </fieldset>
      <Field
        id={fieldId("openTo")}
        label={t("setup.openTo")}
        hint={t("setup.openToHint")}
        value={form.openTo}
        onInput={set("openTo")}
        error={findings.errorText(t, "openTo")}
      />
      <Select
        field="regulationProfileId"
        label={t("setup.profile")}
        value={form.regulationProfileId}
        options={profiles}
        onChange={set("regulationProfileId")}
        findings={findings}
      />
      <fieldset class="group" id={fieldId("stagesUsed")}>
        <legend>{t("setup.stagesUsed")}</legend>
        {OPTIONAL_STAGES.map((stage) => (
          <Check
            key={stage}
            id={fieldId(`stagesUsed.${stage}`)}
            label={t(`stage.${stage}`)}
            checked={form.stagesUsed.includes(stage)}
            onChange={(on) =>
              update((f) => {
                f.stagesUsed = on ? [...f.stagesUsed, stage] : f.stagesUsed.filter((s) => s !== stage);
              })
            }
          />
        ))}
      </fieldset>
      <Check
        id={fieldId("secondVerifier")}
        label={t("setup.secondVerifier")}
        hint={t("setup.secondVerifierHint")}
        checked={form.secondVerifier}
        onChange={set("secondVerifier")}
      />
      <fieldset class="group">
        <legend>{t("setup.contact")}</legend>
        <Field
          id={fieldId("contact.name")}
          label={t("setup.contactName")}
          value={form.contact.name}
          onInput={setContact("name")}
          error={findings.errorText(t, "contact.name")}
        />
        <Field
          id={fieldId("contact.phone")}
          label={t("setup.contactPhone")}
          value={form.contact.phone}
          onInput={setContact("phone")}
          error={findings.errorText(t, "contact.phone")}
        />
        <Field
          id={fieldId("contact.email")}
          type="email"
          label={t("setup.contactEmail")}
          value={form.contact.email}
          onInput={setContact("email")}
          error={findings.errorText(t, "contact.email")}
        />
        <Field
          id={fieldId("contact.address")}
          label={t("setup.contactAddress")}
          value={form.contact.address}
          onInput={setContact("address")}
          error={findings.errorText(t, "contact.address")}
        />
      </fieldset>
    </>
  );
}
