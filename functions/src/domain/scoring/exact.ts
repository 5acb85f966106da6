/**
 * The arithmetic of scores, exact. Scores are typed with at most two decimals, so every input is a
 * whole number of hundredths; means and weights make fractions of them, kept as integer fractions
 * (numerator/denominator) until a figure is printed, then rounded half-up to two decimals once.
 * Floating point would print 80.125 as 80.12 on one machine's order of additions and 80.13 on
 * another's; a contested ranking must come out the same on every re-run.
 */

/** Whole hundredths of `value`, or null when it has more than two decimals (or is not finite). */
export function toHundredths(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * 100);
  // 80.1 * 100 is 8010.000000000001 in binary: a tolerance far below a hundredth tells the two apart.
  if (Math.abs(value * 100 - scaled) > 1e-6 || !Number.isSafeInteger(scaled)) return null;
  return scaled;
}

/** A non-negative fraction; `den` > 0. */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** a + b, reduced; exact while the figures stay safe integers, else through BigInt (never seen in tests). */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  if (a.num === 0) return b;
  if (b.num === 0) return a;
  const g = gcd(a.den, b.den);
  const den = (a.den / g) * b.den;
  const num = a.num * (b.den / g) + b.num * (a.den / g);
  if (Number.isSafeInteger(den) && Number.isSafeInteger(num)) return reduce(num, den);
  const bigDen = (BigInt(a.den) / BigInt(g)) * BigInt(b.den);
  const bigNum = BigInt(a.num) * (BigInt(b.den) / BigInt(g)) + BigInt(b.num) * (BigInt(a.den) / BigInt(g));
  const bigG = bigGcd(bigNum, bigDen);
  return { num: Number(bigNum / bigG), den: Number(bigDen / bigG) };
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export function reduce(num: number, den: number): Fraction {
  if (num === 0) return { num: 0, den: 1 };
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

/**
 * The fraction (a count of hundredths) rounded half-up to a whole number of hundredths: 2000.5 → 2001.
 * Integer division only, so it never depends on how a float happens to round.
 */
export function roundHalfUp(f: Fraction): number {
  return roundQuotient(f.num, f.den);
}

/** `roundHalfUp` of num / den without building the fraction (the ranking's hot loops). */
export function roundQuotient(num: number, den: number): number {
  let whole = Math.floor(num / den);
  let rest = num - whole * den;
  // The float quotient can be one off near 2^53; the integer remainder puts it right.
  while (rest < 0) [whole, rest] = [whole - 1, rest + den];
  while (rest >= den) [whole, rest] = [whole + 1, rest - den];
  return 2 * rest >= den ? whole + 1 : whole;
}
