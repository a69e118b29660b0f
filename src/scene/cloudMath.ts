/**
 * The numbers behind the point cloud, from the cached SVD factors alone (no recomputation):
 * row i of A is sum_j sigma_j u_ij v_j^T, so in the basis of right singular vectors its coordinates
 * are sigma_j u_ij; its projection onto the rank-k row space keeps j < k and drops the rest.
 * Columns work the same way with U and V exchanged.
 */
import type { LowRankView } from '../state/svdSlice';

/** Any low-rank view (worker/lowRankView.ts); `complete` when it is A's whole SVD (near full rank, the tail is taken from A's energy). */
type CloudSource = LowRankView & { complete?: boolean };

export type CloudOf = 'rows' | 'columns';

/** Number of points and the factor whose rows give their coordinates. */
function side(result: CloudSource, of: CloudOf): { count: number; factor: Float64Array } {
  return of === 'rows' ? { count: result.rows, factor: result.u } : { count: result.cols, factor: result.v };
}

export function pointCount(result: CloudSource, of: CloudOf): number {
  return side(result, of).count;
}

/**
 * Per axis, the multiplier sigma_j / scale of factor column j, or 0 for a direction that is not
 * drawn (j >= p, or j >= rank when `rank` is given), and the column to read (0 when unused, so the
 * read stays inside the row). Hoisted so the loops over 50,000 points are plain arithmetic.
 */
function axisTerms(result: CloudSource, axes: readonly number[], rank: number, scale: number): { column: number[]; weight: number[] } {
  const column = [0, 0, 0];
  const weight = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    const j = axes[a];
    if (j < result.p && j < rank) {
      column[a] = j;
      weight[a] = result.s[j] / scale;
    }
  }
  return { column, weight };
}

/**
 * Writes the coordinates of every point along three singular directions into `out` (x, y, z per
 * point), keeping only directions j < rank, each divided by `scale`.
 */
export function cloudCoordinates(result: CloudSource, of: CloudOf, axes: readonly number[], rank: number, scale: number, out: Float32Array): void {
  const { count, factor } = side(result, of);
  const { p } = result;
  const { column: [c0, c1, c2], weight: [w0, w1, w2] } = axisTerms(result, axes, rank, scale);
  for (let i = 0; i < count; i++) {
    const row = i * p;
    out[3 * i] = w0 * factor[row + c0];
    out[3 * i + 1] = w1 * factor[row + c1];
    out[3 * i + 2] = w2 * factor[row + c2];
  }
}

/** The largest absolute coordinate over the chosen axes at full rank: the cloud's natural scale. */
export function cloudExtent(result: CloudSource, of: CloudOf, axes: readonly number[]): number {
  const { count, factor } = side(result, of);
  const { p } = result;
  const { column: [c0, c1, c2], weight: [w0, w1, w2] } = axisTerms(result, axes, Infinity, 1);
  let extent = 0;
  for (let i = 0; i < count; i++) {
    const row = i * p;
    extent = Math.max(extent, Math.abs(w0 * factor[row + c0]), Math.abs(w1 * factor[row + c1]), Math.abs(w2 * factor[row + c2]));
  }
  return extent > 0 ? extent : 1;
}

/**
 * Each point's kept energy sum_{j<k} (sigma_j f_ij)^2 at rank k, for one result and side. When the
 * rank moves, only the terms between the old and the new rank are added or taken away: O(points x
 * change) instead of O(points x k), which for GPT-2's 50257 token embeddings at rank 400 is the
 * difference between a smooth slider and 20 million multiply-adds per step.
 */
export interface KeptEnergy {
  result: CloudSource | null;
  of: CloudOf;
  rank: number;
  kept: Float64Array;
}

export function createKeptEnergy(): KeptEnergy {
  return { result: null, of: 'rows', rank: 0, kept: new Float64Array(0) };
}

/**
 * For every point, the share of its length lost by the rank-k projection:
 * ||a_i - P_k a_i|| / ||a_i|| (0 for a zero row). With `cache` (kept from the previous call) only
 * the change of rank is computed.
 *
 * @example
 * const cache = createKeptEnergy();
 * residualShares(result, 'rows', 10, shares, cache); // k = 10 terms per point
 * residualShares(result, 'rows', 11, shares, cache); // one more term per point
 */
export function residualShares(result: CloudSource, of: CloudOf, rank: number, out: Float32Array, cache: KeptEnergy = createKeptEnergy()): void {
  const { count } = side(result, of);
  const k = Math.min(rank, result.p);
  const reusable = cache.result === result && cache.of === of && cache.kept.length === count;
  // Taking away more terms than remain costs more than summing the remaining ones afresh.
  const total = of === 'rows' ? result.rowEnergy : result.colEnergy;
  if (!reusable || cache.rank - k > k) {
    cache.result = result;
    cache.of = of;
    if (cache.kept.length !== count) cache.kept = new Float64Array(count);
    // A complete SVD's terms add up to each point's energy, so near full rank start from that and
    // take the tail away (at full rank, the usual first view, nothing to sum).
    const fromTotal = result.complete && result.p - k < k;
    if (fromTotal) cache.kept.set(total);
    else cache.kept.fill(0);
    cache.rank = fromTotal ? result.p : 0;
  }
  if (k > cache.rank) addTerms(result, of, cache.rank, k, 1, cache.kept);
  else if (k < cache.rank) addTerms(result, of, k, cache.rank, -1, cache.kept);
  cache.rank = k;
  for (let i = 0; i < count; i++) out[i] = total[i] > 0 ? Math.sqrt(Math.max(0, 1 - cache.kept[i] / total[i])) : 0;
}

/** kept[i] += sign * sum_{from <= j < to} (sigma_j f_ij)^2. */
function addTerms(result: CloudSource, of: CloudOf, from: number, to: number, sign: 1 | -1, kept: Float64Array): void {
  const { count, factor } = side(result, of);
  const { p, s } = result;
  for (let i = 0; i < count; i++) {
    const row = i * p;
    let sum = 0;
    for (let j = from; j < to; j++) {
      const c = s[j] * factor[row + j];
      sum += c * c;
    }
    kept[i] += sign * sum;
  }
}

/**
 * The share of point i's length lost by the rank-k projection, from the kept part alone (k terms)
 * and the point's squared length, which the worker computed with the SVD.
 */
export function residualShareOf(result: CloudSource, of: CloudOf, rank: number, i: number): number {
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
