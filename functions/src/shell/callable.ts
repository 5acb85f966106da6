/** The checks every callable starts with: who is calling, and is the input what the schema says. */
import type { CallableRequest } from "firebase-functions/v2/https";
import type { z } from "zod/mini";
import { staffClaimsOf, type StaffClaims } from "../domain/roles.js";
import { parseWith } from "../domain/validation.js";
import { COLLECTIONS } from "../domain/collections.js";
import { memberDoc, type MemberDoc } from "../domain/schemas/documents.js";
import { db } from "./admin.js";
import { issueError } from "./errors.js";

export interface Caller {
  readonly uid: string;
  /** The token's staff claims, narrowed to what the members record still holds now. */
  readonly claims: StaffClaims | undefined;
  /** As the audit trail shows them: the name on the members record, never the token's editable name. */
  readonly name: string;
}

/**
 * Who is calling. An ID token lives up to an hour after a role is removed, so a staff token is
 * honoured only as far as `instansi/{i}/members/{uid}` still backs it (one read per staff call), and
 * only with a verified email: an address nobody proved to own never acts for a government.
 */
export async function requireSignedIn(request: CallableRequest): Promise<Caller> {
  if (!request.auth) throw issueError("unauthenticated", [{ code: "err.auth.required" }]);
  const uid = request.auth.uid;
  const claimed = staffClaimsOf(request.auth.token);
  if (!claimed || request.auth.token.email_verified !== true) return { uid, claims: undefined, name: uid };
  const member = await memberOf(claimed.instansi, uid);
  const roles = claimed.roles.filter((r) => member?.roles.includes(r) ?? false);
  if (roles.length === 0) throw issueError("permission-denied", [{ code: "err.role.revoked" }]);
  return { uid, claims: { instansi: claimed.instansi, roles }, name: member?.name || member?.email || uid };
}

async function memberOf(instansiId: string, uid: string): Promise<MemberDoc | undefined> {
  const snap = await db.collection(COLLECTIONS.instansi).doc(instansiId).collection(COLLECTIONS.members).doc(uid).get();
  const parsed = memberDoc.safeParse(snap.data());
  return parsed.success ? parsed.data : undefined;
}

export function parseInput<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const parsed = parseWith(schema, data);
  if (!parsed.ok) throw issueError("invalid-argument", parsed.issues);
  return parsed.value;
}

/** A BKPSDM operator: the one role that sets up and runs a selection. Returns their instansi. */
export function requireOperator(caller: Caller): string {
  if (!caller.claims?.roles.includes("operator")) {
    throw issueError("permission-denied", [{ code: "err.role.operatorOnly" }]);
  }
  return caller.claims.instansi;
}
