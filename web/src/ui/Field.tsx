/** A labelled input with its hint and its error, wired for screen readers and phone keyboards. */
import type { TargetedEvent } from "preact";

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onBlur?: () => void;
  readonly type?: "text" | "email" | "password";
  readonly inputMode?: "text" | "numeric" | "email";
  readonly autoComplete?: string;
  readonly hint?: string;
  readonly error?: string;
  readonly note?: string;
}

export function Field(props: FieldProps) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ");
  const onInput = (e: TargetedEvent<HTMLInputElement>) => props.onInput(e.currentTarget.value);
  // Preact 11 types `type` together with `role` and `list`, so each input type is written apart.
  const inputProps = {
    id: props.id,
    name: props.id,
    inputMode: props.inputMode,
    autoComplete: props.autoComplete,
    value: props.value,
    onInput,
    onBlur: props.onBlur,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": described || undefined,
  };
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.type === "password" ? (
        <input type="password" {...inputProps} />
      ) : props.type === "email" ? (
        <input type="email" {...inputProps} />
      ) : (
        <input type="text" {...inputProps} />
      )}
      {props.hint && (
        <small id={`${props.id}-hint`} class="field__hint">
          {props.hint}
        </small>
      )}
      {props.note && <small class="field__note">{props.note}</small>}
      {props.error && (
        <p id={`${props.id}-error`} class="field__error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
