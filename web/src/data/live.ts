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
  persistentLocalCache,
  persistentSingleTabManager,
  type Firestore,
} from "firebase/firestore";
import type { z } from "zod/mini";
import { COLLECTIONS } from "@domain/collections";
import { auditEntry, type AuditEntry } from "@domain/selection/process";
import {
  calendarAuditDoc,
  type CalendarAuditDoc,
  instansiDoc,
  memberDoc,
  profileDoc,
  roleAuditDoc,
  type RoleAuditDoc,
  type InstansiDoc,
  type MemberDoc,
  type ProfileDoc,
} from "@domain/schemas/documents";
import { proposalDoc, type ProposalDoc } from "@domain/selection/stored";
import { firebaseApp } from "./app";
import { selectionOrBroken, selectionsOrBroken, type BrokenSelection, type SelectionWithId } from "./selectionRead";

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

/** The profile as stored, for a screen that parses it with its own schema (the candidate's list). */
export function watchProfileData(uid: string, next: Listener<unknown>, fail: OnError): Unsubscribe {
  return onSnapshot(doc(liveDb(), COLLECTIONS.profiles, uid), (snap) => next(snap.data()), fail);
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

export type { BrokenSelection, SelectionWithId } from "./selectionRead";

/** The selections of one government, newest first (index: instansiId + year); damaged ones too. */
export function watchInstansiSelections(
  instansiId: string,
  next: Listener<(SelectionWithId | BrokenSelection)[]>,
  fail: OnError,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.selections),
    where("instansiId", "==", instansiId),
    orderBy("year", "desc"),
    limit(50),
  );
  return onSnapshot(q, (snap) => next(selectionsOrBroken(snap.docs)), fail);
}

/** The selections a pansel member sits on (index: panselUids contains + year); damaged ones too. */
export function watchPanselSelections(
  uid: string,
  next: Listener<(SelectionWithId | BrokenSelection)[]>,
  fail: OnError,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.selections),
    where("panselUids", "array-contains", uid),
    orderBy("year", "desc"),
    limit(50),
  );
  return onSnapshot(q, (snap) => next(selectionsOrBroken(snap.docs)), fail);
}

/** A pansel member's own declaration of conflicts (issue 9), as far as the home screen needs it. */
export interface MyDeclaration {
  readonly id: string;
  readonly selectionId: string;
  readonly postId: string;
  /** How many candidates it names: fewer than the post's MS list when some became MS after it. */
  readonly declared: number;
}

/** The member's own declarations (the rules let a member list theirs by memberUid; no index needed). */
export function watchMyDeclarations(uid: string, next: Listener<MyDeclaration[]>, fail: OnError): Unsubscribe {
  const q = query(collection(liveDb(), COLLECTIONS.conflicts), where("memberUid", "==", uid), limit(200));
  return onSnapshot(
    q,
    (snap) =>
      next(
        snap.docs.map((d) => ({
          id: d.id,
          selectionId: String(d.get("selectionId")),
          postId: String(d.get("postId")),
          declared: Object.keys((d.get("kinds") as Record<string, unknown> | undefined) ?? {}).length,
        })),
      ),
    fail,
  );
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

export type CalendarAuditWithId = CalendarAuditDoc & { id: string };

/** The latest changes of the election dates and Penjabat periods (operators and pejabat read them). */
export function watchCalendarAudit(
  instansiId: string,
  next: Listener<CalendarAuditWithId[]>,
  fail: OnError,
): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.instansi, instansiId, COLLECTIONS.calendarAudit),
    orderBy("at", "desc"),
    limit(5),
  );
  return onSnapshot(q, (snap) => next(parsedDocs(calendarAuditDoc, snap.docs)), fail);
}

export function watchSelection(
  selectionId: string,
  next: Listener<SelectionWithId | BrokenSelection | undefined>,
  fail: OnError,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.selections, selectionId),
    (snap) => {
      const data = snap.data();
      next(data ? selectionOrBroken(snap.id, data) : undefined);
    },
    fail,
  );
}

export type AuditRow = AuditEntry & { id: string };

/** The timeline of a selection, newest first; at most the last 100 entries. */
export function watchAudit(selectionId: string, next: Listener<AuditRow[]>, fail: OnError): Unsubscribe {
  const q = query(
    collection(liveDb(), COLLECTIONS.selections, selectionId, COLLECTIONS.audit),
    orderBy("seq", "desc"),
    limit(100),
  );
  return onSnapshot(q, (snap) => next(parsedDocs(auditEntry, snap.docs)), fail);
}

export type ProposalRow = ProposalDoc & { id: string };

/** The approvals inbox: pending proposals of one government (index: instansiId + status + proposedAt). */
export function watchPendingProposals(instansiId: string, next: Listener<ProposalRow[]>, fail: OnError): Unsubscribe {
  const q = query(
    collectionGroup(liveDb(), COLLECTIONS.proposals),
    where("instansiId", "==", instansiId),
    where("status", "==", "pending"),
    orderBy("proposedAt", "asc"),
    limit(50),
  );
  return onSnapshot(q, (snap) => next(parsedDocs(proposalDoc, snap.docs)), fail);
}
