/**
 * Granting staff roles. Claims are the authority the rules read; the members document mirrors them
 * so an operator can list the staff of the instansi without the Auth admin API, and the token
 * refresh marker tells a signed-in client to fetch a new ID token at once.
 */
import { FieldValue } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { staffClaimsOf, type StaffClaims, type StaffRole } from "../domain/roles.js";
import { auth, db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";

export interface StaffRoleChange {
  readonly email: string;
  readonly instansiId: string;
  readonly roles: readonly StaffRole[];
}

/** The operator-facing entry: checks the caller may change this user in this instansi. */
export async function setStaffRolesAs(
  caller: { uid: string; claims: StaffClaims | undefined },
  change: Omit<StaffRoleChange, "instansiId">,
): Promise<{ uid: string; roles: readonly StaffRole[] }> {
  const claims = caller.claims;
  if (!claims?.roles.includes("operator")) {
    throw issueError("permission-denied", [{ code: "err.role.operatorOnly" }]);
  }
  const target = await findUser(change.email);
  if (target.uid === caller.uid && !change.roles.includes("operator")) {
    throw issueError("failed-precondition", [{ code: "err.role.self" }]);
  }
  const current = staffClaimsOf(target.customClaims);
  if (current && current.instansi !== claims.instansi) {
    throw issueError("permission-denied", [{ code: "err.role.otherInstansi", field: "email" }]);
  }
  await applyStaffRoles(target.uid, { ...change, instansiId: claims.instansi });
  return { uid: target.uid, roles: change.roles };
}

/** Sets the claims and mirrors them. Also used by the bootstrap and seed commands. */
export async function applyStaffRoles(uid: string, change: StaffRoleChange): Promise<void> {
  const user = await auth.getUser(uid);
  const others = { ...(user.customClaims ?? {}) };
  delete others["instansi"];
  delete others["roles"];
  const claims = change.roles.length > 0 ? { ...others, instansi: change.instansiId, roles: change.roles } : others;
  await auth.setCustomUserClaims(uid, claims);

  const member = db.collection(COLLECTIONS.instansi).doc(change.instansiId).collection(COLLECTIONS.members).doc(uid);
  const batch = db.batch();
  if (change.roles.length > 0) {
    batch.set(member, {
      instansiId: change.instansiId,
      email: change.email,
      name: user.displayName ?? "",
      roles: change.roles,
      updatedAt: FieldValue.serverTimestamp(),
    });
  } else {
    batch.delete(member);
  }
  batch.set(db.collection(COLLECTIONS.tokenRefresh).doc(uid), { at: FieldValue.serverTimestamp() });
  await batch.commit();
}

async function findUser(email: string) {
  try {
    return await auth.getUserByEmail(email);
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") {
      throw issueError("not-found", [{ code: "err.email.unknown", field: "email" }]);
    }
    throw error;
  }
}
