/**
 * One view of any low-rank approximation A_k ≈ U diag(s) V^T of a matrix A, in SVD form (U and V
 * orthonormal, s descending), with what the views need of A itself (row and column energies, ||A||_F^2,
 * block means) and the factors pooled on the heatmaps' grid. The SVD, FWSVD, a weighted solver's
 * factors or a TT unfolding all become this one shape, so the cloud, heatmaps and spectrum read any
 * of them. The two builders below are the one place such views are made.
 */
import { blockMeans, matmul, matrix, qr, rowBlockMeans, svd, type Matrix } from '../core';

/** The heatmaps show at most this many rows and columns of cells (block means beyond that). */
export const HEATMAP_GRID = 160;

/**
 * A, U and V as block means on a grid of rows x cols cells (at most HEATMAP_GRID each): the pooled
 * A_k for any rank is u_k diag(s) v_k^T of the pooled factors (block means are linear). Pooling
 * GPT-2's 50257 x 768 embedding table and its U on the page took 263 ms of its thread.
 */
export interface PooledFactors {
  rows: number;
  cols: number;
  /** rows x cols block means of A. */
  original: Float64Array;
  /** rows x p and cols x p block means of the rows of U and V. */
  u: Float64Array;
  v: Float64Array;
}

/** A low-rank approximation of A as the views read it. */
export interface LowRankView {
  rows: number;
  cols: number;
  /** The number of terms: the columns of U and V and the length of s. */
  p: number;
  /** rows x p, row-major, orthonormal columns. */
  u: Float64Array;
  /** Singular values of the approximation, descending (zeros at the end for rank-deficient factors). */
  s: Float64Array;
  /** cols x p, row-major, orthonormal columns. */
  v: Float64Array;
  /** Squared length of each row (m) and column (n) of A: what the cloud's colours are shares of. */
  rowEnergy: Float64Array;
  colEnergy: Float64Array;
  /** ||A||_F^2, so that truncation errors stay exact when only the top terms are known. */
  frobeniusSquared: number;
  /** A and the factors as block means on the heatmaps' grid, so the page never reads all of A or U. */
  pooled: PooledFactors;
}

/**
 * What a view holds of A itself. Views of the same A may share one (pass it to the builders): one
 * copy of these arrays then travels in a message that carries several views.
 */
export interface DataSummary {
  rowEnergy: Float64Array;
  colEnergy: Float64Array;
  frobeniusSquared: number;
  pooled: Matrix;
}

/** Squared lengths of the rows and of the columns of A, their sum ||A||_F^2, and A's block means. */
export function summarize(a: Matrix): DataSummary {
  const rowEnergy = new Float64Array(a.rows);
  const colEnergy = new Float64Array(a.cols);
  let total = 0;
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let j = 0, k = i * a.cols; j < a.cols; j++, k++) {
      const x2 = a.data[k] * a.data[k];
      sum += x2;
      colEnergy[j] += x2;
    }
    rowEnergy[i] = sum;
    total += sum;
  }
  return { rowEnergy, colEnergy, frobeniusSquared: total, pooled: blockMeans(a, HEATMAP_GRID, HEATMAP_GRID) };
}

/** Block means of the rows of a rows x p factor (nothing to pool when p = 0). */
function poolRows(rows: number, p: number, data: Float64Array): Float64Array {
  return p === 0 ? new Float64Array(0) : rowBlockMeans(matrix(rows, p, data), HEATMAP_GRID).data;
}

/** The view of A's approximation U diag(s) V^T from factors already in SVD form (U m x p, V n x p). */
export function lowRankView(a: Matrix, u: Float64Array, s: Float64Array, v: Float64Array, p: number, summary = summarize(a)): LowRankView {
  if (u.length !== a.rows * p || v.length !== a.cols * p || s.length !== p) {
    throw new Error(`A low-rank view of a ${a.rows} x ${a.cols} matrix with ${p} terms needs U ${a.rows} x ${p}, ${p} values and V ${a.cols} x ${p}.`);
  }
  const { rowEnergy, colEnergy, frobeniusSquared, pooled } = summary;
  return {
    rows: a.rows,
    cols: a.cols,
    p,
    u,
    s,
    v,
    rowEnergy,
    colEnergy,
    frobeniusSquared,
    pooled: { rows: pooled.rows, cols: pooled.cols, original: pooled.data, u: poolRows(a.rows, p, u), v: poolRows(a.cols, p, v) },
  };
}

/**
 * The view of A_k = left right^T (left m x k, right n x k) when the factors are not in SVD form, as
 * a weighted solver leaves them. With thin QRs left = Q_L R_L and right = Q_R R_R, A_k = Q_L (R_L R_R^T)
 * Q_R^T, so the SVD of the small R_L R_R^T = U_c S V_c^T gives A_k's: U = Q_L U_c, V = Q_R V_c, in
 * O((m + n) k^2) instead of an SVD of the m x n product. Householder's Q stays orthonormal when the
 * factors are rank deficient; A_k's missing directions then get singular value 0.
 */
export function lowRankViewOfFactors(a: Matrix, left: Matrix, right: Matrix, summary = summarize(a)): LowRankView {
  const k = left.cols;
  if (left.rows !== a.rows || right.rows !== a.cols || right.cols !== k) {
    throw new Error(`Factors of a ${a.rows} x ${a.cols} matrix must be ${a.rows} x k and ${a.cols} x k; got ${left.rows} x ${left.cols} and ${right.rows} x ${right.cols}.`);
  }
  // No terms: the core refuses empty matrices, and the approximation is zero.
  if (k === 0) return lowRankView(a, new Float64Array(0), new Float64Array(0), new Float64Array(0), 0, summary);
  const l = qr(left);
  const r = qr(right);
  const small = svd(matmul(l.r, r.r, { transB: true }));
  return lowRankView(a, matmul(l.q, small.u).data, small.s, matmul(r.q, small.v).data, small.s.length, summary);
}

/**
 * What the heatmaps and the spectrum read of a view: its size is bounded by the heatmap grid and p,
 * not by A's (a bond's unfolding can be 64 x 2^19, whose V alone would be 256 MB).
 */
export type PooledView = Pick<LowRankView, 'rows' | 'cols' | 'p' | 's' | 'frobeniusSquared' | 'pooled'>;

/** A copy of a view's pooled part, to post while the full view stays cached in the worker. */
export function pooledView(view: PooledView): PooledView {
  const { rows, cols, p, frobeniusSquared, pooled } = view;
  return { rows, cols, p, frobeniusSquared, s: view.s.slice(), pooled: { ...pooled, original: pooled.original.slice(), u: pooled.u.slice(), v: pooled.v.slice() } };
}

/** The buffers of views to move to the page: each once, since views of one A share its arrays. */
export function viewBuffers(...views: Array<LowRankView | PooledView>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) {
    const full = 'u' in view ? [view.u, view.v, view.rowEnergy, view.colEnergy] : [];
    for (const array of [...full, view.s, view.pooled.original, view.pooled.u, view.pooled.v]) {
      buffers.add(array.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}
