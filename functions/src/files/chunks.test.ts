import { describe, expect, it } from "vitest";
import { CHUNK_SIZE, MAX_BYTES_PER_COMMIT, chunkId, commitGroups, splitIntoChunks } from "./chunks.js";
import { sha256Hex } from "./hash.js";

describe("splitting a file into chunks", () => {
  it("keeps every chunk within 512 KiB, half a Firestore document", () => {
    expect(CHUNK_SIZE).toBe(524_288);
  });

  it.each([
    [0, []],
    [1, [1]],
    [CHUNK_SIZE, [CHUNK_SIZE]],
    [CHUNK_SIZE + 1, [CHUNK_SIZE, 1]],
    [1_300_000, [CHUNK_SIZE, CHUNK_SIZE, 1_300_000 - 2 * CHUNK_SIZE]],
  ])("%i bytes give chunks of %j", (size, sizes) => {
    expect(splitIntoChunks(new Uint8Array(size)).map((c) => c.length)).toEqual(sizes);
  });

  it("puts the bytes back together in order", () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) % 251);
    const chunks = splitIntoChunks(bytes, 3000);
    expect(chunks.map((c) => c.length)).toEqual([3000, 3000, 3000, 1000]);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(bytes));
  });

  it("names chunks so that they sort in order", () => {
    expect([chunkId(0), chunkId(7), chunkId(12), chunkId(99_999)]).toEqual(["00000", "00007", "00012", "99999"]);
    const ids = Array.from({ length: 120 }, (_, i) => chunkId(i));
    expect([...ids].sort()).toEqual(ids);
  });
});

describe("grouping writes into commits", () => {
  it("puts 15 full chunks in a commit, under the 10 MiB request limit", () => {
    const groups = commitGroups(Array.from({ length: 40 }, () => CHUNK_SIZE + 256));
    expect(groups.map((g) => g.length)).toEqual([15, 15, 10]);
    expect(MAX_BYTES_PER_COMMIT).toBeLessThan(10 * 1024 * 1024);
  });

  it("respects the write limit for many small writes", () => {
    const groups = commitGroups(Array.from({ length: 1000 }, () => 10));
    expect(groups.map((g) => g.length)).toEqual([450, 450, 100]);
    expect(groups.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("gives a write larger than the byte budget a commit of its own", () => {
    expect(commitGroups([10, 100, 10], 450, 50)).toEqual([[0], [1], [2]]);
  });

  it("has no commit for no write", () => {
    expect(commitGroups([])).toEqual([]);
  });
});

describe("sha256Hex", () => {
  it("is the lower-case hex SHA-256", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
