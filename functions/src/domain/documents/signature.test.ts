import { describe, expect, it } from "vitest";
import {
  isSignatureEnough,
  MAX_PATH_CHARS,
  PATH_PATTERN,
  SIGNATURE_BOX,
  signaturePath,
  storedSignature,
} from "./signature.js";

const pattern = new RegExp(PATH_PATTERN);

describe("signaturePath", () => {
  it("scales a pad's pixels into the box, rounds to integers and drops repeated points", () => {
    const path = signaturePath(
      [
        [
          { x: 0, y: 0 },
          { x: 0.2, y: 0.1 },
          { x: 150, y: 50 },
          { x: 300, y: 100 },
        ],
      ],
      600,
      200,
    );
    expect(path).toBe("M0 0L75 25L150 50");
    expect(path).toMatch(pattern);
  });

  it("keeps every stroke, a tap as a one-unit dot, and clamps points drawn past the edge", () => {
    const path = signaturePath(
      [
        [{ x: 10, y: 10 }],
        [
          { x: -5, y: 20 },
          { x: 400, y: 130 },
        ],
      ],
      SIGNATURE_BOX.width,
      SIGNATURE_BOX.height,
    );
    expect(path).toBe("M10 10L11 10M0 20L300 100");
    expect(path).toMatch(pattern);
  });

  it("gives an empty path for no strokes, which the pattern refuses", () => {
    expect(signaturePath([], 300, 100)).toBe("");
    expect("").not.toMatch(pattern);
  });
});

describe("the stored shape", () => {
  const base = {
    instansiId: "kota-metro",
    selectionId: "metro-2021-jpt",
    stage: "wawancara",
    memberUid: "u1",
    signedAtDevice: "2021-10-20T09:15:00.000+07:00",
  };

  it("accepts a drawn path and refuses anything an SVG could run or a path too long", () => {
    expect(storedSignature.safeParse({ ...base, path: "M1 2L3 4L5 6" }).success).toBe(true);
    for (const path of ['M1 2"/><script>', "M1 2C3 4 5 6 7 8", "M1.5 2L3 4", "M1 2 L3 4", "L1 2"]) {
      expect(storedSignature.safeParse({ ...base, path }).success, path).toBe(false);
    }
    const long = "M1 1" + "L100 100".repeat(MAX_PATH_CHARS / 8);
    expect(storedSignature.safeParse({ ...base, path: long }).success).toBe(false);
  });
});

describe("isSignatureEnough", () => {
  it("asks for more than a stray tap", () => {
    expect(isSignatureEnough("M10 10L11 10")).toBe(false);
    const stroke = Array.from({ length: 12 }, (_, i) => ({ x: i * 10, y: (i % 3) * 10 }));
    expect(isSignatureEnough(signaturePath([stroke], 300, 100))).toBe(true);
  });
});
