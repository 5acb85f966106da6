/**
 * The message catalogue shared by the web app and the functions. Keys are typed, so a misspelt key
 * or a language missing a key is a compile error rather than a blank label on a candidate's phone.
 */
import type { id } from "./id.js";
import type { IssueParams } from "../issue.js";

export type MessageKey = keyof typeof id;
export type Catalogue = { readonly [K in MessageKey]: string };
export type Locale = "id" | "en";

export const DEFAULT_LOCALE: Locale = "id";
export const LOCALES: readonly Locale[] = ["id", "en"];

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function fillTemplate(template: string, params?: IssueParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}
