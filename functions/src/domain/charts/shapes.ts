/**
 * Charts as a list of plain shapes (rectangles, lines, circles, text, paths) in a coordinate box: the
 * officials' screen prints them as an SVG string (`toSvg`), the rekap PDF draws the same shapes as
 * vectors (documents/rekapPdf.ts). One drawing, two outputs, no chart library.
 */

export type Shape =
  | {
      readonly kind: "rect";
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fill: string;
      readonly opacity?: number;
      /** What a pointer or a screen reader says over it. */
      readonly title?: string;
    }
  | {
      readonly kind: "line";
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly stroke: string;
      readonly width: number;
      readonly dash?: boolean;
    }
  | {
      readonly kind: "circle";
      readonly cx: number;
      readonly cy: number;
      readonly r: number;
      readonly fill: string;
      readonly stroke?: string;
      readonly title?: string;
    }
  | {
      readonly kind: "text";
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly size: number;
      readonly fill: string;
      readonly anchor: "start" | "middle" | "end";
      readonly bold?: boolean;
    }
  | {
      /**
       * A drawn stroke set (a pansel member's signature): `d` is moves and lines with integer
       * coordinates in its own box (domain/documents/signature.ts), placed at x, y and scaled.
       */
      readonly kind: "path";
      readonly x: number;
      readonly y: number;
      readonly scale: number;
      /** The box's height once scaled: where a page may cut the chart. */
      readonly height: number;
      readonly d: string;
      readonly stroke: string;
      /** The stroke's width in the chart's units, whatever the scale. */
      readonly width: number;
    };

export interface Chart {
  readonly width: number;
  readonly height: number;
  /** The chart's name for screen readers (role="img"). */
  readonly label: string;
  readonly shapes: readonly Shape[];
  /** Heights where a page may break the chart (between rows), in increasing order. */
  readonly breaks?: readonly number[];
}

/** Okabe–Ito: tells components apart for the colour-blind, and in grey print. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
export const INK = "#1a1a1a";
export const MUTED = "#6b6b6b";
export const FLAG = "#c62828";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute values: a candidate's name must never become markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Two decimals at most, no trailing zeros: short, and the same string on every machine. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The SVG string: a viewBox, so it scales to the screen's width (360 px and up) with its text; the
 * system font, which every phone has.
 */
export function toSvg(chart: Chart): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(chart.width)} ${num(chart.height)}" ` +
      `width="100%" role="img" aria-label="${escapeXml(chart.label)}" ` +
      `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
  ];
  for (const s of chart.shapes) parts.push(shapeSvg(s));
  parts.push("</svg>");
  return parts.join("");
}

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case "rect": {
      const opacity = s.opacity !== undefined ? ` fill-opacity="${num(s.opacity)}"` : "";
      const attrs = `x="${num(s.x)}" y="${num(s.y)}" width="${num(s.width)}" height="${num(s.height)}" fill="${s.fill}"${opacity}`;
      return s.title ? `<rect ${attrs}><title>${escapeXml(s.title)}</title></rect>` : `<rect ${attrs}/>`;
    }
    case "line":
      return (
        `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" ` +
        `stroke="${s.stroke}" stroke-width="${num(s.width)}"${s.dash ? ' stroke-dasharray="4 3"' : ""}/>`
      );
    case "circle": {
      const stroke = s.stroke ? ` stroke="${s.stroke}" stroke-width="1"` : "";
      const attrs = `cx="${num(s.cx)}" cy="${num(s.cy)}" r="${num(s.r)}" fill="${s.fill}"${stroke}`;
      return s.title ? `<circle ${attrs}><title>${escapeXml(s.title)}</title></circle>` : `<circle ${attrs}/>`;
    }
    case "text":
      return (
        `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}" fill="${s.fill}" ` +
        `text-anchor="${s.anchor}"${s.bold ? ' font-weight="bold"' : ""}>${escapeXml(s.text)}</text>`
      );
    case "path":
      // The stroke's width is divided by the scale so it is the chart's width, not the box's.
      return (
        `<path transform="translate(${num(s.x)} ${num(s.y)}) scale(${num(s.scale)})" d="${escapeXml(s.d)}" ` +
        `fill="none" stroke="${s.stroke}" stroke-width="${num(s.width / s.scale)}" ` +
        `stroke-linecap="round" stroke-linejoin="round"/>`
      );
  }
}

/** Cuts a label to about `max` characters (the chart has one line per row). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}\u2026`;
}
