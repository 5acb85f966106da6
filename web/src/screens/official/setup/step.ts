/** What every step of the wizard gets: the form, a way to change it, and the live findings. */
import type { SetupForm } from "./form";
import type { Findings } from "./parts";

/** Changes the form through a mutable copy: each step edits its part in place. */
export type Update = (recipe: (form: SetupForm) => void) => void;

export interface StepProps {
  readonly form: SetupForm;
  readonly update: Update;
  readonly findings: Findings;
}

/** A setter for one top-level field of the form. */
export function setter<K extends keyof SetupForm>(update: Update, key: K): (value: SetupForm[K]) => void {
  return (value) =>
    update((form) => {
      form[key] = value;
    });
}
