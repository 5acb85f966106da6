import { describe, expect, it } from "vitest";
import { hundredths } from "../scoring/postRanking.js";
import { CHART_LAYOUT, rankingChart, type RankingChartInput } from "./rankingChart.js";
import { escapeXml, toSvg, type Shape } from "./shapes.js";
import { spreadPlot } from "./spreadPlot.js";

const COMPONENTS = [{ label: "Asesmen" }, { label: "Makalah" }, { label: "Wawancara" }, { label: "Rekam jejak" }];

function chartInput(extra: Partial<RankingChartInput> = {}): RankingChartInput {
  return {
    title: "Peringkat Bappeda",
    components: COMPONENTS,
    rows: [
      { label: "Dr. Ani Lestari", points: [3400, 2250, 2250, 850], total: 8750 },
      { label: 'Budi <Santoso> & "Co"', points: [3200, 1875, 2250, 800], total: 8125 },
      { label: "Citra", points: [3000, 1875, 1875, 800], total: 7550 },
      { label: "Dedi", points: [2800, 1500, 1875, 700], total: 6875 },
      { label: "Eko", points: [2000, null, null, null], total: 2000, out: true },
    ],
    cutoff: 3,
    cutoffLabel: "Batas 3 besar",
    format: (h) => hundredths(h),
    ...extra,
  };
}

const rects = (shapes: readonly Shape[]) => shapes.filter((s) => s.kind === "rect" && s.title !== undefined);
type Rect = Extract<Shape, { kind: "rect" }>;
type Line = Extract<Shape, { kind: "line" }>;

describe("rankingChart", () => {
  it("draws one bar segment per scored component, its length proportional to the points", () => {
    const chart = rankingChart(chartInput());
    const bars = rects(chart.shapes) as Rect[];
    expect(bars).toHaveLength(4 * 4 + 1);
    const area = 360 - 2 * CHART_LAYOUT.pad - CHART_LAYOUT.totalWidth;
    // 34.00 of 100 points is 34 % of the bar area; the segments of a row sit end to end.
    expect(bars[0]!.width).toBeCloseTo(area * 0.34, 6);
    expect(bars[1]!.x).toBeCloseTo(bars[0]!.x + bars[0]!.width, 6);
    const first = bars.slice(0, 4).reduce((sum, b) => sum + b.width, 0);
    const second = bars.slice(4, 8).reduce((sum, b) => sum + b.width, 0);
    expect(first / second).toBeCloseTo(8750 / 8125, 6);
    // The eliminated candidate is drawn muted.
    expect(bars.at(-1)!.opacity).toBe(0.35);
  });

  it("puts the cut-off line between the last candidate who goes on and the first who does not", () => {
    const chart = rankingChart(chartInput());
    const cut = chart.shapes.find((s): s is Line => s.kind === "line" && s.dash === true)!;
    const bars = rects(chart.shapes) as Rect[];
    const third = bars[8]!; // the first segment of the third row
    const fourth = bars[12]!;
    expect(cut.y1).toBeGreaterThan(third.y + third.height);
    expect(cut.y1).toBeLessThan(fourth.y - CHART_LAYOUT.barTop);
    expect(chart.shapes.some((s) => s.kind === "text" && s.text === "Batas 3 besar")).toBe(true);
    // No line when everyone goes on, or nobody is counted.
    for (const cutoff of [null, 5, 9, 0]) {
      expect(rankingChart(chartInput({ cutoff })).shapes.some((s) => s.kind === "line" && s.dash)).toBe(false);
    }
  });

  it("prints an SVG with a viewBox 360 wide, the totals, and names escaped", () => {
    const svg = toSvg(rankingChart(chartInput()));
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 360 \d+(\.\d+)?"[^>]*role="img"/);
    expect(svg).toContain("87,50");
    expect(svg).toContain("Budi &lt;Santoso&gt; &amp; &quot;Co&quot;");
    expect(svg).not.toContain("<Santoso>");
    // Readable on a phone: no text smaller than 9 units in a 360-unit-wide drawing.
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("scales to a page width with the same proportions", () => {
    const chart = rankingChart(chartInput({ width: 480 }));
    const bar = (rects(chart.shapes) as Rect[])[0]!;
    expect(bar.width).toBeCloseTo((480 - 2 * CHART_LAYOUT.pad - CHART_LAYOUT.totalWidth) * 0.34, 6);
  });
});

describe("spreadPlot", () => {
  const plot = () =>
    spreadPlot({
      title: "Sebaran",
      members: ["Bambang", "Rusdi", "Hartini"],
      rows: [
        { label: "Ani · Makalah", scores: [9000, 7500, 9000], flagged: false },
        { label: "Budi · Wawancara", scores: [9000, null, 4000], flagged: true },
      ],
      format: (h) => hundredths(h),
    });

  it("draws a dot per member score on a 0–100 axis and marks flagged rows", () => {
    const chart = plot();
    const dots = chart.shapes.filter((s): s is Extract<Shape, { kind: "circle" }> => s.kind === "circle" && !!s.title);
    expect(dots).toHaveLength(5);
    const axis = chart.shapes.filter((s): s is Line => s.kind === "line");
    const { x1, x2 } = axis[0]!;
    // 90 and 40 points sit at 90 % and 40 % of the axis.
    expect(dots[0]!.cx).toBeCloseTo(x1 + (x2 - x1) * 0.9, 6);
    expect(dots[4]!.cx).toBeCloseTo(x1 + (x2 - x1) * 0.4, 6);
    const marks = chart.shapes.filter((s) => s.kind === "text" && s.text === "!");
    expect(marks).toHaveLength(1);
    expect(toSvg(chart)).toContain("Budi · Wawancara");
  });
});

describe("escapeXml", () => {
  it("escapes every character that could open markup or close an attribute", () => {
    expect(escapeXml(`<script>"x" & 'y'</script>`)).toBe(
      "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;",
    );
  });
});

describe("a path (a drawn signature)", () => {
  it("is placed and scaled in SVG, its stroke as wide as the chart says, its d never markup", () => {
    const svg = toSvg({
      width: 300,
      height: 100,
      label: "Tanda tangan",
      shapes: [
        { kind: "path", x: 20, y: 10, scale: 0.5, height: 50, d: "M10 20L30 40", stroke: "#000", width: 1 },
        { kind: "path", x: 0, y: 0, scale: 1, height: 100, d: 'M1 1"/><script>', stroke: "#000", width: 1 },
      ],
    });
    expect(svg).toContain(
      '<path transform="translate(20 10) scale(0.5)" d="M10 20L30 40" fill="none" stroke="#000" stroke-width="2"',
    );
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("M1 1&quot;/&gt;&lt;script&gt;");
  });
});
