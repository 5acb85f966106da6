/**
 * The emulator does not enforce composite indexes, so a query the web runs without its index would
 * pass every test and fail in production. Every query shape of the public list (listing.ts, the
 * module the web builds its queries from) must have its index declared in firestore.indexes.json.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COLLECTIONS } from "../functions/src/domain/collections.js";
import {
  allListFilters,
  indexOf,
  listQuery,
  type CompositeIndex,
} from "../functions/src/domain/publication/listing.js";

const declared = (
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "firestore.indexes.json"), "utf8")) as {
    indexes: CompositeIndex[];
  }
).indexes;

/** Equality and array-contains fields may come in any order; the order field must be last. */
function serves(index: CompositeIndex, needed: CompositeIndex): boolean {
  if (index.collectionGroup !== needed.collectionGroup || index.queryScope !== needed.queryScope) return false;
  if (index.fields.length !== needed.fields.length) return false;
  const key = (f: CompositeIndex["fields"][number]) => `${f.fieldPath}:${f.order ?? f.arrayConfig}`;
  const last = needed.fields.length - 1;
  return (
    key(index.fields[last]!) === key(needed.fields[last]!) &&
    new Set(index.fields.slice(0, last).map(key)).size === last &&
    needed.fields.slice(0, last).every((f) => index.fields.slice(0, last).some((g) => key(g) === key(f)))
  );
}

describe("firestore.indexes.json", () => {
  const shapes = allListFilters().flatMap((filters) => {
    const needed = indexOf(listQuery(filters, 0), COLLECTIONS.publicSelections);
    return needed ? [{ filters: JSON.stringify(filters), needed }] : [];
  });

  it.each(shapes)("declares the public list's index for $filters", ({ needed }) => {
    expect(declared.filter((index) => serves(index, needed))).toHaveLength(1);
  });

  it("would notice a missing index", () => {
    const needed = indexOf(listQuery({ province: "Lampung" }, 0), COLLECTIONS.publicSelections)!;
    expect(serves({ ...needed, fields: [...needed.fields].reverse() }, needed)).toBe(false);
    expect(declared.some((index) => serves(index, { ...needed, collectionGroup: "elsewhere" }))).toBe(false);
  });
});
