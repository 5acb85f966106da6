/**
 * Operators verify submitted applications, through the functions emulator as a phone calls them:
 * reviewApplicationDocument, decideApplication, confirmApplicationDecision. Every caller who must be
 * refused is (a candidate, the pansel, the pejabat, another government's operator), and so is every
 * forged state (a draft, TMS without a reason, a replay, a second decision); the unverified count is
 * written only through these callables, and the seleksiAdministrasi → pengumumanAdministrasi gate
 * reads it. Applications are written with the Admin SDK as the submit function leaves them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StaffRole } from "../../functions/src/domain/roles.js";
import type { ApplicationReview, StoredApplication } from "../../functions/src/domain/applications/application.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { call, uniqueSuffix } from "../support/callables.js";
import {
  auditOf,
  deleteSelectionsOf,
  failureOf,
  newRequestId,
  resultOf,
  stored,
  staffAccounts,
  wibDate,
  type User,
} from "../support/process.js";
import { acceptedDocument, submittedApplication, writeApplication } from "../support/applications.js";

const RUN = uniqueSuffix();
const METRO_ID = `kota-metro-ver-${RUN}`;
const OTHER_ID = `kota-pontianak-ver-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const accounts = staffAccounts(`ver.${RUN}`);

let operator: User;
let operator2: User;
let sekda: User;
let pansel: User;
let candidate: User;
let otherOperator: User;

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(METRO_ID).set(INSTANSI["kota-metro"]!);
  await db.collection(COLLECTIONS.instansi).doc(OTHER_ID).set(INSTANSI["kota-pontianak"]!);
  const metro = (roles: StaffRole[]) => ({ instansi: METRO_ID, roles });
  [operator, operator2, sekda, pansel, candidate, otherOperator] = await Promise.all([
    accounts.user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
    accounts.user("operator-2", "Rina Marlina, S.E.", metro(["operator"])),
    accounts.user("sekda", "Drs. H. Bambang Irawan, M.M.", metro(["pejabat"])),
    accounts.user("pansel", "Prof. Dr. Sutarno", metro(["pansel"])),
    accounts.user("peserta", "Drs. Ahmad Fauzi, M.Si."),
    accounts.user("operator-other", "Yohanes Kristianto, S.Kom.", { instansi: OTHER_ID, roles: ["operator"] }),
  ]);
  // Each callable's first call starts its function in the emulator, which on a busy machine takes
  // longer than a test's timeout: start them here, under the hook's longer one.
  await Promise.all(
    ["reviewApplicationDocument", "decideApplication", "confirmApplicationDecision"].map((name) => call(name, {})),
  );
});

afterAll(async () => {
  const apps = await db.collection(COLLECTIONS.applications).where("instansiId", "==", METRO_ID).get();
  await Promise.all(apps.docs.map((d) => db.recursiveDelete(d.ref)));
  await deleteSelectionsOf([METRO_ID]);
  await Promise.all([METRO_ID, OTHER_ID].map((id) => db.collection(COLLECTIONS.instansi).doc(id).delete()));
  await accounts.deleteAll();
});

// ---- data -----------------------------------------------------------------------------------------

let counter = 0;
const DOCS = {
  "sk-pangkat": acceptedDocument("file-sk", "sk-pangkat.pdf", "application/pdf"),
  "pas-foto": acceptedDocument("file-foto", "foto.jpg", "image/jpeg"),
};

/**
 * Metro in `stage` with `submitted` applications (and `drafts`), the unverified count as the
 * submit function keeps it. Registration ended yesterday.
 */
async function selectionWith(
  submitted: number,
  { drafts = 0, stage = "seleksiAdministrasi", secondVerifier = false, registrationEnd = wibDate(-1) } = {},
): Promise<{ id: string; apps: string[]; draftIds: string[] }> {
  const id = `${METRO_ID}-sel-${++counter}`;
  const doc: StoredSelection = {
    ...METRO,
    instansiId: METRO_ID,
    stage: stage as StoredSelection["stage"],
    public: true,
    announcedAt: "2025-01-06T01:00:00.000Z",
    schedule: { ...METRO.schedule, pendaftaran: { start: wibDate(-20), end: registrationEnd } },
    secondVerifier,
    panselUids: [pansel.uid],
    counts: { ...ZERO_COUNTS, unverifiedApplications: submitted },
  };
  await db.collection(COLLECTIONS.selections).doc(id).set(doc);
  const write = async (i: number, status: "submitted" | "draft") => {
    const app = submittedApplication({
      instansiId: METRO_ID,
      selectionId: id,
      postId: "bappeda",
      postName: "Kepala Badan Perencanaan Pembangunan Daerah",
      candidateUid: `cand-${status}-${i}`,
      candidateName: `Calon ${i}`,
      status,
      submittedAt: new Date(Date.UTC(2021, 9, 1, 2, i)).toISOString(),
      documents: DOCS,
    });
    await writeApplication(db, app);
    return app.id;
  };
  const apps = await Promise.all(Array.from({ length: submitted }, (_, i) => write(i, "submitted")));
  const draftIds = await Promise.all(Array.from({ length: drafts }, (_, i) => write(i, "draft")));
  return { id, apps, draftIds };
}

const appRef = (id: string) => db.collection(COLLECTIONS.applications).doc(id);
const reviewOf = async (id: string) =>
  (await appRef(id).collection(COLLECTIONS.review).doc("main").get()).data() as ApplicationReview | undefined;
const unverified = async (selectionId: string) => (await stored(selectionId)).counts.unverifiedApplications;

function reviewDoc(
  who: User,
  applicationId: string,
  documentType: string,
  result: string,
  reason = "",
  requestId = newRequestId(),
) {
  return call<{ documentType: string; result: string }>(
    "reviewApplicationDocument",
    { applicationId, documentType, result, reason, requestId },
    who.idToken,
  );
}
function decideApp(
  who: User,
  applicationId: string,
  decision: string,
  reasons: string[] = [],
  requestId = newRequestId(),
) {
  return call<{ decision: string; counted: boolean }>(
    "decideApplication",
    { applicationId, decision, reasons, requestId },
    who.idToken,
  );
}
function confirmApp(who: User, applicationId: string, requestId = newRequestId()) {
  return call<{ confirmed: true; counted: boolean }>(
    "confirmApplicationDecision",
    { applicationId, requestId },
    who.idToken,
  );
}
async function allValid(who: User, applicationId: string) {
  for (const type of Object.keys(DOCS)) resultOf(await reviewDoc(who, applicationId, type, "valid"));
}

// ---- who may verify -------------------------------------------------------------------------------

describe("who may verify", () => {
  let sel: { id: string; apps: string[] };
  beforeAll(async () => {
    sel = await selectionWith(1);
  });

  it.each([
    ["a candidate", () => candidate],
    ["a pansel member", () => pansel],
    ["the pejabat (Sekda)", () => sekda],
  ])("refuses %s: operators only, nothing written", async (_, who) => {
    const app = sel.apps[0]!;
    expect(failureOf(await reviewDoc(who(), app, "sk-pangkat", "valid"))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.role.operatorOnly"],
    });
    expect(failureOf(await decideApp(who(), app, "tms", ["x"]))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.role.operatorOnly"],
    });
    expect(failureOf(await confirmApp(who(), app))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.role.operatorOnly"],
    });
    expect(await reviewOf(app)).toBeUndefined();
    expect(await unverified(sel.id)).toBe(1);
  });

  it("refuses an operator of another government, and an unsigned caller", async () => {
    const app = sel.apps[0]!;
    expect(failureOf(await decideApp(otherOperator, app, "tms", ["x"]))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.selection.otherInstansi"],
    });
    expect(failureOf(await reviewDoc(otherOperator, app, "sk-pangkat", "valid")).status).toBe("PERMISSION_DENIED");
    const anonymous = await call("decideApplication", {
      applicationId: app,
      decision: "ms",
      requestId: newRequestId(),
    });
    expect(failureOf(anonymous).status).toBe("UNAUTHENTICATED");
    expect(await reviewOf(app)).toBeUndefined();
    expect(await auditOf(sel.id)).toEqual([]);
  });

  it("an application that does not exist is not found", async () => {
    expect(failureOf(await decideApp(operator, `${sel.id}_bappeda_nobody`, "tms", ["x"]))).toEqual({
      status: "NOT_FOUND",
      codes: ["err.verify.notFound"],
    });
  });
});

// ---- what may be verified -------------------------------------------------------------------------

describe("what may be verified", () => {
  it("refuses a draft: the candidate's still", async () => {
    const sel = await selectionWith(0, { drafts: 1 });
    const draft = sel.draftIds[0]!;
    expect(failureOf(await reviewDoc(operator, draft, "sk-pangkat", "valid"))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.verify.notSubmitted"],
    });
    expect(failureOf(await decideApp(operator, draft, "tms", ["Belum lengkap"]))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.verify.notSubmitted"],
    });
    expect((await appRef(draft).get()).get("reviewed")).toBe(false);
    expect(await unverified(sel.id)).toBe(0);
  });

  it("refuses TMS without a reason, an invalid document without one, and MS before the documents are valid", async () => {
    const sel = await selectionWith(1);
    const app = sel.apps[0]!;
    expect(failureOf(await decideApp(operator, app, "tms", []))).toEqual({
      status: "INVALID_ARGUMENT",
      codes: ["err.verify.tmsReasonRequired"],
    });
    expect(failureOf(await reviewDoc(operator, app, "pas-foto", "invalid", "  "))).toEqual({
      status: "INVALID_ARGUMENT",
      codes: ["err.verify.reasonRequired"],
    });
    expect(failureOf(await decideApp(operator, app, "ms"))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.verify.documentsNotValid"],
    });
    expect(await reviewOf(app)).toBeUndefined();
    expect(await unverified(sel.id)).toBe(1);
  });

  it("opens in pendaftaran only after registration has closed by the server's clock", async () => {
    const open = await selectionWith(1, { stage: "pendaftaran", registrationEnd: wibDate(2) });
    expect(failureOf(await decideApp(operator, open.apps[0]!, "tms", ["x"]))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.verify.notOpen"],
    });
    const closed = await selectionWith(1, { stage: "pendaftaran", registrationEnd: wibDate(-1) });
    expect(resultOf(await decideApp(operator, closed.apps[0]!, "tms", ["SKP tidak ada"]))).toEqual({
      decision: "tms",
      counted: true,
    });
  });
});

// ---- a document's review --------------------------------------------------------------------------

describe("reviewing a document", () => {
  it("stores the file reviewed with who and when, and writes the timeline", async () => {
    const sel = await selectionWith(1);
    const app = sel.apps[0]!;
    expect(resultOf(await reviewDoc(operator, app, "pas-foto", "invalid", "Foto tidak jelas"))).toEqual({
      documentType: "pas-foto",
      result: "invalid",
    });
    const review = await reviewOf(app);
    expect(review).toMatchObject({
      instansiId: METRO_ID,
      selectionId: sel.id,
      verification: null,
      documents: {
        "pas-foto": { fileId: "file-foto", result: "invalid", reason: "Foto tidak jelas", byUid: operator.uid },
      },
    });
    expect(review?.documents["pas-foto"]?.byName).toBe(operator.name);
    const audit = await auditOf(sel.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: "reviewDocument",
        actor: { uid: operator.uid, name: operator.name, role: "operator" },
        reference: app,
        reason: "Calon 0 (Kepala Badan Perencanaan Pembangunan Daerah): foto.jpg invalid (Foto tidak jelas)",
      }),
    ]);
    // A document review does not verify the application.
    expect(await unverified(sel.id)).toBe(1);
    expect((await appRef(app).get()).get("reviewed")).toBe(false);
  });
});

// ---- deciding and counting ------------------------------------------------------------------------

describe("deciding MS/TMS and the unverified count", () => {
  it("the first decision counts once; a replay and a changed decision do not count again", async () => {
    const sel = await selectionWith(2);
    const [first, second] = sel.apps as [string, string];
    const requestId = newRequestId();
    expect(resultOf(await decideApp(operator, first, "tms", ["Ijazah S2 tidak dilampirkan"], requestId))).toEqual({
      decision: "tms",
      counted: true,
    });
    // The same request again (a phone retrying after a lost answer): the first answer, nothing changed.
    expect(resultOf(await decideApp(operator, first, "tms", ["Ijazah S2 tidak dilampirkan"], requestId))).toEqual({
      decision: "tms",
      counted: true,
    });
    expect(await unverified(sel.id)).toBe(1);
    expect((await auditOf(sel.id)).filter((e) => e.action === "verify")).toHaveLength(1);

    // Changed to MS by a colleague after the documents are valid: recorded, not counted twice.
    await allValid(operator2, first);
    expect(resultOf(await decideApp(operator2, first, "ms"))).toEqual({ decision: "ms", counted: false });
    expect(await unverified(sel.id)).toBe(1);
    const review = await reviewOf(first);
    expect(review?.verification).toMatchObject({
      decision: "ms",
      reasons: [],
      byUid: operator2.uid,
      byName: operator2.name,
    });
    const app = (await appRef(first).get()).data() as StoredApplication;
    // The candidate learns nothing before publication: the status stays submitted.
    expect(app).toMatchObject({ status: "submitted", reviewed: true, result: null });

    // The count reaches zero only with the last application decided.
    expect(await unverified(sel.id)).toBe(1);
    resultOf(await decideApp(operator, second, "tms", ["Pangkat kurang dari IV/a"]));
    expect(await unverified(sel.id)).toBe(0);
  });

  it("a request id reused for another action is refused", async () => {
    const sel = await selectionWith(1);
    const requestId = newRequestId();
    resultOf(await reviewDoc(operator, sel.apps[0]!, "pas-foto", "valid", "", requestId));
    expect(failureOf(await decideApp(operator, sel.apps[0]!, "tms", ["x"], requestId))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.request.reused"],
    });
    expect(await unverified(sel.id)).toBe(1);
  });
});

// ---- a second operator ----------------------------------------------------------------------------

describe("confirmation by a second operator", () => {
  it("with secondVerifier, counts at the confirmation of another operator; then the decision is final", async () => {
    const sel = await selectionWith(1, { secondVerifier: true });
    const app = sel.apps[0]!;
    expect(resultOf(await decideApp(operator, app, "tms", ["SKP 2020 tidak ada"]))).toEqual({
      decision: "tms",
      counted: false,
    });
    expect(await unverified(sel.id)).toBe(1);
    expect(failureOf(await confirmApp(operator, app))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.verify.sameOperator"],
    });
    expect(resultOf(await confirmApp(operator2, app))).toEqual({ confirmed: true, counted: true });
    expect(await unverified(sel.id)).toBe(0);
    expect((await reviewOf(app))?.verification).toMatchObject({
      decision: "tms",
      byUid: operator.uid,
      confirmedByUid: operator2.uid,
      confirmedByName: operator2.name,
    });
    expect(failureOf(await decideApp(operator, app, "tms", ["lain"]))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.verify.confirmed"],
    });
    expect(failureOf(await confirmApp(operator2, app)).codes).toEqual(["err.verify.confirmed"]);
    expect(await unverified(sel.id)).toBe(0);
  });

  it("confirming before any decision is refused", async () => {
    const sel = await selectionWith(1);
    expect(failureOf(await confirmApp(operator2, sel.apps[0]!))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.verify.notDecided"],
    });
  });
});

// ---- the gate -------------------------------------------------------------------------------------

describe("the gate seleksiAdministrasi → pengumumanAdministrasi reads the real count", () => {
  const propose = (selectionId: string) =>
    call<{ proposalId: string }>(
      "proposeStage",
      { selectionId, to: "pengumumanAdministrasi", requestId: newRequestId() },
      operator.idToken,
    );

  it("is refused while an application is unverified, and allowed once all are decided", async () => {
    const sel = await selectionWith(2);
    const [a, b] = sel.apps as [string, string];
    expect(failureOf(await propose(sel.id))).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.gate.unverified"] });
    await allValid(operator, a);
    resultOf(await decideApp(operator, a, "ms"));
    const refused = await propose(sel.id);
    expect(failureOf(refused).codes).toEqual(["err.gate.unverified"]);
    expect(refused.ok ? undefined : refused.issues[0]?.params).toEqual({ count: 1 });
    resultOf(await decideApp(operator2, b, "tms", ["Usia melebihi 56 tahun"]));
    expect(resultOf(await propose(sel.id))).toMatchObject({ proposalId: expect.any(String) });
    expect((await stored(sel.id)).pendingProposal).toMatchObject({ to: "pengumumanAdministrasi" });
  });
});
