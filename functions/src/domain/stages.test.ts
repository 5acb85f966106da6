import { describe, it, expect } from "vitest";
import { STAGES, isPublicStage, isStage } from "./stages.js";

describe("STAGES", () => {
  it("names each stage once", () => {
    expect(new Set(STAGES).size).toBe(STAGES.length);
  });

  it("runs from preparation through appointment to the end", () => {
    expect(STAGES[0]).toBe("persiapan");
    const order = ["pendaftaran", "seleksiAdministrasi", "wawancara", "pemeringkatan", "pelantikan", "selesai"];
    const positions = order.map((s) => STAGES.indexOf(s as (typeof STAGES)[number]));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe("isStage", () => {
  it.each(STAGES)("accepts %s", (stage) => {
    expect(isStage(stage)).toBe(true);
  });

  it.each(["", "Persiapan", "selesai ", "stage.persiapan", "closed", 0, null, undefined, {}])("rejects %j", (value) => {
    expect(isStage(value)).toBe(false);
  });
});

describe("isPublicStage", () => {
  it("hides a selection still in preparation", () => {
    expect(isPublicStage("persiapan")).toBe(false);
  });

  it.each(STAGES.filter((s) => s !== "persiapan"))("shows a selection in %s", (stage) => {
    expect(isPublicStage(stage)).toBe(true);
  });
});
