/**
 * The profile screen's outbox: a saved profile waits on the device (localStorage, one entry per
 * account) until saveProfile has taken it, so an edit made offline survives a reload and is sent
 * once online, and a save the server refuses (a stale revision, a NIP it will not take) stays for the
 * candidate to resolve rather than being dropped.
 *
 * Built like the setup wizard's outbox (./outbox.ts), whose item is a partial setup merged field by
 * field; a profile is always sent whole (the server validates it whole), so each new save replaces
 * the waiting one. Pure over `ProfileOutboxItem`; only `loadProfileOutbox`/`storeProfileOutbox` touch storage.
 */
import { z } from "zod/mini";
import type { Issue } from "@domain/issue";
import { profileConflict, type ProfileConflict } from "@domain/schemas/profileSave";

export type ProfileFields = Readonly<Record<string, unknown>>;

export interface ProfileOutboxItem {
  /** The profile revision the candidate edited from. */
  readonly baseRevision: number;
  /** The whole profile as the form validated it. */
  readonly profile: ProfileFields;
  /** Counts saves, so an answer to an older send does not clear a newer one. */
  readonly edits: number;
  /** The request id of a send whose outcome is unknown; a retry sends it again. */
  readonly requestId?: string;
  readonly state: "waiting" | "refused" | "conflict";
  readonly issues?: readonly Issue[];
  readonly conflict?: ProfileConflict;
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
  try {
    const text = localStorage.getItem(key(uid));
    if (!text) return undefined;
    const parsed = storedItem.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    const { requestId, issues, conflict, ...rest } = parsed.data;
    return {
      ...rest,
      ...(requestId === undefined ? {} : { requestId }),
      // Keys come from this app's own earlier answers; stored as the catalogue's keys.
      ...(issues === undefined ? {} : { issues: issues as Issue[] }),
      ...(conflict === undefined ? {} : { conflict }),
    };
  } catch {
    return undefined;
  }
}

export function storeProfileOutbox(uid: string, item: ProfileOutboxItem | undefined): void {
  try {
    if (item) localStorage.setItem(key(uid), JSON.stringify(item));
    else localStorage.removeItem(key(uid));
  } catch {
    // Storage full or blocked (private mode): the item stays in memory for this visit.
  }
}

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

/** The server took the profile sent: a newer save waits on top of the new revision. */
export function afterSaved(
  item: ProfileOutboxItem,
  sentEdits: number,
  revision: number,
): ProfileOutboxItem | undefined {
  return item.edits === sentEdits ? undefined : waiting(item, revision);
}

/** The outcome is unknown: keep the request id, so the retry cannot save twice. */
export function afterLost(item: ProfileOutboxItem, requestId: string): ProfileOutboxItem {
  return { ...item, requestId };
}

/** Refused for good: the profile stays, with the reasons, for the candidate to correct or choose. */
export function afterRefused(
  item: ProfileOutboxItem,
  issues: readonly Issue[],
  conflict?: ProfileConflict,
): ProfileOutboxItem {
  const base = waiting(item, item.baseRevision);
  return conflict ? { ...base, state: "conflict", issues, conflict } : { ...base, state: "refused", issues };
}

/** The candidate keeps this device's version: sent again on top of the stored revision. */
export function keepMine(item: ProfileOutboxItem): ProfileOutboxItem {
  return waiting(item, item.conflict?.revision ?? item.baseRevision);
}

function waiting(item: ProfileOutboxItem, baseRevision: number): ProfileOutboxItem {
  return { baseRevision, profile: item.profile, edits: item.edits, state: "waiting" };
}
