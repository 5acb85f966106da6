/**
 * The projectPublicSelection trigger, through the emulators: what a write to selections/{id} makes
 * of publicSelections/{id}, the only selection data anonymous readers and candidates can read.
 */
import { afterAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { SELECTIONS } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { uniqueSuffix } from "../support/callables.js";
import { projected } from "../support/projection.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const ID = `projection-${uniqueSuffix()}`;
const TENANT = `kota-projection-${uniqueSuffix()}`;
const selectionRef = db.collection(COLLECTIONS.selections).doc(ID);
const projectionRef = db.collection(COLLECTIONS.publicSelections).doc(ID);
const detailRef = projectionRef.collection(COLLECTIONS.publicDetail).doc("main");

const announced: StoredSelection = {
  ...METRO,
  instansiId: TENANT,
  title: `Seleksi proyeksi ${ID}`,
  panselUids: ["pansel-uid-secret"],
  pendingProposal: {
    id: "p-secret",
    from: "pendaftaran",
    to: "seleksiAdministrasi",
    proposedByName: "Operator Rahasia",
    proposedAt: "2021-10-05T08:00:00+07:00",
  },
  counts: { applicantsPerPost: { bappeda: 3 }, unverifiedApplications: 3, openObjections: 0, unlockedScores: 0 },
  postDecisions: { bpbd: "continueWithDecision" },
};

afterAll(async () => {
  await selectionRef.delete();
});

describe("projectPublicSelection", () => {
  it("publishes an announced selection without its internals", async () => {
    await selectionRef.set(announced);
    await projected(ID, (p) => p?.title === announced.title);
    const summary = JSON.stringify((await projectionRef.get()).data());
    const detail = (await detailRef.get()).data();
    expect(detail?.["legalBasis"]).toEqual(METRO.legalBasis);
    for (const secret of [
      "pendingProposal",
      "panselUids",
      "postDecisions",
      "counts",
      "pansel-uid-secret",
      "p-secret",
    ]) {
      expect(summary + JSON.stringify(detail)).not.toContain(secret);
    }
    expect(summary.length).toBeLessThanOrEqual(2048);
  });

  it("names the pengumuman once it is issued", async () => {
    const documentId = `${ID}-pengumuman-v1`;
    await db.collection(COLLECTIONS.documents).doc(documentId).set({
      instansiId: TENANT,
      instansiName: METRO.instansiName,
      selectionId: ID,
      selectionTitle: announced.title,
      kind: "pengumuman",
      number: "800/077/PENG/2021",
      version: 1,
      issuedOn: "2021-09-20",
      status: "valid",
      sha256: null,
      size: null,
      fileId: documentId,
      fileName: "p.pdf",
      supersedes: null,
      supersededBy: null,
    });
    await selectionRef.update({ announcementDocumentId: documentId });
    await projected(ID, (p) => p?.document?.number === "800/077/PENG/2021");
    expect((await projectionRef.get()).get("document.link")).toBe(`/verifikasi/${documentId}`);
  });

  it("keeps a cancelled selection that was announced, as cancelled", async () => {
    await selectionRef.update({ stage: "dibatalkan" });
    await projected(ID, (p) => p?.stage === "dibatalkan");
  });

  it("removes the projection when the selection is no longer public, and when it is deleted", async () => {
    await selectionRef.update({ public: false });
    await projected(ID, (p) => p === undefined);
    expect((await detailRef.get()).exists).toBe(false);

    await selectionRef.set(announced);
    await projected(ID, (p) => p?.title === announced.title);
    await selectionRef.delete();
    await projected(ID, (p) => p === undefined);
    expect((await detailRef.get()).exists).toBe(false);
  });
});
