import { describe, expect, it } from "vitest";
import { addEdit, afterLost, afterRefused, afterSaved, differingFields, keepMine, retry } from "./outbox";

describe("the setup outbox", () => {
  it("merges edits made before the first is sent, the latest value of a field winning", () => {
    const one = addEdit(undefined, { title: "A", year: 2025 }, 3);
    const two = addEdit(one, { title: "B" }, 7);
    expect(two).toMatchObject({ baseRevision: 3, part: { title: "B", year: 2025 }, edits: 2, state: "waiting" });
  });

  it("clears after a save unless the operator typed meanwhile, then rebases on the new revision", () => {
    const item = addEdit(undefined, { title: "A" }, 3);
    expect(afterSaved(item, 1, 4)).toBeUndefined();
    const more = addEdit(item, { openTo: "PNS" }, 3);
    expect(afterSaved(more, 1, 4)).toMatchObject({ baseRevision: 4, state: "waiting", edits: 2 });
  });

  it("keeps the request id while the outcome is unknown and drops it on a refusal", () => {
    const lost = afterLost(addEdit(undefined, { title: "A" }, 0), "req-12345678");
    expect(lost.requestId).toBe("req-12345678");
    const refused = afterRefused(lost, [{ code: "err.setup.closed" }]);
    expect(refused.requestId).toBeUndefined();
    expect(refused).toMatchObject({ state: "refused", part: { title: "A" } });
    expect(retry(refused)).toMatchObject({ state: "waiting", part: { title: "A" } });
  });

  it("shows the fields that differ from a colleague's save and keeps mine on request", () => {
    const item = addEdit(undefined, { title: "Mine", year: 2025 }, 1);
    const conflict = afterRefused(item, [{ code: "err.setup.staleRevision" }], {
      revision: 2,
      setup: { title: "Theirs", year: 2025 },
    });
    expect(differingFields(conflict)).toEqual([{ field: "title", mine: "Mine", theirs: "Theirs" }]);
    expect(keepMine(conflict)).toMatchObject({ baseRevision: 2, state: "waiting", part: { title: "Mine" } });
  });
});
