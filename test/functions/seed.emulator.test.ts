/**
 * The demo seed against the emulators, as `npm start` runs it: run twice (it runs on every start)
 * it leaves the same demo; what it stored parses and counts as the unit test says; its files are
 * real chunks that the upload completion check accepts again; the public projections follow.
 */
import { FieldValue, type Timestamp } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { storedApplication } from "../../functions/src/domain/applications/application.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { candidateProfile } from "../../functions/src/domain/schemas/profile.js";
import { countsOf } from "../../seed/applications.js";
import { db } from "../support/admin.js";

// After support/admin.js has bound the Admin SDK to the functions' project.
const { seedDemo } = await import("../../seed/seed.js");
const { verifyUpload } = await import("../../functions/src/files/uploads.js");

const METRO_ID = "metro-2021-jpt";
let demo: Awaited<ReturnType<typeof seedDemo>>;
let firstWrite: Timestamp | undefined;
const uploadRef = (fileId: string) => db.collection(COLLECTIONS.uploads).doc(fileId);

beforeAll(async () => {
  demo = await seedDemo();
  firstWrite = (await uploadRef(demo.applications[0]!.uploads[0]!.fileId).get()).updateTime;
  demo = await seedDemo();
  // Twice the seed on a shared, busy machine: minutes at worst, seconds usually.
}, 240_000);

describe("the demo seed in the emulators", () => {
  it("stores Metro's twelve applications once, with counts that match them", async () => {
    const snap = await db.collection(COLLECTIONS.applications).where("selectionId", "==", METRO_ID).get();
    const stored = snap.docs.map((d) => storedApplication.parse(d.data()));
    expect(stored).toHaveLength(12);
    expect(new Set(snap.docs.map((d) => d.id))).toEqual(new Set(demo.applications.map((a) => a.id)));
    const selection = (await db.collection(COLLECTIONS.selections).doc(METRO_ID).get()).data()!;
    const postIds = (selection["posts"] as { id: string }[]).map((p) => p.id);
    expect(selection["counts"]).toEqual(countsOf(postIds, stored));
    expect(selection["stage"]).toBe("pengumumanAdministrasi");
    const review = await db
      .doc(`${COLLECTIONS.applications}/${demo.applications[0]!.id}/${COLLECTIONS.review}/main`)
      .get();
    expect(review.get("verification.decision")).toBe(demo.applications[0]!.application.status);
  });

  it("stores full profiles that parse, with the NIP confirmed", async () => {
    for (const c of demo.candidates) {
      const profile = (await db.collection(COLLECTIONS.profiles).doc(c.uid).get()).data();
      expect(candidateProfile(demo.runDate).safeParse(profile).success, c.email).toBe(true);
      expect(profile).toMatchObject({ nipStatus: "confirmed", currentInstansi: c.originInstansi });
      expect((await db.collection(COLLECTIONS.nips).doc(c.nip).get()).data()).toMatchObject({
        uid: c.uid,
        status: "confirmed",
      });
    }
  });

  it("stores files that the completion check accepts from their chunks", async () => {
    const upload = demo.applications.find((a) => a.application.objection)!.uploads[2]!;
    const ref = uploadRef(upload.fileId);
    const chunk = await ref.collection(COLLECTIONS.chunks).doc("00000").get();
    expect(new Uint8Array(chunk.get("data") as Uint8Array)).toEqual(upload.bytes);
    // As if the phone had just finished: the function reads the chunks back and decides again.
    await ref.update({ status: "complete", verified: FieldValue.delete() });
    await verifyUpload(upload.fileId);
    expect((await ref.get()).data()).toMatchObject({ status: "accepted", verified: upload.manifest.verified });
  });

  it("rewrites on a rerun only the files a demo session changed, so the upload check is not woken for nothing", async () => {
    const untouched = demo.applications[0]!.uploads[0]!;
    expect((await uploadRef(untouched.fileId).get()).updateTime).toEqual(firstWrite);
    const changed = demo.applications[1]!.uploads[0]!;
    await uploadRef(changed.fileId).update({ status: "rejected" });
    await seedDemo();
    expect((await uploadRef(changed.fileId).get()).data()).toMatchObject(changed.manifest);
    expect((await uploadRef(untouched.fileId).get()).updateTime).toEqual(firstWrite);
  }, 120_000);

  it("projects Pontianak with registration open and Metro at its result", async () => {
    const pontianak = (await db.collection(COLLECTIONS.publicSelections).doc("pontianak-2024-jpt").get()).data()!;
    expect(pontianak["stage"]).toBe("pendaftaran");
    expect(pontianak["registrationClosesAtMs"]).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const metro = (await db.collection(COLLECTIONS.publicSelections).doc(METRO_ID).get()).data()!;
    expect(metro["stage"]).toBe("pengumumanAdministrasi");
  });
});
