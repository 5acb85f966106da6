/**
 * importAssessment through the functions emulator as the operator's screen calls it: an attacker's
 * attempts first (another government, the wrong role, a component the pansel scores, a cancelled or
 * unknown post, a file that is too large or not text), then the rows a real report gets wrong (NIPs
 * of nobody or of a TMS candidate, duplicates, words for numbers, totals above the maximum), and the
 * commit: nothing partial, no silent overwrite, a replay answers the first answer. Every refusal is
 * checked to leave the selection, its timeline and the imported results as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import {
  applicationId,
  storedApplication,
  type StoredApplication,
} from "../../functions/src/domain/applications/application.js";
import { storedImportedScore } from "../../functions/src/domain/scoring/assessmentImport.js";
import type { ImportAssessmentOutput } from "../../functions/src/domain/scoring/importRequest.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { call } from "../support/callables.js";
import { auditOf, newRequestId, resultOf, wibDate, type User } from "../support/process.js";
import { METRO, refusedUnchanged, scoringRun, stateOf } from "../support/scoringRun.js";

const run = scoringRun("imp");
const METRO_ID = run.metroId;
const POST = METRO.posts[0]!;
const OTHER_POST = METRO.posts[1]!;
const SOURCE_2019 = "UPT Penilaian Kompetensi BKD Provinsi Lampung, 2019";

let operator: User;
let pejabat: User;
let pansel: User;
let candidate: User;
let operatorPontianak: User;

const NIPS = {
  ani: "197806152003122001",
  budi: "197503102000031002",
  citra: "197011202005011003",
  tms: "198204172006041005",
  otherPost: "196912312000121006",
  nobody: "198805052010011007",
};

/** The 2021 plan with its assessment imported from the centre's report (a total out of 400). */
const PLAN = {
  ...METRO.scoringPlan,
  components: METRO.scoringPlan.components.map((c) => (c.id === "asesmen" ? { ...c, imported: { rawMax: 400 } } : c)),
};

async function selectionInAssessment(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = await run.selection({
    scoringPlan: PLAN,
    stage: "asesmenManajerial",
    panselUids: [pansel.uid],
    ...changes,
  });
  const app = (postId: string, uid: string, name: string, nip: string, status: "ms" | "tms"): StoredApplication =>
    storedApplication.parse({
      instansiId: METRO_ID,
      selectionId: id,
      postId,
      postName: METRO.posts.find((p) => p.id === postId)!.name,
      candidateUid: uid,
      candidateName: name,
      nip,
      status,
      createdAt: "2025-01-10T01:00:00.000Z",
      updatedAt: "2025-01-10T01:00:00.000Z",
    });
  const apps = [
    app(POST.id, "cand-ani", "Dr. Ani Rahmawati, S.E., M.Si.", NIPS.ani, "ms"),
    app(POST.id, "cand-budi", "Ir. Budi Santoso, M.T.", NIPS.budi, "ms"),
    app(POST.id, "cand-citra", "Citra Dewi Anggraini, S.H., M.H.", NIPS.citra, "ms"),
    app(POST.id, "cand-tms", "Hendra Gunawan, S.H.", NIPS.tms, "tms"),
    app(OTHER_POST.id, "cand-other", "Yusuf Prasetyo, S.T.", NIPS.otherPost, "ms"),
  ];
  await Promise.all(
    apps.map((a) =>
      db
        .collection(COLLECTIONS.applications)
        .doc(applicationId(id, a.postId, a.candidateUid))
        .set(a),
    ),
  );
  return id;
}

const appId = (selectionId: string, uid: string) => applicationId(selectionId, POST.id, uid);
const RECENT = wibDate(-60);

/** A good report: Indonesian spreadsheet (";" and a decimal comma), one result from 2019 (stale). */
const GOOD = [
  "NIP;Nama;Nilai;Tanggal;Sumber",
  `${NIPS.ani};Ani Rahmawati;312;${RECENT};UPT Penilaian Kompetensi BKD Provinsi Lampung`,
  `${NIPS.budi};Budi Santoso;287,5;${RECENT};UPT Penilaian Kompetensi BKD Provinsi Lampung`,
  `${NIPS.citra};Citra Dewi;301;14/08/2019;${SOURCE_2019}`,
].join("\n");

/** The same with one bad line (line 3: a word for the total). */
const ONE_BAD = ["NIP,Nilai", `${NIPS.ani},312`, `${NIPS.budi},tiga ratus`, `${NIPS.citra},301`].join("\n");

interface Input {
  selectionId: string;
  postId?: string;
  componentId?: string;
  csvText: string;
  mode: "preview" | "commit";
  skipRejected?: boolean;
  replace?: boolean;
  requestId?: string;
  defaults?: { date?: string; source?: string };
}

function importAs(who: User, input: Input) {
  return call<ImportAssessmentOutput>(
    "importAssessment",
    { postId: POST.id, componentId: "asesmen", requestId: newRequestId(), ...input },
    who.idToken,
  );
}

async function importedOf(selectionId: string) {
  const snap = await db.collection(COLLECTIONS.importedScores).where("selectionId", "==", selectionId).get();
  return new Map(snap.docs.map((d) => [d.id, storedImportedScore.parse(d.data())]));
}

/** Everything a refused or dry call must leave as it was. */
const storeOf = (selectionId: string) => stateOf(selectionId, COLLECTIONS.importedScores);

beforeAll(async () => {
  await run.createGovernments();
  const { accounts, metro } = run;
  [operator, pejabat, pansel, candidate, operatorPontianak] = await Promise.all([
    accounts.user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
    accounts.user("sekda", "Drs. H. Bambang Irawan, M.M.", metro(["pejabat"])),
    accounts.user("pansel", "Prof. Dr. Hartini Saleh, M.Si.", metro(["pansel"])),
    accounts.user("candidate", "Dr. Ani Rahmawati, S.E., M.Si."),
    accounts.user("operator-pontianak", "Yohanes Kristianto, S.Kom.", run.other(["operator"])),
  ]);
});

afterAll(() => run.removeAll([COLLECTIONS.applications, COLLECTIONS.importedScores]));

describe("who may import", () => {
  let selectionId: string;
  beforeAll(async () => {
    selectionId = await selectionInAssessment();
  });

  it("refuses another government's operator, without saying anything about the selection", async () => {
    for (const mode of ["preview", "commit"] as const) {
      const failure = await refusedUnchanged(
        () => storeOf(selectionId),
        () => importAs(operatorPontianak, { selectionId, csvText: GOOD, mode }),
      );
      expect(failure).toEqual({ status: "PERMISSION_DENIED", codes: ["err.selection.otherInstansi"] });
    }
  });

  it("refuses a pansel member, a pejabat and a candidate: importing is the operators'", async () => {
    for (const who of [pansel, pejabat, candidate]) {
      const failure = await refusedUnchanged(
        () => storeOf(selectionId),
        () => importAs(who, { selectionId, csvText: GOOD, mode: "commit", skipRejected: true }),
      );
      expect(failure).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.operatorOnly"] });
    }
  });

  it("refuses a signed-out caller", async () => {
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () =>
        call("importAssessment", {
          selectionId,
          postId: POST.id,
          componentId: "asesmen",
          csvText: GOOD,
          mode: "commit",
          requestId: newRequestId(),
        }),
    );
    expect(failure.codes).toEqual(["err.auth.required"]);
  });
});

describe("what may be imported", () => {
  let selectionId: string;
  beforeAll(async () => {
    selectionId = await selectionInAssessment({ postDecisions: { [OTHER_POST.id]: "cancelPost" } });
  });

  it("only an imported component of the plan: not one the pansel scores, not an unknown one", async () => {
    const pansel = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, componentId: "makalah", csvText: GOOD, mode: "preview" }),
    );
    expect(pansel.codes).toEqual(["err.import.notImported"]);
    const unknown = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, componentId: "psikotes", csvText: GOOD, mode: "commit" }),
    );
    expect(unknown.codes).toEqual(["err.import.noComponent"]);
  });

  it("only a post of the selection that is not cancelled", async () => {
    const unknown = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, postId: "dinas-entah", csvText: GOOD, mode: "preview" }),
    );
    expect(unknown.codes).toEqual(["err.import.noPost"]);
    const cancelled = await refusedUnchanged(
      () => storeOf(selectionId),
      () =>
        importAs(operator, { selectionId, postId: OTHER_POST.id, csvText: GOOD, mode: "commit", skipRejected: true }),
    );
    expect(cancelled.codes).toEqual(["err.import.postCancelled"]);
  });

  it("only between the administrative result and the ranking", async () => {
    const ranked = await selectionInAssessment({ stage: "pemeringkatan" });
    const failure = await refusedUnchanged(
      () => storeOf(ranked),
      () => importAs(operator, { selectionId: ranked, csvText: GOOD, mode: "commit" }),
    );
    expect(failure.codes).toEqual(["err.import.closed"]);
  });

  it("refuses a file over 1 MB with a clear error, before reading it", async () => {
    const big = GOOD + "\n" + `${NIPS.nobody};x;1;2020-01-01;${"x".repeat(200)}\n`.repeat(5000);
    expect(new TextEncoder().encode(big).length).toBeGreaterThan(1024 * 1024);
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, csvText: big, mode: "commit", skipRejected: true }),
    );
    expect(failure).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.import.tooLarge"] });
  });

  it("refuses a binary file (a spreadsheet sent as it is)", async () => {
    // The start of an .xlsx (a ZIP) as a browser's text reader renders its bytes.
    const xlsx = "PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000\uFFFD\uFFFD[Content_Types].xml";
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, csvText: xlsx, mode: "preview" }),
    );
    expect(failure).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.import.binary"] });
  });

  it("refuses a file without the NIP and Nilai columns", async () => {
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, csvText: `Nama;Skor\nAni;312`, mode: "preview" }),
    );
    expect(failure.codes).toEqual(["err.import.header"]);
  });
});

describe("the preview", () => {
  let selectionId: string;
  beforeAll(async () => {
    selectionId = await selectionInAssessment();
  });

  it("reads the report on the server, converts to 0–100, flags the 2019 result as stale, writes nothing", async () => {
    const before = await storeOf(selectionId);
    const preview = resultOf(await importAs(operator, { selectionId, csvText: GOOD, mode: "preview" }));
    expect(await storeOf(selectionId)).toEqual(before);
    expect(preview.rawMax).toBe(400);
    expect(preview.rejected).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.nip, r.name, r.raw, r.score, r.date, r.stale])).toEqual([
      [2, NIPS.ani, "Dr. Ani Rahmawati, S.E., M.Si.", 312, 78, RECENT, false],
      [3, NIPS.budi, "Ir. Budi Santoso, M.T.", 287.5, 71.88, RECENT, false],
      [4, NIPS.citra, "Citra Dewi Anggraini, S.H., M.H.", 301, 75.25, "2019-08-14", true],
    ]);
    expect(preview.counts).toEqual({ accepted: 3, rejected: 0, stale: 1, existing: 0, imported: 0, replaced: 0 });
    expect(preview.asOf).toBe(wibDate(0));
  });

  it("rejects each bad row with its own reason: wrong NIPs, duplicates, words, totals over the maximum", async () => {
    const csv = [
      "NIP;Nilai",
      `${NIPS.ani};312`, // 2: fine
      `${NIPS.tms};300`, // 3: TMS, not an MS applicant of this post
      `${NIPS.otherPost};300`, // 4: MS, but of another post
      `${NIPS.nobody};300`, // 5: a valid NIP of nobody here
      `19780615200312200X;300`, // 6: not a NIP
      `${NIPS.budi};280`, // 7: twice
      `${NIPS.budi};281`, // 8
      `${NIPS.citra};tiga ratus`, // 9: a word
      `${NIPS.citra};401`, // 10: over the maximum (and a different line of the same NIP: not a duplicate yet)
    ].join("\n");
    const preview = resultOf(
      await importAs(operator, { selectionId, csvText: csv, mode: "preview", defaults: { source: SOURCE_2019 } }),
    );
    expect(preview.rows.map((r) => [r.line, r.nip, r.source])).toEqual([[2, NIPS.ani, SOURCE_2019]]);
    expect(preview.rejected.map((r) => [r.line, r.issue.code])).toEqual([
      [3, "err.import.notApplicant"],
      [4, "err.import.notApplicant"],
      [5, "err.import.notApplicant"],
      [6, "err.import.nip"],
      [7, "err.import.duplicate"],
      [8, "err.import.duplicate"],
      [9, "err.import.notNumber"],
      [10, "err.import.outsideMax"],
    ]);
    expect(preview.counts.rejected).toBe(8);
  });

  it("uses the batch's date and source for a file that has none", async () => {
    const preview = resultOf(
      await importAs(operator, {
        selectionId,
        csvText: `NIP,Nilai\n${NIPS.ani},312`,
        mode: "preview",
        defaults: { date: "2019-08-14", source: SOURCE_2019 },
      }),
    );
    expect(preview.rows.map((r) => [r.date, r.source, r.stale])).toEqual([["2019-08-14", SOURCE_2019, true]]);
  });
});

describe("the commit", () => {
  let selectionId: string;
  beforeAll(async () => {
    selectionId = await selectionInAssessment();
  });

  it("with a rejected line and no skipRejected writes nothing", async () => {
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, csvText: ONE_BAD, mode: "commit" }),
    );
    expect(failure).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.import.hasRejected"] });
  });

  it("a file whose every line is rejected writes nothing, even with skipRejected", async () => {
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () =>
        importAs(operator, { selectionId, csvText: `NIP,Nilai\n${NIPS.nobody},1`, mode: "commit", skipRejected: true }),
    );
    expect(failure.codes).toEqual(["err.import.noRows"]);
  });

  it("with skipRejected writes every accepted row, the audit report and nothing else; a replay answers the same", async () => {
    const requestId = newRequestId();
    const answer = resultOf(
      await importAs(operator, {
        selectionId,
        csvText: ONE_BAD,
        mode: "commit",
        skipRejected: true,
        requestId,
        defaults: { date: "2019-08-14", source: SOURCE_2019 },
      }),
    );
    expect(answer.counts).toEqual({ accepted: 2, rejected: 1, stale: 2, existing: 0, imported: 2, replaced: 0 });
    expect(answer.rejected.map((r) => r.line)).toEqual([3]);

    const imported = await importedOf(selectionId);
    expect([...imported.keys()].sort()).toEqual(
      [`${appId(selectionId, "cand-ani")}_asesmen`, `${appId(selectionId, "cand-citra")}_asesmen`].sort(),
    );
    const ani = imported.get(`${appId(selectionId, "cand-ani")}_asesmen`)!;
    expect(ani).toMatchObject({
      instansiId: METRO_ID,
      postId: POST.id,
      nip: NIPS.ani,
      raw: 312,
      rawMax: 400,
      marks: 31200,
      date: "2019-08-14",
      source: SOURCE_2019,
      stale: true,
      importedBy: operator.uid,
    });

    const audit = await auditOf(selectionId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "importAssessment", actor: { uid: operator.uid, role: "operator" } });
    expect(audit[0]!.reason).toContain(`${POST.name} · ${PLAN.components[0]!.label}: 2`);
    expect(audit[0]!.reason).toContain("✗ 1 (3)");
    expect(audit[0]!.reason).toContain(SOURCE_2019);
    expect(audit[0]!.reason).toContain("2019-08-14");

    const again = resultOf(
      await importAs(operator, { selectionId, csvText: ONE_BAD, mode: "commit", skipRejected: true, requestId }),
    );
    expect(again).toEqual(answer);
    expect(await auditOf(selectionId)).toHaveLength(1);
    expect((await importedOf(selectionId)).get(`${appId(selectionId, "cand-ani")}_asesmen`)).toEqual(ani);
  });

  it("refuses a second import of the same component without replace, leaving the first", async () => {
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, csvText: GOOD, mode: "commit" }),
    );
    expect(failure).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.import.exists"] });
    const preview = resultOf(await importAs(operator, { selectionId, csvText: GOOD, mode: "preview" }));
    expect(preview.counts.existing).toBe(2);
  });

  it("replaces the earlier import when asked, audited as a replacement", async () => {
    const csv = [
      "NIP;Nilai;Tanggal;Sumber",
      `${NIPS.ani};320;${RECENT};UPT Penilaian Kompetensi BKD Provinsi Lampung`,
    ].join("\n");
    const answer = resultOf(await importAs(operator, { selectionId, csvText: csv, mode: "commit", replace: true }));
    expect(answer.counts).toMatchObject({ imported: 1, replaced: 2, stale: 0 });
    const imported = await importedOf(selectionId);
    // The new report is the component's whole result: citra's 2019 row is not kept beside it.
    expect([...imported.keys()]).toEqual([`${appId(selectionId, "cand-ani")}_asesmen`]);
    expect(imported.get(`${appId(selectionId, "cand-ani")}_asesmen`)).toMatchObject({ raw: 320, stale: false });
    const audit = await auditOf(selectionId);
    expect(audit.map((e) => e.action)).toEqual(["importAssessment", "replaceAssessment"]);
    expect(audit[1]!.reason).toContain("↺ 2");
  });

  it("refuses a request id already used for another action", async () => {
    const requestId = newRequestId();
    resultOf(await importAs(operator, { selectionId, csvText: GOOD, mode: "commit", replace: true, requestId }));
    const failure = await refusedUnchanged(
      () => storeOf(selectionId),
      () => importAs(operator, { selectionId, csvText: GOOD, mode: "commit", requestId }),
    );
    expect(failure.codes).toEqual(["err.request.reused"]);
  });
});
