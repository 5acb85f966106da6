/**
 * A candidate saves their profile. The rules keep `profiles/{uid}` read-only for its owner, so this
 * is the one way a candidate's profile changes, and every save is validated by the schema the edit
 * screen uses (`candidateProfile`, with today's date from the server's clock).
 *
 * - Only the caller's own profile: the input names no uid, the document is `profiles/{caller}`.
 * - The NIP was reserved at sign-up (accounts/registerCandidate.ts) and the NIP-derived fields follow
 *   from it; a different NIP is refused, never written, and the stored birth date is always the NIP's.
 * - The sign-up's and the functions' own fields (nipStatus, consent, flags, serviceStart, sex, the
 *   reservation deadline) are never written here; the input schema strips them before this module
 *   sees the input.
 * - A save based on an older `profileRevision` (another device saved meanwhile) is refused with the
 *   stored profile attached, so the screen can show both (schemas/profileSave.ts says why no merge).
 * - The answer is kept under `profiles/{uid}/requests/{requestId}` in the same transaction: a retry
 *   after a lost answer gets the first answer and saves nothing twice.
 */
import { FieldValue } from "firebase-admin/firestore";
import { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import { formatNip, parseNip } from "../domain/nip.js";
import {
  PROFILE_FIELDS,
  saveProfileOutput,
  storedProfileFields,
  type SaveProfileInput,
  type SaveProfileOutput,
} from "../domain/schemas/profileSave.js";
import { db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";

const ACTION = "saveProfile";
const requestDoc = z.object({ action: z.string(), result: z.unknown(), at: z.string() });
const revisionOf = (value: unknown) => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0);

export async function saveProfile(uid: string, input: SaveProfileInput, now: Date): Promise<SaveProfileOutput> {
  const profileRef = db.collection(COLLECTIONS.profiles).doc(uid);
  const requestRef = profileRef.collection(COLLECTIONS.requests).doc(input.requestId);
  return db.runTransaction(async (tx) => {
    const [earlier, snap] = await Promise.all([tx.get(requestRef), tx.get(profileRef)]);
    if (earlier.exists) {
      const stored = requestDoc.parse(earlier.data());
      if (stored.action !== ACTION) throw issueError("failed-precondition", [{ code: "err.request.reused" }]);
      return saveProfileOutput.parse(stored.result);
    }
    const data = snap.data();
    // Staff accounts and deleted candidates have no profile to save into: nothing is created here.
    if (!data) throw issueError("not-found", [{ code: "err.profile.missing" }]);
    const reserved = typeof data["nip"] === "string" ? data["nip"] : "";
    const profile = input.profile;
    if (profile.nip !== reserved) {
      throw issueError("failed-precondition", [
        { code: "err.profile.nipFixed", field: "profile.nip", params: { nip: formatNip(reserved) } },
      ]);
    }
    const revision = revisionOf(data["profileRevision"]);
    if (revision !== input.baseRevision) {
      throw issueError(
        "aborted",
        [{ code: "err.profile.staleRevision", params: { base: input.baseRevision, current: revision } }],
        { current: { revision, profile: storedProfileFields(data) } },
      );
    }
    const nip = parseNip(reserved);
    if (!nip.ok) throw issueError("failed-precondition", [nip.issue]); // the schema parsed the same NIP
    // Absent optional fields are removed: clearing a field in the form clears it here too.
    const fields = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, profile[f] ?? FieldValue.delete()]));
    const answer: SaveProfileOutput = { revision: revision + 1, at: now.toISOString() };
    tx.update(profileRef, {
      ...fields,
      birthDate: nip.nip.birthDate,
      // The name before issue 8: currentInstansi replaces it, so a cleared instansi stays cleared.
      originInstansi: FieldValue.delete(),
      profileRevision: answer.revision,
      updatedAt: answer.at,
    });
    tx.create(requestRef, { action: ACTION, result: answer, at: answer.at });
    return answer;
  });
}
