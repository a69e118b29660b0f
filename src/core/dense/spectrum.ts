/**
 * Test and demo matrices with a prescribed spectrum: A = Q1 diag(sigma) Q2^T with Haar-random
 * orthonormal Q1 (m x p) and Q2 (n x p), so the singular values are known exactly in advance.
 */
import { LinalgError } from '../errors';
import { gemm } from './gemm';
import type { Matrix } from './matrix';
import { checkCancel, type ProgressOptions } from '../progress';
import { qr } from './qr';
import { randomMatrix, type Random } from './random';

/**
 * Floating-point operations of {@link matrixWithSpectrum} for an m x n matrix with k singular
 * values: a Householder QR and the forming of its Q for each of the m x k and n x k Gaussian
 * matrices (2 (2 r k^2 - 2 k^3 / 3) each) and the final m x n x k product. The page prices the
 * generation with it before it starts (4096 x 4096 is about 5e11, minutes in a browser).
 *
 * @example
 * matrixWithSpectrumFlops(2, 2, 2); // 4 (2+2) 4 - 8 (8) / 3 + 2 * 2 * 2 * 2 = 58.67
 */
export function matrixWithSpectrumFlops(m: number, n: number, k: number): number {
  return 4 * (m + n) * k * k - (8 / 3) * k * k * k + 2 * m * n * k;
}

/**
 * An m x n matrix whose singular values are `sigmas` (at most min(m, n) of them, non-negative; the
 * rest are zero), with random singular vectors drawn from `rng`.
 *
 * @example
 * const a = matrixWithSpectrum(4, 3, [3, 2, 1], createRandom(7));
 * svd(a).s; // [3, 2, 1] to rounding
 */
export function matrixWithSpectrum(m: number, n: number, sigmas: ArrayLike<number>, rng: Random, options: ProgressOptions = {}): Matrix {
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
  // Progress in shares of the work: each factor's QR and Q, then the product.
  const total = matrixWithSpectrumFlops(m, n, k);
  const factorShare = (r: number) => Math.max(0, 4 * r * k * k - (4 / 3) * k * k * k) / total;
  const stage = (start: number, share: number, name: string): ProgressOptions => ({
    shouldCancel: options.shouldCancel,
    // The QR reports its panels (half of the factor's work); forming Q is the other half.
    onProgress: options.onProgress && ((fraction) => options.onProgress!(start + (share * fraction) / 2, name)),
  });
  const left = factorShare(m);
  const q1 = qr(randomMatrix(m, k, rng), stage(0, left, 'orthonormal Q1')).q;
  checkCancel('matrixWithSpectrum', options);
  options.onProgress?.(left, 'orthonormal Q2');
  const right = factorShare(n);
  const q2 = qr(randomMatrix(n, k, rng), stage(left, right, 'orthonormal Q2')).q;
  checkCancel('matrixWithSpectrum', options);
  options.onProgress?.(left + right, 'the product Q1 diag(sigma) Q2^T');
  // Scale the columns of Q1 by sigma, then A = (Q1 S) Q2^T with the GEMM kernel.
  const q1s = q1.data;
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) q1s[i * k + j] *= sigmas[j];
  const out = new Float64Array(m * n);
  gemm(m, n, k, 1, { data: q1s, offset: 0, ld: k, trans: false }, { data: q2.data, offset: 0, ld: k, trans: true }, 0, out, 0, n);
  return { rows: m, cols: n, data: out };
}
