// Draws the PWA's PNG icons (a podium of three bars under a gold dot, like icon.svg) without any
// image library, so the repo needs nothing from outside npm to regenerate them.
import { writeFileSync } from "node:fs";
import { deflateSync, crc32 } from "node:zlib";
import { join } from "node:path";
import { repoRoot } from "./lib/paths.mjs";

const BLUE = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xb7, 0x05];

function colourAt(u, v) {
  // u, v in 0..64, the SVG's coordinates.
  if ((u - 32) ** 2 + (v - 14) ** 2 <= 25) return GOLD;
  if (u >= 12 && u < 23 && v >= 36 && v < 52) return WHITE;
  if (u >= 26.5 && u < 37.5 && v >= 24 && v < 52) return WHITE;
  if (u >= 41 && u < 52 && v >= 30 && v < 52) return WHITE;
  return BLUE;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set(colourAt(((x + 0.5) * 64) / size, ((y + 0.5) * 64) / size), 1 + x * 3);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(join(repoRoot, "web", "public", `icon-${size}.png`), png(size));
console.log("icons written");
