/**
 * A civil servant whose NIP another account holds files a dispute naming the instansi whose BKPSDM
 * will check their SK or KTP in person; an operator of that instansi decides. The decision and who
 * made it go on the dispute and in its append-only audit; the holder's profile is flagged.
 */
import { FieldValue } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import type { FileNipDisputeInput, ResolveNipDisputeInput } from "../domain/schemas/account.js";
import { nipDisputeDoc } from "../domain/schemas/documents.js";
import { DISPUTE_STATUS_AFTER, type DisputeStatus } from "../domain/signup.js";
import { parseWith } from "../domain/validation.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { requireOperator } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";
import { reservationOf } from "./nipReservations.js";

export const disputeIdOf = (nip: string, claimantUid: string) => `${nip}_${claimantUid}`;

export async function fileNipDispute(
  uid: string,
  emailVerified: boolean,
  input: FileNipDisputeInput,
  now: number,
): Promise<{ disputeId: string }> {
  if (!emailVerified) throw issueError("failed-precondition", [{ code: "err.email.unverified" }]);
  const instansi = await db.collection(COLLECTIONS.instansi).doc(input.instansiId).get();
  if (!instansi.exists) throw issueError("not-found", [{ code: "err.instansi.unknown", field: "instansiId" }]);
  return db.runTransaction(async (tx) => {
    const profile = await tx.get(db.collection(COLLECTIONS.profiles).doc(uid));
    const nip: unknown = profile.get("nip");
    if (!profile.exists || typeof nip !== "string") throw issueError("not-found", [{ code: "err.profile.missing" }]);
    const disputeRef = db.collection(COLLECTIONS.nipDisputes).doc(disputeIdOf(nip, uid));
    const [reservationSnap, existing] = await Promise.all([
      tx.get(db.collection(COLLECTIONS.nips).doc(nip)),
      tx.get(disputeRef),
    ]);
    if (existing.exists) {
      // Filing twice is a retry; a decided dispute is not reopened by the claimant.
      if (existing.get("status") === "open") return { disputeId: disputeRef.id };
      throw issueError("failed-precondition", [{ code: "err.dispute.decided" }]);
    }
    const reservation = reservationOf(reservationSnap);
    if (!reservation || reservation.uid === uid) {
      throw issueError("failed-precondition", [{ code: "err.dispute.notTaken" }]);
    }
    const holder = await tx.get(db.collection(COLLECTIONS.profiles).doc(reservation.uid));
    const at = new Date(now).toISOString();
    tx.create(disputeRef, {
      instansiId: input.instansiId,
      nip,
      claimantUid: uid,
      claimantName: String(profile.get("name") ?? ""),
      claimantEmail: String(profile.get("email") ?? ""),
      holderUid: reservation.uid,
      holderName: String(holder.get("name") ?? ""),
      holderEmail: String(holder.get("email") ?? ""),
      note: input.note,
      status: "open",
      filedAt: at,
    });
    tx.create(disputeRef.collection(COLLECTIONS.audit).doc(), {
      instansiId: input.instansiId,
      action: "filed",
      nip,
      by: uid,
      at,
    });
    return { disputeId: disputeRef.id };
  });
}

export async function resolveNipDispute(
  caller: Caller,
  input: ResolveNipDisputeInput,
  now: number,
): Promise<{ status: DisputeStatus }> {
  const instansiId = requireOperator(caller);
  const disputeRef = db.collection(COLLECTIONS.nipDisputes).doc(input.disputeId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(disputeRef);
    if (!snap.exists) throw issueError("not-found", [{ code: "err.dispute.unknown" }]);
    const parsed = parseWith(nipDisputeDoc, snap.data());
    if (!parsed.ok) throw issueError("internal", parsed.issues);
    const dispute = parsed.value;
    if (dispute.instansiId !== instansiId) throw issueError("permission-denied", [{ code: "err.role.otherInstansi" }]);
    if (dispute.status !== "open") throw issueError("failed-precondition", [{ code: "err.dispute.decided" }]);

    const nipRef = db.collection(COLLECTIONS.nips).doc(dispute.nip);
    const [reservationSnap, member] = await Promise.all([
      tx.get(nipRef),
      tx.get(db.collection(COLLECTIONS.instansi).doc(instansiId).collection(COLLECTIONS.members).doc(caller.uid)),
    ]);
    const reservation = reservationOf(reservationSnap);
    const holderUid = reservation?.uid ?? dispute.holderUid;
    const holderProfile = await tx.get(db.collection(COLLECTIONS.profiles).doc(holderUid));
    const status = DISPUTE_STATUS_AFTER[input.decision];
    const at = new Date(now).toISOString();
    // The audit names the operator as the members record does, not as their token says.
    const byName = String(member.get("name") || member.get("email") || caller.name);

    if (input.decision !== "reject") {
      if (input.decision === "release") {
        if (reservation && reservation.uid !== dispute.claimantUid) tx.delete(nipRef);
      } else {
        tx.set(nipRef, { uid: dispute.claimantUid, status: "confirmed", confirmedAt: FieldValue.serverTimestamp() });
        tx.set(
          db.collection(COLLECTIONS.profiles).doc(dispute.claimantUid),
          { nipStatus: "confirmed", pendingUntil: FieldValue.delete() },
          { merge: true },
        );
      }
      if (holderUid !== dispute.claimantUid && holderProfile.exists) {
        tx.set(
          db.collection(COLLECTIONS.profiles).doc(holderUid),
          { nipStatus: "released", pendingUntil: FieldValue.delete(), flags: { nipDispute: input.disputeId } },
          { merge: true },
        );
      }
    }
    const decision = { decision: input.decision, by: caller.uid, byName, at, reason: input.reason };
    tx.update(disputeRef, { status, decision });
    tx.create(disputeRef.collection(COLLECTIONS.audit).doc(), {
      instansiId,
      action: input.decision,
      nip: dispute.nip,
      holderUid,
      claimantUid: dispute.claimantUid,
      by: caller.uid,
      byName,
      at,
      reason: input.reason,
    });
    return { status };
  });
}
