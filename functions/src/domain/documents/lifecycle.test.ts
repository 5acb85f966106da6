import { describe, expect, it } from "vitest";
import { isStuck, olderVersions, settledStatus } from "./lifecycle.js";

describe("isStuck", () => {
  const staleBefore = "2026-12-01T10:00:00.000Z";
  it.each([
    ["no file, number taken before the cut-off", { sha256: null, issuedAt: "2026-12-01T09:59:59.999Z" }, true],
    ["no file, exactly at the cut-off", { sha256: null, issuedAt: staleBefore }, true],
    ["no file, still within the call's time", { sha256: null, issuedAt: "2026-12-01T10:00:00.001Z" }, false],
    ["no file, from before issuedAt was recorded", { sha256: null, issuedAt: null }, true],
    ["finished", { sha256: "ab".repeat(32), issuedAt: "2026-12-01T09:00:00.000Z" }, false],
  ])("%s: %s", (_why, record, stuck) => {
    expect(isStuck(record, staleBefore)).toBe(stuck);
  });
});

describe("settledStatus", () => {
  const id = "metro-2021-jpt-pengumuman-v2";
  const issuing = { status: "issuing" as const, supersededBy: null };

  it("makes the version the selection points at valid", () => {
    expect(settledStatus(id, issuing, { currentId: id, stage: "pendaftaran" })).toEqual({
      status: "valid",
      supersededBy: null,
    });
  });

  it("supersedes a version a newer issue overtook, by the version the selection points at", () => {
    const newer = "metro-2021-jpt-pengumuman-v3";
    expect(settledStatus(id, issuing, { currentId: newer, stage: "pendaftaran" })).toEqual({
      status: "superseded",
      supersededBy: newer,
    });
  });

  it("keeps a revoked version revoked, and revokes one finished after the cancellation", () => {
    const revoked = { status: "revoked" as const, supersededBy: null };
    expect(settledStatus(id, revoked, { currentId: id, stage: "dibatalkan" }).status).toBe("revoked");
    expect(settledStatus(id, issuing, { currentId: id, stage: "dibatalkan" }).status).toBe("revoked");
  });
});

describe("olderVersions", () => {
  it.each([
    [1, []],
    [2, [1]],
    [4, [1, 2, 3]],
  ])("before version %i: %j", (version, older) => {
    expect(olderVersions(version)).toEqual(older);
  });
});
