/**
 * The full SVD of a small matrix (up to 3 x 3) padded to a square, oriented for the linear-map view.
 *
 * Built from the thin SVD so the padding cannot mix into the real subspaces: U's first m columns span
 * R^m (u_1..u_p, then the left null space), V's first n columns span R^n (v_1..v_p, then the null
 * space), and the padding dimensions keep their own axes. The core's orientSvd then chooses signs
 * so that U and V are rotations where possible.
 */
import { completeOrthonormalColumns, orientSvd, type SvdWithVectors } from '../core';

export interface SquareMap {
  n: 2 | 3;
  /** n x n, row-major. */
  u: Float64Array;
  s: Float64Array;
  /** n x n, row-major. */
  v: Float64Array;
  /** True when U must be a reflection (det A < 0). */
  reflection: boolean;
}

/** Completes the dim x p orthonormal columns to dim x dim and embeds them in an n x n identity. */
function completeAndEmbed(thin: Float64Array, dim: number, p: number, n: number): Float64Array {
  const square = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < p; j++) square[i * dim + j] = thin[i * p + j];
  completeOrthonormalColumns(square, dim, dim, p);
  const full = new Float64Array(n * n);
  for (let i = 0; i < n; i++) full[i * n + i] = 1;
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) full[i * n + j] = square[i * dim + j];
  return full;
}

export function squareMapOf(thin: SvdWithVectors): SquareMap {
  const { rows: m, cols: nCols } = thin;
  const n = Math.max(2, m, nCols) as 2 | 3;
  const p = thin.s.length;
  const s = new Float64Array(n);
  s.set(thin.s);
  const padded = {
    rows: n,
    cols: n,
    u: { rows: n, cols: n, data: completeAndEmbed(thin.u.data, m, p, n) },
    s,
    v: { rows: n, cols: n, data: completeAndEmbed(thin.v.data, nCols, p, n) },
  };
  // The padded SVD has zero singular values wherever it added dimensions, so orientSvd can make
  // both factors rotations unless the matrix itself is square with det A < 0.
  const oriented = orientSvd(padded);
  return { n, u: oriented.u.data, s: oriented.s, v: oriented.v.data, reflection: oriented.reflection };
}
