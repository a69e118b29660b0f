/**
 * The weighted workspace's approximations as low-rank views (worker/lowRankView.ts), so its heatmaps
 * and spectrum are the SVD workspace's: plain SVD's is the SVD job's result for the current matrix,
 * FWSVD's and each raced method's come with the race's final result.
 */
import type { WeightedMethod } from '../core';
import type { LowRankView } from '../worker/lowRankView';
import { currentSvd } from './selectors';
import type { AppState } from './store';

/** An approximation the weighted workspace can show: plain SVD, FWSVD or one of the raced methods. */
export type WeightedApproximation = 'svd' | 'fwsvd' | WeightedMethod;

/** The view of `which`, or null until it exists (the SVD is computed, the race has not finished, the method did not race). */
export function weightedLowRankView(state: AppState, which: WeightedApproximation): (LowRankView & { complete?: boolean }) | null {
  if (which === 'svd') return currentSvd(state);
  // A race that failed or was declined after the last one finished keeps that one's result: not of these settings.
  const result = state.weighted.status === 'done' ? state.weighted.result : null;
  if (!result) return null;
  if (which === 'fwsvd') return result.views.fwsvd;
  const index = result.standings.findIndex((standing) => standing.method === which);
  return index >= 0 ? result.views.methods[index] : null;
}
