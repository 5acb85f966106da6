/**
 * The life of a NIP reservation after sign-up: confirmed by a verified account, lapsed and swept when
 * nobody verifies, released when the account goes.
 *
 * Confirmation is an explicit callable (`confirmNip`) that the client calls right after the e-mail is
 * verified, not a lazy check at the first application: the reservation must stop expiring the moment
 * the owner proves the mailbox, and the owner must learn at once if another account holds the NIP so
 * they can file a dispute before registration closes. The sweep also confirms any verified account it
 * finds, for a client that never called.
 */
import { FieldValue, Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { reservationState, type NipClaim, type Reservation } from "../domain/signup.js";
import { auth, db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";

export function reservationOf(snap: DocumentSnapshot): Reservation | undefined {
  if (!snap.exists) return undefined;
  const uid: unknown = snap.get("uid");
  const status: unknown = snap.get("status");
  const expiresAt: unknown = snap.get("expiresAt");
  return {
    uid: typeof uid === "string" ? uid : "",
    // Reservations written before pending existed were made by the old, verified-less sign-up and
    // have no status: treat them as confirmed rather than let them lapse under their holders.
    status: status === "pending" ? "pending" : "confirmed",
    expiresAt: expiresAt instanceof Timestamp ? expiresAt.toMillis() : 0,
  };
}

/** A verified candidate claims the NIP of their profile. */
export async function confirmNip(uid: string, emailVerified: boolean, now: number): Promise<{ nip: NipClaim }> {
  if (!emailVerified) throw issueError("failed-precondition", [{ code: "err.email.unverified" }]);
  let displaced: string | undefined;
  const claim = await db.runTransaction(async (tx): Promise<NipClaim> => {
    displaced = undefined;
    const profileRef = db.collection(COLLECTIONS.profiles).doc(uid);
    const profile = await tx.get(profileRef);
    const nip: unknown = profile.get("nip");
    if (!profile.exists || typeof nip !== "string") {
      throw issueError("not-found", [{ code: "err.profile.missing" }]);
    }
    // An account that lost a dispute never claims the NIP again, even once it is free.
    if (profile.get("nipStatus") === "released") return "taken";
    const nipRef = db.collection(COLLECTIONS.nips).doc(nip);
    const reservation = reservationOf(await tx.get(nipRef));
    const mine = reservation?.uid === uid;
    if (!mine && reservationState(reservation, now) === "held") {
      tx.update(profileRef, { nipStatus: "taken", pendingUntil: FieldValue.delete() });
      return "taken";
    }
    if (!mine && reservation) displaced = reservation.uid;
    tx.set(nipRef, { uid, status: "confirmed", confirmedAt: FieldValue.serverTimestamp() });
    tx.update(profileRef, { nipStatus: "confirmed", pendingUntil: FieldValue.delete() });
    return "confirmed";
  });
  if (displaced) await removeIfUnverified(displaced);
  return { nip: claim };
}

/**
 * Deletes an account that never verified its e-mail, with its profile and any reservation it holds.
 * A verified account is left alone: it is a person, not a squatter, and confirmNip tells them the rest.
 */
export async function removeIfUnverified(uid: string): Promise<void> {
  const user = await auth.getUser(uid).catch(() => undefined);
  if (user?.emailVerified) return;
  await releaseAccount(uid);
  if (user) await auth.deleteUser(uid).catch(() => undefined);
}

/** Removes the profile and frees the NIP it holds; run on account deletion (idempotent). */
export async function releaseAccount(uid: string): Promise<void> {
  await db.runTransaction(async (tx) => {
    const profileRef = db.collection(COLLECTIONS.profiles).doc(uid);
    const profile = await tx.get(profileRef);
    const nip: unknown = profile.get("nip");
    const nipRef = typeof nip === "string" ? db.collection(COLLECTIONS.nips).doc(nip) : undefined;
    const reservation = nipRef ? reservationOf(await tx.get(nipRef)) : undefined;
    if (nipRef && reservation?.uid === uid) tx.delete(nipRef);
    if (profile.exists) tx.delete(profileRef);
  });
  // saveProfile's stored answers go with the profile.
  await db.recursiveDelete(db.collection(COLLECTIONS.profiles).doc(uid).collection(COLLECTIONS.requests));
}

/**
 * The scheduled sweep: every profile still pending after its deadline. Unverified accounts go (with
 * the reservation, so the real owner can sign up); verified ones are confirmed. Returns what it did.
 */
export async function sweepExpiredSignUps(now: number): Promise<{ removed: string[]; confirmed: string[] }> {
  const removed: string[] = [];
  const confirmed: string[] = [];
  const due = await db
    .collection(COLLECTIONS.profiles)
    .where("pendingUntil", "<=", Timestamp.fromMillis(now))
    .limit(500)
    .get();
  for (const doc of due.docs) {
    const user = await auth.getUser(doc.id).catch(() => undefined);
    if (user?.emailVerified) {
      await confirmNip(doc.id, true, now);
      confirmed.push(doc.id);
    } else {
      await removeIfUnverified(doc.id);
      removed.push(doc.id);
    }
  }
  return { removed, confirmed };
}

/**
 * A candidate deletes their account (UU 27/2022 art. 8 and 43): profile and reservation go, the Auth
 * user last, so a failure half-way leaves an account that can try again. Disputes stay (RETENTION in
 * domain/signup.ts). Staff accounts are not deleted this way: their roles are the operator's records.
 */
export async function deleteMyAccount(uid: string, isStaff: boolean): Promise<{ deleted: true }> {
  if (isStaff) throw issueError("failed-precondition", [{ code: "err.account.staff" }]);
  await releaseAccount(uid);
  await auth.deleteUser(uid).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "auth/user-not-found") throw error;
  });
  return { deleted: true };
}
