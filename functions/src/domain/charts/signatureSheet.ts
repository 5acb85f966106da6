/**
 * The signatures of the members present, drawn as they were signed on the tablets: two per row,
 * each the member's strokes over a line, the name and position under it and the time of signing.
 * A chart of shapes like the others, so the berita acara's PDF draws the strokes as vectors and a
 * screen could print the same sheet as SVG.
 */
import { SIGNATURE_BOX } from "../documents/signature.js";
import { clip, INK, MUTED, type Chart, type Shape } from "./shapes.js";

export interface SignedBy {
  readonly name: string;
  readonly position: string;
  readonly path: string;
  /** Already formatted, e.g. "12 Oktober 2021 pukul 14.05 WIB". */
  readonly signedAt: string;
}

const COLUMNS = 2;
const CELL_WIDTH = 260;
const GAP = 20;
const SCALE = 0.8; // 300 × 100 → 240 × 80
const ROW_HEIGHT = SIGNATURE_BOX.height * SCALE + 52;

export function signatureSheet(label: string, signed: readonly SignedBy[]): Chart {
  const shapes: Shape[] = [];
  const breaks: number[] = [];
  signed.forEach((s, i) => {
    const x = (i % COLUMNS) * (CELL_WIDTH + GAP);
    const y = Math.floor(i / COLUMNS) * ROW_HEIGHT;
    if (i % COLUMNS === 0 && i > 0) breaks.push(y);
    const baseline = y + SIGNATURE_BOX.height * SCALE + 4;
    shapes.push(
      { kind: "path", x, y, scale: SCALE, height: SIGNATURE_BOX.height * SCALE, d: s.path, stroke: INK, width: 1.2 },
      { kind: "line", x1: x, y1: baseline, x2: x + CELL_WIDTH, y2: baseline, stroke: MUTED, width: 0.5 },
      { kind: "text", x, y: baseline + 13, text: clip(s.name, 44), size: 10, fill: INK, anchor: "start", bold: true },
      { kind: "text", x, y: baseline + 26, text: clip(s.position, 48), size: 9, fill: INK, anchor: "start" },
      { kind: "text", x, y: baseline + 39, text: s.signedAt, size: 9, fill: MUTED, anchor: "start" },
    );
  });
  const rows = Math.ceil(signed.length / COLUMNS);
  return {
    width: COLUMNS * CELL_WIDTH + (COLUMNS - 1) * GAP,
    height: Math.max(1, rows * ROW_HEIGHT),
    label,
    shapes,
    breaks,
  };
}
