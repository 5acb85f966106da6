import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { A4_POINTS, jpegInfo, jpegPagesToPdf } from "./pdf.js";
import { sniffType } from "./upload.js";

/**
 * A JPEG's structure with a frame header of `width × height` and `components`, and a few bytes of
 * "scan": the writer never decodes the image, it copies it, so the headers are what it must read.
 */
function jpeg(width: number, height: number, components = 3, scan = 64): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0];
  const sofLength = 8 + 3 * components;
  const sof = [0xff, 0xc0, 0x00, sofLength, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, components];
  for (let c = 0; c < components; c++) sof.push(c + 1, 0x11, 0);
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
  const data = Array.from({ length: scan }, (_, i) => (i * 37) % 255);
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, ...sos, ...data, 0xff, 0xd9]);
}

const text = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join("");

/** Parses what a PDF reader reads first: startxref, the xref table, and each object it points at. */
function parse(bytes: Uint8Array) {
  const all = text(bytes);
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(all)?.[1]);
  expect(all.slice(start, start + 5)).toBe("xref\n");
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(all.slice(start)) ?? [];
  expect(Number(first)).toBe(0);
  const rows = all
    .slice(start)
    .split("\n")
    .slice(2, 2 + Number(count));
  expect(rows[0]).toBe("0000000000 65535 f ");
  const objects = new Map<number, string>();
  rows.slice(1).forEach((row, i) => {
    expect(row).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(row.slice(0, 10));
    const id = i + 1;
    expect(all.slice(offset).startsWith(`${id} 0 obj\n`)).toBe(true);
    objects.set(id, all.slice(offset, all.indexOf("\nendobj\n", offset)));
  });
  const trailer = /trailer\n<< \/Size (\d+) \/Root (\d+) 0 R >>/.exec(all);
  expect(Number(trailer?.[1])).toBe(Number(count));
  return { all, objects, root: Number(trailer?.[2]) };
}

/** The stream of an object, checked against its /Length. */
function streamOf(object: string): string {
  const length = Number(/\/Length (\d+)/.exec(object)?.[1]);
  const begin = object.indexOf("stream\n") + "stream\n".length;
  expect(object.slice(begin + length)).toBe("\nendstream");
  return object.slice(begin, begin + length);
}

describe("jpegInfo", () => {
  it("reads width, height and components from the frame header", () => {
    expect(jpegInfo(jpeg(1600, 1200))).toEqual({ width: 1600, height: 1200, components: 3 });
    expect(jpegInfo(jpeg(900, 1273, 1))).toEqual({ width: 900, height: 1273, components: 1 });
  });

  it.each([
    ["a PNG", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
    ["a JPEG cut before its frame header", jpeg(10, 10).subarray(0, 12)],
    ["a JPEG of width 0", jpeg(0, 10)],
    ["nothing", new Uint8Array()],
  ])("refuses %s", (_name, bytes) => {
    expect(jpegInfo(bytes)).toBeUndefined();
  });
});

describe("jpegPagesToPdf", () => {
  const portrait = jpeg(1414, 2000);
  const landscape = jpeg(2000, 1414, 3, 300);

  it("writes a PDF whose xref, trailer, page tree and streams a reader can follow", () => {
    const result = jpegPagesToPdf([portrait, landscape]);
    if (!result.ok) throw new Error(`page ${result.page}`);
    expect(sniffType(result.bytes)).toBe("pdf");
    const { objects, root } = parse(result.bytes);
    expect(objects.get(root)).toContain("/Type /Catalog /Pages 2 0 R");
    const tree = objects.get(2) ?? "";
    expect(tree).toContain("/Kids [3 0 R 6 0 R] /Count 2");

    for (const [pageId, source, box] of [
      [3, portrait, `[0 0 ${A4_POINTS.width} ${A4_POINTS.height}]`],
      [6, landscape, `[0 0 ${A4_POINTS.height} ${A4_POINTS.width}]`],
    ] as const) {
      const page = objects.get(pageId) ?? "";
      expect(page).toContain("/Parent 2 0 R");
      expect(page).toContain(`/MediaBox ${box}`);
      const imageId = Number(/\/Im0 (\d+) 0 R/.exec(page)?.[1]);
      const contentId = Number(/\/Contents (\d+) 0 R/.exec(page)?.[1]);
      expect(streamOf(objects.get(contentId) ?? "")).toMatch(/^q [\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+ cm \/Im0 Do Q$/);
      const image = objects.get(imageId) ?? "";
      const info = jpegInfo(source);
      expect(image).toContain(`/Subtype /Image /Width ${info?.width} /Height ${info?.height}`);
      expect(image).toContain("/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode");
      // The photo's bytes, exactly: nothing re-encoded.
      expect(streamOf(image)).toBe(text(source));
    }
  });

  it("fits the photo inside the page, centred, keeping its proportions", () => {
    const result = jpegPagesToPdf([jpeg(1000, 1000)]);
    if (!result.ok) throw new Error("refused");
    const { objects } = parse(result.bytes);
    const [, w, h, x, y] = /^q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm/.exec(streamOf(objects.get(4) ?? "")) ?? [];
    expect([Number(w), Number(h), Number(x), Number(y)]).toEqual([595, 595, 0, 123.5]);
  });

  it("marks a grey photo grey and a CMYK one CMYK", () => {
    const result = jpegPagesToPdf([jpeg(800, 1000, 1), jpeg(800, 1000, 4)]);
    if (!result.ok) throw new Error("refused");
    const { objects } = parse(result.bytes);
    expect(objects.get(5)).toContain("/ColorSpace /DeviceGray");
    expect(objects.get(8)).toContain("/ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /DCTDecode /Decode");
  });

  it("opens in pdf.js with one A4 page per photo", async () => {
    const result = jpegPagesToPdf([portrait, landscape, portrait]);
    if (!result.ok) throw new Error("refused");
    const doc = await getDocumentProxy(result.bytes.slice());
    expect(doc.numPages).toBe(3);
    expect((await doc.getPage(1)).view).toEqual([0, 0, 595, 842]);
    expect((await doc.getPage(2)).view).toEqual([0, 0, 842, 595]);
  });

  it("costs about a kilobyte of structure over the photos themselves", () => {
    const result = jpegPagesToPdf([portrait, landscape]);
    if (!result.ok) throw new Error("refused");
    expect(result.bytes.length - portrait.length - landscape.length).toBeLessThan(1600);
  });

  it("refuses a page that is not a JPEG, naming it, and an empty list", () => {
    expect(jpegPagesToPdf([portrait, Uint8Array.from([0x89, 0x50, 0x4e, 0x47])])).toEqual({ ok: false, page: 1 });
    expect(jpegPagesToPdf([])).toEqual({ ok: false, page: 0 });
  });
});
