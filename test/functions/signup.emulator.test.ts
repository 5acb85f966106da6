/**
 * Sign-up as an attacker would probe it, through the functions emulator: uniform answers, squatting
 * and expiry, rate limits, retries, consent, deletion, and the dispute an operator decides.
 * Shares demo-seleksi with the other function tests: every e-mail, NIP and instansi id is unique.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { PENDING_RESERVATION_MS, rateWindowEnd, SIGN_UP_LIMITS } from "../../functions/src/domain/signup.js";
import {
  registerCandidate as registerCandidateFor,
  uidForRequest,
} from "../../functions/src/accounts/registerCandidate.js";
import { registerCandidateInput } from "../../functions/src/domain/schemas/account.js";
import { db as functionsDb } from "../../functions/src/shell/admin.js";
import { sweepExpiredSignUps } from "../../functions/src/accounts/nipReservations.js";
import { auth, db } from "../support/admin.js";
import { call, signIn, uniqueSuffix, type CallResult } from "../support/callables.js";
import { register, signUpFor, SIGN_UP_PASSWORD, verifyEmail } from "../support/signup.js";
import { Timestamp } from "firebase-admin/firestore";

const RUN = uniqueSuffix();
const METRO = `kota-metro-${RUN}`;
const PONTIANAK = `kota-pontianak-${RUN}`;
const ANSWER = { ok: true, result: { next: "checkEmail" } };

// Births from 1995 on (the accounts tests use 1965-1994), sequence from the clock.
let nipCounter = Math.floor(Date.now() / 10) % (4 * 365 * 999);
function nextNip(): string {
  const n = nipCounter++ % (4 * 365 * 999);
  const birth = new Date(Date.UTC(1995, 0, 1) + Math.floor(n / 999) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll("-", "");
  return `${ymd}${birth.getUTCFullYear() + 23}032${String((n % 999) + 1).padStart(3, "0")}`;
}
const emailOf = (who: string) => `${who}.${RUN}@seleksi.demo`;

function failureOf(result: CallResult<unknown>): { status: string; codes: string[] } {
  if (result.ok) throw new Error(`expected the call to fail, it returned ${JSON.stringify(result.result)}`);
  return { status: result.status, codes: result.issues.map((i) => i.code) };
}

const reservationOf = async (nip: string) => (await db.doc(`${COLLECTIONS.nips}/${nip}`).get()).data();
const profileOf = async (uid: string) => (await db.doc(`${COLLECTIONS.profiles}/${uid}`).get()).data();
const userOf = (email: string) => auth.getUserByEmail(email).catch(() => undefined);

/** Signs up and returns the uid the account got (the answer itself never says). */
async function signedUp(who: string, nip: string): Promise<{ uid: string; email: string }> {
  const input = signUpFor(emailOf(who), nip);
  expect(await register(input)).toEqual(ANSWER);
  return { uid: uidForRequest(input.requestId), email: input.email };
}

/** Moves a pending sign-up's deadline into the past, as if PENDING_RESERVATION_HOURS had gone by. */
async function lapse(uid: string, nip: string): Promise<void> {
  const past = Timestamp.fromMillis(Date.now() - 1000);
  await db.doc(`${COLLECTIONS.profiles}/${uid}`).update({ pendingUntil: past });
  await db.doc(`${COLLECTIONS.nips}/${nip}`).update({ expiresAt: past });
}

interface Staff {
  readonly uid: string;
  readonly idToken: string;
}
async function operatorOf(who: string, instansi: string): Promise<Staff> {
  const email = emailOf(who);
  const user = await auth.createUser({ email, password: SIGN_UP_PASSWORD, displayName: who, emailVerified: true });
  await auth.setCustomUserClaims(user.uid, { instansi, roles: ["operator"] });
  await db
    .doc(`${COLLECTIONS.instansi}/${instansi}/${COLLECTIONS.members}/${user.uid}`)
    .set({ instansiId: instansi, email, name: `Operator ${who}`, roles: ["operator"] });
  return { uid: user.uid, idToken: (await signIn(email, SIGN_UP_PASSWORD)).idToken };
}

let operatorMetro: Staff;
let operatorPontianak: Staff;

beforeAll(async () => {
  for (const id of [METRO, PONTIANAK]) {
    await db
      .doc(`${COLLECTIONS.instansi}/${id}`)
      .set({ name: `Pemerintah ${id}`, shortName: id, province: "", agency: "BKPSDM" });
  }
  operatorMetro = await operatorOf("operator-metro", METRO);
  operatorPontianak = await operatorOf("operator-pontianak", PONTIANAK);
});

afterAll(async () => {
  await auth.deleteUsers([operatorMetro.uid, operatorPontianak.uid]);
});

describe("registerCandidate answers anonymous callers the same", () => {
  it("makes a pending reservation and records consent on a fresh sign-up", async () => {
    const nip = nextNip();
    const before = Date.now();
    const { uid, email } = await signedUp("fresh", nip);

    expect((await auth.getUser(uid)).email).toBe(email);
    const reservation = await reservationOf(nip);
    expect(reservation).toMatchObject({ uid, status: "pending" });
    const expires = (reservation?.["expiresAt"] as Timestamp).toMillis();
    expect(expires).toBeGreaterThanOrEqual(before + PENDING_RESERVATION_MS);
    expect(expires).toBeLessThanOrEqual(Date.now() + PENDING_RESERVATION_MS);
    const profile = await profileOf(uid);
    expect(profile).toMatchObject({ nip, email, nipStatus: "pending", consent: { version: expect.any(String) } });
    expect(Date.parse(String(profile?.["consent"]?.at))).toBeGreaterThanOrEqual(before - 1000);
  });

  it("says the same for a fresh NIP, a pending NIP, a confirmed NIP and a taken e-mail", async () => {
    const pendingNip = nextNip();
    const holder = await signedUp("holder-pending", pendingNip);
    const confirmedNip = nextNip();
    const owner = await signedUp("holder-confirmed", confirmedNip);
    await call("confirmNip", {}, await verifyEmail(owner.email));
    expect(await reservationOf(confirmedNip)).toMatchObject({ uid: owner.uid, status: "confirmed" });

    const answers = await Promise.all([
      register(signUpFor(emailOf("probe-fresh"), nextNip())),
      register(signUpFor(emailOf("probe-pending"), pendingNip)),
      register(signUpFor(emailOf("probe-confirmed"), confirmedNip)),
      register(signUpFor(owner.email, nextNip())),
    ]);
    for (const answer of answers) expect(answer).toEqual(ANSWER);

    // Nothing moved: the holders keep their NIPs. The probes on held NIPs got an account whose
    // profile looks exactly like the fresh one's, so reading it tells the prober nothing either.
    expect(await reservationOf(pendingNip)).toMatchObject({ uid: holder.uid, status: "pending" });
    expect(await reservationOf(confirmedNip)).toMatchObject({ uid: owner.uid, status: "confirmed" });
    const probe = await userOf(emailOf("probe-confirmed"));
    expect(await profileOf(probe?.uid ?? "")).toMatchObject({ nip: confirmedNip, nipStatus: "pending" });
    const fresh = await userOf(emailOf("probe-fresh"));
    expect(await profileOf(fresh?.uid ?? "")).toMatchObject({ nipStatus: "pending" });
  });

  it("creates nothing for a taken e-mail, not even a reservation of the new NIP", async () => {
    const taken = await signedUp("email-owner", nextNip());
    const nip = nextNip();
    expect(await register(signUpFor(taken.email, nip))).toEqual(ANSWER);
    expect(await reservationOf(nip)).toBeUndefined();
    expect((await db.collection(COLLECTIONS.profiles).where("email", "==", taken.email).get()).size).toBe(1);
  });
});

describe("the verified owner confirms the NIP", () => {
  it("refuses confirmNip before the e-mail is verified, and confirms after the link is opened", async () => {
    const nip = nextNip();
    const { uid, email } = await signedUp("verifier", nip);
    const unverified = await signIn(email, SIGN_UP_PASSWORD);
    expect(failureOf(await call("confirmNip", {}, unverified.idToken))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.email.unverified"],
    });

    const verified = await verifyEmail(email);
    expect(await call("confirmNip", {}, verified)).toEqual({ ok: true, result: { nip: "confirmed" } });
    expect(await reservationOf(nip)).toMatchObject({ uid, status: "confirmed" });
    expect(await profileOf(uid)).toMatchObject({ nipStatus: "confirmed" });
    expect((await profileOf(uid))?.["pendingUntil"]).toBeUndefined();
  });

  it("lets the real owner take a NIP whose squatter never verified, once the hold has lapsed", async () => {
    const nip = nextNip();
    const squatter = await signedUp("squatter-lapsed", nip);
    await lapse(squatter.uid, nip);

    const owner = await signedUp("owner-after-lapse", nip);

    expect(await reservationOf(nip)).toMatchObject({ uid: owner.uid, status: "pending" });
    // The squatter's unverified account went with the lapsed hold.
    expect(await userOf(squatter.email)).toBeUndefined();
    expect(await profileOf(squatter.uid)).toBeUndefined();
    expect(await call("confirmNip", {}, await verifyEmail(owner.email))).toEqual({
      ok: true,
      result: { nip: "confirmed" },
    });
  });

  it("sweeps lapsed unverified sign-ups and confirms lapsed verified ones", async () => {
    const nipA = nextNip();
    const unverified = await signedUp("sweep-unverified", nipA);
    const nipB = nextNip();
    const verified = await signedUp("sweep-verified", nipB);
    await verifyEmail(verified.email); // verified, but the client never called confirmNip
    await lapse(unverified.uid, nipA);
    await lapse(verified.uid, nipB);

    const swept = await sweepExpiredSignUps(Date.now());

    expect(swept.removed).toContain(unverified.uid);
    expect(swept.confirmed).toContain(verified.uid);
    expect(await userOf(unverified.email)).toBeUndefined();
    expect(await profileOf(unverified.uid)).toBeUndefined();
    expect(await reservationOf(nipA)).toBeUndefined();
    expect(await reservationOf(nipB)).toMatchObject({ uid: verified.uid, status: "confirmed" });
  });
});

describe("rate limits", () => {
  /** Waits out the last seconds of a window so a test's attempts all fall in one. */
  async function sameWindow(scope: "nip" | "client"): Promise<void> {
    const left = rateWindowEnd(scope, Date.now()) - Date.now();
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
  }

  it(`refuses the ${SIGN_UP_LIMITS.nip.max + 1}th sign-up for one NIP within the window, from any client`, async () => {
    await sameWindow("nip");
    const nip = nextNip();
    for (let i = 0; i < SIGN_UP_LIMITS.nip.max; i++) {
      expect(await register(signUpFor(emailOf(`nip-limit-${i}`), nip))).toEqual(ANSWER);
    }
    const refused = await register(signUpFor(emailOf("nip-limit-over"), nip));
    expect(failureOf(refused)).toEqual({ status: "RESOURCE_EXHAUSTED", codes: ["err.signUp.tooMany"] });
    expect(refused.ok ? "" : refused.message).toContain("Terlalu banyak pendaftaran");
    expect(await userOf(emailOf("nip-limit-over"))).toBeUndefined();
  });

  it(`refuses the ${SIGN_UP_LIMITS.client.max + 1}th sign-up from one client within the window`, async () => {
    await sameWindow("client");
    const ip = `203.0.113.7, 198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
    const email = emailOf("client-limit"); // one account; the other attempts meet a taken e-mail
    for (let i = 0; i < SIGN_UP_LIMITS.client.max; i++) {
      expect(await register(signUpFor(email, nextNip()), ip)).toEqual(ANSWER);
    }
    const over = await register(signUpFor(emailOf("client-limit-over"), nextNip()), ip);
    expect(failureOf(over)).toEqual({ status: "RESOURCE_EXHAUSTED", codes: ["err.signUp.tooMany"] });
    // Another client is not affected.
    expect(await register(signUpFor(emailOf("client-limit-other"), nextNip()))).toEqual(ANSWER);
  });
});

describe("input the server refuses", () => {
  it.each([
    { privacyNotice: undefined, why: "no consent" },
    { privacyNotice: "2020-01-01", why: "consent to an older notice" },
  ])("refuses sign-up with $why, and creates nothing", async ({ privacyNotice, why }) => {
    const input = { ...signUpFor(emailOf(`consent-${why.length}`), nextNip()), privacyNotice };
    expect(failureOf(await register(input))).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.consent.required"] });
    expect(await userOf(input.email)).toBeUndefined();
    expect(await reservationOf(input.nip)).toBeUndefined();
  });

  it("refuses a weak password sent straight to the callable", async () => {
    const input = { ...signUpFor(emailOf("weak"), nextNip()), password: "seleksionline" };
    expect(failureOf(await register(input))).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.password.weak"] });
    expect(await userOf(input.email)).toBeUndefined();
  });
});

describe("retries and races leave one account per request and no orphans", () => {
  it("answers a retry with the same request id the same, changing nothing", async () => {
    const input = signUpFor(emailOf("retry"), nextNip());
    expect(await register(input)).toEqual(ANSWER);
    const uid = uidForRequest(input.requestId);
    const created = (await db.doc(`${COLLECTIONS.profiles}/${uid}`).get()).updateTime;

    expect(await register(input)).toEqual(ANSWER);

    expect((await db.doc(`${COLLECTIONS.profiles}/${uid}`).get()).updateTime).toEqual(created);
    expect(await reservationOf(input.nip)).toMatchObject({ uid, requestId: input.requestId });
  });

  it("finishes a sign-up whose first call made the Auth user and died before the transaction", async () => {
    const input = signUpFor(emailOf("half-done"), nextNip());
    const uid = uidForRequest(input.requestId);
    await auth.createUser({ uid, email: input.email, password: input.password });

    expect(await register(input)).toEqual(ANSWER);

    expect(await profileOf(uid)).toMatchObject({ nip: input.nip, nipStatus: "pending" });
    expect(await reservationOf(input.nip)).toMatchObject({ uid, status: "pending" });
  });

  it("leaves no Auth user, reservation or profile when the transaction fails after the account was made", async () => {
    const input = registerCandidateInput().parse(signUpFor(emailOf("tx-fails"), nextNip()));
    const uid = uidForRequest(input.requestId);
    // The real transaction runs its reads and writes, then fails as a lost commit would: Firestore
    // drops its writes, while the Auth user made before it exists for real in the emulator.
    const realRun = functionsDb.runTransaction.bind(functionsDb);
    const failing = vi.spyOn(functionsDb, "runTransaction").mockImplementationOnce((update) =>
      realRun(async (tx) => {
        await update(tx);
        throw new Error("commit lost");
      }),
    );
    try {
      // Not the uniform success: no account exists, so "check your e-mail" would be a lie. The error is
      // the same whatever the NIP's or e-mail's state (it tells an anonymous caller nothing), and the
      // callable answers it as INTERNAL, on which the phone keeps the request id and retries.
      await expect(registerCandidateFor(input, `test-${RUN}`, Date.now())).rejects.toThrow("commit lost");
    } finally {
      failing.mockRestore();
    }

    expect(await userOf(input.email)).toBeUndefined();
    expect(await auth.getUser(uid).catch(() => undefined)).toBeUndefined();
    expect(await reservationOf(input.nip)).toBeUndefined();
    expect(await profileOf(uid)).toBeUndefined();

    // The retry with the same request id then finishes the sign-up.
    expect(await register(input)).toEqual(ANSWER);
    expect(await profileOf(uid)).toMatchObject({ nip: input.nip, nipStatus: "pending" });
    expect(await reservationOf(input.nip)).toMatchObject({ uid, status: "pending" });
  });

  it("does not let a reused request id with another e-mail take over an account", async () => {
    const first = signUpFor(emailOf("id-owner"), nextNip());
    expect(await register(first)).toEqual(ANSWER);
    const thief = { ...signUpFor(emailOf("id-thief"), nextNip()), requestId: first.requestId };
    expect(await register(thief)).toEqual(ANSWER);
    expect(await userOf(thief.email)).toBeUndefined();
    expect(await reservationOf(thief.nip)).toBeUndefined();
    expect((await auth.getUser(uidForRequest(first.requestId))).email).toBe(first.email);
  });

  it("gives one reservation to two racing sign-ups for one NIP, and every Auth user its profile", async () => {
    const nip = nextNip();
    const racers = [signUpFor(emailOf("race-a"), nip), signUpFor(emailOf("race-b"), nip)];
    expect(await Promise.all(racers.map((r) => register(r)))).toEqual([ANSWER, ANSWER]);

    const uids = racers.map((r) => uidForRequest(r.requestId));
    const holder = (await reservationOf(nip))?.["uid"] as string;
    expect(uids).toContain(holder);
    for (const uid of uids) {
      expect((await auth.getUser(uid)).uid).toBe(uid);
      expect(await profileOf(uid)).toMatchObject({ nip });
    }
  });
});

describe("deleting an account", () => {
  it("deleteMyAccount removes the profile, frees the NIP and deletes the Auth user", async () => {
    const nip = nextNip();
    const { uid, email } = await signedUp("leaver", nip);
    const { idToken } = await signIn(email, SIGN_UP_PASSWORD);

    expect(await call("deleteMyAccount", {}, idToken)).toEqual({ ok: true, result: { deleted: true } });

    expect(await userOf(email)).toBeUndefined();
    expect(await profileOf(uid)).toBeUndefined();
    expect(await reservationOf(nip)).toBeUndefined();
    // The NIP is free for its owner again.
    const next = await signedUp("after-leaver", nip);
    expect(await reservationOf(nip)).toMatchObject({ uid: next.uid });
  });

  it("refuses deleteMyAccount to staff", async () => {
    expect(failureOf(await call("deleteMyAccount", {}, operatorMetro.idToken))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.account.staff"],
    });
  });

  it("releases the NIP when the Auth user is deleted some other way (the onDelete trigger)", async () => {
    const nip = nextNip();
    const { uid } = await signedUp("deleted-by-admin", nip);

    await auth.deleteUser(uid);

    await expect.poll(() => reservationOf(nip), { timeout: 15_000, interval: 250 }).toBeUndefined();
    expect(await profileOf(uid)).toBeUndefined();
  });
});

describe("a disputed NIP", () => {
  /** A squatter who verified their mailbox holds the NIP; the real owner signs up and verifies. */
  async function contested(label: string) {
    const nip = nextNip();
    const squatter = await signedUp(`squatter-${label}`, nip);
    await call("confirmNip", {}, await verifyEmail(squatter.email));
    const owner = await signedUp(`owner-${label}`, nip);
    const ownerToken = await verifyEmail(owner.email);
    return { nip, squatter, owner, ownerToken };
  }

  it("tells a verified owner the NIP is taken and refuses an unverified claimant", async () => {
    const { owner, ownerToken } = await contested("told");
    expect(await call("confirmNip", {}, ownerToken)).toEqual({ ok: true, result: { nip: "taken" } });
    expect(await profileOf(owner.uid)).toMatchObject({ nipStatus: "taken" });

    const stranger = await signedUp("unverified-claimant", nextNip());
    const token = (await signIn(stranger.email, SIGN_UP_PASSWORD)).idToken;
    expect(failureOf(await call("fileNipDispute", { instansiId: METRO }, token))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.email.unverified"],
    });
  });

  it("refuses a dispute over a NIP nobody else holds", async () => {
    const free = await signedUp("no-dispute", nextNip());
    const token = await verifyEmail(free.email);
    await call("confirmNip", {}, token);
    expect(failureOf(await call("fileNipDispute", { instansiId: METRO }, token))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.dispute.notTaken"],
    });
  });

  it("is decided only by an operator of the named instansi: transfer, audited, squatter flagged", async () => {
    const { nip, squatter, owner, ownerToken } = await contested("transfer");
    const filed = await call<{ disputeId: string }>(
      "fileNipDispute",
      { instansiId: METRO, note: "SK CPNS 2019 dibawa ke BKPSDM" },
      ownerToken,
    );
    if (!filed.ok) throw new Error(filed.message);
    const { disputeId } = filed.result;
    expect((await db.doc(`${COLLECTIONS.nipDisputes}/${disputeId}`).get()).data()).toMatchObject({
      instansiId: METRO,
      nip,
      claimantUid: owner.uid,
      holderUid: squatter.uid,
      status: "open",
    });

    const decide = { disputeId, decision: "transfer", reason: "SK CPNS dan KTP asli diperiksa" };
    expect(failureOf(await call("resolveNipDispute", decide, operatorPontianak.idToken))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.role.otherInstansi"],
    });
    expect(failureOf(await call("resolveNipDispute", decide, ownerToken))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.role.operatorOnly"],
    });
    expect(failureOf(await call("resolveNipDispute", { ...decide, reason: " " }, operatorMetro.idToken))).toMatchObject(
      { status: "INVALID_ARGUMENT", codes: ["err.dispute.reasonRequired"] },
    );
    expect(await reservationOf(nip)).toMatchObject({ uid: squatter.uid });

    const before = Date.now();
    expect(await call("resolveNipDispute", decide, operatorMetro.idToken)).toEqual({
      ok: true,
      result: { status: "transferred" },
    });

    expect(await reservationOf(nip)).toMatchObject({ uid: owner.uid, status: "confirmed" });
    expect(await profileOf(owner.uid)).toMatchObject({ nipStatus: "confirmed" });
    expect(await profileOf(squatter.uid)).toMatchObject({ nipStatus: "released", flags: { nipDispute: disputeId } });
    const dispute = (await db.doc(`${COLLECTIONS.nipDisputes}/${disputeId}`).get()).data();
    expect(dispute).toMatchObject({
      status: "transferred",
      decision: {
        decision: "transfer",
        by: operatorMetro.uid,
        byName: "Operator operator-metro",
        reason: decide.reason,
      },
    });
    expect(Date.parse(String(dispute?.["decision"]?.at))).toBeGreaterThanOrEqual(before - 1000);
    const audit = await db.collection(`${COLLECTIONS.nipDisputes}/${disputeId}/${COLLECTIONS.audit}`).get();
    expect(audit.docs.map((d) => String(d.get("action"))).sort()).toEqual(["filed", "transfer"]);
    expect(audit.docs.find((d) => d.get("action") === "transfer")?.data()).toMatchObject({
      instansiId: METRO,
      nip,
      holderUid: squatter.uid,
      by: operatorMetro.uid,
      reason: decide.reason,
    });

    // Decided once: a second decision is refused, and the flagged squatter cannot claim it back.
    expect(failureOf(await call("resolveNipDispute", decide, operatorMetro.idToken))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.dispute.decided"],
    });
    const squatterToken = (await signIn(squatter.email, SIGN_UP_PASSWORD)).idToken;
    expect(await call("confirmNip", {}, squatterToken)).toEqual({ ok: true, result: { nip: "taken" } });
  });

  it("releases the NIP on a release decision, and the owner then confirms it", async () => {
    const { nip, squatter, ownerToken, owner } = await contested("release");
    const filed = await call<{ disputeId: string }>("fileNipDispute", { instansiId: METRO }, ownerToken);
    if (!filed.ok) throw new Error(filed.message);
    const decide = { disputeId: filed.result.disputeId, decision: "release", reason: "KTP diperiksa" };

    expect(await call("resolveNipDispute", decide, operatorMetro.idToken)).toMatchObject({ ok: true });

    expect(await reservationOf(nip)).toBeUndefined();
    expect(await profileOf(squatter.uid)).toMatchObject({ nipStatus: "released" });
    const squatterToken = (await signIn(squatter.email, SIGN_UP_PASSWORD)).idToken;
    expect(await call("confirmNip", {}, squatterToken)).toEqual({ ok: true, result: { nip: "taken" } });
    expect(await call("confirmNip", {}, ownerToken)).toEqual({ ok: true, result: { nip: "confirmed" } });
    expect(await reservationOf(nip)).toMatchObject({ uid: owner.uid, status: "confirmed" });
  });
});
