/**
 * Applying and the final submission through the functions emulator, called over HTTP as a phone
 * calls them: every abuse the callables must refuse (another candidate's application, the deadline
 * by the server's clock, a cancelled post, the cap on posts, "open to", forged fields, replays,
 * missing or rejected documents), the counters the gates read changed with the lock, the
 * registration receipt, and two gates refusing because of real applications. The upload check that
 * fills an application's checklist is another function: its outcome is written here with the Admin SDK.
 */
import { FieldValue } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import {
  applicationId as applicationIdOf,
  type ApplicationDocument,
  type StoredApplication,
} from "../../functions/src/domain/applications/application.js";
import type { Schedule } from "../../functions/src/domain/selection/setup.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { documentRecord } from "../../functions/src/domain/documents/record.js";
import { calendarDate } from "../../functions/src/domain/calendar.js";
import { checkEligibility } from "../../functions/src/domain/eligibility/check.js";
import { profileById } from "../../functions/src/domain/regulation/profiles.js";
import { candidateProfile } from "../../functions/src/domain/schemas/profile.js";
import { readFile } from "../../functions/src/files/chunks.js";
import { FAUZI_INPUT } from "../fixtures/metro2021Profile.js";
import { db } from "../support/admin.js";
import { call, uniqueSuffix } from "../support/callables.js";
import {
  deleteSelectionsOf,
  failureOf,
  newRequestId,
  resultOf,
  selectionRef,
  staffAccounts,
  stored,
  wibDate,
  type User,
} from "../support/process.js";

const RUN = uniqueSuffix();
const METRO_ID = `kota-metro-app-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const METRO_INSTANSI = INSTANSI["kota-metro"]!;
const [BAPPEDA, BPBD] = ["bappeda", "bpbd"];
const DAY_MS = 86_400_000;

/** Metro's 2021 schedule moved so that its registration ends `offset` days from today (WIB). */
function scheduleEnding(offset: number): Schedule {
  const shift = Math.round((Date.parse(wibDate(offset)) - Date.parse(METRO.schedule.pendaftaran!.end)) / DAY_MS);
  const move = (iso: string) => new Date(Date.parse(iso) + shift * DAY_MS).toISOString().slice(0, 10);
  return Object.fromEntries(
    Object.entries(METRO.schedule).map(([stage, range]) => [stage, { start: move(range.start), end: move(range.end) }]),
  );
}

const accounts = staffAccounts(`app.${RUN}`);
let operator: User;

let counter = 0;
/** Metro 2021 in registration (ends in five days), open to ASN of Lampung, one post per candidate. */
async function selection(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = `${METRO_ID}-sel-${++counter}`;
  const doc: StoredSelection = {
    ...METRO,
    instansiId: METRO_ID,
    instansiName: METRO_INSTANSI.name,
    stage: "pendaftaran",
    public: true,
    announcedAt: "2025-01-06T01:00:00.000Z",
    schedule: scheduleEnding(5),
    panselUids: [],
    counts: ZERO_COUNTS,
    openToRule: { scope: "province", province: "Lampung", conditions: [] },
    maxPostsPerCandidate: 1,
    ...changes,
  };
  await selectionRef(id).set(doc);
  return id;
}

/** A candidate account with a full profile (Fauzi's), NIP confirmed, and any changes. */
async function candidate(who: string, profile: Record<string, unknown> = {}): Promise<User> {
  const user = await accounts.user(`${who}-${++counter}`, FAUZI_INPUT.name);
  await db
    .collection(COLLECTIONS.profiles)
    .doc(user.uid)
    .set({
      ...FAUZI_INPUT,
      nip: "197203151998031004",
      email: "peserta@metrokota.demo",
      serviceStart: "1998-03",
      sex: "L",
      nipStatus: "confirmed",
      ...profile,
    });
  return user;
}

function apply(who: User, selectionId: string, postId: string, extra: Record<string, unknown> = {}) {
  return call<{ applicationId: string; status: string; warnings: { code: string }[] }>(
    "applyToPost",
    { selectionId, postId, requestId: newRequestId(), ...extra },
    who.idToken,
  );
}

interface SubmitAnswer {
  applicationId: string;
  submittedAt: string;
  receipt: { documentId: string; number: string; fileId: string; fileName: string } | null;
}
function submit(who: User, applicationId: string, requestId = newRequestId()) {
  return call<SubmitAnswer>("submitApplication", { applicationId, requestId }, who.idToken);
}

const appRef = (id: string) => db.collection(COLLECTIONS.applications).doc(id);
const application = async (id: string) => (await appRef(id).get()).data() as StoredApplication | undefined;

function file(id: string, status: ApplicationDocument["status"]): ApplicationDocument {
  return {
    fileId: `${id}-${RUN}`,
    fileName: `${id}.pdf`,
    mimeType: "application/pdf",
    size: 2048,
    status,
    rejection:
      status === "rejected" ? { code: "err.upload.typeMismatch", params: { declared: "PDF", detected: "EXE" } } : null,
  };
}

/** What the upload check leaves when every required document of the post passed it. */
async function acceptAll(
  applicationId: string,
  postId: string,
  except: Record<string, ApplicationDocument | null> = {},
) {
  const post = METRO.posts.find((p) => p.id === postId)!;
  const documents: Record<string, ApplicationDocument> = {};
  for (const r of post.requirements.documents) {
    if (!r.required) continue;
    const replaced = except[r.id];
    if (replaced === null) continue;
    documents[r.id] = replaced ?? file(r.id, "accepted");
  }
  await appRef(applicationId).update({ documents });
}

/** A draft as applyToPost leaves it, for states the callables cannot reach in a test (past deadlines). */
async function applied(who: User, selectionId: string, postId = BAPPEDA): Promise<string> {
  return resultOf(await apply(who, selectionId, postId)).applicationId;
}

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(METRO_ID).set(METRO_INSTANSI);
  operator = await accounts.user("operator", "Dewi Lestari, S.Sos.", { instansi: METRO_ID, roles: ["operator"] });
});

afterAll(async () => {
  await deleteSelectionsOf([METRO_ID]);
  const apps = await db.collection(COLLECTIONS.applications).where("instansiId", "==", METRO_ID).get();
  await Promise.all(apps.docs.map((d) => d.ref.delete()));
  const docs = await db.collection(COLLECTIONS.documents).where("instansiId", "==", METRO_ID).get();
  await Promise.all(docs.docs.map((d) => db.recursiveDelete(d.ref)));
  const files = await db.collection(COLLECTIONS.files).where("instansiId", "==", METRO_ID).get();
  await Promise.all(files.docs.map((d) => db.recursiveDelete(d.ref)));
  await db.recursiveDelete(db.collection(COLLECTIONS.instansi).doc(METRO_ID));
  await accounts.deleteAll();
});

describe("applyToPost", { timeout: 60_000 }, () => {
  it("creates the candidate's draft under the derived id; applying again returns the same application", async () => {
    const id = await selection();
    const ani = await candidate("ani");
    const first = resultOf(await apply(ani, id, BAPPEDA));
    const expectedId = applicationIdOf(id, BAPPEDA, ani.uid);
    expect(first).toEqual({ applicationId: expectedId, status: "draft", warnings: [] });
    expect(await application(expectedId)).toMatchObject({
      instansiId: METRO_ID,
      selectionId: id,
      postId: BAPPEDA,
      postName: METRO.posts.find((p) => p.id === BAPPEDA)!.name,
      candidateUid: ani.uid,
      nip: "197203151998031004",
      status: "draft",
      documents: {},
      receipt: null,
    });
    const createdAt = (await application(expectedId))!.createdAt;
    expect(resultOf(await apply(ani, id, BAPPEDA))).toEqual({
      applicationId: expectedId,
      status: "draft",
      warnings: [],
    });
    expect((await application(expectedId))!.createdAt).toBe(createdAt);
  });

  it("ignores forged fields: the caller, the status and the documents are the server's", async () => {
    const id = await selection();
    const [ani, budi] = [await candidate("ani"), await candidate("budi")];
    const forged = { candidateUid: budi.uid, status: "submitted", documents: { ijazah: file("ijazah", "accepted") } };
    const answer = resultOf(await apply(ani, id, BAPPEDA, forged));
    expect(answer.applicationId).toBe(applicationIdOf(id, BAPPEDA, ani.uid));
    expect(await application(answer.applicationId)).toMatchObject({
      candidateUid: ani.uid,
      status: "draft",
      documents: {},
    });
    const malformed = await call(
      "applyToPost",
      { selectionId: "../selections/x", postId: BAPPEDA, requestId: newRequestId() },
      ani.idToken,
    );
    expect(failureOf(malformed).status).toBe("INVALID_ARGUMENT");
  });

  it("refuses without a sign-in and without a confirmed NIP", async () => {
    const id = await selection();
    expect(
      failureOf(await call("applyToPost", { selectionId: id, postId: BAPPEDA, requestId: newRequestId() })).status,
    ).toBe("UNAUTHENTICATED");
    for (const nipStatus of ["pending", "taken", "released"]) {
      const who = await candidate("pending", { nipStatus });
      expect(failureOf(await apply(who, id, BAPPEDA))).toEqual({
        status: "FAILED_PRECONDITION",
        codes: ["err.apply.nipNotConfirmed"],
      });
      expect(await application(applicationIdOf(id, BAPPEDA, who.uid))).toBeUndefined();
    }
  });

  it("refuses after the deadline by the server's clock, and before registration opens", async () => {
    const ani = await candidate("ani");
    const closed = await selection({ schedule: scheduleEnding(-1) });
    expect(failureOf(await apply(ani, closed, BAPPEDA))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.apply.closed"],
    });
    const later = await selection({ stage: "seleksiAdministrasi" });
    expect(failureOf(await apply(ani, later, BAPPEDA)).codes).toEqual(["err.apply.closed"]);
    // In preparation the selection is not public: it does not exist for a candidate.
    const draft = await selection({ stage: "persiapan", public: false, announcedAt: null });
    expect(failureOf(await apply(ani, draft, BAPPEDA))).toEqual({
      status: "NOT_FOUND",
      codes: ["err.selection.notFound"],
    });
    for (const sel of [closed, later, draft]) {
      expect(await application(applicationIdOf(sel, BAPPEDA, ani.uid))).toBeUndefined();
    }
  });

  it("refuses a cancelled post and a post the selection does not have", async () => {
    const id = await selection({ postDecisions: { [BPBD]: "cancelPost" } });
    const ani = await candidate("ani");
    expect(failureOf(await apply(ani, id, BPBD)).codes).toEqual(["err.apply.postCancelled"]);
    expect(failureOf(await apply(ani, id, "sekda")).codes).toEqual(["err.apply.noPost"]);
    // A post that continues after the last extension still takes applications.
    const continuing = await selection({ postDecisions: { [BPBD]: "continueWithDecision" } });
    expect(resultOf(await apply(ani, continuing, BPBD)).status).toBe("draft");
  });

  it("refuses more posts than the selection allows per candidate", async () => {
    const ani = await candidate("ani");
    const one = await selection();
    await applied(ani, one, BAPPEDA);
    expect(failureOf(await apply(ani, one, BPBD))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.apply.tooManyPosts"],
    });
    const two = await selection({ maxPostsPerCandidate: 2 });
    await applied(ani, two, BAPPEDA);
    await applied(ani, two, BPBD);
    expect(failureOf(await apply(ani, two, "dpkp")).codes).toEqual(["err.apply.tooManyPosts"]);
  });

  it("refuses a candidate of another province; one whose profile does not say is let through with a warning", async () => {
    const id = await selection();
    const bengkulu = await candidate("bengkulu", { province: "Bengkulu" });
    expect(failureOf(await apply(bengkulu, id, BAPPEDA))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.apply.notOpenTo"],
    });
    const unsaid = await candidate("unsaid");
    await db.collection(COLLECTIONS.profiles).doc(unsaid.uid).update({ province: FieldValue.delete() });
    const answer = resultOf(await apply(unsaid, id, BAPPEDA));
    expect(answer.warnings.map((w) => w.code)).toEqual(["elig.openTo.provinceMissing"]);
  });
});

describe("submitApplication", { timeout: 90_000 }, () => {
  it("locks the draft, keeps the profile and the eligibility, counts it once, and issues the receipt", async () => {
    const id = await selection();
    const ani = await candidate("ani");
    const appId = await applied(ani, id);
    await acceptAll(appId, BAPPEDA);
    const requestId = newRequestId();

    const answer = resultOf(await submit(ani, appId, requestId));

    const app = (await application(appId))!;
    expect(app).toMatchObject({ status: "submitted", submittedAt: answer.submittedAt, reviewed: false });
    expect(app.profile).toMatchObject({ nip: "197203151998031004", province: "Lampung" });
    // The advisory check at the selection's reference date, as the phone computes it.
    const profile = candidateProfile().parse({ ...FAUZI_INPUT, nip: "197203151998031004" });
    const post = METRO.posts.find((p) => p.id === BAPPEDA)!;
    const expected = checkEligibility(
      profile,
      post,
      profileById(METRO.regulationProfileId)!,
      calendarDate(METRO.referenceDate),
    );
    expect(app.eligibility).toEqual(expected.map((r) => ({ ...r, params: { ...r.params } })));
    expect((await stored(id)).counts).toEqual({
      ...ZERO_COUNTS,
      applicantsPerPost: { [BAPPEDA]: 1 },
      unverifiedApplications: 1,
    });

    // The receipt: numbered, valid, its PDF the candidate's own file with a QR code to /verifikasi.
    expect(answer.receipt).not.toBeNull();
    const receipt = answer.receipt!;
    expect(receipt.number).toMatch(/^\d{3}\/TB\/PANSEL-JPT\/.+\/\d{4}$/);
    const record = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(receipt.documentId).get()).data(),
    );
    // The application says when the PDF is stored, with its hash: the phone offers the download then.
    expect(app.receipt).toEqual({ documentId: receipt.documentId, number: receipt.number, sha256: record.sha256 });
    expect(record).toMatchObject({ kind: "tandaBukti", status: "valid", selectionId: id, number: receipt.number });
    const meta = (await db.collection(COLLECTIONS.files).doc(receipt.fileId).get()).data()!;
    expect(meta).toMatchObject({ ownerUid: ani.uid, selectionId: id, complete: true, sha256: record.sha256 });
    expect(meta["extra"]?.["public"]).toBeUndefined();
    // It names its application: the rules let a pansel member read it only as they may that application.
    expect(meta["extra"]?.["applicationId"]).toBe(appId);
    const pdf = await readFile(db, receipt.fileId);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Replays, with the same request id and with a new one: the same lock, counted once, same receipt.
    for (const again of [requestId, newRequestId()]) {
      const replay = resultOf(await submit(ani, appId, again));
      expect(replay).toEqual(answer);
    }
    expect((await stored(id)).counts.unverifiedApplications).toBe(1);
    expect((await stored(id)).counts.applicantsPerPost).toEqual({ [BAPPEDA]: 1 });
  });

  it("counts two submissions at the same moment as two, and one submitted twice at once as one", async () => {
    const id = await selection();
    const [ani, budi] = [await candidate("ani"), await candidate("budi")];
    const apps = [await applied(ani, id), await applied(budi, id)];
    await Promise.all(apps.map((a) => acceptAll(a, BAPPEDA)));
    const calls = [
      { who: ani, app: apps[0]!, requestId: newRequestId() },
      { who: budi, app: apps[1]!, requestId: newRequestId() },
      { who: ani, app: apps[0]!, requestId: newRequestId() },
    ];
    const first = await Promise.all(calls.map((c) => submit(c.who, c.app, c.requestId)));
    // The emulator may fail to start a second worker under load; a phone retries with the same id.
    for (const [i, answer] of first.entries()) {
      if (!answer.ok) resultOf(await submit(calls[i]!.who, calls[i]!.app, calls[i]!.requestId));
    }
    expect((await stored(id)).counts).toEqual({
      ...ZERO_COUNTS,
      applicantsPerPost: { [BAPPEDA]: 2 },
      unverifiedApplications: 2,
    });
  }, 120_000);

  it("refuses another candidate's application and changes nothing", async () => {
    const id = await selection();
    const [ani, budi] = [await candidate("ani"), await candidate("budi")];
    const appId = await applied(ani, id);
    await acceptAll(appId, BAPPEDA);
    expect(failureOf(await submit(budi, appId))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.apply.notOwner"],
    });
    expect(failureOf(await submit(operator, appId)).codes).toEqual(["err.apply.notOwner"]);
    expect((await application(appId))!.status).toBe("draft");
    expect((await stored(id)).counts).toEqual(ZERO_COUNTS);
    expect(failureOf(await submit(ani, `${id}_${BAPPEDA}_nobody`))).toEqual({
      status: "NOT_FOUND",
      codes: ["err.apply.notFound"],
    });
  });

  it("names every required document missing, still being checked or rejected, and locks nothing", async () => {
    const id = await selection();
    const ani = await candidate("ani");
    const appId = await applied(ani, id);
    await acceptAll(appId, BAPPEDA, {
      ijazah: null,
      "sk-pangkat": file("sk-pangkat", "rejected"),
      skp: file("skp", "complete"),
    });
    const refused = await submit(ani, appId);
    expect(failureOf(refused)).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.submit.documentRejected", "err.submit.documentMissing", "err.submit.documentChecking"],
    });
    if (!refused.ok)
      expect(refused.issues.map((i) => i.field)).toEqual(["documents.sk-pangkat", "documents.ijazah", "documents.skp"]);
    expect((await application(appId))!.status).toBe("draft");
    expect((await stored(id)).counts).toEqual(ZERO_COUNTS);
    // Once the upload check accepts them, the same draft goes through.
    await acceptAll(appId, BAPPEDA);
    expect(resultOf(await submit(ani, appId)).receipt).not.toBeNull();
  });

  it("names the profile sections that block the lock", async () => {
    const id = await selection();
    const ani = await candidate("ani");
    const appId = await applied(ani, id);
    await acceptAll(appId, BAPPEDA);
    await db.collection(COLLECTIONS.profiles).doc(ani.uid).update({ posts: [], phone: FieldValue.delete() });
    const refused = await submit(ani, appId);
    expect(failureOf(refused).codes).toEqual(["err.submit.profileIncomplete", "err.submit.profileIncomplete"]);
    if (!refused.ok) expect(refused.issues.map((i) => i.field)).toEqual(["profile.posts", "profile.contact"]);
    expect((await application(appId))!.status).toBe("draft");
  });

  it("refuses a draft after the deadline by the server's clock and on a post cancelled meanwhile", async () => {
    const id = await selection();
    const ani = await candidate("ani");
    const appId = await applied(ani, id);
    await acceptAll(appId, BAPPEDA);
    await selectionRef(id).update({ "schedule.pendaftaran.end": wibDate(-1) });
    expect(failureOf(await submit(ani, appId))).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.apply.closed"] });
    await selectionRef(id).update({
      "schedule.pendaftaran.end": wibDate(3),
      postDecisions: { [BAPPEDA]: "cancelPost" },
    });
    expect(failureOf(await submit(ani, appId)).codes).toEqual(["err.apply.postCancelled"]);
    // Nothing the candidate saved is lost: the draft and its documents are still there.
    const app = (await application(appId))!;
    expect(app.status).toBe("draft");
    expect(Object.keys(app.documents).length).toBeGreaterThan(0);
    expect((await stored(id)).counts).toEqual(ZERO_COUNTS);
  });
});

describe("gates on real applications", { timeout: 90_000 }, () => {
  it("the minimum-applicants check at the end of registration reads the submitted applications", async () => {
    const id = await selection();
    const ani = await candidate("ani");
    const appId = await applied(ani, id);
    await acceptAll(appId, BAPPEDA);
    resultOf(await submit(ani, appId));
    // A second draft never submitted does not count.
    await applied(await candidate("budi"), id, BAPPEDA);
    await selectionRef(id).update({ "schedule.pendaftaran.end": wibDate(-1) });

    const proposed = await call(
      "proposeStage",
      { selectionId: id, to: "seleksiAdministrasi", requestId: newRequestId() },
      operator.idToken,
    );
    const refusal = failureOf(proposed);
    expect(refusal.status).toBe("FAILED_PRECONDITION");
    if (!proposed.ok) {
      const bappeda = proposed.issues.find((i) => i.field === `applicants.${BAPPEDA}`);
      expect(bappeda?.params).toMatchObject({ count: 1 });
      const bpbd = proposed.issues.find((i) => i.field === `applicants.${BPBD}`);
      expect(bpbd?.params).toMatchObject({ count: 0 });
    }
    const extended = await call<{ extensions: Record<string, number> }>(
      "extendRegistration",
      { selectionId: id, postIds: [BAPPEDA], requestId: newRequestId() },
      operator.idToken,
    );
    expect(resultOf(extended).extensions).toEqual({ [BAPPEDA]: 1 });
  });

  it("announcing the administrative result is refused while a submitted application is unverified", async () => {
    const id = await selection();
    const ani = await candidate("ani");
    const appId = await applied(ani, id);
    await acceptAll(appId, BAPPEDA);
    resultOf(await submit(ani, appId));
    // The approved move to administrative selection (its own gates are tested in process tests).
    await selectionRef(id).update({ stage: "seleksiAdministrasi" });

    const proposed = await call(
      "proposeStage",
      { selectionId: id, to: "pengumumanAdministrasi", requestId: newRequestId() },
      operator.idToken,
    );
    expect(failureOf(proposed)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.gate.unverified"] });
    if (!proposed.ok) expect(proposed.issues[0]?.params).toEqual({ count: 1 });
    expect((await stored(id)).pendingProposal).toBeNull();
  });
});
