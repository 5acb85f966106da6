import { describe, expect, it } from "vitest";
import { later } from "./Later";

describe("later", () => {
  it("loads nothing until asked, then loads once for every caller", async () => {
    let loads = 0;
    const part = later(() => {
      loads++;
      return Promise.resolve({ value: 42 });
    });
    expect(loads).toBe(0);
    expect(part.loaded()).toBeUndefined();
    const [a, b] = await Promise.all([part.preload(), part.preload()]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(part.loaded()?.value).toBe(42);
  });

  it("tries again after a failed download instead of keeping the failure", async () => {
    let loads = 0;
    const part = later(() => {
      loads++;
      return loads === 1 ? Promise.reject(new Error("offline")) : Promise.resolve("module");
    });
    await expect(part.preload()).rejects.toThrow("offline");
    expect(part.loaded()).toBeUndefined();
    await expect(part.preload()).resolves.toBe("module");
    expect(loads).toBe(2);
    expect(part.loaded()).toBe("module");
  });
});
