/**
 * What the screens show of uploads, without Firebase: the state of each upload this device knows
 * and the list it remembers across a closed tab (localStorage, per account). The file store
 * (./uploads.ts, with the Firestore SDK) writes it; screens read it before that module has loaded.
 */
import type { Issue } from "@domain/issue";
import { createStore, type Store } from "./store";

/**
 * sending: chunks leave as the network allows (`acked` of `total` confirmed by the server);
 * checking: all in, the server checks it; accepted / rejected: its decision; refused: the server
 * would not take the writes (locked application, registration closed); lost: this device's queue is
 * gone (another device, a cleared cache) and the server never got the file.
 */
export type UploadPhase = "sending" | "checking" | "accepted" | "rejected" | "refused" | "lost";

export interface UploadState {
  readonly fileId: string;
  readonly applicationId: string;
  readonly documentType: string;
  readonly fileName: string;
  readonly size: number;
  readonly total: number;
  readonly acked: number;
  readonly phase: UploadPhase;
  readonly rejection?: Issue;
}

// ---- the device's list of uploads not yet decided (survives a closed tab) --------------------------

const KEY = (uid: string) => `seleksi.uploads.${uid}`;

export function readPending(uid: string): UploadState[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY(uid)) ?? "[]");
    return Array.isArray(raw) ? (raw as UploadState[]).filter((u) => typeof u?.fileId === "string") : [];
  } catch {
    return [];
  }
}

export function writePending(uid: string, list: readonly UploadState[]): void {
  try {
    localStorage.setItem(KEY(uid), JSON.stringify(list));
  } catch {
    // Storage full or blocked: the upload still goes on; only the list after a restart is lost.
  }
}

/** Every upload this device knows of, by fileId: the screens render from it. */
export const uploads: Store<ReadonlyMap<string, UploadState>> = createStore(new Map());

export function put(uid: string, state: UploadState): void {
  const next = new Map(uploads.get());
  next.set(state.fileId, state);
  uploads.set(next);
  // Only what is still on its way is remembered; a decided upload is on the application's checklist.
  writePending(
    uid,
    [...next.values()].filter((u) => u.phase === "sending" || u.phase === "checking"),
  );
}

export function patch(uid: string, fileId: string, change: Partial<UploadState>): void {
  const current = uploads.get().get(fileId);
  if (current) put(uid, { ...current, ...change });
}
