/**
 * The ranking of a post as horizontal bars: one row per candidate in rank order, the name above its
 * bar, the bar split by component (its weighted points, so the parts add up to the total), the total
 * at its end, and a dashed line after the candidates who go on (the 3 besar, or those advancing
 * after a stage). The scale is fixed at 0–100 points, so two posts' charts compare by eye.
 */
import { clip, INK, MUTED, PALETTE, type Chart, type Shape } from "./shapes.js";

export interface RankingChartRow {
  readonly label: string;
  /** Weighted points per component in hundredths, in the order of `components`; null: not scored. */
  readonly points: readonly (number | null)[];
  /** Hundredths of a point. */
  readonly total: number;
  /** Out before ranking: drawn muted, below the ranked ones. */
  readonly out?: boolean;
}

export interface RankingChartInput {
  readonly title: string;
  readonly components: readonly { readonly label: string }[];
  readonly rows: readonly RankingChartRow[];
  /** The line is drawn after this many rows; null or beyond the rows: none. */
  readonly cutoff: number | null;
  readonly cutoffLabel: string;
  /** 8750 → "87,50". */
  readonly format: (hundredths: number) => string;
  /** The drawing's width in its own units: 360 for a phone's screen, wider for a page. */
  readonly width?: number;
}

export const CHART_LAYOUT = {
  pad: 8,
  legendRow: 16,
  rowHeight: 30,
  nameSize: 11,
  barTop: 15,
  barHeight: 10,
  totalWidth: 44,
  cutGap: 14,
  /** 100 points in hundredths: the full width of the bar area. */
  scaleMax: 10_000,
} as const;

export function rankingChart(input: RankingChartInput): Chart {
  const width = input.width ?? 360;
  const { pad, legendRow, rowHeight, nameSize, barTop, barHeight, totalWidth, scaleMax } = CHART_LAYOUT;
  const barArea = width - 2 * pad - totalWidth;
  const shapes: Shape[] = [];

  // Legend: a swatch and the label of each component, wrapped to as many lines as needed.
  let lx = pad;
  let ly = pad;
  input.components.forEach((c, i) => {
    const text = clip(c.label, 28);
    const w = 14 + text.length * 5.6 + 10;
    if (lx + w > width - pad && lx > pad) {
      lx = pad;
      ly += legendRow;
    }
    shapes.push({ kind: "rect", x: lx, y: ly + 2, width: 10, height: 10, fill: PALETTE[i % PALETTE.length]! });
    shapes.push({ kind: "text", x: lx + 14, y: ly + 11, text, size: 10, fill: INK, anchor: "start" });
    lx += w;
  });
  const top = ly + legendRow + 6;
  // The cut-off gets a gap of its own between two rows, so its label never covers a name or a total.
  const cut = input.cutoff !== null && input.cutoff > 0 && input.cutoff < input.rows.length ? input.cutoff : null;
  const rowY = (r: number) => top + r * rowHeight + (cut !== null && r >= cut ? CHART_LAYOUT.cutGap : 0);

  // Gridlines at every 25 points, under the bars.
  const bottom = rowY(input.rows.length);
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = pad + (barArea * tick) / 100;
    shapes.push({ kind: "line", x1: x, y1: top, x2: x, y2: bottom, stroke: "#d9d9d9", width: 0.5 });
    shapes.push({ kind: "text", x, y: bottom + 11, text: String(tick), size: 9, fill: MUTED, anchor: "middle" });
  }

  input.rows.forEach((row, r) => {
    const y = rowY(r);
    shapes.push({
      kind: "text",
      x: pad,
      y: y + nameSize,
      text: clip(row.label, Math.floor((width - 2 * pad) / 6)),
      size: nameSize,
      fill: row.out ? MUTED : INK,
      anchor: "start",
    });
    let x = pad;
    row.points.forEach((p, i) => {
      if (p === null || p <= 0) return;
      const w = (barArea * Math.min(p, scaleMax)) / scaleMax;
      shapes.push({
        kind: "rect",
        x,
        y: y + barTop,
        width: w,
        height: barHeight,
        fill: PALETTE[i % PALETTE.length]!,
        ...(row.out ? { opacity: 0.35 } : {}),
        title: `${row.label} \u00b7 ${input.components[i]?.label ?? ""}: ${input.format(p)}`,
      });
      x += w;
    });
    shapes.push({
      kind: "text",
      x: width - pad,
      y: y + barTop + barHeight - 1,
      text: input.format(row.total),
      size: 10,
      fill: row.out ? MUTED : INK,
      anchor: "end",
      bold: !row.out,
    });
  });

  if (cut !== null) {
    const y = top + cut * rowHeight + 2;
    shapes.push({ kind: "line", x1: pad, y1: y, x2: width - pad, y2: y, stroke: "#c62828", width: 1.2, dash: true });
    shapes.push({
      kind: "text",
      x: width - pad,
      y: y + 10,
      text: input.cutoffLabel,
      size: 9,
      fill: "#c62828",
      anchor: "end",
    });
  }
  const breaks = input.rows.map((_, r) => rowY(r));
  return { width, height: bottom + 18, label: input.title, shapes, breaks };
}
