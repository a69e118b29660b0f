/**
 * Test and demo matrices with a prescribed spectrum: A = Q1 diag(sigma) Q2^T with Haar-random
 * orthonormal Q1 (m x p) and Q2 (n x p), so the singular values are known exactly in advance.
 */
import { LinalgError } from './errors';
import { gemm } from './gemm';
import type { Matrix } from './matrix';
import { qr } from './qr';
import { randomMatrix, type Random } from './random';

/**
 * An m x n matrix whose singular values are `sigmas` (at most min(m, n) of them, non-negative; the
 * rest are zero), with random singular vectors drawn from `rng`.
 *
 * @example
 * const a = matrixWithSpectrum(4, 3, [3, 2, 1], createRandom(7));
 * svd(a).s; // [3, 2, 1] to rounding
 */
export function matrixWithSpectrum(m: number, n: number, sigmas: ArrayLike<number>, rng: Random): Matrix {
  const p = Math.min(m, n);
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 1 || n < 1) {
    throw new LinalgError(`matrixWithSpectrum: invalid shape ${m} x ${n}`);
  }
  if (sigmas.length > p) {
    throw new LinalgError(`matrixWithSpectrum: ${sigmas.length} singular values for a ${m} x ${n} matrix (at most ${p})`);
  }
  for (let i = 0; i < sigmas.length; i++) {
    if (!(sigmas[i] >= 0) || !Number.isFinite(sigmas[i])) {
      throw new LinalgError(`matrixWithSpectrum: singular value ${i} is ${sigmas[i]}; they must be finite and >= 0`);
    }
  }
  const k = sigmas.length;
  if (k === 0) return { rows: m, cols: n, data: new Float64Array(m * n) };
  const q1 = qr(randomMatrix(m, k, rng)).q;
  const q2 = qr(randomMatrix(n, k, rng)).q;
  // Scale the columns of Q1 by sigma, then A = (Q1 S) Q2^T with the GEMM kernel.
  const q1s = q1.data;
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) q1s[i * k + j] *= sigmas[j];
  const out = new Float64Array(m * n);
  gemm(m, n, k, 1, { data: q1s, offset: 0, ld: k, trans: false }, { data: q2.data, offset: 0, ld: k, trans: true }, 0, out, 0, n);
  return { rows: m, cols: n, data: out };
}
