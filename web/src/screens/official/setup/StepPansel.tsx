/** Step 5: the panitia seleksi, checked against the profile's composition rule as it is typed. */
import { PANSEL_ORIGINS, PANSEL_POSITIONS } from "@domain/schemas/documents";
import { useT } from "../../../i18n/i18n";
import { Field } from "../../../ui/Field";
import { newMember, type MemberForm, type Position } from "./form";
import { Messages, Select, fieldId } from "./parts";
import type { StepProps } from "./step";

/** Limit of the schema (setup.ts); the profile's maximum is lower and explained by the checks. */
const MAX_MEMBERS = 15;

export function StepPansel({ form, update, findings, reveal }: StepProps & { reveal: (field: string) => void }) {
  const t = useT();
  const internal = form.pansel.filter((m) => m.origin === "internal").length;
  const add = () => {
    const index = form.pansel.length;
    const has = (p: Position) => form.pansel.some((m) => m.position === p);
    const position: Position = !has("ketua") ? "ketua" : !has("sekretaris") ? "sekretaris" : "anggota";
    update((f) => {
      f.pansel.push(newMember(position));
    });
    reveal(`pansel.${index}.name`);
  };
  return (
    <>
      <p class="lead">{t("setup.panselIntro")}</p>
      <div id={fieldId("pansel")}>
        <p class="badge" data-testid="pansel-count">
          {t("setup.panselCount", { count: form.pansel.length, internal })}
        </p>
        <Messages items={findings.at("pansel")} />
      </div>
      <ul class="setup-list">
        {form.pansel.map((m, i) => {
          const at = `pansel.${i}`;
          const edit = (recipe: (m: MemberForm) => void) =>
            update((f) => {
              const member = f.pansel[i];
              if (member) recipe(member);
            });
          return (
            <li key={m.key} class="setup-item setup-item--open" id={fieldId(at)}>
              <p class="setup-item__number">{t("setup.memberNumber", { n: i + 1 })}</p>
              <Field
                id={fieldId(`${at}.name`)}
                label={t("setup.memberName")}
                value={m.name}
                onInput={(v) => edit((x) => void (x.name = v))}
                error={findings.errorText(t, `${at}.name`)}
              />
              <div class="pair">
                <Select
                  field={`${at}.position`}
                  label={t("setup.position")}
                  value={m.position}
                  options={PANSEL_POSITIONS.map((p) => ({ value: p, label: t(`setup.position.${p}`) }))}
                  onChange={(v) => edit((x) => void (x.position = v))}
                  findings={findings}
                />
                <Select
                  field={`${at}.origin`}
                  label={t("setup.origin")}
                  value={m.origin}
                  options={PANSEL_ORIGINS.map((o) => ({ value: o, label: t(`setup.origin.${o}`) }))}
                  onChange={(v) => edit((x) => void (x.origin = v))}
                  findings={findings}
                />
              </div>
              <Field
                id={fieldId(`${at}.affiliation`)}
                label={t("setup.affiliation")}
                value={m.affiliation}
                onInput={(v) => edit((x) => void (x.affiliation = v))}
                error={findings.errorText(t, `${at}.affiliation`)}
              />
              <button type="button" class="link link--danger" onClick={() => update((f) => void f.pansel.splice(i, 1))}>
                {t("setup.removeMember")}
              </button>
            </li>
          );
        })}
      </ul>
      {form.pansel.length < MAX_MEMBERS && (
        <p>
          <button type="button" class="button button--secondary" onClick={add}>
            {t("setup.addMember")}
          </button>
        </p>
      )}
    </>
  );
}
