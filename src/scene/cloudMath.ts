/**
 * The numbers behind the point cloud, from the cached SVD factors alone (no recomputation):
 * row i of A is sum_j sigma_j u_ij v_j^T, so in the basis of right singular vectors its coordinates
 * are sigma_j u_ij; its projection onto the rank-k row space keeps j < k and drops the rest.
 * Columns work the same way with U and V exchanged.
 */
import type { SvdResult } from '../state/svdSlice';

export type CloudOf = 'rows' | 'columns';

/** Number of points and the factor whose rows give their coordinates. */
function side(result: SvdResult, of: CloudOf): { count: number; factor: Float64Array } {
  return of === 'rows' ? { count: result.rows, factor: result.u } : { count: result.cols, factor: result.v };
}

export function pointCount(result: SvdResult, of: CloudOf): number {
  return side(result, of).count;
}

/**
 * Writes the coordinates of every point along three singular directions into `out` (x, y, z per
 * point), keeping only directions j < rank, each divided by `scale`.
 */
export function cloudCoordinates(result: SvdResult, of: CloudOf, axes: readonly number[], rank: number, scale: number, out: Float32Array): void {
  const { count, factor } = side(result, of);
  const { p, s } = result;
  for (let i = 0; i < count; i++) {
    for (let a = 0; a < 3; a++) {
      const j = axes[a];
      out[3 * i + a] = j < p && j < rank ? (s[j] * factor[i * p + j]) / scale : 0;
    }
  }
}

/** The largest absolute coordinate over the chosen axes at full rank: the cloud's natural scale. */
export function cloudExtent(result: SvdResult, of: CloudOf, axes: readonly number[]): number {
  const { count, factor } = side(result, of);
  const { p, s } = result;
  let extent = 0;
  for (let i = 0; i < count; i++) {
    for (const j of axes) {
      if (j < p) extent = Math.max(extent, Math.abs(s[j] * factor[i * p + j]));
    }
  }
  return extent > 0 ? extent : 1;
}

/**
 * For every point, the share of its length lost by the rank-k projection:
 * ||a_i - P_k a_i|| / ||a_i|| (0 for a zero row).
 */
export function residualShares(result: SvdResult, of: CloudOf, rank: number, out: Float32Array): void {
  const { count } = side(result, of);
  for (let i = 0; i < count; i++) out[i] = residualShareOf(result, of, rank, i);
}

/**
 * The share of point i's length lost by the rank-k projection, from the kept part alone (k terms)
 * and the point's squared length, which the worker computed with the SVD.
 */
export function residualShareOf(result: SvdResult, of: CloudOf, rank: number, i: number): number {
  const { factor } = side(result, of);
  const total = (of === 'rows' ? result.rowEnergy : result.colEnergy)[i];
  if (!(total > 0)) return 0;
  const { p, s } = result;
  const row = i * p;
  const k = Math.min(rank, p);
  let kept = 0;
  for (let j = 0; j < k; j++) {
    const c = s[j] * factor[row + j];
    kept += c * c;
  }
  return Math.sqrt(Math.max(0, 1 - kept / total));
}
