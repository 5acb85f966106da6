import { describe, expect, it } from "vitest";
import { afterLost, afterRefused, afterSaved, keepMine, queueSave } from "./profileOutbox";

const A = { name: "Drs. Ahmad Fauzi, M.Si.", phone: "0812-7200-1534" };
const B = { name: "Drs. Ahmad Fauzi, M.Si.", phone: "0812-7200-0001" };

describe("the profile outbox", () => {
  it("keeps a save until the server takes it, and a newer save on top of the new revision", () => {
    const first = queueSave(undefined, A, 4);
    expect(first).toEqual({ baseRevision: 4, profile: A, edits: 1, state: "waiting" });
    const sending = afterLost(first, "req-1");
    const newer = queueSave(sending, B, 4);
    // The answer to the first send arrives: the newer profile still waits, based on revision 5.
    expect(afterSaved(newer, 1, 5)).toEqual({ baseRevision: 5, profile: B, edits: 2, state: "waiting" });
    expect(afterSaved(sending, 1, 5)).toBeUndefined();
  });

  it("keeps the request id while the outcome is unknown, and drops it when a newer save replaces the profile", () => {
    const lost = afterLost(queueSave(undefined, A, 0), "req-1");
    expect(lost.requestId).toBe("req-1");
    // Sending B under req-1 would get A's answer back and lose B without a word.
    expect(queueSave(lost, B, 0).requestId).toBeUndefined();
  });

  it("keeps a refused profile with its reasons, and a stale one with the stored version until the candidate chooses", () => {
    const item = afterLost(queueSave(undefined, A, 1), "req-1");
    const refused = afterRefused(item, [{ code: "err.profile.nipFixed", field: "profile.nip" }]);
    expect(refused).toMatchObject({ state: "refused", profile: A, baseRevision: 1 });
    expect(refused.requestId).toBeUndefined();

    const conflict = { revision: 3, profile: B };
    const stale = afterRefused(item, [{ code: "err.profile.staleRevision" }], conflict);
    expect(stale).toMatchObject({ state: "conflict", profile: A, conflict });
    expect(keepMine(stale)).toEqual({ baseRevision: 3, profile: A, edits: 1, state: "waiting" });
    // Saving again after seeing the conflict keeps the new version over the stored one.
    expect(queueSave(stale, B, 1)).toEqual({ baseRevision: 3, profile: B, edits: 2, state: "waiting" });
  });
});
