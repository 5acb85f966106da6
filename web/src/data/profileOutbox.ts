/**
 * The profile screen's outbox: a saved profile waits on the device (localStorage, one entry per
 * account) until saveProfile has taken it, so an edit made offline survives a reload and is sent
 * once online, and a save the server refuses (a stale revision, a NIP it will not take) stays for the
 * candidate to resolve rather than being dropped.
 *
 * What every outbox does is in ./deviceOutbox.ts. The setup wizard's item (./outbox.ts) is a partial
 * setup merged field by field; a profile is always sent whole (the server validates it whole), so
 * each new save replaces the waiting one.
 */
import { z } from "zod/mini";
import { profileConflict, type ProfileConflict } from "@domain/schemas/profileSave";
import {
  afterLost,
  afterRefused,
  afterSaved,
  keepMine,
  loadItem,
  storeItem,
  withoutUndefined,
  type OutboxItemBase,
} from "./deviceOutbox";

export type ProfileFields = Readonly<Record<string, unknown>>;

export interface ProfileOutboxItem extends OutboxItemBase<ProfileConflict> {
  /** The whole profile as the form validated it. */
  readonly profile: ProfileFields;
}

const key = (uid: string) => `seleksi.profileOutbox.${uid}`;

const issue = z.object({
  code: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  field: z.optional(z.string()),
});

const storedItem = z.object({
  baseRevision: z.int(),
  profile: z.record(z.string(), z.unknown()),
  edits: z.int(),
  requestId: z.optional(z.string()),
  state: z.enum(["waiting", "refused", "conflict"]),
  issues: z.optional(z.array(issue)),
  conflict: z.optional(profileConflict),
});

export function loadProfileOutbox(uid: string): ProfileOutboxItem | undefined {
  return loadItem(key(uid), (value) => {
    const parsed = storedItem.safeParse(value);
    // Issue keys come from this app's own earlier answers: stored as the catalogue's keys.
    return parsed.success ? (withoutUndefined(parsed.data) as ProfileOutboxItem) : undefined;
  });
}

export function storeProfileOutbox(uid: string, item: ProfileOutboxItem | undefined): void {
  storeItem(key(uid), item);
}

export { afterLost, afterRefused, afterSaved, keepMine };

/**
 * A new save replaces the waiting profile. Its request id goes: a request whose answer was lost may
 * have been applied, and sending the newer profile under that id would get the old answer back and
 * drop the newer profile unseen; under a new id the server either takes it or answers "stale", which
 * the candidate then sees. After a conflict, saving again means keeping this version over the other.
 */
export function queueSave(
  item: ProfileOutboxItem | undefined,
  profile: ProfileFields,
  revision: number,
): ProfileOutboxItem {
  if (!item) return { baseRevision: revision, profile, edits: 1, state: "waiting" };
  const base = item.state === "conflict" && item.conflict ? item.conflict.revision : item.baseRevision;
  return { baseRevision: base, profile, edits: item.edits + 1, state: "waiting" };
}
