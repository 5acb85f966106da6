/**
 * The one renderer of messages and issues, for the web and the functions. `renderIssueWith` takes
 * the messages as a function: the web passes the areas it has loaded (web/src/i18n/i18n.tsx), the
 * functions pass every catalogue through `message` and `renderIssue` (HttpsError texts, generated
 * documents, tests). The catalogues here are whole; the web build keeps only `renderIssueWith`.
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

export type Translate = (key: MessageKey, params?: IssueParams) => string;

/** An issue as a sentence: "Seleksi administrasi", not "seleksiAdministrasi", in its values. */
export function renderIssueWith(t: Translate, issue: Issue): string {
  const params: Record<string, string | number> = { ...issue.params };
  for (const name of STAGE_PARAMS) {
    const value = params[name];
    if (isStage(value)) params[name] = t(`stage.${value}`);
  }
  const level = params["level"];
  if (level === "jptPratama" || level === "jptMadya") params["level"] = t(`level.${level}`);
  return t(issue.code, params);
}

export function renderIssue(locale: Locale, issue: Issue): string {
  return renderIssueWith((key, params) => message(locale, key, params), issue);
}

/** Findings are issues with a severity; they read the same. */
export const renderFinding = renderIssue;
