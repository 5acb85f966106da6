/**
 * Tiny, real files for the demo's applications: a one-page PDF with a few lines of text and a small
 * greyscale PNG that looks like a photographed page. Both are made byte for byte from their inputs
 * (no clock, no randomness, no compression library whose output could change between versions), so
 * the same seed always stores the same bytes and the same SHA-256.
 */

/** A one-page A5 PDF (PDF 1.4, Helvetica) printing `lines`; characters outside ASCII become "?". */
export function tinyPdf(title: string, lines: readonly string[]): Uint8Array {
  const text = [title, ...lines]
    .map((line, i) => `BT /F1 ${i === 0 ? 14 : 10} Tf 40 ${540 - i * 22} Td (${pdfString(line)}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is ASCII by now, so string length is byte length and the offsets are right.
  return new TextEncoder().encode(body);
}

function pdfString(line: string): string {
  return line.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`);
}

/**
 * A `width` × `height` greyscale PNG: a light sheet with a border and rows of dark "text" whose
 * lengths follow `label`, so each document looks different. Stored (uncompressed) deflate blocks keep
 * it byte-exact everywhere; at demo sizes that is a few kilobytes.
 */
export function tinyPng(label: string, width = 48, height = 64): Uint8Array {
  const raw = new Uint8Array(height * (width + 1));
  let h = 2166136261;
  for (const c of label) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = 0; // filter: none
    const lineLength = 8 + ((h >>> (y % 24)) % (width - 16));
    for (let x = 0; x < width; x++) {
      const border = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
      const ink = y >= 6 && y % 4 === 0 && x >= 5 && x < 5 + lineLength;
      raw[row + 1 + x] = border ? 90 : ink ? 40 : 236;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no interlace
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlibStored(raw)),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A zlib stream of stored deflate blocks (RFC 1950/1951): valid, uncompressed, deterministic. */
function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([0x78, 0x01])];
  for (let start = 0; start < data.length; start += 65535) {
    const block = data.subarray(start, Math.min(start + 65535, data.length));
    const last = start + 65535 >= data.length ? 1 : 0;
    const n = block.length;
    parts.push(new Uint8Array([last, n & 0xff, n >>> 8, ~n & 0xff, (~n >>> 8) & 0xff]), block);
  }
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = new Uint8Array(4);
  new DataView(adler.buffer).setUint32(0, ((b << 16) | a) >>> 0);
  parts.push(adler);
  return concat(parts);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
