/**
 * Several photos of one document (its pages) become one PDF on the phone, with no PDF library: each
 * page is a JPEG the PDF carries as it is (DCTDecode), so the file is the photos' bytes plus about a
 * kilobyte of structure, and nothing is re-encoded. Pure: bytes in, bytes out; the web app feeds it
 * the JPEGs its canvas produced, and the upload check reads the result like any other PDF.
 */

export interface JpegInfo {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 3 YCbCr/RGB, 4 CMYK. */
  readonly components: 1 | 3 | 4;
}

/** Start-of-frame markers that carry the dimensions (every SOFn but DHT C4, JPG C8 and DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The size and colour components of a JPEG from its frame header; undefined when it is not one. */
export function jpegInfo(bytes: Uint8Array): JpegInfo | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2) return undefined;
    if (SOF.has(marker)) {
      if (at + 9 >= bytes.length) return undefined;
      const height = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const width = ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0);
      const components = bytes[at + 9];
      if (width === 0 || height === 0) return undefined;
      return components === 1 || components === 3 || components === 4 ? { width, height, components } : undefined;
    }
    // The scan starts before any frame header: not a JPEG this writer understands.
    if (marker === 0xda || marker === 0xd9) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/** A4 in PDF points (1/72 inch): the paper every page of an Indonesian civil-service file is. */
export const A4_POINTS = { width: 595, height: 842 } as const;

const COLOR_SPACE = { 1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK" } as const;

export type PdfResult = { ok: true; bytes: Uint8Array } | { ok: false; page: number };

/**
 * One A4 page per JPEG (portrait or landscape as the photo is), the photo scaled to fit and centred.
 * Refuses (naming the page, from 0) a page that is not a JPEG it can read.
 */
export function jpegPagesToPdf(pages: readonly Uint8Array[]): PdfResult {
  const infos: JpegInfo[] = [];
  for (const [index, page] of pages.entries()) {
    const info = jpegInfo(page);
    if (!info) return { ok: false, page: index };
    infos.push(info);
  }
  if (pages.length === 0) return { ok: false, page: 0 };

  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: Uint8Array | string) => {
    const bytes = typeof part === "string" ? latin1(part) : part;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string) => {
    offsets[id] = length;
    push(`${id} 0 obj\n${body}\nendobj\n`);
  };

  // The binary comment line tells transfer tools the file is binary (PDF 1.4, 7.5.2).
  push("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
  // Objects: 1 catalog, 2 page tree, then per page i: 3+3i page, 4+3i content, 5+3i image.
  const pageIds = pages.map((_, i) => 3 + 3 * i);
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  for (const [i, jpeg] of pages.entries()) {
    const info = infos[i] as JpegInfo;
    const [pageId, contentId, imageId] = [3 + 3 * i, 4 + 3 * i, 5 + 3 * i];
    const landscape = info.width > info.height;
    const pw = landscape ? A4_POINTS.height : A4_POINTS.width;
    const ph = landscape ? A4_POINTS.width : A4_POINTS.height;
    const scale = Math.min(pw / info.width, ph / info.height);
    const w = round2(info.width * scale);
    const h = round2(info.height * scale);
    const x = round2((pw - w) / 2);
    const y = round2((ph - h) / 2);
    object(
      pageId,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] ` +
        `/Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    const content = `q ${w} 0 0 ${h} ${x} ${y} cm /Im0 Do Q`;
    object(contentId, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    offsets[imageId] = length;
    push(
      `${imageId} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${info.width} /Height ${info.height} ` +
        `/ColorSpace ${COLOR_SPACE[info.components]} /BitsPerComponent 8 /Filter /DCTDecode ` +
        // Adobe's CMYK JPEGs are stored inverted; the Decode array puts them right.
        (info.components === 4 ? "/Decode [1 0 1 0 1 0 1 0] " : "") +
        `/Length ${jpeg.length} >>\nstream\n`,
    );
    push(jpeg);
    push("\nendstream\nendobj\n");
  }
  const size = 3 + 3 * pages.length;
  const xref = length;
  const entries = Array.from({ length: size - 1 }, (_, i) => `${pad10(offsets[i + 1] ?? 0)} 00000 n \n`);
  push(`xref\n0 ${size}\n0000000000 65535 f \n${entries.join("")}`);
  push(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);

  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return { ok: true, bytes: out };
}

function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

function pad10(n: number): string {
  return String(n).padStart(10, "0");
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
