/**
 * Scalar helpers with care for overflow and underflow.
 */

/**
 * sqrt(a^2 + b^2) without overflow or destructive underflow (Math.hypot is correct but slow in V8).
 *
 * @example
 * hypot(3e200, 4e200); // 5e200, where Math.sqrt(a*a + b*b) would be Infinity
 */
export function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const big = x > y ? x : y;
  const small = x > y ? y : x;
  if (big === 0) return 0;
  const r = small / big;
  return big * Math.sqrt(1 + r * r);
}

/** Machine epsilon of float64, 2^-52 (numpy's finfo(float).eps). */
export const EPS = Number.EPSILON;

/** The smallest positive normal float64, 2^-1022. */
export const SAFE_MIN = 2.2250738585072014e-308;

/**
 * 2^e exactly, for scalings that introduce no rounding error.
 *
 * @example
 * powerOfTwo(-3); // 0.125
 */
export function powerOfTwo(e: number): number {
  // Two factors keep 2^e representable across the full exponent range (e.g. e = -1074).
  const half = Math.trunc(e / 2);
  return Math.pow(2, half) * Math.pow(2, e - half);
}
