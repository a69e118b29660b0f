/**
 * The matrices behind the heatmaps: A, its rank-k reconstruction A_k and (in the plot) A - A_k, for
 * any low-rank view (worker/lowRankView.ts): the SVD's, or a weighted method's approximation.
 *
 * Big matrices are shown as block means on a grid of at most HEATMAP_GRID x HEATMAP_GRID cells,
 * computed in the worker with the view (core/dense/blockMeans.ts). Block means are linear, so the pooled
 * A_k is built from pooled factors: mean(A_k) = mean(U_k) S_k mean(V_k)^T,
 * which costs R C per rank-1 term instead of m n. Moving the rank only adds or removes the terms in
 * between (the core's updateLowRank on the pooled factors), so dragging the slider stays cheap.
 */
import { updateLowRank, type Matrix } from '../core';
import type { LowRankView, PooledView } from '../worker/lowRankView';

export type { LowRankView };

/** A view (its pooled part is all the heatmaps read), and whether it is A's complete SVD (all p terms give A itself, so near full rank A_k starts from A). */
export type HeatmapSource = PooledView & { complete?: boolean };

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

interface Cache {
  pooledSvd: { rows: number; cols: number; u: Matrix; s: Float64Array; v: Matrix };
  current: Matrix;
  rank: number;
}

/** Per view, so views shown side by side (or chosen in turn) each move from their own last rank. */
const caches = new WeakMap<PooledView, Cache>();

/** Starts at rank 0: A_0 = 0. */
function newCache(view: PooledView): Cache {
  const { rows: R, cols: C, u, v } = view.pooled;
  const cache: Cache = {
    pooledSvd: { rows: R, cols: C, u: { rows: R, cols: view.p, data: u }, s: view.s, v: { rows: C, cols: view.p, data: v } },
    current: { rows: R, cols: C, data: new Float64Array(R * C) },
    rank: 0,
  };
  caches.set(view, cache);
  return cache;
}

/**
 * A and A_k pooled for display, from the block means the worker computed with the view (A's and the
 * factors'). The returned reconstruction is a new array on every call that changes it, so React
 * sees the change.
 */
export function pooledMatrices(view: HeatmapSource, rank: number): PooledMatrices {
  const { rows: R, cols: C } = view.pooled;
  const cache = caches.get(view) ?? newCache(view);
  const k = Math.max(0, Math.min(view.p, rank));
  if (k !== cache.rank) {
    // Start from whichever needs the fewest rank-1 terms: the current A_k, zero (k terms), or, for a
    // complete SVD, A itself (A_p = A, so p - k terms to take away; none at full rank, the first view).
    const starts = [
      { rank: cache.rank, terms: Math.abs(k - cache.rank), data: () => cache.current.data.slice() },
      { rank: 0, terms: k, data: () => new Float64Array(R * C) },
      ...(view.complete ? [{ rank: view.p, terms: view.p - k, data: () => view.pooled.original.slice() }] : []),
    ];
    const start = starts.reduce((best, next) => (next.terms < best.terms ? next : best));
    cache.current = updateLowRank({ rows: R, cols: C, data: start.data() }, cache.pooledSvd, start.rank, k);
    cache.rank = k;
  }
  return {
    rows: R,
    cols: C,
    blockRows: view.rows / R,
    blockCols: view.cols / C,
    original: view.pooled.original,
    reconstruction: cache.current.data,
    rank: k,
  };
}
