/**
 * What the tests of the process callables share: staff accounts made as the bootstrap makes them,
 * a selection's stored state as the functions left it, and the two ways a call can end.
 */
import type { AuditEntry } from "../../functions/src/domain/selection/process.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import type { StaffRole } from "../../functions/src/domain/roles.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { auth, db } from "./admin.js";
import { signIn, uniqueSuffix, type CallResult } from "./callables.js";

export interface User {
  readonly uid: string;
  readonly name: string;
  readonly idToken: string;
}

const PASSWORD = "Seleksi2025";
const DAY_MS = 86_400_000;

/** Makes accounts for one test file and forgets them again (call `deleteAll` in afterAll). */
export function staffAccounts(label: string) {
  const created: string[] = [];
  return {
    user: async (who: string, name: string, claims?: { instansi: string; roles: StaffRole[] }): Promise<User> => {
      const email = `${who}.${label}@seleksi.demo`;
      const record = await auth.createUser({ email, password: PASSWORD, displayName: name, emailVerified: true });
      created.push(record.uid);
      if (claims) await makeStaff(record.uid, email, name, claims);
      // Signed in after the claims are set, so the token carries them.
      return { uid: record.uid, name, idToken: (await signIn(email, PASSWORD)).idToken };
    },
    deleteAll: async (): Promise<void> => {
      if (created.length > 0) await auth.deleteUsers(created);
    },
  };
}

/**
 * Staff as the bootstrap command and setStaffRoles leave them: claims, and the members record that
 * the rules and the callables check on every staff action (the account's email must be verified).
 */
export async function makeStaff(
  uid: string,
  email: string,
  name: string,
  claims: { instansi: string; roles: StaffRole[] },
): Promise<void> {
  await auth.setCustomUserClaims(uid, claims);
  await db
    .collection(COLLECTIONS.instansi)
    .doc(claims.instansi)
    .collection(COLLECTIONS.members)
    .doc(uid)
    .set({ instansiId: claims.instansi, email, name, roles: claims.roles });
}

/** A date in Kota Metro's zone (WIB, UTC+7), `offset` days from today: deadlines are dates there. */
export function wibDate(offset: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + offset * DAY_MS).toISOString().slice(0, 10);
}

export const selectionRef = (id: string) => db.collection(COLLECTIONS.selections).doc(id);

export async function stored(id: string): Promise<StoredSelection> {
  return (await selectionRef(id).get()).data() as StoredSelection;
}

export async function auditOf(id: string): Promise<AuditEntry[]> {
  const snap = await selectionRef(id).collection(COLLECTIONS.audit).orderBy("seq").get();
  return snap.docs.map((d) => d.data() as AuditEntry);
}

export async function countOf(id: string, sub: "audit" | "proposals" | "requests"): Promise<number> {
  return (await selectionRef(id).collection(COLLECTIONS[sub]).count().get()).data().count;
}

/** Everything a refused call must leave as it was. */
export async function snapshotOf(id: string) {
  return {
    selection: await stored(id),
    audit: await countOf(id, "audit"),
    proposals: await countOf(id, "proposals"),
    requests: await countOf(id, "requests"),
  };
}

export const newRequestId = () => `req-${uniqueSuffix()}`;

export function resultOf<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${JSON.stringify(result.issues)}`);
  return result.result;
}

export function failureOf<T>(result: CallResult<T>): { status: string; codes: string[] } {
  if (result.ok) throw new Error(`expected the call to fail, it returned ${JSON.stringify(result.result)}`);
  return { status: result.status, codes: result.issues.map((i) => i.code) };
}

/** Deletes a test government's selections (with their subcollections): the project is shared. */
export async function deleteSelectionsOf(instansiIds: readonly string[]): Promise<void> {
  for (const instansiId of instansiIds) {
    const selections = await db.collection(COLLECTIONS.selections).where("instansiId", "==", instansiId).get();
    await Promise.all(selections.docs.map((d) => db.recursiveDelete(d.ref)));
  }
}

/** The PPK's choice recorded on every post, as leaving penetapan needs (the gate ppkChosen). */
export function everyPostChosen(posts: readonly { id: string }[]): StoredSelection["ppkChoices"] {
  return Object.fromEntries(
    posts.map((p) => [
      p.id,
      {
        applicationId: `${p.id}-finalist`,
        name: "Calon terpilih",
        rank: 1,
        reason: "",
        chosenBy: "ppk",
        chosenByName: "Wali Kota",
        chosenAt: "2021-11-25T03:00:00.000Z",
      },
    ]),
  );
}
