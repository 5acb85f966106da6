import { describe, expect, it } from "vitest";
import { FAUZI_INPUT } from "../../../../test/fixtures/metro2021Profile.js";
import { candidateProfile } from "./profile.js";
import { differingSections, saveProfileInput, storedProfileFields } from "./profileSave.js";
import { parseWith } from "../validation.js";
import { profileDoc } from "./documents.js";

const TODAY = { year: 2026, month: 12, day: 2 };

describe("saveProfileInput", () => {
  it("strips whatever is not the candidate's to write", () => {
    const parsed = saveProfileInput(TODAY).parse({
      requestId: "req-12345678",
      baseRevision: 3,
      uid: "someone-else",
      nipStatus: "confirmed",
      profile: {
        ...FAUZI_INPUT,
        nipStatus: "confirmed",
        flags: {},
        sex: "P",
        serviceStart: "1990-01",
        profileRevision: 9,
      },
    });
    expect(Object.keys(parsed).sort()).toEqual(["baseRevision", "profile", "requestId"]);
    expect(parsed.profile).toEqual(candidateProfile(TODAY).parse(FAUZI_INPUT));
  });

  it("names a birth date the NIP contradicts under the profile", () => {
    const parsed = parseWith(saveProfileInput(TODAY), {
      requestId: "req-12345678",
      baseRevision: 0,
      profile: { ...FAUZI_INPUT, birthDate: "1972-05-13" },
    });
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      {
        code: "err.profile.nipBirthMismatch",
        field: "profile.birthDate",
        params: { birthDate: "1972-05-13", nipBirthDate: "1972-03-15" },
      },
    ]);
  });

  it("refuses a negative or fractional base revision", () => {
    for (const baseRevision of [-1, 1.5, "2"]) {
      const parsed = parseWith(saveProfileInput(TODAY), {
        requestId: "req-12345678",
        baseRevision,
        profile: FAUZI_INPUT,
      });
      expect(parsed.ok).toBe(false);
    }
  });
});

describe("storedProfileFields", () => {
  it("keeps the candidate's fields only, reading the old originInstansi as currentInstansi", () => {
    const fields = storedProfileFields({
      name: "Drs. Ahmad Fauzi, M.Si.",
      nip: "197203151998031004",
      nipStatus: "confirmed",
      sex: "L",
      originInstansi: "Pemerintah Kota Metro",
      profileRevision: 2,
    });
    expect(fields).toEqual({
      name: "Drs. Ahmad Fauzi, M.Si.",
      nip: "197203151998031004",
      currentInstansi: "Pemerintah Kota Metro",
    });
  });
});

describe("differingSections", () => {
  const mine = candidateProfile(TODAY).parse(FAUZI_INPUT);

  it("finds none between a profile and itself with its keys in another order", () => {
    const reordered = {
      ...mine,
      posts: mine.posts.map((p) => ({ to: p.to, from: p.from, type: p.type, name: p.name })),
    };
    expect(differingSections(mine, JSON.parse(JSON.stringify(reordered)) as Record<string, unknown>)).toEqual([]);
  });

  it("names each differing section once, in the order of the screen, empty lists equal to none", () => {
    const theirs = { ...mine, phone: "0811", performance: [], currentPost: "Kepala Bappeda", province: undefined };
    expect(differingSections(mine, theirs)).toEqual(["currentPost", "performance", "contact"]);
    expect(differingSections({ ...mine, education: [] }, { ...mine, education: undefined })).toEqual([]);
  });
});

describe("profileDoc", () => {
  const signUp = {
    name: "Drs. Ahmad Fauzi, M.Si.",
    nip: "197203151998031004",
    email: "peserta@metrokota.demo",
    birthDate: "1972-03-15",
    serviceStart: "1998-03",
    sex: "L",
  };

  it("reads a profile from before issue 8, its originInstansi as currentInstansi", () => {
    const parsed = profileDoc.parse({ ...signUp, originInstansi: "Pemerintah Kota Metro" });
    expect(parsed.currentInstansi).toBe("Pemerintah Kota Metro");
    expect(parsed.posts).toBeUndefined();
  });

  it("reads a saved profile, its currentInstansi over a leftover originInstansi", () => {
    const saved = { ...signUp, ...candidateProfile(TODAY).parse(FAUZI_INPUT), profileRevision: 2, updatedAt: "x" };
    const parsed = profileDoc.parse({ ...saved, originInstansi: "Pemerintah Kota Lama" });
    expect(parsed).toMatchObject({ currentInstansi: "Pemerintah Kota Metro", profileRevision: 2 });
    expect(parsed.performance).toEqual([
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Sangat Baik" },
    ]);
  });
});
