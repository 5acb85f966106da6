import { describe, it, expect } from "vitest";
import { GOLONGAN, RANKS, compareGolongan, rankLabel } from "./ranks.js";

describe("GOLONGAN", () => {
  it("lists the grades from III/a up to IV/e in order", () => {
    expect(GOLONGAN).toEqual(["III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]);
  });

  it("gives each grade one pangkat", () => {
    expect(new Set(RANKS.map((r) => r.pangkat)).size).toBe(RANKS.length);
  });
});

describe("rankLabel", () => {
  it.each([
    ["III/a", "Penata Muda, III/a"],
    ["IV/a", "Pembina, IV/a"],
    ["IV/b", "Pembina Tingkat I, IV/b"],
    ["IV/e", "Pembina Utama, IV/e"],
  ] as const)("writes %s as %s", (golongan, label) => {
    expect(rankLabel(golongan)).toBe(label);
  });
});

describe("compareGolongan", () => {
  it("orders grades as eligibility minimums need", () => {
    expect(compareGolongan("IV/a", "IV/b")).toBeLessThan(0);
    expect(compareGolongan("IV/a", "III/d")).toBeGreaterThan(0);
    expect(compareGolongan("IV/c", "IV/c")).toBe(0);
  });

  it("sorts a shuffled list back into GOLONGAN order", () => {
    const shuffled = ["IV/e", "III/a", "IV/b", "III/d", "IV/a", "III/c", "IV/d", "III/b", "IV/c"] as const;
    expect([...shuffled].sort(compareGolongan)).toEqual(GOLONGAN);
  });
});
