/**
 * Writes the demo data into the emulators (npm start, the tests), and refuses anything else
 * (`seedRefusal`): FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST set, a `demo-` project.
 * Idempotent: fixed ids, and existing accounts are reused. Staff get verified emails and members
 * records, as the rules and the callables require of every staff action.
 */
import { FieldValue } from "firebase-admin/firestore";
import { applyStaffRoles } from "../functions/src/accounts/staffRoles.js";
import { auth, db } from "../functions/src/shell/admin.js";
import { projectSelection } from "../functions/src/publication/projectSelection.js";
import { COLLECTIONS } from "../functions/src/domain/collections.js";
import { parseNip } from "../functions/src/domain/nip.js";
import type { ProfileDoc } from "../functions/src/domain/schemas/documents.js";
import { seedRefusal } from "./guard.js";
import { CANDIDATES, DEMO_PASSWORD, INSTANSI, SELECTIONS, STAFF } from "./metro2021.js";

export async function seedDemo(): Promise<void> {
  const refusal = seedRefusal(process.env);
  if (refusal) throw new Error(`[seed] ${refusal}`);
  const batch = db.batch();
  for (const [id, doc] of Object.entries(INSTANSI)) batch.set(db.collection(COLLECTIONS.instansi).doc(id), doc);
  for (const [id, doc] of Object.entries(SELECTIONS)) batch.set(db.collection(COLLECTIONS.selections).doc(id), doc);
  await batch.commit();
  // The trigger does the same when the functions emulator runs; doing it here too means the public
  // pages have their data as soon as the seed returns, whatever the trigger's delay.
  for (const id of Object.keys(SELECTIONS)) await projectSelection(id);

  for (const staff of STAFF) {
    await ensureUser(staff.uid, staff.email, staff.name);
    await applyStaffRoles(
      staff.uid,
      { email: staff.email, instansiId: staff.instansiId, roles: staff.roles, name: staff.name },
      { uid: "seed", name: "Demo seed", as: "platformAdmin" },
    );
  }

  const profiles = db.batch();
  for (const c of CANDIDATES) {
    const parsed = parseNip(c.nip);
    if (!parsed.ok) throw new Error(`demo NIP ${c.nip} of ${c.name} is invalid: ${parsed.issue.code}`);
    await ensureUser(c.uid, c.email, c.name);
    const profile: ProfileDoc = {
      name: c.name,
      nip: c.nip,
      email: c.email,
      birthDate: parsed.nip.birthDate,
      serviceStart: parsed.nip.serviceStart,
      sex: parsed.nip.sex,
      golongan: c.golongan,
      currentPost: c.currentPost,
      originInstansi: c.originInstansi,
    };
    profiles.set(db.collection(COLLECTIONS.profiles).doc(c.uid), {
      ...profile,
      createdAt: FieldValue.serverTimestamp(),
    });
    profiles.set(db.collection(COLLECTIONS.nips).doc(c.nip), { uid: c.uid, at: FieldValue.serverTimestamp() });
  }
  await profiles.commit();
}

async function ensureUser(uid: string, email: string, displayName: string): Promise<void> {
  try {
    await auth.getUser(uid);
  } catch {
    await auth.createUser({ uid, email, password: DEMO_PASSWORD, displayName, emailVerified: true });
  }
}

/** One account per role, for the start banner and the README. */
export function demoAccounts(): { role: string; email: string; password: string }[] {
  const first = (role: string) => STAFF.find((s) => s.roles.includes(role as never) && s.instansiId === "kota-metro");
  return [
    { role: "operator (BKPSDM Kota Metro)", email: first("operator")?.email ?? "", password: DEMO_PASSWORD },
    { role: "pejabat (Sekda Kota Metro)", email: first("pejabat")?.email ?? "", password: DEMO_PASSWORD },
    { role: "pansel (Kota Metro)", email: first("pansel")?.email ?? "", password: DEMO_PASSWORD },
    { role: "peserta (candidate)", email: CANDIDATES[0]?.email ?? "", password: DEMO_PASSWORD },
    { role: "operator (Kota Serang)", email: "operator@serangkota.demo", password: DEMO_PASSWORD },
    { role: "pejabat (Sekda Kota Serang)", email: "sekda@serangkota.demo", password: DEMO_PASSWORD },
    { role: "operator (Kota Pontianak)", email: "operator@pontianak.demo", password: DEMO_PASSWORD },
  ];
}
