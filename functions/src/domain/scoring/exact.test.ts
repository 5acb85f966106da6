import { describe, expect, it } from "vitest";
import { addFractions, roundHalfUp, toHundredths } from "./exact.js";

describe("exact arithmetic", () => {
  it("reads at most two decimals as whole hundredths, even where binary floats are off", () => {
    expect(toHundredths(80.1)).toBe(8010);
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(312.75)).toBe(31275);
    expect(toHundredths(80.125)).toBeNull();
    expect(toHundredths(Number.NaN)).toBeNull();
  });

  it("rounds half up once, from the exact value", () => {
    expect(roundHalfUp({ num: 4001, den: 2 })).toBe(2001); // 2000.5 → 2001
    expect(roundHalfUp({ num: 4001 * 3 - 1, den: 6 })).toBe(2000); // just under the half
    expect(roundHalfUp({ num: 1, den: 3 })).toBe(0);
    expect(roundHalfUp({ num: 2, den: 3 })).toBe(1);
  });

  it("adds fractions exactly: a third three times is one", () => {
    const third = { num: 1, den: 3 };
    expect(addFractions(addFractions(third, third), third)).toEqual({ num: 1, den: 1 });
  });

  it("falls back to BigInt when a sum would pass 2^53, and stays exact", () => {
    const big = { num: 2 ** 52, den: 3 };
    const sum = addFractions(big, { num: 2 ** 52, den: 3 });
    expect(sum.num / sum.den).toBeCloseTo(2 ** 53 / 3, 0);
    expect(addFractions({ num: 1, den: 2 ** 30 - 35 }, { num: 1, den: 2 ** 30 - 41 }).den).toBe(
      (2 ** 30 - 35) * (2 ** 30 - 41),
    );
  });
});
