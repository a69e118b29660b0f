/**
 * An SVD-risk indicator of OUR OWN. Hua et al. (2022) propose a predictor of when plain SVD will
 * hurt a compressed model; its formula is unknown to us, and this is not it. Ours compares plain
 * SVD with the best weighted solution found, on the weighted objective, and reports how uneven
 * the weights are. Thresholds are in docs/numerics.md ("Weighted low rank").
 */
import type { Matrix } from '../dense/matrix';
import { svd } from '../svd/svd';
import type { SvdResult } from '../svd/svdTypes';
import { truncatedSvdFactors, productInto } from './factors';
import { evaluate } from './evaluate';
import { prepareProblem } from './problem';

export interface SvdRisk {
  /** svdObjective / bestObjective - 1: how much worse plain SVD is on the weighted objective. */
  weightedExcess: number;
  /** Coefficient of variation (std / mean) of the weights, missing entries counted as weight 0. */
  weightDispersion: number;
  /** The weighted objective of the plain rank-k truncated SVD. */
  svdObjective: number;
  /** The best weighted objective known: min(bestObjective given, svdObjective). */
  bestObjective: number;
  level: 'low' | 'moderate' | 'high';
}

/** weightedExcess at or above this: 'moderate' (plain SVD at least 10% worse than the best found). */
export const MODERATE_EXCESS = 0.1;
/** weightedExcess at or above this: 'high' (plain SVD at least 50% worse). */
export const HIGH_EXCESS = 0.5;
/**
 * Weights this uneven (std above their mean) raise 'low' to 'moderate': the best solution found is
 * only a local optimum, so the measured excess is a lower bound of the true one, and with such
 * weights the gap is often larger than one run finds.
 */
export const HIGH_DISPERSION = 1;

/** The thresholds above as one object, for a legend beside the indicator. */
export const svdRiskThresholds = { moderateExcess: MODERATE_EXCESS, highExcess: HIGH_EXCESS, highDispersion: HIGH_DISPERSION } as const;

/**
 * Our indicator of how badly plain SVD does on the weighted objective. `bestObjective` is the
 * best weighted objective found by any method (larger values are replaced by the SVD's own).
 * `options.svd` reuses a thin SVD of A (missing entries as 0) already at hand.
 *
 * @example
 * const best = weightedLowRank(a, w, k).objectives.at(-1)!;
 * svdRisk(a, w, k, best).level; // 'low' for uniform weights, 'high' when SVD is far off
 */
export function svdRisk(a: Matrix, weights: Matrix, k: number, bestObjective: number, options: { svd?: SvdResult } = {}): SvdRisk {
  const problem = prepareProblem('svdRisk', a, weights, k);
  const { m, n, w } = problem;
  const f = truncatedSvdFactors(options.svd ?? svd({ rows: m, cols: n, data: problem.a }), k);
  const svdObjective = evaluate(problem, productInto(f.x, f.y, m, n, k, new Float64Array(m * n)), null).objective;
  const best = Number.isFinite(bestObjective) && bestObjective >= 0 ? Math.min(bestObjective, svdObjective) : svdObjective;
  const weightedExcess = best > 0 ? svdObjective / best - 1 : svdObjective > problem.noiseFloor ? Infinity : 0;
  const weightDispersion = coefficientOfVariation(w);
  let level: SvdRisk['level'] = weightedExcess >= HIGH_EXCESS ? 'high' : weightedExcess >= MODERATE_EXCESS ? 'moderate' : 'low';
  if (level === 'low' && weightDispersion > HIGH_DISPERSION) level = 'moderate';
  return { weightedExcess, weightDispersion, svdObjective, bestObjective: best, level };
}

/** std / mean (population std); 0 when the mean is 0. */
function coefficientOfVariation(w: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i];
  const mean = sum / w.length;
  if (mean === 0) return 0;
  let squares = 0;
  for (let i = 0; i < w.length; i++) squares += (w[i] - mean) ** 2;
  return Math.sqrt(squares / w.length) / mean;
}
