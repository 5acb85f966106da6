import { describe, expect, it } from "vitest";
import { message } from "../i18n/render.js";
import type { Translate } from "../i18n/render.js";
import { openToSentence } from "./openToText.js";

const t: Translate = (key, params) => message("id", key, params);

describe("openToSentence", () => {
  it("keeps the operator's own words", () => {
    expect(openToSentence(t, "  PNS se-Provinsi Banten ", { scope: "national", conditions: [] })).toBe(
      "PNS se-Provinsi Banten",
    );
  });

  it("is made from the rule when the operator left it empty", () => {
    expect(openToSentence(t, "", { scope: "province", province: "Lampung", conditions: [] })).toBe(
      "ASN instansi pemerintah di Provinsi Lampung",
    );
    expect(openToSentence(t, " ", { scope: "instansi", instansiName: "Pemerintah Kota Metro", conditions: [] })).toBe(
      "ASN di lingkungan Pemerintah Kota Metro",
    );
    expect(
      openToSentence(t, "", { scope: "national", conditions: ["telah mengikuti uji kompetensi", " ", "sehat"] }),
    ).toBe("ASN dari seluruh instansi pemerintah, dengan syarat: telah mengikuti uji kompetensi; sehat");
  });

  it("is empty when there is neither", () => {
    expect(openToSentence(t, "", null)).toBe("");
  });
});
