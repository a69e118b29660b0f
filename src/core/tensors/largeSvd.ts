/**
 * The UnfoldingFactor of a big unfolding (min(m, n) above GRAM_MAX_RANK): the core's SVD driver,
 * whose Golub-Kahan path costs O(m n p) and no p^3 Jacobi sweeps.
 * Signs are the core's canonical ones, the same rule as gramSvd.ts.
 */
import { matrix, type Matrix } from '../dense/matrix';
import type { ProgressOptions } from '../progress';
import { svd } from '../svd/svd';
import type { UnfoldingFactor } from './gramSvd';

/**
 * Unfoldings with min(m, n) at most this go to GramSvd, bigger ones to svd(). Measured (one thread,
 * a shared 2-core machine, so +-30%): 90 x 20480 (the video's first unfolding) 0.3 s against
 * 0.55 s; Gaussian 128 x 20480 0.25 s against 1.6 s, 128 x 4096 0.11 s against 0.30 s (graded
 * spectrum: 0.13 against 0.21 s); but at p = 256 the Gram path's p^3 Jacobi sweeps lose on graded
 * spectra (256 x 4096: 1.0 s against 0.67 s; 256 x 256: 0.9 s against 0.12 s).
 */
export const GRAM_MAX_RANK = 128;

/** svd() behind the UnfoldingFactor interface. */
export class LargeSvd implements UnfoldingFactor {
  s: Float64Array = new Float64Array(0);
  private u: Matrix = matrix(0, 0);
  private v: Matrix = matrix(0, 0);
  private n = 0;

  /** Factors the m x n block x[off..]; only shouldCancel is passed on (svd's own progress would run backwards in a TT's). */
  factor(x: Float64Array, off: number, m: number, n: number, options: ProgressOptions = {}): void {
    const f = svd(matrix(m, n, x.subarray(off, off + m * n)), { shouldCancel: options.shouldCancel });
    this.s = f.s;
    this.u = f.u;
    this.v = f.v;
    this.n = n;
  }

  writeLeft(r: number, dst: Float64Array, off: number): void {
    const { rows, cols, data } = this.u;
    for (let a = 0; a < rows; a++) {
      for (let j = 0; j < r; j++) dst[off + a * r + j] = data[a * cols + j];
    }
  }

  writeCarry(r: number, dst: Float64Array, off: number): void {
    const { cols, data } = this.v;
    const n = this.n;
    for (let j = 0; j < r; j++) {
      const sigma = this.s[j];
      for (let c = 0; c < n; c++) dst[off + j * n + c] = sigma * data[c * cols + j];
    }
  }
}
