/**
 * The PPK's choice among a post's 3 besar (issue 9), through the functions emulator as a phone calls
 * it, and the governor's consultation that comes first for the Sekda of a kota (UU 23/2014 art. 214).
 * Kota Metro 2021 from the seed in penetapan, moved to a government id unique to this run; the final
 * rankings are written with the Admin SDK in the shape computeRanking stores (its canonical JSON
 * reduced to the ranks and names the choice reads; the ranking itself is ranking.emulator.test.ts's).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { writeFinalRanking } from "../support/ranking.js";
import { call } from "../support/callables.js";
import { auditOf, failureOf, newRequestId, resultOf, snapshotOf, stored, type User } from "../support/process.js";
import { METRO, refusedUnchanged, scoringRun } from "../support/scoringRun.js";

const run = scoringRun("ppk");
const METRO_ID = run.metroId;
const SEKDA = { ...METRO.posts[0]!, id: "sekda", name: "Sekretaris Daerah Kota Metro" };
const REASON = "Lebih sesuai dengan kebutuhan organisasi dan rencana strategis daerah lima tahun ke depan.";

let walikota: User; // pejabat: the PPK
let operator: User;
let pansel: User;
let pejabatPontianak: User;

/** Metro in penetapan with a Sekda post, and the final 3 besar of `bappeda` and `sekda`. */
async function selection(changes: Partial<StoredSelection> = {}): Promise<string> {
  const id = await run.selection({ stage: "penetapan", panselUids: [], posts: [...METRO.posts, SEKDA], ...changes });
  // disdikbud's ranking still awaits a score: not lockable, so no 3 besar yet.
  for (const postId of ["bappeda", "sekda", "disdikbud"]) {
    const lockable = postId !== "disdikbud";
    await writeFinalRanking(db, { instansiId: METRO_ID, selectionId: id, postId, lockable, sha256: "0".repeat(64) });
  }
  return id;
}

const choose = (
  who: User,
  selectionId: string,
  postId: string,
  applicationId: string,
  reason = "",
  requestId = newRequestId(),
) =>
  call<{ postId: string; applicationId: string; rank: number }>(
    "choosePpk",
    { selectionId, postId, applicationId, reason, requestId },
    who.idToken,
  );

beforeAll(async () => {
  await run.createGovernments();
  const { accounts, metro } = run;
  walikota = await accounts.user("walikota", "dr. H. Wahdi, Sp.OG., M.H.", metro(["pejabat"]));
  operator = await accounts.user("operator", "Operator BKPSDM", metro(["operator"]));
  pansel = await accounts.user("pansel", "Ketua Pansel", metro(["pansel"]));
  pejabatPontianak = await accounts.user("pontianak", "Wali Kota Pontianak", run.other(["pejabat"]));
}, 120_000);

afterAll(() => run.removeAll([COLLECTIONS.rankings]));

describe("choosePpk", () => {
  it("records the first-ranked without a reason, once, with an audit entry; a retry answers the same", async () => {
    const id = await selection();
    const requestId = newRequestId();
    const first = await choose(walikota, id, "bappeda", `${id}_bappeda_c1`, "", requestId);
    expect(resultOf(first)).toEqual({ postId: "bappeda", applicationId: `${id}_bappeda_c1`, rank: 1 });
    expect((await stored(id)).ppkChoices["bappeda"]).toMatchObject({
      applicationId: `${id}_bappeda_c1`,
      name: "Calon bappeda 1",
      rank: 1,
      reason: "",
      chosenBy: walikota.uid,
      chosenByName: walikota.name,
    });
    const before = await snapshotOf(id);
    expect(await choose(walikota, id, "bappeda", `${id}_bappeda_c1`, "", requestId)).toEqual(first);
    expect(await snapshotOf(id)).toEqual(before);
    const audit = await auditOf(id);
    expect(audit.map((e) => [e.action, e.reference, e.actor.role])).toEqual([["choosePpk", "bappeda", "pejabat"]]);
  });

  it("asks a written reason for the second or third, and records it", async () => {
    const id = await selection();
    const short = () => choose(walikota, id, "bappeda", `${id}_bappeda_c2`, "Lebih baik.");
    expect(await refusedUnchanged(() => snapshotOf(id), short)).toEqual({
      status: "INVALID_ARGUMENT",
      codes: ["err.ppk.reasonRequired"],
    });
    expect(resultOf(await choose(walikota, id, "bappeda", `${id}_bappeda_c2`, REASON)).rank).toBe(2);
    expect((await stored(id)).ppkChoices["bappeda"]?.reason).toBe(REASON);
    expect((await auditOf(id))[0]?.reason).toContain(REASON);
  });

  it("refuses a second choice for the post, a candidate outside the 3 besar, and a cancelled or unknown post", async () => {
    const id = await selection({ postDecisions: { bpbd: "cancelPost" } });
    await choose(walikota, id, "bappeda", `${id}_bappeda_c1`);
    const before = await snapshotOf(id);
    expect(failureOf(await choose(walikota, id, "bappeda", `${id}_bappeda_c3`, REASON))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.ppk.alreadyChosen"],
    });
    expect(failureOf(await choose(walikota, id, "sekda", `${id}_bappeda_c1`))).toMatchObject({
      codes: ["err.ppk.governorFirst"],
    });
    expect(failureOf(await choose(walikota, id, "bpbd", `${id}_bpbd_c1`))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.ppk.noPost"],
    });
    expect(failureOf(await choose(walikota, id, "nope", `${id}_nope_c1`))).toMatchObject({ codes: ["err.ppk.noPost"] });
    // A final ranking that is not lockable yet, and none at all: no finalists to choose from.
    expect(failureOf(await choose(walikota, id, "disdikbud", `${id}_disdikbud_c1`))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.ppk.noRanking"],
    });
    expect(failureOf(await choose(walikota, id, "dpkp", `${id}_dpkp_c1`))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.ppk.noRanking"],
    });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("refuses someone not among the finalists, a forged rank being no input at all", async () => {
    const id = await selection();
    const forged = await call(
      "choosePpk",
      {
        selectionId: id,
        postId: "bappeda",
        applicationId: `${id}_bappeda_c9`,
        reason: "",
        rank: 1,
        requestId: newRequestId(),
      },
      walikota.idToken,
    );
    expect(failureOf(forged).codes).toEqual(["err.ppk.notFinalist"]);
    expect((await stored(id)).ppkChoices).toEqual({});
  });

  it("waits for the governor's answer for a kota's Sekda, then records the choice", async () => {
    const id = await selection();
    expect(failureOf(await choose(walikota, id, "sekda", `${id}_sekda_c1`))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.ppk.governorFirst"],
    });
    const recorded = await call(
      "recordProcessLetter",
      {
        selectionId: id,
        kind: "governorConsultation",
        letter: { letterNumber: "800/1234/BKD/2021", date: "2021-11-22" },
        requestId: newRequestId(),
      },
      operator.idToken,
    );
    expect(recorded).toEqual({ ok: true, result: { recorded: true } });
    expect((await stored(id)).governorConsultation).toEqual({ letterNumber: "800/1234/BKD/2021", date: "2021-11-22" });
    expect(resultOf(await choose(walikota, id, "sekda", `${id}_sekda_c1`)).rank).toBe(1);
  });

  it("refuses outside penetapan, and anyone but this government's pejabat", async () => {
    const early = await selection({ stage: "laporanPpk" });
    expect(failureOf(await choose(walikota, early, "bappeda", `${early}_bappeda_c1`))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.ppk.wrongStage"],
    });
    const id = await selection();
    const before = await snapshotOf(id);
    for (const who of [operator, pansel]) {
      expect(failureOf(await choose(who, id, "bappeda", `${id}_bappeda_c1`))).toEqual({
        status: "PERMISSION_DENIED",
        codes: ["err.ppk.pejabatOnly"],
      });
    }
    expect(failureOf(await choose(pejabatPontianak, id, "bappeda", `${id}_bappeda_c1`)).codes).toEqual([
      "err.selection.otherInstansi",
    ]);
    expect(await snapshotOf(id)).toEqual(before);
  });
});
