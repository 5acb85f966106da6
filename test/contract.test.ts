/**
 * One contract between the web and the functions (functions/src/domain/callables.ts): the callables
 * index.ts exports are exactly the table's names, and the web's data layer calls only those names
 * (its `call` is typed by the table, so a wrong name does not compile; this also checks the text).
 */
import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { CALLABLES, type CallableInput, type CallableName } from "../functions/src/domain/callables.js";

const source = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("the callables table", () => {
  it("names exactly the callables functions/src/index.ts exports", () => {
    const exported = [...source("functions/src/index.ts").matchAll(/export const (\w+) = onCall\(/g)].map((m) => m[1]);
    expect(exported.sort()).toEqual(Object.keys(CALLABLES).sort());
  });

  it("is the only source of the web's callable names", () => {
    const web = source("web/src/data/callables.ts");
    const called = [...web.matchAll(/call\("(\w+)"/g)].map((m) => m[1] ?? "");
    expect(called.length).toBeGreaterThan(0);
    for (const name of called) expect(Object.keys(CALLABLES)).toContain(name);
    // The one place the web names a function is `call`, typed by the table.
    expect(web.match(/httpsCallable</g)).toHaveLength(1);
  });

  it("types the web's inputs by the schemas the functions parse with", () => {
    expectTypeOf<"saveSetup">().toMatchTypeOf<CallableName>();
    expectTypeOf<CallableInput<"saveSetup">>().toHaveProperty("baseRevision");
    expectTypeOf<CallableInput<"createDraft">>().toHaveProperty("requestId");
  });
});

describe("the signature path pattern", () => {
  it("is the same in the rules and in the domain, so what the tablet draws is what the rules accept", async () => {
    const { PATH_PATTERN, MAX_PATH_CHARS } = await import("../functions/src/domain/documents/signature.js");
    const rules = source("firestore.rules");
    expect(rules).toContain(`d.path.matches('${PATH_PATTERN}')`);
    expect(rules).toContain(`d.path.size() <= ${MAX_PATH_CHARS}`);
  });
});
