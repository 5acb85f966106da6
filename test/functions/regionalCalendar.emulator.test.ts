/**
 * recordRegionalCalendar through the functions emulator: an operator records the government's
 * regional elections and Penjabat periods, which decide whether a pelantikan needs the Minister of
 * Home Affairs' letter. Abuse first: whoever is not that government's operator, malformed dates and
 * replays must leave the instansi, its calendar audit and its stored answers exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StaffRole } from "../../functions/src/domain/roles.js";
import type { Schedule } from "../../functions/src/domain/selection/setup.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { auth, db } from "../support/admin.js";
import { call, signIn, uniqueSuffix } from "../support/callables.js";
import {
  deleteSelectionsOf,
  everyPostChosen,
  failureOf,
  newRequestId,
  resultOf,
  staffAccounts,
  wibDate,
  type User,
} from "../support/process.js";

const RUN = uniqueSuffix();
const METRO_ID = `kota-metro-cal-${RUN}`;
const PONTIANAK_ID = `kota-pontianak-cal-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;

const accounts = staffAccounts(`cal-${RUN}`);
let operator: User;
let sekda: User;
let pansel: User;
let candidate: User;
let operatorPontianak: User;

const instansiRef = (id = METRO_ID) => db.collection(COLLECTIONS.instansi).doc(id);

interface Answer {
  changed: boolean;
  at: string;
}

// The candidate pairs are determined in 200 days: the window (six months before) opens in about 18
// days, before the planned appointment of a selection in penetapan (its schedule ends later).
const ELECTION = { candidatePairsDetermination: wibDate(200), termEnd: wibDate(400) };
const PENJABAT = { from: wibDate(-30), to: wibDate(300) };

function record(who: User, calendar: object, extra: { requestId?: string; instansiId?: string } = {}) {
  const data = {
    instansiId: extra.instansiId ?? METRO_ID,
    elections: [],
    actingHeads: [],
    ...calendar,
    requestId: extra.requestId ?? newRequestId(),
  };
  return call<Answer>("recordRegionalCalendar", data, who.idToken);
}

/** Everything a refused call must leave as it was, in both governments. */
async function stateOf() {
  const count = async (id: string, sub: string) => (await instansiRef(id).collection(sub).count().get()).data().count;
  return {
    metro: (await instansiRef().get()).data(),
    pontianak: (await instansiRef(PONTIANAK_ID).get()).data(),
    audits: [await count(METRO_ID, COLLECTIONS.calendarAudit), await count(PONTIANAK_ID, COLLECTIONS.calendarAudit)],
    requests: [await count(METRO_ID, COLLECTIONS.requests), await count(PONTIANAK_ID, COLLECTIONS.requests)],
  };
}

beforeAll(async () => {
  await instansiRef().set(INSTANSI["kota-metro"]!);
  await instansiRef(PONTIANAK_ID).set(INSTANSI["kota-pontianak"]!);
  const metro = (roles: StaffRole[]) => ({ instansi: METRO_ID, roles });
  [operator, sekda, pansel, candidate, operatorPontianak] = await Promise.all([
    accounts.user("operator", "Dewi Lestari, S.Sos.", metro(["operator"])),
    accounts.user("sekda", "Drs. H. Bambang Irawan, M.M.", metro(["pejabat"])),
    accounts.user("pansel", "Prof. Dr. Hartini Saleh, M.Si.", metro(["pansel"])),
    accounts.user("peserta", "Drs. Ahmad Fauzi, M.Si."),
    accounts.user("operator-pontianak", "Yohanes Kristianto, S.Kom.", { instansi: PONTIANAK_ID, roles: ["operator"] }),
  ]);
  // The operator renames their account: the audit must still show the name on the members record.
  const email = `operator.cal-${RUN}@seleksi.demo`;
  await auth.updateUser(operator.uid, { displayName: "Bupati Palsu" });
  operator = { ...operator, idToken: (await signIn(email, "Seleksi2025")).idToken };
});

afterAll(async () => {
  await deleteSelectionsOf([METRO_ID]);
  await Promise.all([db.recursiveDelete(instansiRef()), db.recursiveDelete(instansiRef(PONTIANAK_ID))]);
  await accounts.deleteAll();
});

describe("who may record the regional calendar", () => {
  it("refuses another government's operator, who can neither write Metro's dates nor have them land on their own", async () => {
    const before = await stateOf();
    const result = await record(operatorPontianak, { elections: [ELECTION] });
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.calendar.otherInstansi"] });
    expect(await stateOf()).toEqual(before);
  });

  it("refuses the pejabat, a pansel member and a candidate: the pejabat approves, the operator keeps records", async () => {
    const before = await stateOf();
    for (const who of [sekda, pansel, candidate]) {
      expect(failureOf(await record(who, { actingHeads: [PENJABAT] }))).toEqual({
        status: "PERMISSION_DENIED",
        codes: ["err.calendar.operatorOnly"],
      });
    }
    const anonymous = await call("recordRegionalCalendar", { instansiId: METRO_ID, elections: [], actingHeads: [] });
    expect(failureOf(anonymous).status).toBe("UNAUTHENTICATED");
    expect(await stateOf()).toEqual(before);
  });
});

describe("malformed dates", () => {
  it.each([
    [
      "an end of term before the candidate pairs",
      { elections: [{ candidatePairsDetermination: "2029-09-22", termEnd: "2029-09-01" }] },
      "elections.0.termEnd",
      "err.calendar.termEndBeforePairs",
    ],
    [
      "an end of term on the same day",
      { elections: [{ candidatePairsDetermination: "2029-09-22", termEnd: "2029-09-22" }] },
      "elections.0.termEnd",
      "err.calendar.termEndBeforePairs",
    ],
    [
      "a day that does not exist",
      { actingHeads: [PENJABAT, { from: "2026-02-30", to: "2026-12-31" }] },
      "actingHeads.1.from",
      "err.calendar.dateInvalid",
    ],
    ["an empty date", { actingHeads: [{ from: wibDate(0), to: "" }] }, "actingHeads.0.to", "err.calendar.dateRequired"],
    [
      "a Penjabat period that ends before it starts",
      { actingHeads: [{ from: "2027-05-01", to: "2027-04-30" }] },
      "actingHeads.0.to",
      "err.calendar.periodReversed",
    ],
  ])("refuses %s, naming the field, and writes nothing", async (_, calendar, field, code) => {
    const before = await stateOf();
    const result = await record(operator, calendar);
    if (result.ok) throw new Error("expected a refusal");
    expect(result.status).toBe("INVALID_ARGUMENT");
    expect(result.issues.map((i) => [i.field, i.code])).toEqual([[field, code]]);
    expect(await stateOf()).toEqual(before);
  });
});

describe("recording, replays and the audit", () => {
  it("replaces both lists, audits who (from the members record), when, before and after", async () => {
    await instansiRef().update({ elections: [], actingHeads: [{ from: "2020-01-01", to: "2020-06-30" }] });
    const answer = resultOf(await record(operator, { elections: [ELECTION], actingHeads: [] }));
    expect(answer.changed).toBe(true);
    expect((await instansiRef().get()).data()).toMatchObject({ elections: [ELECTION], actingHeads: [] });
    const audit = await instansiRef().collection(COLLECTIONS.calendarAudit).orderBy("at", "desc").limit(1).get();
    expect(audit.docs[0]?.data()).toEqual({
      instansiId: METRO_ID,
      actor: { uid: operator.uid, name: "Dewi Lestari, S.Sos." },
      before: { elections: [], actingHeads: [{ from: "2020-01-01", to: "2020-06-30" }] },
      after: { elections: [ELECTION], actingHeads: [] },
      at: answer.at,
    });
  });

  it("answers a replay with the first answer and changes nothing, even if the replay's dates differ", async () => {
    const requestId = newRequestId();
    const first = resultOf(await record(operator, { actingHeads: [PENJABAT] }, { requestId }));
    const before = await stateOf();
    expect(resultOf(await record(operator, { actingHeads: [PENJABAT] }, { requestId }))).toEqual(first);
    expect(resultOf(await record(operator, { elections: [ELECTION] }, { requestId }))).toEqual(first);
    expect(await stateOf()).toEqual(before);
  });

  it("saving the same lists again is no change: no audit entry", async () => {
    resultOf(await record(operator, { elections: [ELECTION] }));
    const audits = (await stateOf()).audits;
    const again = resultOf(await record(operator, { elections: [ELECTION] }));
    expect(again.changed).toBe(false);
    expect((await stateOf()).audits).toEqual(audits);
  });
});

const DAY_MS = 86_400_000;

/** Metro's 2021 schedule moved so that registration starts `offset` days from today (as process tests do). */
function metroScheduleFrom(offset: number): Schedule {
  const shift = Math.round((Date.parse(wibDate(offset)) - Date.parse(METRO.schedule.pendaftaran!.start)) / DAY_MS);
  const move = (iso: string) => new Date(Date.parse(iso) + shift * DAY_MS).toISOString().slice(0, 10);
  return Object.fromEntries(
    Object.entries(METRO.schedule).map(([stage, range]) => [stage, { start: move(range.start), end: move(range.end) }]),
  );
}

describe("the gate before pelantikan reads what the operator recorded", () => {
  let counter = 0;
  async function inPenetapan(): Promise<string> {
    const id = `${METRO_ID}-sel-${++counter}`;
    const doc: StoredSelection = {
      ...METRO,
      instansiId: METRO_ID,
      stage: "penetapan",
      public: true,
      announcedAt: "2025-01-06T01:00:00.000Z",
      schedule: metroScheduleFrom(10),
      pansel: METRO.pansel,
      panselUids: [],
      ppkChoices: everyPostChosen(METRO.posts),
    };
    await db.collection(COLLECTIONS.selections).doc(id).set(doc);
    return id;
  }
  const propose = (id: string) =>
    call("proposeStage", { selectionId: id, to: "pelantikan", requestId: newRequestId() }, operator.idToken);

  it("refuses the move for lack of the Minister's letter once a covering election window is recorded", async () => {
    resultOf(await record(operator, { elections: [] }));
    const open = await inPenetapan();
    expect(await propose(open)).toMatchObject({ ok: true });

    resultOf(await record(operator, { elections: [ELECTION] }));
    const gated = await inPenetapan();
    expect(failureOf(await propose(gated))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.setup.electionApprovalMissing"],
    });
  });

  it("refuses it under a recorded Penjabat period too (PP 49/2008)", async () => {
    resultOf(await record(operator, { actingHeads: [PENJABAT] }));
    expect(failureOf(await propose(await inPenetapan()))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.setup.actingHeadApprovalMissing"],
    });
  });
});
