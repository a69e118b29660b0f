/**
 * Dense Cholesky factorisation G = L L^T of small symmetric matrices and the triangular solves on
 * it: the k x k normal equations of ALS and the whitening of activation-aware SVD. Unlike the
 * CholeskyQR helper, success is judged by a pivot threshold the caller chooses, so "succeeds" means
 * "numerically positive definite at that level".
 */
import { EPS } from '../dense/scalar';

/**
 * Overwrites the lower triangle of the n x n row-major `g` with L (upper triangle set to 0) and
 * returns true; returns false (g partly overwritten) when a pivot falls to `minPivot` or below.
 *
 * @example
 * const g = new Float64Array([4, 2, 2, 5]);
 * choleskyLower(g, 2, 0); // true, g = [2, 0, 1, 2]
 */
export function choleskyLower(g: Float64Array, n: number, minPivot: number): boolean {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = g[rowJ + j];
    for (let p = 0; p < j; p++) d -= g[rowJ + p] * g[rowJ + p];
    if (!(d > minPivot)) return false;
    const ljj = Math.sqrt(d);
    g[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = g[rowI + j];
      for (let p = 0; p < j; p++) s -= g[rowI + p] * g[rowJ + p];
      g[rowI + j] = s / ljj;
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) g[i * n + j] = 0;
  return true;
}

/**
 * The pivot level below which a Cholesky factorisation of a PSD matrix with largest diagonal
 * `maxDiagonal` is rounding rather than information: n eps max G_ii.
 */
export function pivotFloor(n: number, maxDiagonal: number): number {
  return n * EPS * maxDiagonal;
}

/**
 * Solves L L^T x = b in place (b becomes x) for the lower factor L from {@link choleskyLower}.
 *
 * @example
 * solveWithCholesky(new Float64Array([2, 0, 1, 2]), 2, b); // b <- G^{-1} b for G = [[4, 2], [2, 5]]
 */
export function solveWithCholesky(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let p = 0; p < i; p++) s -= l[i * n + p] * b[p];
    b[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let p = i + 1; p < n; p++) s -= l[p * n + i] * b[p];
    b[i] = s / l[i * n + i];
  }
}

/**
 * Solves L^T X = B in place for the n x c row-major block B (B becomes L^{-T} B), L lower n x n.
 *
 * @example
 * solveLowerTransposed(l, n, v, k); // v <- L^{-T} v
 */
export function solveLowerTransposed(l: Float64Array, n: number, b: Float64Array, c: number): void {
  for (let i = n - 1; i >= 0; i--) {
    const rowI = i * c;
    for (let p = i + 1; p < n; p++) {
      const lpi = l[p * n + i];
      if (lpi === 0) continue;
      const rowP = p * c;
      for (let j = 0; j < c; j++) b[rowI + j] -= lpi * b[rowP + j];
    }
    const d = 1 / l[i * n + i];
    for (let j = 0; j < c; j++) b[rowI + j] *= d;
  }
}
