/**
 * Sign-up attempts counted per NIP and per client in fixed windows (limits in domain/signup.ts).
 * Counters live in Firestore so every function instance sees the same count; a refused attempt does
 * not count, so a client that waits out the window is let through. Keys are hashes: the collection
 * never holds a NIP or an address in clear (it is closed to clients anyway; a TTL policy on
 * `expiresAt` deletes old windows, see the README's deploy section).
 */
import { createHash } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import type { CallableRequest } from "firebase-functions/v2/https";
import { COLLECTIONS } from "../domain/collections.js";
import { rateWindowEnd, rateWindowStart, withinLimit, type RateLimitScope } from "../domain/signup.js";
import { db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";

/**
 * The caller's address. Google's front end appends the address it saw to X-Forwarded-For, so the
 * last entry is the one a client cannot forge (earlier entries are whatever the client sent).
 */
export function clientAddress(request: Pick<CallableRequest["rawRequest"], "headers" | "ip">): string {
  const forwarded = request.headers["x-forwarded-for"];
  const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",");
  const last = list
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .pop();
  return last ?? request.ip ?? "unknown";
}

const hashed = (text: string) => createHash("sha256").update(text).digest("hex");

export async function countSignUpAttempt(values: Record<RateLimitScope, string>, now: number): Promise<void> {
  const scopes = Object.keys(values) as RateLimitScope[];
  await db.runTransaction(async (tx) => {
    const refs = scopes.map((scope) =>
      db
        .collection(COLLECTIONS.rateLimits)
        .doc(hashed(`signUp:${scope}:${values[scope]}:${rateWindowStart(scope, now)}`)),
    );
    const snaps = await Promise.all(refs.map((ref) => tx.get(ref)));
    const counts = snaps.map((snap) => {
      const count: unknown = snap.get("count");
      return typeof count === "number" ? count : 0;
    });
    const over = scopes.filter((scope, i) => !withinLimit(scope, counts[i] ?? 0));
    // The same refusal whichever limit was hit: which one says nothing about the NIP, but keep it plain.
    if (over.length > 0) throw issueError("resource-exhausted", [{ code: "err.signUp.tooMany" }]);
    scopes.forEach((scope, i) => {
      const ref = refs[i];
      if (!ref) return;
      tx.set(ref, {
        scope,
        count: (counts[i] ?? 0) + 1,
        expiresAt: Timestamp.fromMillis(rateWindowEnd(scope, now)),
      });
    });
  });
}
