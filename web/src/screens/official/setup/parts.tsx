/**
 * The wizard's small parts: inputs that keep what was typed, and the findings shown beside them. An
 * input's id is derived from the `field` path of its findings ("posts.0.name" → "f-posts-0-name"), so
 * a finding in the review step can jump to its input.
 */
import type { ComponentChildren } from "preact";
import type { Finding } from "@domain/selection/checks";
import type { MessageKey } from "@domain/i18n/messages";
import { issueText, useT, type Translate } from "../../../i18n/i18n";

export function fieldId(field: string): string {
  return `f-${field.replace(/\./g, "-")}`;
}

/** A finding in the user's language, with JPT levels named as the catalogue names them. */
export function findingText(t: Translate, f: Finding): string {
  const level = f.params?.["level"];
  if (level === "jptPratama" || level === "jptMadya") {
    return issueText(t, { ...f, params: { ...f.params, level: t(`level.${level}`) } });
  }
  return issueText(t, f);
}

/** The findings of the setup, looked up by the `field` path they belong to. */
export class Findings {
  constructor(readonly all: readonly Finding[]) {}

  /** Findings of exactly this field. */
  at(field: string): Finding[] {
    return this.all.filter((f) => f.field === field);
  }

  /** Findings of this field and of everything under it. */
  within(field: string): Finding[] {
    return this.all.filter((f) => f.field === field || f.field?.startsWith(`${field}.`));
  }

  errorsWithin(field: string): number {
    return this.within(field).filter((f) => f.severity === "error").length;
  }

  /** The errors of a field as one sentence, for the Field component. */
  errorText(t: Translate, field: string): string | undefined {
    const errors = this.at(field).filter((f) => f.severity === "error");
    return errors.length > 0 ? errors.map((f) => findingText(t, f)).join(" ") : undefined;
  }
}

/** Findings under an input or a group: errors in red, warnings in amber. */
export function Messages({ items, id }: { items: readonly Finding[]; id?: string }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul class="findings" id={id}>
      {items.map((f, i) => (
        <li
          key={`${f.code}-${i}`}
          class={f.severity === "error" ? "finding finding--error" : "finding finding--warning"}
        >
          {findingText(t, f)}
        </li>
      ))}
    </ul>
  );
}

interface InputProps {
  /** The finding path; the input's id comes from it. */
  readonly field: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly findings: Findings;
  /** "multiline": text that wraps over lines (a description), in a textarea. */
  readonly type?: "text" | "date" | "multiline";
  /** Numbers are typed into text inputs, so what was typed stays even when it is not a number. */
  readonly inputMode?: "text" | "decimal" | "numeric";
  readonly hint?: string;
  /**
   * False: the findings are shown by an InputMessages elsewhere, e.g. below a pair of narrow inputs,
   * where a sentence in half the width would run down the screen.
   */
  readonly inlineMessages?: boolean;
}

/** Like ui/Field, for dates and decimals, with warnings as well as errors beside the input. */
export function Input(props: InputProps) {
  const id = fieldId(props.field);
  const items = props.findings.at(props.field);
  const hasError = items.some((f) => f.severity === "error");
  const described = [props.hint && `${id}-hint`, items.length > 0 && `${id}-msg`].filter(Boolean).join(" ");
  const common = {
    id,
    name: id,
    value: props.value,
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => props.onInput(e.currentTarget.value),
    "aria-invalid": hasError ? true : undefined,
    "aria-describedby": described || undefined,
  };
  return (
    <div class={hasError ? "field field--error" : "field"}>
      <label for={id}>{props.label}</label>
      {props.type === "date" ? (
        <input type="date" {...common} />
      ) : props.type === "multiline" ? (
        <textarea rows={2} {...common} />
      ) : (
        <input type="text" inputMode={props.inputMode ?? "text"} autoComplete="off" {...common} />
      )}
      {props.hint && (
        <small id={`${id}-hint`} class="field__hint">
          {props.hint}
        </small>
      )}
      {props.inlineMessages !== false && <Messages items={items} id={`${id}-msg`} />}
    </div>
  );
}

/** The findings of an Input with `inlineMessages={false}`, wherever they read best. */
export function InputMessages({ field, findings }: { field: string; findings: Findings }) {
  return <Messages items={findings.at(field)} id={`${fieldId(field)}-msg`} />;
}

interface SelectProps<V extends string> {
  readonly field: string;
  readonly label: string;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onChange: (value: V) => void;
  readonly findings: Findings;
}

export function Select<V extends string>(props: SelectProps<V>) {
  const id = fieldId(props.field);
  const items = props.findings.at(props.field);
  const hasError = items.some((f) => f.severity === "error");
  return (
    <div class={hasError ? "field field--error" : "field"}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={id}
        value={props.value}
        aria-invalid={hasError ? true : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value as V)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages items={items} />
    </div>
  );
}

export function Check(props: {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: string;
}) {
  const box = (
    <label class="check" for={props.id}>
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      />
      <span>{props.label}</span>
    </label>
  );
  if (!props.hint) return box;
  return (
    <div>
      {box}
      <small id={`${props.id}-hint`} class="field__hint">
        {props.hint}
      </small>
    </div>
  );
}

/** Lines of text (legal basis, extra conditions): add, edit, remove. */
export function Lines(props: {
  readonly field: string;
  readonly legend: string;
  readonly lineLabel: MessageKey;
  readonly values: readonly string[];
  readonly max: number;
  readonly onChange: (values: string[]) => void;
  readonly findings: Findings;
}) {
  const t = useT();
  const set = (i: number, value: string) => props.onChange(props.values.map((v, j) => (j === i ? value : v)));
  return (
    <fieldset class="group" id={fieldId(props.field)}>
      <legend>{props.legend}</legend>
      {props.values.map((value, i) => {
        const id = fieldId(`${props.field}.${i}`);
        const items = props.findings.at(`${props.field}.${i}`);
        return (
          <div class="line" key={i}>
            <label for={id} class="visually-hidden">
              {t(props.lineLabel, { n: i + 1 })}
            </label>
            <textarea id={id} rows={2} value={value} onInput={(e) => set(i, e.currentTarget.value)} />
            <button
              type="button"
              class="link line__remove"
              aria-label={`${t("setup.remove")}: ${t(props.lineLabel, { n: i + 1 })}`}
              onClick={() => props.onChange(props.values.filter((_, j) => j !== i))}
            >
              {t("setup.remove")}
            </button>
            <Messages items={items} />
          </div>
        );
      })}
      {props.values.length < props.max && (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => props.onChange([...props.values, ""])}
        >
          {t("setup.addLine")}
        </button>
      )}
    </fieldset>
  );
}

/** A titled box for one item of a list (a document, a component, a member). */
export function Item({ children, id }: { children: ComponentChildren; id?: string }) {
  return (
    <div class="item" id={id}>
      {children}
    </div>
  );
}
