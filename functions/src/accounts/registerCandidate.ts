/**
 * Candidate sign-up. It runs on the server rather than through the client SDK's sign-up so that the
 * account, the profile and the one-account-per-NIP reservation are made together or not at all: a
 * candidate whose NIP is taken must not be left with an orphan account that can never apply.
 */
import { FieldValue } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { parseNip } from "../domain/nip.js";
import type { SignUpInput } from "../domain/schemas/account.js";
import type { ProfileDoc } from "../domain/schemas/documents.js";
import { auth, db } from "../shell/admin.js";
import { issueError } from "../shell/errors.js";

export async function registerCandidate(input: SignUpInput): Promise<{ uid: string }> {
  const nipRef = db.collection(COLLECTIONS.nips).doc(input.nip);
  // Cheap early answer for the common case; the transaction below is what makes it race-free.
  if ((await nipRef.get()).exists) throw nipTaken();

  const user = await createAuthUser(input);
  const parsed = parseNip(input.nip);
  if (!parsed.ok) throw issueError("invalid-argument", [parsed.issue]); // schema already checked
  const profile: ProfileDoc = {
    name: input.name,
    nip: input.nip,
    email: input.email,
    birthDate: parsed.nip.birthDate,
    serviceStart: parsed.nip.serviceStart,
    sex: parsed.nip.sex,
  };
  try {
    await db.runTransaction(async (tx) => {
      const reservation = await tx.get(nipRef);
      if (reservation.exists) throw nipTaken();
      tx.create(nipRef, { uid: user.uid, at: FieldValue.serverTimestamp() });
      tx.create(db.collection(COLLECTIONS.profiles).doc(user.uid), {
        ...profile,
        createdAt: FieldValue.serverTimestamp(),
      });
    });
  } catch (error) {
    await auth.deleteUser(user.uid);
    throw error;
  }
  return { uid: user.uid };
}

async function createAuthUser(input: SignUpInput) {
  try {
    return await auth.createUser({
      email: input.email,
      password: input.password,
      displayName: input.name,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "auth/email-already-exists") {
      throw issueError("already-exists", [{ code: "err.email.taken", field: "email" }]);
    }
    if (code === "auth/invalid-password") {
      throw issueError("invalid-argument", [{ code: "err.password.weak", field: "password" }]);
    }
    throw error;
  }
}

function nipTaken() {
  return issueError("already-exists", [{ code: "err.nip.taken", field: "nip" }]);
}
