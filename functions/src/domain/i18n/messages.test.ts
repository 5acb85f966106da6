import { describe, it, expect } from "vitest";
import { id } from "./id.js";
import { DEFAULT_LOCALE, LOCALES, fillTemplate, isLocale, type MessageKey } from "./messages.js";
import { en } from "./en.js";
import { STAGES } from "../stages.js";
import { STAFF_ROLES } from "../roles.js";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
const KEYS = Object.keys(id) as MessageKey[];

describe("the catalogues", () => {
  // The type system checks this for en.ts, but a cast or an `as Catalogue` could hide a gap.
  it("en has exactly the keys of id", () => {
    expect(Object.keys(en).sort()).toEqual([...KEYS].sort());
  });

  it.each([
    ["id", id],
    ["en", en],
  ] as const)("%s has no empty message", (_locale, catalogue) => {
    const empty = KEYS.filter((k) => catalogue[k].trim() === "");
    expect(empty).toEqual([]);
  });

  it.each(KEYS)("%s uses the same placeholders in id and en", (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(id[key]));
  });

  it("has no malformed placeholder such as `{ count }` or an unclosed brace", () => {
    // fillTemplate only fills {word}; any other brace would reach the user verbatim.
    for (const key of KEYS) {
      for (const text of [id[key], en[key]]) {
        const stray = text.replace(/\{\w+\}/g, "");
        expect(stray, key).not.toMatch(/[{}]/);
      }
    }
  });

  it("labels every stage and every staff role", () => {
    const labelled = new Set<string>(KEYS);
    expect(STAGES.filter((s) => !labelled.has(`stage.${s}`))).toEqual([]);
    expect(STAFF_ROLES.filter((r) => !labelled.has(`role.${r}`))).toEqual([]);
    expect(labelled.has("role.candidate")).toBe(true);
    expect(labelled.has("sex.L") && labelled.has("sex.P")).toBe(true);
  });
});

describe("fillTemplate", () => {
  it("fills known placeholders with strings and numbers", () => {
    expect(fillTemplate("NIP harus 18 digit; yang Anda isi {count} digit.", { count: 17 })).toBe(
      "NIP harus 18 digit; yang Anda isi 17 digit.",
    );
    expect(fillTemplate("Lahir {birth}, TMT {start}, {sex}", { birth: "1972-03-15", start: "1998-03", sex: "L" })).toBe(
      "Lahir 1972-03-15, TMT 1998-03, L",
    );
  });

  it("fills a placeholder used twice", () => {
    expect(fillTemplate("{a} dan {a}", { a: "x" })).toBe("x dan x");
  });

  it("fills zero and the empty string rather than treating them as missing", () => {
    expect(fillTemplate("[{n}|{s}]", { n: 0, s: "" })).toBe("[0|]");
  });

  it("leaves an unknown placeholder visible", () => {
    expect(fillTemplate("Tahap: {stage}", { count: 3 })).toBe("Tahap: {stage}");
    expect(fillTemplate("{known} {unknown}", { known: "ok" })).toBe("ok {unknown}");
  });

  it("returns the template unchanged without params", () => {
    expect(fillTemplate("Halaman {role}")).toBe("Halaman {role}");
    expect(fillTemplate("Halaman {role}", {})).toBe("Halaman {role}");
  });

  it("does not fill from Object.prototype", () => {
    // A message with {constructor} must not print a function's source.
    expect(fillTemplate("{constructor} {toString}", {})).toBe("{constructor} {toString}");
  });

  it("does not expand placeholders inside a filled value", () => {
    // Values come from user input (a name, a typed role); they must not pull in other params.
    expect(fillTemplate("Selamat datang, {name}.", { name: "{role}", role: "operator" })).toBe(
      "Selamat datang, {role}.",
    );
  });
});

describe("locales", () => {
  it("defaults to Bahasa Indonesia", () => {
    expect(DEFAULT_LOCALE).toBe("id");
    expect(LOCALES).toEqual(["id", "en"]);
  });

  it.each([
    ["id", true],
    ["en", true],
    ["EN", false],
    ["id-ID", false],
    ["", false],
    [undefined, false],
    [1, false],
  ])("isLocale(%j) is %s", (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});
