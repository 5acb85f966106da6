/**
 * The account callables through the functions emulator, called the way the web client calls them.
 * The functions emulator serves only demo-seleksi, so this file shares that project with every other
 * function test: each email, NIP and instansi id here carries a suffix unique to this run.
 */
import { afterAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { staffClaimsOf } from "../../functions/src/domain/roles.js";
import { auth, db } from "../support/admin.js";
import { signIn, uniqueSuffix, type CallResult } from "../support/callables.js";
import { register as registerAs, signUpFor } from "../support/signup.js";
import { uidForRequest } from "../../functions/src/accounts/registerCandidate.js";

const RUN = uniqueSuffix();
const PASSWORD = "Seleksi2025";

// ---- unique, valid NIPs -----------------------------------------------------------------------

// Birth dates 1965-01-01 onwards (about 30 years of days) times sequence 001-999 give ~11 million
// NIPs; starting from the clock and counting up keeps runs apart without a shared registry.
const BIRTH_DAYS = 30 * 365;
const SEQUENCES = 999;
let nipCounter = Math.floor(Date.now() / 10) % (BIRTH_DAYS * SEQUENCES);

interface TestNip {
  readonly value: string;
  readonly birthDate: string; // YYYY-MM-DD
  readonly serviceStart: string; // YYYY-MM
  readonly sex: "L" | "P";
}

/** An 18-digit NIP that parses: a real birth date, service from age 23, a sex digit and sequence. */
function nextNip(sex: "L" | "P" = "P"): TestNip {
  const n = nipCounter++ % (BIRTH_DAYS * SEQUENCES);
  const birth = new Date(Date.UTC(1965, 0, 1) + Math.floor(n / SEQUENCES) * 86_400_000);
  const birthDate = birth.toISOString().slice(0, 10);
  // March of the year the candidate turns 23: always after the 18th birthday the NIP rules demand.
  const serviceStart = `${birth.getUTCFullYear() + 23}-03`;
  const sequence = String((n % SEQUENCES) + 1).padStart(3, "0");
  const value = `${birthDate.replaceAll("-", "")}${serviceStart.replace("-", "")}${sex === "L" ? "1" : "2"}${sequence}`;
  return { value, birthDate, serviceStart, sex };
}

const emailOf = (who: string) => `${who}.${RUN}@seleksi.demo`;

type SignUp = ReturnType<typeof signUpFor>;

function signUpOf(who: string, nip: TestNip = nextNip()): SignUp {
  return { ...signUpFor(emailOf(who), nip.value), password: PASSWORD };
}

/** The answer never names the account (signup.emulator.test.ts); the uid follows from the request id. */
async function register(input: SignUp): Promise<CallResult<{ uid: string }>> {
  const result = await registerAs(input);
  return result.ok ? { ok: true, result: { uid: uidForRequest(input.requestId) } } : result;
}

/** Expects a typed failure; status and issue codes are what the web client acts on. */
function failureOf<T>(result: CallResult<T>): { status: string; codes: string[] } {
  if (result.ok) throw new Error(`expected the call to fail, it returned ${JSON.stringify(result.result)}`);
  return { status: result.status, codes: result.issues.map((i) => i.code) };
}

async function expectNoAuthUser(email: string): Promise<void> {
  await expect(auth.getUserByEmail(email)).rejects.toMatchObject({ code: "auth/user-not-found" });
}

const created: string[] = [];

afterAll(async () => {
  // The emulator forgets everything at the end of the run; this only keeps a long-running
  // `firebase emulators:start` session from filling up with test accounts.
  const uids = created.filter((uid) => uid !== "");
  if (uids.length > 0) await auth.deleteUsers(uids);
});

// ---- registerCandidate --------------------------------------------------------------------------

describe("registerCandidate", () => {
  it("creates the Auth user, the profile derived from the NIP and the NIP reservation", async () => {
    const nip = nextNip("P");
    const input = {
      ...signUpOf("ani", nip),
      nip: `${nip.value.slice(0, 8)} ${nip.value.slice(8, 14)} ${nip.value.slice(14, 15)} ${nip.value.slice(15)}`,
    };

    const result = await register(input);

    expect(result).toMatchObject({ ok: true });
    const uid = result.ok ? result.result.uid : "";
    created.push(uid);
    const user = await auth.getUser(uid);
    expect(user.email).toBe(input.email);
    expect(user.displayName).toBe(input.name);
    // A candidate belongs to no tenant: no staff claims at sign-up.
    expect(staffClaimsOf(user.customClaims)).toBeUndefined();

    const profile = (await db.doc(`${COLLECTIONS.profiles}/${uid}`).get()).data();
    expect(profile).toMatchObject({
      name: input.name,
      nip: nip.value, // stored without the spaces the candidate typed
      email: input.email,
      birthDate: nip.birthDate,
      serviceStart: nip.serviceStart,
      sex: "P",
    });
    expect(profile?.["createdAt"]).toBeDefined();

    const reservation = (await db.doc(`${COLLECTIONS.nips}/${nip.value}`).get()).data();
    expect(reservation).toMatchObject({ uid });

    // The password given at sign-up is the one that works.
    await expect(signIn(input.email, PASSWORD)).resolves.toMatchObject({ uid });
  });

  it("derives sex L from sex digit 1", async () => {
    const nip = nextNip("L");
    const result = await register(signUpOf("budi", nip));
    expect(result).toMatchObject({ ok: true });
    const uid = result.ok ? result.result.uid : "";
    created.push(uid);
    expect((await db.doc(`${COLLECTIONS.profiles}/${uid}`).get()).get("sex")).toBe("L");
  });

  // A taken NIP or e-mail and racing sign-ups now get the uniform answer: signup.emulator.test.ts.

  it.each([
    { nip: "19780615200312200", code: "err.nip.length", why: "17 digits" },
    { nip: "1978061520031220041", code: "err.nip.length", why: "19 digits" },
    { nip: "19780615200312200O", code: "err.nip.notDigits", why: "letter O for zero" },
    { nip: "197802302003122004", code: "err.nip.birthDate", why: "30 February" },
    { nip: "197806151994122004", code: "err.nip.serviceBeforeAdult", why: "service at 16" },
    { nip: "197806152003123004", code: "err.nip.sex", why: "sex digit 3" },
    { nip: "197806152003122000", code: "err.nip.sequence", why: "sequence 000" },
  ])("refuses an invalid NIP ($why) with $code and writes nothing", async ({ nip, code }) => {
    const input = { ...signUpOf(`bad-nip-${code}-${nip.length}`), nip };

    const failure = failureOf(await register(input));

    expect(failure).toEqual({ status: "INVALID_ARGUMENT", codes: [code] });
    await expectNoAuthUser(input.email);
    const digits = nip.replace(/\D/g, "");
    if (digits.length > 0) expect((await db.doc(`${COLLECTIONS.nips}/${digits}`).get()).exists).toBe(false);
    const profiles = await db.collection(COLLECTIONS.profiles).where("email", "==", input.email).get();
    expect(profiles.empty).toBe(true);
  });

  it.each([
    { password: "seleksionline", code: "err.password.weak", why: "letters only" },
    { password: "2025202520", code: "err.password.weak", why: "digits only" },
    { password: "Sel2025", code: "err.password.short", why: "7 characters" },
  ])("refuses a weak password ($why) with $code and writes nothing", async ({ password, code }) => {
    const nip = nextNip();
    const input = { ...signUpOf(`weak-${password.length}-${code}`, nip), password };

    expect(failureOf(await register(input))).toEqual({ status: "INVALID_ARGUMENT", codes: [code] });
    await expectNoAuthUser(input.email);
    expect((await db.doc(`${COLLECTIONS.nips}/${nip.value}`).get()).exists).toBe(false);
  });
});
