/**
 * The UnfoldingFactor of a big unfolding (min(m, n) above GRAM_MAX_RANK): the core's SVD driver,
 * whose Golub-Kahan path costs O(m n p) without the Gram matrix's p^2 L refinement sweeps.
 * Signs are the core's canonical ones, the same rule as gramSvd.ts.
 */
import { matrix, type Matrix } from '../matrix';
import type { ProgressOptions } from '../progress';
import { svd } from '../svd';
import type { UnfoldingFactor } from './gramSvd';

/**
 * Unfoldings with min(m, n) at most this go to GramSvd. Measured on the 90 x 20480 first
 * unfolding of the video tensor (see bench/tensors.ts): the Gram path took 0.16 s, svd() 0.5 s;
 * the Gram path's one-sided sweeps grow as p^2 L, so very wide problems return to svd().
 */
export const GRAM_MAX_RANK = 256;

/** svd() behind the UnfoldingFactor interface. */
export class LargeSvd implements UnfoldingFactor {
  s: Float64Array = new Float64Array(0);
  private u: Matrix = matrix(0, 0);
  private v: Matrix = matrix(0, 0);
  private n = 0;

  factor(x: Float64Array, off: number, m: number, n: number, options: ProgressOptions = {}): void {
    const f = svd(matrix(m, n, x.subarray(off, off + m * n)), options);
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
