import { describe, expect, it } from "vitest";
import type { DocumentRequirement } from "../selection/setup.js";
import { parseWith } from "../validation.js";
import { uploadManifest, type UploadManifest } from "./manifest.js";
import {
  MAX_UPLOAD_BYTES,
  UPLOAD_CHUNK_SIZE,
  checkUpload,
  formatOfMime,
  planChunks,
  sniffType,
  type ReassembledFacts,
} from "./upload.js";

const KiB = 1024;
const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe("planChunks", () => {
  it("cuts a file into 512 KiB chunks with exact byte ranges", () => {
    expect(UPLOAD_CHUNK_SIZE).toBe(524_288);
    const plan = planChunks(1_300_000);
    expect(plan).toEqual({
      ok: true,
      count: 3,
      ranges: [
        { index: 0, start: 0, end: UPLOAD_CHUNK_SIZE },
        { index: 1, start: UPLOAD_CHUNK_SIZE, end: 2 * UPLOAD_CHUNK_SIZE },
        { index: 2, start: 2 * UPLOAD_CHUNK_SIZE, end: 1_300_000 },
      ],
    });
  });

  it.each([
    [1, 1],
    [UPLOAD_CHUNK_SIZE - 1, 1],
    [UPLOAD_CHUNK_SIZE, 1],
    [UPLOAD_CHUNK_SIZE + 1, 2],
    [MAX_UPLOAD_BYTES, 20],
  ])("%i bytes make %i chunks that cover the file without gaps", (size, count) => {
    const plan = planChunks(size);
    if (!plan.ok) throw new Error("refused");
    expect(plan.count).toBe(count);
    expect(plan.ranges[0]?.start).toBe(0);
    expect(plan.ranges.at(-1)?.end).toBe(size);
    plan.ranges.slice(1).forEach((range, i) => expect(range.start).toBe(plan.ranges[i]?.end));
    expect(plan.ranges.every((r) => r.end - r.start <= UPLOAD_CHUNK_SIZE)).toBe(true);
  });

  it("refuses an empty file", () => {
    expect(planChunks(0)).toEqual({ ok: false, issue: { code: "err.upload.empty", field: "size" } });
  });

  it("refuses a file over the limit, naming the limit", () => {
    expect(planChunks(MAX_UPLOAD_BYTES + 1)).toMatchObject({
      ok: false,
      issue: { code: "err.upload.tooLarge", params: { maxKb: 10_240 } },
    });
    expect(planChunks(1024 * KiB + 1, UPLOAD_CHUNK_SIZE, 1024 * KiB)).toMatchObject({
      ok: false,
      issue: { code: "err.upload.tooLarge", params: { maxKb: 1024 } },
    });
    expect(planChunks(1024 * KiB, UPLOAD_CHUNK_SIZE, 1024 * KiB)).toMatchObject({ ok: true, count: 2 });
  });

  it.each([-1, 1.5, Number.NaN])("refuses a size of %s", (size) => {
    expect(planChunks(size)).toMatchObject({ ok: false, issue: { code: "err.input.invalid" } });
  });
});

describe("sniffType", () => {
  it.each([
    ["a PDF", ascii("%PDF-1.4\n"), "pdf"],
    ["a JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "jpg"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "png"],
    ["a Windows EXE", ascii("MZ\x90\x00\x03"), "exe"],
    ["a ZIP (or .docx)", bytes(0x50, 0x4b, 0x03, 0x04, 0x14), "zip"],
    ["a GIF", ascii("GIF89a"), "gif"],
    ["an ELF binary", bytes(0x7f, 0x45, 0x4c, 0x46, 2), "elf"],
    ["plain text", ascii("hello world"), "unknown"],
    ["nothing", bytes(), "unknown"],
  ] as const)("recognises %s", (_name, first, type) => {
    expect(sniffType(first)).toBe(type);
  });

  it("does not take a prefix of a signature for the signature", () => {
    expect(sniffType(ascii("%PDF"))).toBe("unknown");
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBe("unknown");
    expect(sniffType(bytes(0xff, 0xd8))).toBe("unknown");
  });

  it("wants the signature at the start: junk before %PDF- is not a PDF", () => {
    expect(sniffType(ascii("MZ%PDF-1.4"))).toBe("exe");
    expect(sniffType(ascii(" %PDF-1.4"))).toBe("unknown");
  });
});

describe("formatOfMime", () => {
  it.each([
    ["application/pdf", "pdf"],
    ["image/jpeg", "jpg"],
    ["image/jpg", "jpg"],
    ["IMAGE/PNG", "png"],
    ["application/x-msdownload", undefined],
    ["image/gif", undefined],
  ])("%s is %s", (mime, format) => {
    expect(formatOfMime(mime)).toBe(format);
  });
});

describe("checkUpload", () => {
  const skPangkat: DocumentRequirement = {
    id: "sk-pangkat",
    label: "SK pangkat terakhir",
    required: true,
    formats: ["pdf", "jpg", "png"],
    maxSizeKb: 2048,
  };
  const lamaran: DocumentRequirement = { ...skPangkat, id: "surat-lamaran", formats: ["pdf"], maxSizeKb: 1024 };
  const SHA = "a".repeat(64);
  const SIZE = 600 * KiB;
  const manifest: UploadManifest = {
    ownerUid: "uid-candidate",
    instansiId: "kota-metro",
    selectionId: "metro-2021-jpt",
    applicationId: "app-1",
    postId: "bappeda",
    documentType: "surat-lamaran",
    fileName: "surat-lamaran.pdf",
    mimeType: "application/pdf",
    size: SIZE,
    sha256: SHA,
    chunkCount: 2,
    status: "complete",
  };
  const facts: ReassembledFacts = {
    chunks: [
      { index: 0, size: UPLOAD_CHUNK_SIZE },
      { index: 1, size: SIZE - UPLOAD_CHUNK_SIZE },
    ],
    size: SIZE,
    sha256: SHA,
    detected: "pdf",
  };
  const reason = (m: UploadManifest, f: ReassembledFacts, r: DocumentRequirement | undefined = lamaran) => {
    const result = checkUpload(m, f, r);
    return result.accepted ? "accepted" : result.reason;
  };

  it("accepts a whole PDF that matches its manifest and checklist", () => {
    expect(checkUpload(manifest, facts, lamaran)).toEqual({ accepted: true, format: "pdf" });
  });

  it("accepts a JPEG photo where the checklist allows images", () => {
    const jpeg = { ...manifest, documentType: "sk-pangkat", fileName: "sk.jpg", mimeType: "image/jpeg" };
    expect(checkUpload(jpeg, { ...facts, detected: "jpg" }, skPangkat)).toEqual({ accepted: true, format: "jpg" });
  });

  it("rejects a document type that is not on the post's checklist", () => {
    expect(checkUpload({ ...manifest, documentType: "foto-selfie" }, facts, undefined)).toEqual({
      accepted: false,
      reason: { code: "err.upload.notInChecklist", field: "documentType" },
    });
  });

  it("rejects a declared type the checklist does not allow", () => {
    expect(reason({ ...manifest, mimeType: "image/png" }, { ...facts, detected: "png" })).toEqual({
      code: "err.upload.typeNotAllowed",
      params: { formats: "PDF" },
      field: "mimeType",
    });
    expect(
      reason({ ...manifest, mimeType: "application/x-msdownload" }, { ...facts, detected: "exe" }, skPangkat),
    ).toMatchObject({ code: "err.upload.typeNotAllowed", params: { formats: "PDF, JPG, PNG" } });
  });

  it("rejects an EXE renamed to .pdf by its magic bytes", () => {
    expect(reason({ ...manifest, fileName: "cv.pdf" }, { ...facts, detected: "exe" })).toEqual({
      code: "err.upload.typeMismatch",
      params: { declared: "PDF", detected: "EXE" },
    });
  });

  it("rejects a PNG sent as a JPEG: the checklist allows both, the bytes must still match", () => {
    const jpeg = { ...manifest, mimeType: "image/jpeg" };
    expect(reason(jpeg, { ...facts, detected: "png" }, skPangkat)).toMatchObject({ code: "err.upload.typeMismatch" });
  });

  it("rejects a file over the checklist's limit, with that limit", () => {
    const big = { ...manifest, size: 1024 * KiB + 1, chunkCount: 3 };
    expect(reason(big, { ...facts, size: big.size })).toEqual({
      code: "err.upload.tooLarge",
      params: { maxKb: 1024 },
      field: "size",
    });
    // The same size fits where the checklist allows 2 MiB.
    const chunks = [0, 1, 2].map((index) => ({ index, size: index < 2 ? UPLOAD_CHUNK_SIZE : 1 }));
    expect(reason(big, { ...facts, chunks, size: big.size }, skPangkat)).toBe("accepted");
  });

  it("rejects an empty file", () => {
    expect(reason({ ...manifest, size: 0, chunkCount: 0 }, { ...facts, chunks: [], size: 0 })).toMatchObject({
      code: "err.upload.empty",
    });
  });

  it("rejects a truncated upload: a chunk missing", () => {
    expect(
      reason(manifest, { ...facts, chunks: [{ index: 0, size: UPLOAD_CHUNK_SIZE }], size: UPLOAD_CHUNK_SIZE }),
    ).toEqual({ code: "err.upload.truncated", params: { received: 1, expected: 2 } });
    // The second of three missing: the count is short and the indices skip one.
    expect(reason(manifest, { ...facts, chunks: [{ index: 1, size: SIZE - UPLOAD_CHUNK_SIZE }] })).toMatchObject({
      code: "err.upload.truncated",
    });
  });

  it("rejects a chunk count that does not fit the declared size", () => {
    expect(reason({ ...manifest, chunkCount: 1 }, facts)).toMatchObject({ code: "err.upload.truncated" });
    const extra = [...facts.chunks, { index: 2, size: 10 }];
    expect(reason({ ...manifest, chunkCount: 3 }, { ...facts, chunks: extra })).toMatchObject({
      code: "err.upload.truncated",
    });
  });

  it("rejects chunks out of order (a gap filled by a later index)", () => {
    const chunks = [
      { index: 0, size: UPLOAD_CHUNK_SIZE },
      { index: 2, size: SIZE - UPLOAD_CHUNK_SIZE },
    ];
    expect(reason(manifest, { ...facts, chunks })).toMatchObject({ code: "err.upload.truncated" });
  });

  it("rejects a chunk larger than allowed", () => {
    const chunks = [
      { index: 0, size: UPLOAD_CHUNK_SIZE + 1 },
      { index: 1, size: SIZE - UPLOAD_CHUNK_SIZE - 1 },
    ];
    expect(reason(manifest, { ...facts, chunks })).toEqual({
      code: "err.upload.chunkTooLarge",
      params: { maxKb: 512 },
    });
  });

  it("rejects bytes whose length differs from the declared size", () => {
    expect(reason(manifest, { ...facts, size: SIZE - 1 })).toEqual({
      code: "err.upload.sizeMismatch",
      params: { received: SIZE - 1, expected: SIZE },
    });
  });

  it("rejects bytes whose SHA-256 differs from the manifest's", () => {
    expect(reason(manifest, { ...facts, sha256: "b".repeat(64) })).toEqual({ code: "err.upload.hashMismatch" });
  });
});

describe("the upload manifest", () => {
  const good = {
    ownerUid: "uid-1",
    instansiId: "kota-metro",
    selectionId: "metro-2021-jpt",
    applicationId: "app-1",
    postId: "bappeda",
    documentType: "ijazah",
    fileName: "ijazah.pdf",
    mimeType: "application/pdf",
    size: 1000,
    sha256: "0".repeat(64),
    chunkCount: 1,
    status: "uploading",
  };

  it("parses what a phone writes", () => {
    expect(parseWith(uploadManifest, good).ok).toBe(true);
  });

  it.each([
    ["a path in the owner", { ownerUid: "a/b" }],
    ["a tenant that is not a slug", { instansiId: "Kota Metro" }],
    ["an upper-case hash", { sha256: "A".repeat(64) }],
    ["a short hash", { sha256: "0".repeat(63) }],
    ["a file name of 201 characters", { fileName: "x".repeat(201) }],
    ["an empty file name", { fileName: "" }],
    ["a negative size", { size: -1 }],
    ["a fractional chunk count", { chunkCount: 1.5 }],
    ["an unknown status", { status: "approved" }],
    ["a MIME type with a script", { mimeType: "application/pdf<script>" }],
  ])("refuses %s", (_name, change) => {
    expect(parseWith(uploadManifest, { ...good, ...change }).ok).toBe(false);
  });
});
