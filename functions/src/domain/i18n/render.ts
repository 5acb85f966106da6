import { en } from "./en.js";
import { fillTemplate, id, type Catalogue, type Locale, type MessageKey } from "./messages.js";
import type { Issue, IssueParams } from "../issue.js";

const CATALOGUES: Record<Locale, Catalogue> = { id, en };

export function message(locale: Locale, key: MessageKey, params?: IssueParams): string {
  return fillTemplate(CATALOGUES[locale][key], params);
}

export function renderIssue(locale: Locale, issue: Issue): string {
  return message(locale, issue.code, issue.params);
}
