/**
 * saveProfile through the functions emulator, as an attacker would try it: another candidate's
 * profile, a changed NIP, a birth date the NIP contradicts, oversize lists, forged system fields, a
 * replayed request and a save from a stale device. Every refusal must leave the stored profile
 * exactly as it was (its update time unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { candidateProfile } from "../../functions/src/domain/schemas/profile.js";
import { profileDoc } from "../../functions/src/domain/schemas/documents.js";
import { FAUZI_INPUT } from "../fixtures/metro2021Profile.js";
import { db } from "../support/admin.js";
import { call, uniqueSuffix } from "../support/callables.js";
import { failureOf, newRequestId, resultOf, staffAccounts, type User } from "../support/process.js";

const RUN = uniqueSuffix();
const accounts = staffAccounts(`profile-${RUN}`);
let fauzi: User;
let ani: User;
let operator: User;

const NIP_FAUZI = "197203151998031004";
const NIP_ANI = "197806152003122004";
const SIGN_UP = {
  nipStatus: "confirmed",
  consent: { version: "2026-11-01", at: "2026-11-20T03:00:00.000Z" },
  flags: { dispute: "none" },
  requestId: "signup-request-1",
};

const profileRef = (uid: string) => db.collection(COLLECTIONS.profiles).doc(uid);
const storedOf = async (uid: string) => (await profileRef(uid).get()).data() ?? {};
const updateTimeOf = async (uid: string) => (await profileRef(uid).get()).updateTime?.toMillis();

interface Answer {
  revision: number;
  at: string;
}

function save(who: User, profile: object, extra: { requestId?: string; baseRevision?: number } = {}) {
  return call<Answer>(
    "saveProfile",
    { requestId: extra.requestId ?? newRequestId(), baseRevision: extra.baseRevision ?? 0, profile },
    who.idToken,
  );
}

/** A profile as registerCandidate leaves it (with the pre-issue-8 `originInstansi` of the seed). */
async function signedUp(uid: string, nip: string, name: string, birthDate: string, sex: "L" | "P") {
  await profileRef(uid).set({
    name,
    nip,
    email: `${uid}@seleksi.demo`,
    birthDate,
    serviceStart: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    sex,
    golongan: "IV/a",
    originInstansi: "Pemerintah Kota Metro",
    ...SIGN_UP,
  });
}

beforeAll(async () => {
  [fauzi, ani, operator] = await Promise.all([
    accounts.user("fauzi", "Drs. Ahmad Fauzi, M.Si."),
    accounts.user("ani", "Dr. Ani Rahmawati, S.E., M.Si."),
    accounts.user("operator", "Dewi Lestari, S.Sos.", { instansi: `kota-metro-${RUN}`, roles: ["operator"] }),
  ]);
  await signedUp(fauzi.uid, NIP_FAUZI, "Drs. Ahmad Fauzi, M.Si.", "1972-03-15", "L");
  await signedUp(ani.uid, NIP_ANI, "Dr. Ani Rahmawati, S.E., M.Si.", "1978-06-15", "P");
});

afterAll(async () => {
  await Promise.all([fauzi, ani].map((u) => db.recursiveDelete(profileRef(u.uid))));
  await accounts.deleteAll();
});

describe("saveProfile", () => {
  it("reads a profile from before issue 8 with its originInstansi as currentInstansi", async () => {
    const parsed = profileDoc.parse(await storedOf(ani.uid));
    expect(parsed.currentInstansi).toBe("Pemerintah Kota Metro");
    expect(parsed.profileRevision).toBeUndefined();
  });

  it("refuses a caller without an account, and staff without a profile, creating nothing", async () => {
    expect(
      failureOf(await call("saveProfile", { requestId: newRequestId(), baseRevision: 0, profile: FAUZI_INPUT })),
    ).toEqual({ status: "UNAUTHENTICATED", codes: ["err.auth.required"] });
    expect(failureOf(await save(operator, { ...FAUZI_INPUT, nip: NIP_FAUZI }))).toEqual({
      status: "NOT_FOUND",
      codes: ["err.profile.missing"],
    });
    expect((await profileRef(operator.uid).get()).exists).toBe(false);
  });

  it("refuses a NIP other than the one reserved at sign-up", async () => {
    const before = await updateTimeOf(ani.uid);
    // A valid NIP (Fauzi's), with a birth date that matches it: only the NIP itself is wrong.
    const result = await save(ani, { ...FAUZI_INPUT, name: "Dr. Ani Rahmawati, S.E., M.Si." });
    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.profile.nipFixed"] });
    expect(!result.ok && result.issues[0]).toMatchObject({
      field: "profile.nip",
      params: { nip: "19780615 200312 2 004" },
    });
    expect(await updateTimeOf(ani.uid)).toBe(before);
  });

  it("cannot reach another candidate's profile: the input names no uid, the caller's own is written", async () => {
    const aniBefore = await updateTimeOf(ani.uid);
    // Ani sends Fauzi's uid and document path along with her own NIP: they are not part of the input.
    const own = { ...FAUZI_INPUT, nip: NIP_ANI, name: "Dr. Ani Rahmawati, S.E., M.Si.", birthDate: "1978-06-15" };
    const sent = await call<Answer>(
      "saveProfile",
      { requestId: newRequestId(), baseRevision: 0, profile: own, uid: fauzi.uid, path: `profiles/${fauzi.uid}` },
      ani.idToken,
    );
    expect(resultOf(sent).revision).toBe(1);
    expect(await updateTimeOf(ani.uid)).not.toBe(aniBefore);
    const fauziStored = await storedOf(fauzi.uid);
    expect(fauziStored["name"]).toBe("Drs. Ahmad Fauzi, M.Si.");
    expect(fauziStored["profileRevision"]).toBeUndefined();
    expect(fauziStored["posts"]).toBeUndefined();
  });

  it("refuses a birth date the NIP contradicts, beside the birth date field", async () => {
    const before = await updateTimeOf(fauzi.uid);
    const result = await save(fauzi, { ...FAUZI_INPUT, birthDate: "1972-05-13" });
    expect(failureOf(result)).toEqual({ status: "INVALID_ARGUMENT", codes: ["err.profile.nipBirthMismatch"] });
    expect(!result.ok && result.issues[0]).toMatchObject({
      field: "profile.birthDate",
      params: { birthDate: "1972-05-13", nipBirthDate: "1972-03-15" },
    });
    expect(!result.ok && result.message).toContain("tidak sama dengan tanggal lahir dalam NIP");
    expect(await updateTimeOf(fauzi.uid)).toBe(before);
  });

  it("refuses lists and texts over their bounds", async () => {
    const before = await updateTimeOf(fauzi.uid);
    const post = FAUZI_INPUT.posts[0]!;
    const posts = Array.from({ length: 31 }, () => post);
    const performance = [2016, 2017, 2018, 2019, 2020, 2021].map((year) => ({ year, rating: "Baik" }));
    const tooMany = await save(fauzi, { ...FAUZI_INPUT, posts, performance });
    expect(failureOf(tooMany)).toEqual({
      status: "INVALID_ARGUMENT",
      codes: ["err.profile.tooMany", "err.profile.tooMany"],
    });
    expect(!tooMany.ok && tooMany.issues.map((i) => i.field)).toEqual(["profile.posts", "profile.performance"]);
    const long = await save(fauzi, { ...FAUZI_INPUT, currentPost: "Kepala ".repeat(60) });
    expect(failureOf(long).codes).toEqual(["err.profile.textLong"]);
    expect(await updateTimeOf(fauzi.uid)).toBe(before);
  });

  it("saves the whole profile at the top level and keeps the sign-up's fields, ignoring forged ones", async () => {
    const forged = {
      ...FAUZI_INPUT,
      nipStatus: "confirmed-by-me",
      flags: {},
      consent: { version: "1999", at: "1999-01-01T00:00:00.000Z" },
      serviceStart: "1990-01",
      sex: "P",
      profileRevision: 99,
      updatedAt: "2000-01-01T00:00:00.000Z",
    };
    const answer = resultOf(
      await call<Answer>(
        "saveProfile",
        { requestId: newRequestId(), baseRevision: 0, profile: forged, nipStatus: "confirmed", flags: {} },
        fauzi.idToken,
      ),
    );
    expect(answer.revision).toBe(1);
    const stored = await storedOf(fauzi.uid);
    expect(stored).toMatchObject({
      ...SIGN_UP,
      serviceStart: "1998-03",
      sex: "L",
      profileRevision: 1,
      updatedAt: answer.at,
    });
    expect(stored["originInstansi"]).toBeUndefined();
    // Other engineers parse the document with candidateProfile(): it must give back what was sent.
    const parsed = candidateProfile().parse(stored);
    expect(parsed).toEqual(candidateProfile().parse(FAUZI_INPUT));
    expect(profileDoc.parse(stored).currentInstansi).toBe("Pemerintah Kota Metro");
  });

  it("answers a replayed request with its first answer and saves once", async () => {
    const base = (await storedOf(fauzi.uid))["profileRevision"] as number;
    const requestId = newRequestId();
    const first = resultOf(
      await save(fauzi, { ...FAUZI_INPUT, phone: "0812-7200-0001" }, { requestId, baseRevision: base }),
    );
    const after = await updateTimeOf(fauzi.uid);
    // The same request again, even carrying other content: the first answer, nothing written.
    const again = await save(fauzi, { ...FAUZI_INPUT, phone: "0812-7200-9999" }, { requestId, baseRevision: base });
    expect(resultOf(again)).toEqual(first);
    expect(first.revision).toBe(base + 1);
    expect(await updateTimeOf(fauzi.uid)).toBe(after);
    expect((await storedOf(fauzi.uid))["phone"]).toBe("0812-7200-0001");
  });

  it("refuses a save from an older revision with the stored profile, and takes it on top of the current one", async () => {
    const current = (await storedOf(fauzi.uid))["profileRevision"] as number;
    // The laptop saves first; the phone still holds the revision before.
    resultOf(await save(fauzi, { ...FAUZI_INPUT, province: "Lampung" }, { baseRevision: current }));
    const before = await updateTimeOf(fauzi.uid);
    const phone = { ...FAUZI_INPUT, currentPost: "Kepala Bappeda" };
    const stale = await save(fauzi, phone, { baseRevision: current });
    expect(failureOf(stale)).toEqual({ status: "ABORTED", codes: ["err.profile.staleRevision"] });
    const details = !stale.ok
      ? (stale.details?.["current"] as { revision: number; profile: Record<string, unknown> })
      : undefined;
    expect(details?.revision).toBe(current + 1);
    expect(details?.profile["currentPost"]).toBe("Sekretaris Bappeda");
    expect(details?.profile["nipStatus"]).toBeUndefined(); // only the candidate's own fields go back
    expect(await updateTimeOf(fauzi.uid)).toBe(before);
    // The candidate compared both and keeps the phone's version: sent again on the current revision.
    expect(resultOf(await save(fauzi, phone, { baseRevision: current + 1 })).revision).toBe(current + 2);
    expect((await storedOf(fauzi.uid))["currentPost"]).toBe("Kepala Bappeda");
  });

  it("clears an optional field left empty", async () => {
    const base = (await storedOf(fauzi.uid))["profileRevision"] as number;
    resultOf(await save(fauzi, { ...FAUZI_INPUT, phone: undefined }, { baseRevision: base }));
    const stored = await storedOf(fauzi.uid);
    expect(stored["phone"]).toBeUndefined();
    expect(stored["birthDate"]).toBe("1972-03-15");
  });
});
