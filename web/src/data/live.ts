/**
 * The full Firestore SDK for signed-in screens: live updates and a persistent offline cache, so a
 * pansel member in a room with poor Wi-Fi keeps working and the writes go out once online.
 */
import {
  collection,
  collectionGroup,
  connectFirestoreEmulator,
  doc,
  limit,
  orderBy,
  query,
  where,
  type QueryDocumentSnapshot,
  type Unsubscribe,
  initializeFirestore,
  clearIndexedDbPersistence,
  terminate,
  onSnapshot,
  updateDoc,
  persistentLocalCache,
  persistentSingleTabManager,
  type Firestore,
} from "firebase/firestore";
import type { z } from "zod/mini";
import { COLLECTIONS } from "@domain/collections";
import type { Issue } from "@domain/issue";
import type { Stage } from "@domain/stages";
import type { AuditAction } from "@domain/selection/process";
import type { SelectionSetup } from "@domain/selection/setup";
import {
  instansiDoc,
  memberDoc,
  profileDoc,
  roleAuditDoc,
  type RoleAuditDoc,
  type InstansiDoc,
  type MemberDoc,
  type ProfileDoc,
} from "@domain/schemas/documents";
import { storedSelection as selectionDoc, type StoredSelection as SelectionDoc } from "@domain/selection/stored";
import { firebaseApp } from "./app";

let instance: Firestore | undefined;

export function liveDb(): Firestore {
  if (!instance) {
    // One tab owns the cache: on a phone there is rarely a second Seleksi tab, and if there is, it
    // works from memory. The multi-tab manager costs 3 KB gz that the signed-in budget lacks.
    instance = initializeFirestore(firebaseApp(), {
      localCache: persistentLocalCache({ tabManager: persistentSingleTabManager(undefined) }),
    });
    if (__EMULATORS__) connectFirestoreEmulator(instance, __EMULATORS__.firestore.host, __EMULATORS__.firestore.port);
  }
  return instance;
}

/**
 * "Perangkat bersama" (a shared device): at sign-out the next person must not find this one's
 * documents in the offline cache. Stops the SDK and deletes its IndexedDB store, even one left by an
 * earlier visit (an instance that never started can still clear it).
 */
export async function clearOfflineCache(): Promise<void> {
  const db = liveDb();
  instance = undefined;
  await terminate(db);
  await clearIndexedDbPersistence(db);
}

/** Calls `refresh` whenever a function changes this user's claims (after the first snapshot). */
export function watchTokenRefresh(uid: string, refresh: () => void): () => void {
  let first = true;
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.tokenRefresh, uid),
    (snap) => {
      if (!first && snap.exists()) refresh();
      first = false;
    },
    () => undefined, // No marker readable yet (new user): nothing to refresh.
  );
}

type Listener<T> = (value: T) => void;
type OnError = (error: unknown) => void;

function parsedDocs<S extends z.ZodMiniType>(
  schema: S,
  docs: readonly QueryDocumentSnapshot[],
): (z.output<S> & { id: string })[] {
  return docs.flatMap((d) => {
    const parsed = schema.safeParse(d.data());
    return parsed.success ? [{ ...(parsed.data as object), id: d.id } as z.output<S> & { id: string }] : [];
  });
}

export function watchProfile(uid: string, next: Listener<ProfileDoc | undefined>, fail: OnError): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.profiles, uid),
    (snap) => {
      const parsed = profileDoc.safeParse(snap.data());
      next(parsed.success ? parsed.data : undefined);
    },
    fail,
  );
}

export function watchInstansi(instansiId: string, next: Listener<InstansiDoc | undefined>, fail: OnError): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.instansi, instansiId),
    (snap) => {
      const parsed = instansiDoc.safeParse(snap.data());
      next(parsed.success ? parsed.data : undefined);
    },
    fail,
  );
}

export type SelectionWithId = SelectionDoc & { id: string };

/** The selections of one government, newest first (index: instansiId + year). */
export function watchInstansiSelections(
  instansiId: string,
  next: Listener<SelectionWithId[]>,
  fail: OnError,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.selections),
    where("instansiId", "==", instansiId),
    orderBy("year", "desc"),
    limit(50),
  );
  return onSnapshot(q, (snap) => next(parsedDocs(selectionDoc, snap.docs)), fail);
}

/** The selections a pansel member sits on (index: panselUids contains + year). */
export function watchPanselSelections(uid: string, next: Listener<SelectionWithId[]>, fail: OnError): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.selections),
    where("panselUids", "array-contains", uid),
    orderBy("year", "desc"),
    limit(50),
  );
  return onSnapshot(q, (snap) => next(parsedDocs(selectionDoc, snap.docs)), fail);
}

export type MemberWithId = MemberDoc & { id: string };

export function watchMembers(instansiId: string, next: Listener<MemberWithId[]>, fail: OnError): Unsubscribe {
  const q = query(collection(liveDb(), COLLECTIONS.instansi, instansiId, COLLECTIONS.members), limit(200));
  return onSnapshot(q, (snap) => next(parsedDocs(memberDoc, snap.docs)), fail);
}

export type RoleAuditWithId = RoleAuditDoc & { id: string };

/** The latest role changes of the instansi, newest first (operators and pejabat read them). */
export function watchRoleAudit(instansiId: string, next: Listener<RoleAuditWithId[]>, fail: OnError): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.instansi, instansiId, COLLECTIONS.roleAudit),
    orderBy("at", "desc"),
    limit(50),
  );
  return onSnapshot(q, (snap) => next(parsedDocs(roleAuditDoc, snap.docs)), fail);
}

export function watchSelection(
  selectionId: string,
  next: Listener<SelectionWithId | undefined>,
  fail: OnError,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.selections, selectionId),
    (snap) => {
      const parsed = selectionDoc.safeParse(snap.data());
      next(parsed.success ? { ...parsed.data, id: snap.id } : undefined);
    },
    fail,
  );
}

export interface AuditRow {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly action: AuditAction;
  readonly actor: { readonly name: string; readonly role: string };
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: string;
}

/** The timeline of a selection, newest first; at most the last 100 entries. */
export function watchAudit(selectionId: string, next: Listener<AuditRow[]>, fail: OnError): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.selections, selectionId, COLLECTIONS.audit),
    orderBy("seq", "desc"),
    limit(100),
  );
  return onSnapshot(
    q,
    (snap) => next(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<AuditRow, "id">) }))),
    fail,
  );
}

export interface ProposalRow {
  readonly id: string;
  readonly selectionId: string;
  readonly selectionTitle: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly reason: string;
  readonly proposedBy: { readonly uid: string; readonly name: string };
  readonly proposedAt: string;
  readonly warnings: readonly Issue[];
}

/** The approvals inbox: pending proposals of one government (index: instansiId + status + proposedAt). */
export function watchPendingProposals(instansiId: string, next: Listener<ProposalRow[]>, fail: OnError): Unsubscribe {
  const q = query(
    collectionGroup(liveDb(), COLLECTIONS.proposals),
    where("instansiId", "==", instansiId),
    where("status", "==", "pending"),
    orderBy("proposedAt", "asc"),
    limit(50),
  );
  return onSnapshot(
    q,
    (snap) => next(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<ProposalRow, "id">) }))),
    fail,
  );
}

/**
 * Writes part of a selection's setup as a draft (the setup wizard). The rules let an operator of the
 * selection's government change only the setup fields, and only in preparation. Offline, the write
 * waits in the persistent cache (it survives a reload) and the promise settles once the server has
 * answered.
 */
export function saveSetup(
  selectionId: string,
  part: Partial<SelectionSetup> & { panselUids?: readonly string[] },
): Promise<void> {
  return updateDoc(doc(liveDb(), COLLECTIONS.selections, selectionId), part);
}
