/**
 * Candidate sign-up. It runs on the server so that the account, the profile and the NIP reservation
 * are made together, and so that an anonymous caller learns nothing: whether the NIP or the e-mail is
 * free, taken or pending, the answer is the same "check your e-mail" (`SIGN_UP_ANSWER`).
 *
 * - A free NIP (or one whose unverified holder let the reservation lapse) is reserved as pending for
 *   PENDING_RESERVATION_HOURS; the verified account confirms it with `confirmNip`.
 * - A NIP held by someone else still gets the account and profile, without the reservation: the owner
 *   learns that the NIP is taken only after verifying the e-mail (`confirmNip` answers "taken" and the
 *   candidate home points to the dispute path). Probing a NIP therefore costs a verified mailbox.
 * - A taken e-mail creates nothing.
 *
 * Idempotent: the Auth uid is derived from the client's request id, so a retry after a lost answer
 * finds its own account and finishes what the first call left undone, and the same call never
 * makes two accounts.
 */
import { createHash } from "node:crypto";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { parseNip } from "../domain/nip.js";
import type { RegisterCandidateInput } from "../domain/schemas/account.js";
import { pendingUntil, reservationState } from "../domain/signup.js";
import { auth, db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";
import { countSignUpAttempt } from "./rateLimit.js";
import { reservationOf, removeIfUnverified } from "./nipReservations.js";

/** The one answer an anonymous caller gets, whatever happened to the NIP and the e-mail. */
export const SIGN_UP_ANSWER = { next: "checkEmail" } as const;
export type SignUpAnswer = typeof SIGN_UP_ANSWER;

/** 28 characters like Firebase's own uids; only the holder of the request id can produce it. */
export function uidForRequest(requestId: string): string {
  return createHash("sha256").update(`signUp:${requestId}`).digest("base64url").replace(/[-_]/g, "").slice(0, 28);
}

export async function registerCandidate(
  input: RegisterCandidateInput,
  client: string,
  now: number,
): Promise<SignUpAnswer> {
  await countSignUpAttempt({ nip: input.nip, client }, now);
  const uid = await accountFor(input);
  if (!uid) return SIGN_UP_ANSWER;

  const parsed = parseNip(input.nip);
  if (!parsed.ok) throw issueError("invalid-argument", [parsed.issue]); // the schema already checked
  const nipRef = db.collection(COLLECTIONS.nips).doc(input.nip);
  const profileRef = db.collection(COLLECTIONS.profiles).doc(uid);
  let displaced: string | undefined;
  try {
    await db.runTransaction(async (tx) => {
      displaced = undefined;
      const [reservationSnap, profileSnap] = await Promise.all([tx.get(nipRef), tx.get(profileRef)]);
      if (profileSnap.exists) return; // a retry of a sign-up that finished
      const reservation = reservationOf(reservationSnap);
      const state = reservationState(reservation, now);
      if (state !== "held") {
        if (state === "expired" && reservation && reservation.uid !== uid) displaced = reservation.uid;
        tx.set(nipRef, {
          uid,
          status: "pending",
          requestId: input.requestId,
          at: FieldValue.serverTimestamp(),
          expiresAt: Timestamp.fromMillis(pendingUntil(now)),
        });
      }
      // The same profile whether or not the NIP was reserved: the owner must not learn it before
      // verifying the e-mail.
      tx.create(profileRef, {
        name: input.name,
        nip: input.nip,
        email: input.email,
        birthDate: parsed.nip.birthDate,
        serviceStart: parsed.nip.serviceStart,
        sex: parsed.nip.sex,
        nipStatus: "pending",
        pendingUntil: Timestamp.fromMillis(pendingUntil(now)),
        consent: { version: input.privacyNotice, at: new Date(now).toISOString() },
        requestId: input.requestId,
        createdAt: FieldValue.serverTimestamp(),
      });
    });
  } catch (error) {
    // No Auth account without its profile: the retry (same request id) starts afresh.
    await auth.deleteUser(uid).catch(() => undefined);
    throw error;
  }
  if (displaced) await removeIfUnverified(displaced);
  return SIGN_UP_ANSWER;
}

/**
 * The uid to finish the sign-up with, or undefined when there is nothing to do (the e-mail belongs to
 * another account). A retry finds the account its first call made under the same derived uid.
 */
async function accountFor(input: RegisterCandidateInput): Promise<string | undefined> {
  const uid = uidForRequest(input.requestId);
  try {
    await auth.createUser({ uid, email: input.email, password: input.password, displayName: input.name });
    return uid;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "auth/uid-already-exists") {
      const existing = await auth.getUser(uid);
      return existing.email === input.email ? uid : undefined;
    }
    if (code === "auth/email-already-exists") return undefined;
    if (code === "auth/invalid-password") {
      throw issueError("invalid-argument", [{ code: "err.password.weak", field: "password" }]);
    }
    throw error;
  }
}
