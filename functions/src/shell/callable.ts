/** The checks every callable starts with: who is calling, and is the input what the schema says. */
import type { CallableRequest } from "firebase-functions/v2/https";
import type { z } from "zod/mini";
import { staffClaimsOf, type StaffClaims } from "../domain/roles.js";
import { parseWith } from "../domain/validation.js";
import { issueError } from "./errors.js";

export function requireSignedIn(request: CallableRequest): { uid: string; claims: StaffClaims | undefined } {
  if (!request.auth) throw issueError("unauthenticated", [{ code: "err.auth.required" }]);
  return { uid: request.auth.uid, claims: staffClaimsOf(request.auth.token) };
}

export function parseInput<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const parsed = parseWith(schema, data);
  if (!parsed.ok) throw issueError("invalid-argument", parsed.issues);
  return parsed.value;
}
