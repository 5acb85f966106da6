import { describe, expect, it } from "vitest";
import { seedRefusal } from "../seed/guard.js";

const EMULATED = {
  FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080",
  FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099",
  GCLOUD_PROJECT: "demo-seleksi",
};

describe("seedRefusal", () => {
  it("lets the seed run against both emulators with a demo- project", () => {
    expect(seedRefusal(EMULATED)).toBeUndefined();
    expect(seedRefusal({ ...EMULATED, GCLOUD_PROJECT: undefined, GOOGLE_CLOUD_PROJECT: "demo-x" })).toBeUndefined();
  });

  it.each([
    ["no Firestore emulator", { FIRESTORE_EMULATOR_HOST: undefined }, /FIRESTORE_EMULATOR_HOST/],
    ["an empty Firestore emulator host", { FIRESTORE_EMULATOR_HOST: "" }, /FIRESTORE_EMULATOR_HOST/],
    ["no Auth emulator", { FIREBASE_AUTH_EMULATOR_HOST: undefined }, /FIREBASE_AUTH_EMULATOR_HOST/],
    ["a real project", { GCLOUD_PROJECT: "seleksi-prod" }, /seleksi-prod/],
    ["a project merely containing demo-", { GCLOUD_PROJECT: "prod-demo-seleksi" }, /not a demo- project/],
    ["no project at all", { GCLOUD_PROJECT: undefined }, /not a demo- project/],
  ])("refuses %s", (_label, change, reason) => {
    expect(seedRefusal({ ...EMULATED, ...change })).toMatch(reason);
  });
});
