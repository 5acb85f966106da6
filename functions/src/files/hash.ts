import { createHash } from "node:crypto";

/** Lower-case hex SHA-256: what the verification page prints and what a stored file is checked against. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
