import { afterEach, describe, expect, it, vi } from "vitest";
import { afterRefused, keepMine, loadItem, storeItem, waiting, type OutboxItemBase } from "./deviceOutbox";

interface Item extends OutboxItemBase<{ revision: number; stored: string }> {
  readonly payload: string;
}

const refused: Item = {
  baseRevision: 3,
  payload: "mine",
  edits: 2,
  requestId: "r1",
  state: "conflict",
  issues: [{ code: "err.stage.stale" }],
  conflict: { revision: 5, stored: "theirs" },
};

describe("the device outbox's item", () => {
  it("waits again without its request id, reasons and conflict, keeping its own payload field", () => {
    expect(waiting(refused, 4)).toEqual({ baseRevision: 4, payload: "mine", edits: 2, state: "waiting" });
  });
  it("keeps this device's version on top of the stored revision", () => {
    expect(keepMine(refused)).toEqual({ baseRevision: 5, payload: "mine", edits: 2, state: "waiting" });
  });
  it("is refused with the reasons, and with the stored version when the save was stale", () => {
    const sent = waiting(refused, 3);
    expect(afterRefused(sent, [{ code: "err.stage.stale" }])).toMatchObject({ state: "refused", payload: "mine" });
    expect(afterRefused(sent, [{ code: "err.stage.stale" }], { revision: 9, stored: "s" })).toMatchObject({
      state: "conflict",
      conflict: { revision: 9 },
    });
  });
});

describe("the device outbox's storage", () => {
  const memory = new Map<string, string>();
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  });
  afterEach(() => memory.clear());

  it("stores, reloads and removes an item", () => {
    storeItem("k", refused);
    expect(loadItem("k", (v) => v as Item)).toEqual(refused);
    storeItem("k", undefined);
    expect(loadItem("k", (v) => v as Item)).toBeUndefined();
  });
  it("answers nothing for damaged text instead of throwing at the screen", () => {
    memory.set("k", "{not json");
    expect(loadItem("k", (v) => v as Item)).toBeUndefined();
  });
});
