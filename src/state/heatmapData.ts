/**
 * The matrices behind the heatmaps: A, its rank-k reconstruction A_k and (in the plot) A - A_k.
 *
 * Big matrices are shown as block means on a grid of at most POOL_MAX x POOL_MAX cells. Block means
 * are linear, so the pooled A_k is built from pooled factors: mean(A_k) = mean(U_k) S_k mean(V_k)^T,
 * which costs R C per rank-1 term instead of m n. Moving the rank only adds or removes the terms in
 * between (the core's updateLowRank on the pooled factors), so dragging the slider stays cheap.
 */
import { updateLowRank, type Matrix } from '../core';
import type { DocMatrix } from './documentSlice';
import type { SvdResult } from './svdSlice';

export const POOL_MAX = 160;

export interface PooledMatrices {
  rows: number;
  cols: number;
  /** Entries per cell along rows and columns (1 when nothing is pooled; may vary by one). */
  blockRows: number;
  blockCols: number;
  original: Float64Array;
  reconstruction: Float64Array;
  rank: number;
}

/** Start index of each of `cells` blocks over `n` items, plus n at the end. */
function blockStarts(n: number, cells: number): Int32Array {
  const starts = new Int32Array(cells + 1);
  for (let b = 0; b <= cells; b++) starts[b] = Math.floor((b * n) / cells);
  return starts;
}

/** Block means of the rows of a row-major array `width` wide. */
function poolRows(data: ArrayLike<number>, width: number, starts: Int32Array): Float64Array {
  const cells = starts.length - 1;
  const out = new Float64Array(cells * width);
  for (let b = 0; b < cells; b++) {
    const size = starts[b + 1] - starts[b];
    for (let i = starts[b]; i < starts[b + 1]; i++) {
      for (let j = 0; j < width; j++) out[b * width + j] += data[i * width + j];
    }
    for (let j = 0; j < width; j++) out[b * width + j] /= size;
  }
  return out;
}

/** Block means of a whole matrix over row and column blocks. */
function poolMatrix(matrix: DocMatrix, rowStarts: Int32Array, colStarts: Int32Array): Float64Array {
  const R = rowStarts.length - 1;
  const C = colStarts.length - 1;
  const byRows = poolRows(matrix.data, matrix.cols, rowStarts); // R x cols
  const out = new Float64Array(R * C);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let j = colStarts[c]; j < colStarts[c + 1]; j++) sum += byRows[r * matrix.cols + j];
      out[r * C + c] = sum / (colStarts[c + 1] - colStarts[c]);
    }
  }
  return out;
}

interface Cache {
  result: SvdResult;
  matrix: DocMatrix;
  pooledSvd: { rows: number; cols: number; u: Matrix; s: Float64Array; v: Matrix };
  current: Matrix;
  rank: number;
  original: Float64Array;
}

let cache: Cache | null = null;

/**
 * A and A_k pooled for display. The returned arrays are new on every call that changes them, so
 * React sees the change; the pooled factors and A are computed once per SVD.
 */
export function pooledMatrices(matrix: DocMatrix, result: SvdResult, rank: number): PooledMatrices {
  const R = Math.min(result.rows, POOL_MAX);
  const C = Math.min(result.cols, POOL_MAX);
  if (!cache || cache.result !== result || cache.matrix !== matrix) {
    const rowStarts = blockStarts(result.rows, R);
    const colStarts = blockStarts(result.cols, C);
    const p = result.p;
    cache = {
      result,
      matrix,
      pooledSvd: {
        rows: R,
        cols: C,
        u: { rows: R, cols: p, data: poolRows(result.u, p, rowStarts) },
        s: result.s,
        v: { rows: C, cols: p, data: poolRows(result.v, p, colStarts) },
      },
      current: { rows: R, cols: C, data: new Float64Array(R * C) },
      rank: 0,
      original: poolMatrix(matrix, rowStarts, colStarts),
    };
  }
  const k = Math.max(0, Math.min(result.p, rank));
  if (k !== cache.rank) {
    // Adding k terms from zero is cheaper (and drifts less) than removing more than k.
    const fromScratch = Math.abs(k - cache.rank) > k;
    const data = fromScratch ? new Float64Array(R * C) : cache.current.data.slice();
    cache.current = updateLowRank({ rows: R, cols: C, data }, cache.pooledSvd, fromScratch ? 0 : cache.rank, k);
    cache.rank = k;
  }
  return {
    rows: R,
    cols: C,
    blockRows: result.rows / R,
    blockCols: result.cols / C,
    original: cache.original,
    reconstruction: cache.current.data,
    rank: k,
  };
}
