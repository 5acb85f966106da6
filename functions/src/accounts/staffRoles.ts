/**
 * Granting staff roles. Claims are what the token carries; the members document is what holds now
 * (the rules and the callables check it on every staff action), and the token refresh marker tells a
 * signed-in client to fetch a new ID token at once. Who may grant what is the domain's table
 * (`MAY_GRANT` in domain/roles.ts); every change leaves an entry in `instansi/{id}/roleAudit`.
 */
import { FieldValue } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import {
  MAY_GRANT,
  STAFF_ROLES,
  checkRoleChange,
  grantableBy,
  staffClaimsOf,
  type Granter,
  type StaffRole,
} from "../domain/roles.js";
import type { RoleAuditDoc } from "../domain/schemas/documents.js";
import { auth, db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";

export interface StaffRoleChange {
  readonly email: string;
  readonly instansiId: string;
  readonly roles: readonly StaffRole[];
  /** The person's name as the granter gives it; else the name already on record. */
  readonly name?: string | undefined;
}

/** Who made a change, as the role audit shows them. */
export type RoleActor = RoleAuditDoc["actor"];

/** The in-app entry: an operator or a pejabat changes a user's roles within their own instansi. */
export async function setStaffRolesAs(
  caller: Caller,
  change: Omit<StaffRoleChange, "instansiId">,
): Promise<{ uid: string; roles: readonly StaffRole[] }> {
  const claims = caller.claims;
  const granters: Granter[] = claims ? [...claims.roles] : [];
  if (!claims || grantableBy(granters).length === 0) {
    throw issueError("permission-denied", [{ code: "err.role.notGranter" }]);
  }
  const target = await findUser(change.email);
  const current = staffClaimsOf(target.customClaims);
  if (current && current.instansi !== claims.instansi) {
    throw issueError("permission-denied", [{ code: "err.role.otherInstansi", field: "email" }]);
  }
  const before = current?.roles ?? [];
  const issue = checkRoleChange({ granters, before, after: change.roles, self: target.uid === caller.uid });
  if (issue) throw issueError(issue.code === "err.role.self" ? "failed-precondition" : "permission-denied", [issue]);
  // Anyone may sign up with an address an operator will later type in; only a verified one is theirs.
  const adds = change.roles.some((r) => !before.includes(r));
  if (adds && !target.emailVerified) {
    throw issueError("failed-precondition", [{ code: "err.role.unverified", field: "email" }]);
  }
  const as = granters.find((g) => MAY_GRANT[g].length > 0) ?? "operator";
  await applyStaffRoles(
    target.uid,
    { ...change, instansiId: claims.instansi },
    { uid: caller.uid, name: caller.name, as },
  );
  return { uid: target.uid, roles: change.roles };
}

/**
 * Sets the claims, mirrors them in the members record, audits the change and, when a role goes,
 * revokes the user's refresh tokens so no session outlives it. Also used by the bootstrap and seed
 * commands, which act as the platform administrator.
 */
export async function applyStaffRoles(uid: string, change: StaffRoleChange, actor: RoleActor): Promise<void> {
  const user = await auth.getUser(uid);
  const current = staffClaimsOf(user.customClaims);
  const before = current?.instansi === change.instansiId ? current.roles : [];
  const roles = STAFF_ROLES.filter((r) => change.roles.includes(r));
  const others = { ...(user.customClaims ?? {}) };
  delete others["instansi"];
  delete others["roles"];
  const claims = roles.length > 0 ? { ...others, instansi: change.instansiId, roles } : others;
  await auth.setCustomUserClaims(uid, claims);
  if (before.some((r) => !roles.includes(r))) await auth.revokeRefreshTokens(uid);

  const instansi = db.collection(COLLECTIONS.instansi).doc(change.instansiId);
  const member = instansi.collection(COLLECTIONS.members).doc(uid);
  const recorded = (await member.get()).get("name") as unknown;
  const name = change.name ?? (typeof recorded === "string" && recorded ? recorded : (user.displayName ?? ""));
  const batch = db.batch();
  if (roles.length > 0) {
    batch.set(member, {
      instansiId: change.instansiId,
      email: change.email,
      name,
      roles,
      updatedAt: FieldValue.serverTimestamp(),
    });
  } else {
    batch.delete(member);
  }
  const entry: RoleAuditDoc = {
    instansiId: change.instansiId,
    actor,
    target: { uid, email: change.email, name },
    before: [...before],
    after: roles,
    at: new Date().toISOString(),
  };
  // A seed run again, or a name corrected, changes no role: the history stays about roles.
  const changed = before.length !== roles.length || before.some((r) => !roles.includes(r));
  if (changed) batch.set(instansi.collection(COLLECTIONS.roleAudit).doc(), entry);
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
