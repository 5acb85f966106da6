import { describe, expect, it } from "vitest";
import { parseWith } from "../validation.js";
import { isOpenTo, openToRule, type OpenToRule } from "./openTo.js";

/** Kota Metro 2021 was "open to every ASN in Lampung province". */
const LAMPUNG: OpenToRule = { scope: "province", province: "Lampung", conditions: [] };

describe("the open-to rule", () => {
  it("parses each scope and defaults the conditions", () => {
    expect(parseWith(openToRule, { scope: "national" })).toEqual({
      ok: true,
      value: { scope: "national", conditions: [] },
    });
    expect(parseWith(openToRule, { scope: "province", province: " Lampung " })).toEqual({
      ok: true,
      value: LAMPUNG,
    });
  });

  it("refuses a province scope without a province and an unknown scope", () => {
    const noName = parseWith(openToRule, { scope: "province", province: "" });
    expect(noName.ok ? [] : noName.issues.map((i) => i.code)).toEqual(["err.openTo.nameRequired"]);
    expect(parseWith(openToRule, { scope: "planet" }).ok).toBe(false);
    expect(parseWith(openToRule, { scope: "national", conditions: Array(11).fill("x") }).ok).toBe(false);
  });

  it("admits an ASN of Lampung, however the province is typed", () => {
    expect(isOpenTo(LAMPUNG, { province: "lampung " }).status).toBe("met");
    expect(isOpenTo(LAMPUNG, { province: "Banten" })).toEqual({
      status: "notMet",
      code: "elig.openTo.province",
      params: { province: "Lampung" },
      conditions: [],
    });
  });

  it("cannot tell without the candidate's province or government", () => {
    expect(isOpenTo(LAMPUNG, {}).status).toBe("unknown");
    expect(isOpenTo(LAMPUNG, { province: "  " }).code).toBe("elig.openTo.provinceMissing");
    const metro: OpenToRule = { scope: "instansi", instansiName: "Pemerintah Kota Metro", conditions: [] };
    expect(isOpenTo(metro, { province: "Lampung" })).toMatchObject({
      status: "unknown",
      code: "elig.openTo.instansiMissing",
    });
  });

  it("admits only the government's own ASN for an instansi scope", () => {
    const metro: OpenToRule = { scope: "instansi", instansiName: "Pemerintah Kota Metro", conditions: [] };
    expect(isOpenTo(metro, { currentInstansi: "Pemerintah  Kota Metro" }).status).toBe("met");
    expect(isOpenTo(metro, { currentInstansi: "Pemerintah Provinsi Lampung" }).status).toBe("notMet");
  });

  it("admits everyone nationwide and hands further conditions to the operator", () => {
    const rule: OpenToRule = { scope: "national", conditions: ["Berstatus PNS, bukan PPPK"] };
    expect(isOpenTo(rule, {})).toEqual({
      status: "met",
      code: "elig.openTo.national",
      params: {},
      conditions: ["Berstatus PNS, bukan PPPK"],
    });
  });
});
