/**
 * What the phone does to a photo before it uploads it (issue 8: "files rejected for size" is the
 * national portal's known failure). A phone camera's 3–5 MB photo of an SK is far over most
 * checklists' limit and a long wait on mobile data; a document stays readable at 2000 px on its
 * long edge. The canvas work is the browser's; which sizes and JPEG qualities to try, in which order,
 * and what to send for a checklist entry are decided here, so they are tested without a browser.
 */
import type { FileFormat } from "./upload.js";

/** Long edge of the first attempt: about 170 dpi on an A4 page, enough to read a stamp and a NIP. */
export const PHOTO_MAX_EDGE = 2000;
/** Below this long edge a scanned page stops being legible; the phone gives up instead. */
export const PHOTO_MIN_EDGE = 900;
/** JPEG qualities tried at each size, best first. Below 0.5 text edges blur. */
export const JPEG_QUALITIES = [0.82, 0.72, 0.62, 0.52] as const;
/** Each size after the first is this much smaller on each edge. */
export const SHRINK = 0.8;

export interface EncodeStep {
  readonly width: number;
  readonly height: number;
  /** JPEG quality in (0, 1]; undefined for PNG, which has none. */
  readonly quality: number | undefined;
}

/** The dimensions of `width × height` fitted within a long edge of `maxEdge`, never enlarged. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The encodings to try, in order, until one fits the limit: every quality at the largest size, then
 * the next smaller size, down to PHOTO_MIN_EDGE. Quality falls before size does because a smaller
 * JPEG at the same size keeps more of the small print than a sharper one at a smaller size.
 */
export function encodeSteps(width: number, height: number, format: "jpg" | "png"): EncodeStep[] {
  const steps: EncodeStep[] = [];
  const longest = Math.max(width, height);
  let edge = Math.min(PHOTO_MAX_EDGE, longest);
  for (;;) {
    const size = fitWithin(width, height, edge);
    if (format === "png") steps.push({ ...size, quality: undefined });
    else for (const quality of JPEG_QUALITIES) steps.push({ ...size, quality });
    if (edge <= PHOTO_MIN_EDGE) break;
    edge = Math.max(PHOTO_MIN_EDGE, Math.round(edge * SHRINK));
  }
  return steps;
}

/** What a photo (or several, the pages of one document) is sent as, given the checklist's formats. */
export type PhotoOutput = "jpg" | "png" | "pdf";

export function photoOutput(formats: readonly FileFormat[], pages: number): PhotoOutput | undefined {
  if (pages > 1) return formats.includes("pdf") ? "pdf" : undefined;
  if (formats.includes("jpg")) return "jpg";
  if (formats.includes("pdf")) return "pdf";
  if (formats.includes("png")) return "png";
  return undefined;
}

/**
 * The byte budget of each page when `pages` JPEGs share one PDF of at most `maxBytes`: the PDF's own
 * structure takes about 400 bytes a page plus a little, kept aside with a margin.
 */
export function pageBudget(maxBytes: number, pages: number): number {
  const overhead = 1024 + 512 * pages;
  return Math.max(0, Math.floor((maxBytes - overhead) / Math.max(1, pages)));
}
