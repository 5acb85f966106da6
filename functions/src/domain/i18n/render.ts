/**
 * Messages as sentences, for the functions (HttpsError texts, generated documents) and the tests.
 * This module holds every catalogue, so the web app does not import it: it loads areas instead
 * (web/src/i18n/i18n.tsx).
 */
import { en } from "./en.js";
import { id } from "./id.js";
import { fillTemplate, type Catalogue, type Locale, type MessageKey } from "./messages.js";
import type { Issue, IssueParams } from "../issue.js";
import { isStage } from "../stages.js";

const CATALOGUES: Record<Locale, Catalogue> = { id, en };

/** Params that name a stage or a JPT level by key; a sentence shows their labels instead. */
const STAGE_PARAMS = ["stage", "otherStage", "from", "to"];

export function message(locale: Locale, key: MessageKey, params?: IssueParams): string {
  return fillTemplate(CATALOGUES[locale][key], params);
}

/** An issue as a sentence: "Seleksi administrasi", not "seleksiAdministrasi", in its values. */
export function renderIssue(locale: Locale, issue: Issue): string {
  const params: Record<string, string | number> = { ...issue.params };
  for (const name of STAGE_PARAMS) {
    const value = params[name];
    if (isStage(value)) params[name] = message(locale, `stage.${value}`);
  }
  const level = params["level"];
  if (level === "jptPratama" || level === "jptMadya") params["level"] = message(locale, `level.${level}`);
  return message(locale, issue.code, params);
}

/** Findings are issues with a severity; they read the same. */
export const renderFinding = renderIssue;
