/**
 * Saving and deleting a draft's setup through saveSetup and deleteDraft (issue 7, section 3): every
 * save validated with the wizard's schema, based on a revision, refused while a proposal is pending
 * or after the preparation stage; a damaged stored selection reported, not INTERNAL. Selections are
 * written with the Admin SDK from the Kota Metro 2021 seed under a government id unique to this run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { INITIAL_PROCESS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { call, uniqueSuffix } from "../support/callables.js";
import {
  auditOf,
  deleteSelectionsOf,
  failureOf,
  newRequestId,
  resultOf,
  selectionRef,
  snapshotOf,
  staffAccounts,
  stored,
  wibDate,
  type User,
} from "../support/process.js";

const RUN = uniqueSuffix();
const METRO_ID = `kota-metro-setup-${RUN}`;
const OTHER_ID = `kota-pontianak-setup-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const DAY_MS = 86_400_000;

const accounts = staffAccounts(`setup-${RUN}`);
let operator: User;
let colleague: User;
let sekda: User;
let otherOperator: User;

let counter = 0;
async function selection(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = `${METRO_ID}-${++counter}`;
  // Registration ten days from now, the other stages after it, as Metro's were spaced in 2021.
  const shift = Math.round((Date.parse(wibDate(10)) - Date.parse(METRO.schedule.pendaftaran!.start)) / DAY_MS);
  const move = (iso: string) => new Date(Date.parse(iso) + shift * DAY_MS).toISOString().slice(0, 10);
  const schedule = Object.fromEntries(
    Object.entries(METRO.schedule).map(([stage, r]) => [stage, { start: move(r.start), end: move(r.end) }]),
  );
  const doc: StoredSelection = {
    ...METRO,
    ...INITIAL_PROCESS,
    instansiId: METRO_ID,
    instansiName: INSTANSI["kota-metro"]!.name,
    stage: "persiapan",
    public: false,
    announcedAt: null,
    schedule,
    ...changes,
  };
  await selectionRef(id).set(doc);
  return id;
}

const save = (who: User, selectionId: string, baseRevision: number, part: unknown, requestId = newRequestId()) =>
  call<{ revision: number }>("saveSetup", { selectionId, baseRevision, part, requestId }, who.idToken);

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(METRO_ID).set(INSTANSI["kota-metro"]!);
  await db.collection(COLLECTIONS.instansi).doc(OTHER_ID).set(INSTANSI["kota-pontianak"]!);
  const metro = { instansi: METRO_ID, roles: ["operator" as const] };
  [operator, colleague, sekda, otherOperator] = await Promise.all([
    accounts.user("operator", "Dewi Lestari, S.Sos.", metro),
    accounts.user("colleague", "Rudi Hartono, S.Kom.", metro),
    accounts.user("sekda", "Drs. H. Bambang Irawan, M.M.", { instansi: METRO_ID, roles: ["pejabat"] }),
    accounts.user("other", "Yohanes Kristianto, S.Kom.", { instansi: OTHER_ID, roles: ["operator"] }),
  ]);
});

afterAll(async () => {
  await deleteSelectionsOf([METRO_ID, OTHER_ID]);
  await accounts.deleteAll();
});

describe("saveSetup", () => {
  it("saves a part, bumps the revision, derives panselUids and audits the save", async () => {
    const id = await selection();
    const pansel = METRO.pansel.map((m, i) => (i === 0 ? { ...m, uid: colleague.uid } : m));

    const answer = resultOf(
      await save(operator, id, 0, { title: "Seleksi Terbuka JPT Pratama Kota Metro 2025", pansel }),
    );

    expect(answer).toEqual({ revision: 1 });
    const after = await stored(id);
    expect(after).toMatchObject({
      title: "Seleksi Terbuka JPT Pratama Kota Metro 2025",
      setupRevision: 1,
      auditSeq: 1,
    });
    expect(after.panselUids).toEqual([colleague.uid]);
    expect((await auditOf(id)).map((e) => [e.action, e.reason])).toEqual([["saveSetup", "title, pansel"]]);
  });

  it("refuses a malformed setup with the field named, and changes nothing", async () => {
    const id = await selection();
    const before = await snapshotOf(id);

    const posts = await save(operator, id, 0, { posts: ["x"] });
    const contact = await save(operator, id, 0, {
      contact: { name: "x".repeat(1_048_576), phone: "", email: "", address: "" },
    });

    expect(failureOf(posts).status).toBe("INVALID_ARGUMENT");
    expect(posts.ok ? [] : posts.issues.map((i) => i.field)).toContain("part.posts.0");
    expect(failureOf(contact).status).toBe("INVALID_ARGUMENT");
    expect(contact.ok ? [] : contact.issues.map((i) => i.field)).toContain("part.contact.name");
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses a save based on an old revision and sends back the current setup and revision", async () => {
    const id = await selection();
    resultOf(await save(colleague, id, 0, { openTo: "PNS se-Provinsi Lampung" }));

    const stale = await save(operator, id, 0, { openTo: "PNS se-Indonesia" });

    expect(failureOf(stale)).toEqual({ status: "ABORTED", codes: ["err.setup.staleRevision"] });
    const current = stale.ok
      ? undefined
      : (stale.details?.["current"] as { revision: number; setup: { openTo: string } });
    expect(current?.revision).toBe(1);
    expect(current?.setup.openTo).toBe("PNS se-Provinsi Lampung");
    expect((await stored(id)).openTo).toBe("PNS se-Provinsi Lampung");
    // Keeping their version after seeing the difference: a save on the current revision.
    expect(resultOf(await save(operator, id, 1, { openTo: "PNS se-Indonesia" }))).toEqual({ revision: 2 });
  });

  it("answers a retried save with its first answer, even after the revision moved on", async () => {
    const id = await selection();
    const requestId = newRequestId();
    resultOf(await save(operator, id, 0, { openTo: "PNS se-Provinsi Lampung" }, requestId));
    const again = await save(operator, id, 0, { openTo: "PNS se-Provinsi Lampung" }, requestId);
    expect(resultOf(again)).toEqual({ revision: 1 });
    expect((await stored(id)).setupRevision).toBe(1);
  });

  it("refuses saves while a proposal is pending, so the Sekda approves what they reviewed", async () => {
    const id = await selection();
    const proposal = await call<{ proposalId: string }>(
      "proposeStage",
      { selectionId: id, to: "pendaftaran", requestId: newRequestId() },
      operator.idToken,
    );
    resultOf(proposal);
    const before = await snapshotOf(id);

    const frozen = failureOf(await save(operator, id, 0, { title: "Judul yang diubah diam-diam" }));

    expect(frozen).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.frozen"] });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses a late save after the preparation stage closed", async () => {
    const id = await selection({ stage: "pendaftaran", public: true, announcedAt: new Date().toISOString() });

    const late = failureOf(await save(operator, id, 0, { title: "Ditulis luring sebelum pengumuman" }));

    expect(late).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.closed"] });
    expect((await stored(id)).title).toBe(METRO.title);
  });

  it("refuses another government's operator and a pejabat", async () => {
    const id = await selection();
    expect(failureOf(await save(otherOperator, id, 0, { title: "Diambil alih" })).codes).toEqual([
      "err.selection.otherInstansi",
    ]);
    expect(failureOf(await save(sekda, id, 0, { title: "Diubah Sekda" })).codes).toEqual(["err.role.operatorOnly"]);
  });
});

describe("a damaged stored selection", () => {
  it("is reported with the damaged field instead of INTERNAL, stays listed, and saving the field repairs it", async () => {
    const id = await selection();
    await selectionRef(id).update({ posts: ["x"] });

    const proposal = await call(
      "proposeStage",
      { selectionId: id, to: "pendaftaran", requestId: newRequestId() },
      operator.idToken,
    );

    expect(proposal.ok).toBe(false);
    if (proposal.ok) return;
    expect(proposal.status).toBe("FAILED_PRECONDITION");
    expect(proposal.issues.map((i) => [i.code, i.field])).toContainEqual(["err.setup.corrupt", "posts.0"]);
    // The operator's list query still returns it (the web shows it as damaged).
    const listed = await db.collection(COLLECTIONS.selections).where("instansiId", "==", METRO_ID).get();
    expect(listed.docs.map((d) => d.id)).toContain(id);
    // The wizard repairs it by saving the field.
    expect(resultOf(await save(operator, id, 0, { posts: METRO.posts }))).toEqual({ revision: 1 });
    expect((await stored(id)).posts).toEqual(METRO.posts);
  });
});

describe("deleteDraft", () => {
  it("deletes a draft in preparation with its timeline", async () => {
    const id = await selection();
    resultOf(await save(operator, id, 0, { openTo: "PNS se-Provinsi Lampung" }));

    expect(
      resultOf(await call("deleteDraft", { selectionId: id, requestId: newRequestId() }, operator.idToken)),
    ).toEqual({
      deleted: true,
    });

    expect((await selectionRef(id).get()).exists).toBe(false);
    expect((await selectionRef(id).collection(COLLECTIONS.audit).get()).size).toBe(0);
  });

  it("answers a retry of the same request (its answer lost) with the same success, another request not-found", async () => {
    const id = await selection();
    const requestId = newRequestId();
    const first = await call("deleteDraft", { selectionId: id, requestId }, operator.idToken);
    const retry = await call("deleteDraft", { selectionId: id, requestId }, operator.idToken);
    const colleagueRetry = await call("deleteDraft", { selectionId: id, requestId }, colleague.idToken);
    const another = await call("deleteDraft", { selectionId: id, requestId: newRequestId() }, operator.idToken);

    expect(resultOf(first)).toEqual({ deleted: true });
    expect(resultOf(retry)).toEqual({ deleted: true });
    // The remembered answer is the requester's only; anyone else learns the draft is gone.
    expect(failureOf(colleagueRetry)).toEqual({ status: "NOT_FOUND", codes: ["err.selection.notFound"] });
    expect(failureOf(another)).toEqual({ status: "NOT_FOUND", codes: ["err.selection.notFound"] });
  });

  it("refuses a draft whose proposal is pending, and one already announced", async () => {
    const pendingId = await selection();
    resultOf(
      await call(
        "proposeStage",
        { selectionId: pendingId, to: "pendaftaran", requestId: newRequestId() },
        operator.idToken,
      ),
    );
    const announcedId = await selection({ stage: "pendaftaran", public: true, announcedAt: new Date().toISOString() });

    const pending = await call("deleteDraft", { selectionId: pendingId, requestId: newRequestId() }, operator.idToken);
    const announced = await call(
      "deleteDraft",
      { selectionId: announcedId, requestId: newRequestId() },
      operator.idToken,
    );

    expect(failureOf(pending)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.deletePending"] });
    expect(failureOf(announced)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.setup.closed"] });
    expect((await selectionRef(pendingId).get()).exists).toBe(true);
    expect((await selectionRef(announcedId).get()).exists).toBe(true);
  });
});
