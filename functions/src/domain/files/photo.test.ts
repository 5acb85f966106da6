import { describe, expect, it } from "vitest";
import {
  JPEG_QUALITIES,
  PHOTO_MAX_EDGE,
  PHOTO_MIN_EDGE,
  encodeSteps,
  fitWithin,
  pageBudget,
  photoOutput,
} from "./photo.js";

describe("fitWithin", () => {
  it("scales a 12 MP phone photo to the long edge, keeping proportions", () => {
    expect(fitWithin(4000, 3000, 2000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(3000, 4000, 2000)).toEqual({ width: 1500, height: 2000 });
  });

  it("never enlarges a small picture", () => {
    expect(fitWithin(800, 600, 2000)).toEqual({ width: 800, height: 600 });
  });
});

describe("encodeSteps", () => {
  it("tries every quality at 2000 px first, best first, then smaller sizes down to the legible minimum", () => {
    const steps = encodeSteps(4000, 3000, "jpg");
    expect(steps.slice(0, JPEG_QUALITIES.length)).toEqual(
      JPEG_QUALITIES.map((quality) => ({ width: 2000, height: 1500, quality })),
    );
    expect(steps[JPEG_QUALITIES.length]).toEqual({ width: 1600, height: 1200, quality: JPEG_QUALITIES[0] });
    const last = steps.at(-1);
    expect(Math.max(last?.width ?? 0, last?.height ?? 0)).toBe(PHOTO_MIN_EDGE);
    expect(last?.quality).toBe(JPEG_QUALITIES.at(-1));
    // Sizes only shrink; at one size qualities only fall.
    steps.slice(1).forEach((step, i) => {
      const before = steps[i];
      expect(step.width).toBeLessThanOrEqual(before?.width ?? 0);
      if (step.width === before?.width) expect(step.quality ?? 0).toBeLessThan(before.quality ?? 0);
    });
  });

  it("starts from the photo's own size when it is smaller than 2000 px", () => {
    expect(encodeSteps(1200, 900, "jpg")[0]).toEqual({ width: 1200, height: 900, quality: JPEG_QUALITIES[0] });
  });

  it("stops at once for a picture already at the minimum", () => {
    expect(encodeSteps(600, 800, "jpg")).toHaveLength(JPEG_QUALITIES.length);
  });

  it("only shrinks a PNG, which has no quality", () => {
    const steps = encodeSteps(PHOTO_MAX_EDGE * 2, PHOTO_MAX_EDGE, "png");
    expect(steps.every((s) => s.quality === undefined)).toBe(true);
    expect(steps.map((s) => s.width)).toEqual([2000, 1600, 1280, 1024, 900]);
  });
});

describe("photoOutput", () => {
  it("sends one photo as JPEG where the checklist allows it, else inside a PDF", () => {
    expect(photoOutput(["pdf", "jpg", "png"], 1)).toBe("jpg");
    expect(photoOutput(["pdf"], 1)).toBe("pdf");
    expect(photoOutput(["png"], 1)).toBe("png");
  });

  it("sends several pages as one PDF, and nothing where no PDF is allowed", () => {
    expect(photoOutput(["pdf", "jpg"], 3)).toBe("pdf");
    expect(photoOutput(["jpg", "png"], 2)).toBeUndefined();
  });
});

describe("pageBudget", () => {
  it("shares the limit between the pages, leaving room for the PDF's structure", () => {
    expect(pageBudget(1024 * 1024, 1)).toBe(1024 * 1024 - 1536);
    expect(pageBudget(2048 * 1024, 4) * 4 + 1024 + 4 * 512).toBeLessThanOrEqual(2048 * 1024);
    expect(pageBudget(100, 4)).toBe(0);
  });
});
