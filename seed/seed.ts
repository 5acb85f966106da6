/**
 * Writes the demo data into the emulators (npm start, the tests), and refuses anything else
 * (`seedRefusal`): FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST set, a `demo-` project.
 * Idempotent: fixed ids, and existing accounts are reused. Staff get verified emails and members
 * records, as the rules and the callables require of every staff action.
 */
import { isDeepStrictEqual } from "node:util";
import { FieldValue, Timestamp, type WriteBatch } from "firebase-admin/firestore";
import { applyStaffRoles } from "../functions/src/accounts/staffRoles.js";
import { auth, db } from "../functions/src/shell/admin.js";
import { projectSelection } from "../functions/src/publication/projectSelection.js";
import { COLLECTIONS } from "../functions/src/domain/collections.js";
import { chunkId, sha256Hex, writeFile } from "../functions/src/files/chunks.js";
import { renderSnapshot, type StoredSnapshot } from "../functions/src/documents/pipeline.js";
import { DOCUMENT_KINDS } from "../functions/src/documents/kinds.js";
import { SNAPSHOT_DOC } from "../functions/src/domain/documents/snapshot.js";
import type { CalendarDate } from "../functions/src/domain/calendar.js";
import { seedRefusal } from "./guard.js";
import { DEMO_PASSWORD, STAFF, jakartaDay, onRunDate } from "./metro2021.js";
import { storedProfile } from "./profiles.js";
import type { SeededResult } from "./result.js";

/**
 * `now` is the run's clock: Pontianak's registration is placed around it (metro2021.ts, onRunDate)
 * and Metro's open objection is due a week after it.
 */
export async function seedDemo(now: number = Date.now()): Promise<ReturnType<typeof onRunDate>> {
  const refusal = seedRefusal(process.env);
  if (refusal) throw new Error(`[seed] ${refusal}`);
  const demo = onRunDate(jakartaDay(now));
  // Each selection is written with auditSeq 0: a timeline left by an earlier demo session would make
  // the next step's entry collide with an old one (audit entries are created, never overwritten).
  for (const id of Object.keys(demo.selections)) {
    await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(id).collection(COLLECTIONS.audit));
  }
  const batch = db.batch();
  for (const [id, doc] of Object.entries(demo.instansi)) batch.set(db.collection(COLLECTIONS.instansi).doc(id), doc);
  for (const [id, doc] of Object.entries(demo.selections)) {
    batch.set(db.collection(COLLECTIONS.selections).doc(id), doc);
  }
  await batch.commit();
  // The trigger does the same when the functions emulator runs; doing it here too means the public
  // pages have their data as soon as the seed returns, whatever the trigger's delay.
  for (const id of Object.keys(demo.selections)) await projectSelection(id);

  for (const staff of STAFF) {
    await ensureUser(staff.uid, staff.email, staff.name);
    await applyStaffRoles(
      staff.uid,
      { email: staff.email, instansiId: staff.instansiId, roles: staff.roles, name: staff.name },
      { uid: "seed", name: "Demo seed", as: "platformAdmin" },
    );
  }
  await Promise.all(demo.candidates.map((c) => ensureUser(c.uid, c.email, c.name)));

  const writes = new Writes();
  const today: CalendarDate = demo.runDate;
  for (const c of demo.candidates) {
    writes.set(`${COLLECTIONS.profiles}/${c.uid}`, {
      ...storedProfile(c, today),
      createdAt: FieldValue.serverTimestamp(),
    });
    writes.set(`${COLLECTIONS.nips}/${c.nip}`, {
      uid: c.uid,
      status: "confirmed",
      confirmedAt: FieldValue.serverTimestamp(),
    });
  }
  // Every write of a manifest wakes the upload completion trigger; the files never change, so a rerun
  // (each browser test file seeds again) rewrites only those that are missing or were altered.
  const uploads = demo.applications.flatMap((a) => a.uploads.map((u) => ({ ...u, at: a.application.submittedAt })));
  const stored = uploads.length
    ? await db.getAll(...uploads.map((u) => db.collection(COLLECTIONS.uploads).doc(u.fileId)))
    : [];
  for (const a of demo.applications) {
    const ref = `${COLLECTIONS.applications}/${a.id}`;
    writes.set(ref, a.application);
    writes.set(`${ref}/${COLLECTIONS.review}/main`, a.review);
  }
  uploads.forEach((u, i) => {
    const now = stored[i]?.data();
    if (now && Object.entries(u.manifest).every(([key, value]) => isDeepStrictEqual(now[key], value))) return;
    const upload = `${COLLECTIONS.uploads}/${u.fileId}`;
    // As the completion check leaves it (files/uploads.ts): accepted, verified, decided.
    writes.set(upload, { ...u.manifest, decidedAt: Timestamp.fromDate(new Date(u.at ?? 0)) });
    writes.set(`${upload}/${COLLECTIONS.chunks}/${chunkId(0)}`, { data: Buffer.from(u.bytes) });
  });
  // The scoring demo: the uji kompetensi's applications and what the scoring functions left.
  const { scoring } = demo;
  for (const a of scoring.applications) writes.set(`${COLLECTIONS.applications}/${a.id}`, a.application);
  for (const c of scoring.conflicts) writes.set(`${COLLECTIONS.conflicts}/${c.id}`, c.doc);
  for (const i of scoring.imported) writes.set(`${COLLECTIONS.importedScores}/${i.id}`, i.doc);
  for (const s of scoring.scores) writes.set(`${COLLECTIONS.scores}/${s.id}`, s.doc);
  // The end of a selection: the final rankings of Metro 2022 and its proposal letter to the PPK.
  for (const r of demo.closing.rankings) writes.set(`${COLLECTIONS.rankings}/${r.id}`, r.doc);
  for (const c of demo.closing.conflicts) writes.set(`${COLLECTIONS.conflicts}/${c.id}`, c.doc);
  await writes.commit();
  for (const result of [...demo.results, demo.closing.document]) await storeDocument(result);
  return demo;
}

/**
 * An issued document's PDF (the administrative result, the proposal letter), rendered from its
 * snapshot as finishDocument does, readable as its kind says, then its record marked valid: the
 * record goes last, so the verification page never finds it without its file. The rendering is a
 * pure function of the snapshot, so a rerun finds the same bytes and keeps the stored file
 * (immutable, like every issued one); only a changed renderer replaces it.
 */
async function storeDocument(result: Pick<SeededResult, "record" | "counter"> & { snapshot: StoredSnapshot }) {
  const { record } = result;
  const pdf = await renderSnapshot(result.snapshot);
  const sha256 = sha256Hex(pdf);
  const fileRef = db.collection(COLLECTIONS.files).doc(record.fileId);
  const stored = await fileRef.get();
  if (stored.get("complete") !== true || stored.get("sha256") !== sha256) {
    await db.recursiveDelete(fileRef);
    await writeFile(db, {
      fileId: record.fileId,
      instansiId: record.instansiId,
      contentType: "application/pdf",
      name: record.fileName,
      bytes: pdf,
      ...DOCUMENT_KINDS[record.kind].access(record, result.snapshot),
    });
  }
  const documentRef = db.collection(COLLECTIONS.documents).doc(record.fileId);
  const batch = db.batch();
  batch.set(documentRef.collection(COLLECTIONS.snapshot).doc(SNAPSHOT_DOC), result.snapshot);
  batch.set(
    db
      .collection(COLLECTIONS.instansi)
      .doc(result.counter.instansiId)
      .collection(COLLECTIONS.counters)
      .doc(result.counter.id),
    { next: result.counter.next, updatedAt: record.issuedAt },
  );
  batch.set(documentRef, { ...record, status: "valid", sha256, size: pdf.length });
  await batch.commit();
}

/** Set operations in batches under Firestore's 500 writes; every id is fixed, so a rerun overwrites. */
class Writes {
  private readonly batches: WriteBatch[] = [];
  private count = 0;
  set(path: string, data: Record<string, unknown>): void {
    if (this.count % 450 === 0) this.batches.push(db.batch());
    this.count += 1;
    this.batches[this.batches.length - 1]!.set(db.doc(path), data);
  }
  async commit(): Promise<void> {
    for (const b of this.batches) await b.commit();
  }
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
    { role: "peserta (Metro, MS)", email: "peserta@metrokota.demo", password: DEMO_PASSWORD },
    { role: "peserta (Metro, TMS, objection open)", email: "bayu.pratama@metrokota.demo", password: DEMO_PASSWORD },
    { role: "peserta (Metro, TMS)", email: "lina.hartati@pesawaran.demo", password: DEMO_PASSWORD },
    { role: "operator (Kota Serang)", email: "operator@serangkota.demo", password: DEMO_PASSWORD },
    { role: "pejabat (Sekda Kota Serang)", email: "sekda@serangkota.demo", password: DEMO_PASSWORD },
    { role: "operator (Kota Pontianak)", email: "operator@pontianak.demo", password: DEMO_PASSWORD },
    { role: "peserta (Pontianak, may apply)", email: "peserta@pontianak.demo", password: DEMO_PASSWORD },
  ];
}
