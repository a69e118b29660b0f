/**
 * Matrix norms (the spectral norm, which needs an SVD, is in svd/spectralNorm.ts). Sums are scaled so that entries near 1e300 or 1e-300 neither overflow nor underflow.
 */
import { assertMatrix } from '../errors';
import { scaledNorm } from './householder';
import type { Matrix } from './matrix';

/**
 * The Frobenius norm sqrt(sum a_ij^2).
 *
 * @example
 * frobeniusNorm(fromArrays([[3, 0], [4, 5]])); // sqrt(50) = 7.0710678...
 */
export function frobeniusNorm(a: Matrix): number {
  assertMatrix('frobeniusNorm', a);
  return scaledNorm(a.data, 0, 1, a.data.length);
}

/**
 * The largest absolute entry max |a_ij|.
 *
 * @example
 * maxAbs(fromArrays([[1, -7], [3, 2]])); // 7
 */
export function maxAbs(a: Matrix): number {
  assertMatrix('maxAbs', a);
  let best = 0;
  for (let i = 0; i < a.data.length; i++) best = Math.max(best, Math.abs(a.data[i]));
  return best;
}
