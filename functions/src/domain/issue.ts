/**
 * A problem with some input, as data: a message key from the catalogue plus the values the message
 * needs. The domain never builds sentences; the web and the functions render an Issue in the user's
 * language with `formatMessage`.
 */
import type { MessageKey } from "./i18n/messages.js";

export type IssueParams = Readonly<Record<string, string | number>>;

export interface Issue {
  readonly code: MessageKey;
  readonly params?: IssueParams;
  /** The input field the issue belongs to, e.g. "nip" or "password". */
  readonly field?: string;
}
