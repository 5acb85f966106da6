/** The checks every callable starts with: who is calling, and is the input what the schema says. */
import type { CallableRequest } from "firebase-functions/v2/https";
import type { z } from "zod/mini";
import { staffClaimsOf, type StaffClaims } from "../domain/roles.js";
import { parseWith } from "../domain/validation.js";
import { issueError } from "./errors.js";

export interface Caller {
  readonly uid: string;
  readonly claims: StaffClaims | undefined;
  /** As the audit trail shows them: the display name, else the email. */
  readonly name: string;
}

export function requireSignedIn(request: CallableRequest): Caller {
  if (!request.auth) throw issueError("unauthenticated", [{ code: "err.auth.required" }]);
  const token = request.auth.token;
  const name = typeof token["name"] === "string" && token["name"] ? token["name"] : (token.email ?? request.auth.uid);
  return { uid: request.auth.uid, claims: staffClaimsOf(token), name };
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
