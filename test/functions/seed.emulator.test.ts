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
import { documentRecord } from "../../functions/src/domain/documents/record.js";
import { publicSelection } from "../../functions/src/domain/publication/projection.js";
import { storedSelection } from "../../functions/src/domain/selection/stored.js";
import { readFile, sha256Hex } from "../../functions/src/files/chunks.js";
import { countsOf } from "../../seed/applications.js";
import { SCORING_SELECTION_ID } from "../../seed/scoring.js";
import { db } from "../support/admin.js";

// After support/admin.js has bound the Admin SDK to the functions' project.
const { seedDemo } = await import("../../seed/seed.js");
const { verifyUpload } = await import("../../functions/src/files/uploads.js");
const { answerObjection, fileObjection } = await import("../../functions/src/process/objections.js");

const METRO_ID = "metro-2021-jpt";
let demo: Awaited<ReturnType<typeof seedDemo>>;
let firstWrite: Timestamp | undefined;
let firstResultFile: Timestamp | undefined;
const uploadRef = (fileId: string) => db.collection(COLLECTIONS.uploads).doc(fileId);

beforeAll(async () => {
  demo = await seedDemo();
  firstWrite = (await uploadRef(demo.applications[0]!.uploads[0]!.fileId).get()).updateTime;
  firstResultFile = (await db.collection(COLLECTIONS.files).doc(demo.results[0]!.record.fileId).get()).updateTime;
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

  it("has published Metro's administrative result: a valid record whose PDF matches its SHA-256", async () => {
    const selection = storedSelection.parse((await db.collection(COLLECTIONS.selections).doc(METRO_ID).get()).data());
    const published = selection.administrativeResult!;
    expect(published).toEqual(demo.selections[METRO_ID]!.administrativeResult);
    expect(selection.counts.openObjections).toBe(1);
    // What the verification page of the QR code reads: the record, then the public file's chunks.
    const record = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(published.documentId).get()).data(),
    );
    expect(record).toMatchObject({ kind: "hasilAdministrasi", status: "valid", number: published.number });
    const meta = (await db.collection(COLLECTIONS.files).doc(record.fileId).get()).data()!;
    expect(meta).toMatchObject({ complete: true, sha256: record.sha256, size: record.size, extra: { public: true } });
    const pdf = await readFile(db, record.fileId);
    expect(sha256Hex(pdf)).toBe(record.sha256);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The rerun found the same bytes and left the immutable file alone.
    expect((await db.collection(COLLECTIONS.files).doc(record.fileId).get()).updateTime).toEqual(firstResultFile);
    const counter = await db.doc(`${COLLECTIONS.instansi}/kota-metro/${COLLECTIONS.counters}/2021`).get();
    expect(counter.get("next")).toBe(2);
  });

  it("shows the result on Metro's public page", async () => {
    const projected = publicSelection.parse(
      (await db.collection(COLLECTIONS.publicSelections).doc(METRO_ID).get()).data(),
    );
    const published = demo.selections[METRO_ID]!.administrativeResult!;
    expect(projected.administrativeResult).toMatchObject({
      document: { number: published.number, link: `/verifikasi/${published.documentId}` },
      objectionLastDay: published.objectionLastDay,
    });
    const text = JSON.stringify(projected);
    expect(text).toContain(published.ms["bappeda"]![0]!.nip);
    expect(text).not.toContain("Bayu Pratama");
  });

  it("leaves Bayu's objection for the operator to answer, and no new one to file", async () => {
    const bayu = demo.applications.find((a) => a.application.objection)!;
    const lina = demo.applications.find((a) => a.application.status === "tms" && !a.application.objection)!;
    const now = new Date();
    const closed = fileObjection(
      { uid: lina.application.candidateUid, name: lina.application.candidateName, claims: undefined },
      { applicationId: lina.id, text: "x".repeat(40), attachmentFileId: null, requestId: `seed-obj-${now.getTime()}` },
      now,
    );
    await expect(closed).rejects.toMatchObject({ details: { issues: [{ code: "err.objection.closed" }] } });
    const operator = {
      uid: "demo-operator-metro",
      name: "Operator",
      claims: { instansi: "kota-metro", roles: ["operator" as const] },
    };
    const answer = {
      applicationId: bayu.id,
      decision: "accept" as const,
      reason: "SK Pembina TMT 1 Oktober 2021 diperiksa.",
      requestId: `seed-ans-${now.getTime()}`,
    };
    expect(await answerObjection(operator, answer, now)).toEqual({ status: "accepted" });
    const after = storedSelection.parse((await db.collection(COLLECTIONS.selections).doc(METRO_ID).get()).data());
    expect(after.counts.openObjections).toBe(0);
    expect(after.administrativeResult!.ms["bappeda"]!.map((c) => c.name)).toContain(bayu.application.candidateName);
    // The next start puts the demo back where it was.
    await seedDemo();
    const reset = storedSelection.parse((await db.collection(COLLECTIONS.selections).doc(METRO_ID).get()).data());
    expect(reset.counts.openObjections).toBe(1);
    expect(
      storedApplication.parse((await db.collection(COLLECTIONS.applications).doc(bayu.id).get()).data()).objection
        ?.status,
    ).toBe("open");
  }, 120_000);

  it("projects Pontianak with registration open and Metro at its result", async () => {
    const pontianak = (await db.collection(COLLECTIONS.publicSelections).doc("pontianak-2024-jpt").get()).data()!;
    expect(pontianak["stage"]).toBe("pendaftaran");
    expect(pontianak["registrationClosesAtMs"]).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const metro = (await db.collection(COLLECTIONS.publicSelections).doc(METRO_ID).get()).data()!;
    expect(metro["stage"]).toBe("pengumumanAdministrasi");
  });

  it("stores the scoring demo: declarations, imported results and submitted scores, as the unit test checks them", async () => {
    const { scoring } = demo;
    const ids = (collection: string) =>
      db
        .collection(collection)
        .where("selectionId", "==", SCORING_SELECTION_ID)
        .get()
        .then((snap) => new Set(snap.docs.map((d) => d.id)));
    expect(await ids(COLLECTIONS.conflicts)).toEqual(new Set(scoring.conflicts.map((c) => c.id)));
    expect(await ids(COLLECTIONS.importedScores)).toEqual(new Set(scoring.imported.map((i) => i.id)));
    expect(await ids(COLLECTIONS.scores)).toEqual(new Set(scoring.scores.map((s) => s.id)));
    expect(await ids(COLLECTIONS.applications)).toEqual(new Set(scoring.applications.map((a) => a.id)));
    const selection = storedSelection.parse(
      (await db.collection(COLLECTIONS.selections).doc(SCORING_SELECTION_ID).get()).data(),
    );
    expect(selection.stage).toBe("wawancara");
    expect(selection.counts).toEqual(scoring.selection.counts);
  });
});
