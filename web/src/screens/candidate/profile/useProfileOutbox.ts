/**
 * The profile outbox (../../../data/profileOutbox.ts) sent through saveProfile by the device outbox
 * hook (../../../ui/useDeviceOutbox.ts).
 */
import type { CallableInput } from "@domain/callables";
import { profileConflict } from "@domain/schemas/profileSave";
import {
  keepMine,
  loadProfileOutbox,
  queueSave,
  storeProfileOutbox,
  type ProfileFields,
  type ProfileOutboxItem,
} from "../../../data/profileOutbox";
import { useDeviceOutbox } from "../../../ui/useDeviceOutbox";

export interface ProfileOutbox {
  readonly item: ProfileOutboxItem | undefined;
  readonly sending: boolean;
  /** True once the server has taken a save and nothing waits. */
  readonly sent: boolean;
  /** Saves a validated profile edited from `revision`. */
  queue(profile: ProfileFields, revision: number): void;
  keepMine(): void;
  /** Drops the waiting profile (the candidate took the stored one). */
  discard(): void;
}

/** `onSaved` gets the revision the server answered, the base of the next save. */
export function useProfileOutbox(uid: string, onSaved: (revision: number) => void): ProfileOutbox {
  const outbox = useDeviceOutbox({
    load: () => loadProfileOutbox(uid),
    store: (item) => storeProfileOutbox(uid, item),
    conflict: profileConflict,
    send: async ({ saveProfile }, item, requestId) =>
      (
        await saveProfile({
          requestId,
          baseRevision: item.baseRevision,
          // A profile the form validated with the same schema (an older app's may be refused, and is kept).
          profile: item.profile as CallableInput<"saveProfile">["profile"],
        })
      ).revision,
    onSaved,
  });
  return {
    item: outbox.item,
    sending: outbox.sending,
    sent: outbox.sent,
    queue: (profile, revision) => outbox.edit((item) => queueSave(item, profile, revision)),
    keepMine: () => outbox.replace(keepMine),
    discard: () => outbox.replace(() => undefined),
  };
}
