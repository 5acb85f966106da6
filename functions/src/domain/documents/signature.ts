/**
 * A pansel member's signature on a stage's berita acara, drawn with a finger on the tablet
 * (`signatures/{selectionId}_{stage}_{memberUid}`). The tablet writes it itself through the
 * Firestore SDK, so a member in a room without Wi-Fi can sign and the signature is sent later; the
 * rules check who signs, the shape and the size, and keep it immutable. The strokes are an SVG path
 * in a fixed box, integers only, so the PDF draws them as vectors and the rules can bound them with
 * one regular expression.
 */
import { z } from "zod/mini";
import { STAGES } from "../stages.js";

/** The signing box, in path units: wide like a signature line. */
export const SIGNATURE_BOX = { width: 300, height: 100 } as const;
/** A few seconds of writing fit in far less; the bound keeps a forged document small. */
export const MAX_PATH_CHARS = 12_000;
/** "M12 40L13 41 …": moves and lines with integer coordinates, nothing else an SVG could run. * (firestore.rules repeats it: keep them equal; a test compares.)
 */
export const PATH_PATTERN = "^(M[0-9]{1,3} [0-9]{1,3}(L[0-9]{1,3} [0-9]{1,3})*)+$";

export const storedSignature = z.object({
  instansiId: z.string(),
  selectionId: z.string(),
  stage: z.enum(STAGES),
  /** The berita acara prints the name the committee's setup gives this uid, not one the tablet sends. */
  memberUid: z.string(),
  path: z.string().check(z.maxLength(MAX_PATH_CHARS), z.regex(new RegExp(PATH_PATTERN))),
  /** The tablet's clock when the member tapped "sign" (it may sync later). */
  signedAtDevice: z.string().check(z.maxLength(40)),
});
export type StoredSignature = z.infer<typeof storedSignature>;

export function signatureId(selectionId: string, stage: string, memberUid: string): string {
  return `${selectionId}_${stage}_${memberUid}`;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Strokes as drawn on a pad of `width` × `height` screen pixels, scaled into the signing box and
 * rounded; repeated points are dropped (a resting finger), single-point strokes kept as a dot.
 */
export function signaturePath(strokes: readonly (readonly Point[])[], width: number, height: number): string {
  const sx = width > 0 ? SIGNATURE_BOX.width / width : 0;
  const sy = height > 0 ? SIGNATURE_BOX.height / height : 0;
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  let path = "";
  for (const stroke of strokes) {
    let last = "";
    let points = 0;
    for (const p of stroke) {
      const at = `${clamp(p.x * sx, SIGNATURE_BOX.width)} ${clamp(p.y * sy, SIGNATURE_BOX.height)}`;
      if (at === last) continue;
      path += `${points === 0 ? "M" : "L"}${at}`;
      last = at;
      points++;
    }
    // A tap is a dot: a line to the same point would be nothing, so it moves one unit right.
    if (points === 1) {
      const [x, y] = last.split(" ").map(Number) as [number, number];
      path += `L${Math.min(SIGNATURE_BOX.width, x + 1)} ${y}`;
    }
  }
  return path;
}

/** Enough ink to be a signature rather than a stray tap: at least this many line segments. */
export const MIN_SEGMENTS = 10;

export function isSignatureEnough(path: string): boolean {
  return (path.match(/L/g)?.length ?? 0) >= MIN_SEGMENTS;
}
