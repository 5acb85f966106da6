/**
 * The members' scores per candidate-component as a dot plot: one row per candidate-component, its
 * label above a 0–100 axis, one dot per member. A row whose spread is beyond the plan's threshold
 * (spread.ts) is tinted and marked "!", so the committee sees at a glance what to discuss before
 * locking. Members keep one colour across rows, so a lenient or severe rater shows up as a column.
 */
import { clip, FLAG, INK, MUTED, PALETTE, type Chart, type Shape } from "./shapes.js";

export interface SpreadPlotRow {
  readonly label: string;
  /** 0–100 in hundredths, one per member in the order of `members`; null: no score. */
  readonly scores: readonly (number | null)[];
  readonly flagged: boolean;
}

export interface SpreadPlotInput {
  readonly title: string;
  readonly members: readonly string[];
  readonly rows: readonly SpreadPlotRow[];
  readonly format: (hundredths: number) => string;
  readonly width?: number;
}

export const PLOT_LAYOUT = { pad: 8, legendRow: 16, rowHeight: 26, labelSize: 10, axisY: 19, dot: 4 } as const;

export function spreadPlot(input: SpreadPlotInput): Chart {
  const width = input.width ?? 360;
  const { pad, legendRow, rowHeight, labelSize, axisY, dot } = PLOT_LAYOUT;
  const left = pad + 12; // room for the flag mark
  const right = width - pad - dot;
  const shapes: Shape[] = [];

  let lx = pad;
  let ly = pad;
  input.members.forEach((name, i) => {
    const text = clip(name, 24);
    const w = 12 + text.length * 5.6 + 10;
    if (lx + w > width - pad && lx > pad) {
      lx = pad;
      ly += legendRow;
    }
    shapes.push({ kind: "circle", cx: lx + 4, cy: ly + 7, r: dot, fill: PALETTE[i % PALETTE.length]! });
    shapes.push({ kind: "text", x: lx + 12, y: ly + 11, text, size: 10, fill: INK, anchor: "start" });
    lx += w;
  });
  const top = ly + legendRow + 4;
  const xOf = (hundredths: number) => left + ((right - left) * Math.max(0, Math.min(10_000, hundredths))) / 10_000;

  input.rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    if (row.flagged) {
      shapes.push({
        kind: "rect",
        x: pad - 4,
        y,
        width: width - 2 * pad + 8,
        height: rowHeight - 2,
        fill: FLAG,
        opacity: 0.08,
      });
      shapes.push({
        kind: "text",
        x: pad,
        y: y + axisY + 4,
        text: "!",
        size: 12,
        fill: FLAG,
        anchor: "start",
        bold: true,
      });
    }
    shapes.push({
      kind: "text",
      x: left,
      y: y + labelSize,
      text: clip(row.label, Math.floor((width - left - pad) / 5.6)),
      size: labelSize,
      fill: row.flagged ? FLAG : INK,
      anchor: "start",
      bold: row.flagged,
    });
    shapes.push({ kind: "line", x1: left, y1: y + axisY, x2: right, y2: y + axisY, stroke: "#bdbdbd", width: 1 });
    row.scores.forEach((score, i) => {
      if (score === null) return;
      shapes.push({
        kind: "circle",
        cx: xOf(score),
        cy: y + axisY,
        r: dot,
        fill: PALETTE[i % PALETTE.length]!,
        stroke: "#ffffff",
        title: `${input.members[i] ?? ""}: ${input.format(score)}`,
      });
    });
  });

  const bottom = top + input.rows.length * rowHeight;
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = xOf(tick * 100);
    shapes.push({ kind: "text", x, y: bottom + 10, text: String(tick), size: 9, fill: MUTED, anchor: "middle" });
  }
  const breaks = input.rows.map((_, r) => top + r * rowHeight);
  return { width, height: bottom + 16, label: input.title, shapes, breaks };
}
