/**
 * Parameter counts, rank bounds and the truncation rule of the TT-SVD.
 */
import { LinalgError } from '../errors';
import { checkShape, formatShape } from './tensor';
import type { TtRankCap, TtRankReason } from './types';

/**
 * The number of entries of the cores: sum_k r_{k-1} n_k r_k.
 *
 * @example
 * ttParameters([8, 8, 12], [1, 4, 4, 1]); // 208
 */
export function ttParameters(shape: readonly number[], ranks: readonly number[]): number {
  checkRanks('ttParameters', shape, ranks);
  let sum = 0;
  for (let k = 0; k < shape.length; k++) sum += ranks[k] * shape[k] * ranks[k + 1];
  return sum;
}

/**
 * elements(shape) / ttParameters(shape, ranks): above 1 the TT is smaller than the tensor.
 *
 * @example
 * ttCompressionFactor([8, 8, 12], [1, 4, 4, 1]); // 768 / 208 = 3.6923
 */
export function ttCompressionFactor(shape: readonly number[], ranks: readonly number[]): number {
  const count = checkShape('ttCompressionFactor', shape);
  return count / ttParameters(shape, ranks);
}

/**
 * The largest possible rank of each bond: r_k <= min(n_1 ... n_k, n_{k+1} ... n_d), the ranks
 * of the sequential unfoldings of a generic tensor. Length d - 1.
 *
 * @example
 * ttRankBounds([8, 8, 12]); // [8, 12]
 */
export function ttRankBounds(shape: readonly number[]): number[] {
  const count = checkShape('ttRankBounds', shape);
  const out: number[] = [];
  let left = 1;
  for (let k = 0; k < shape.length - 1; k++) {
    left *= shape[k];
    out.push(Math.min(left, count / left));
  }
  return out;
}

/** Checks that `ranks` is a valid TT rank list for `shape`: d + 1 positive integers, 1 at both ends. */
export function checkRanks(fn: string, shape: readonly number[], ranks: readonly number[]): void {
  checkShape(fn, shape);
  const d = shape.length;
  if (!Array.isArray(ranks) && !ArrayBuffer.isView(ranks)) {
    throw new LinalgError(`${fn}: ranks must be an array of ${d + 1} positive integers`);
  }
  if (ranks.length !== d + 1 || ranks[0] !== 1 || ranks[d] !== 1 || !Array.from(ranks).every((r) => Number.isInteger(r) && r >= 1)) {
    throw new LinalgError(
      `${fn}: a TT of shape ${formatShape(shape)} needs ${d + 1} ranks, positive integers with r_0 = r_d = 1, got ${formatShape(Array.from(ranks))}`,
    );
  }
}

/**
 * The per-bond caps of a maxRank option (a number, d - 1 caps, or TensorLy's d + 1 list with 1 at
 * both ends), clamped to the bounds. Without maxRank: the bounds.
 */
export function resolveCaps(fn: string, maxRank: TtRankCap | undefined, bounds: readonly number[]): Int32Array {
  const bonds = bounds.length;
  const caps = Int32Array.from(bounds);
  if (maxRank === undefined) return caps;
  let list: number[];
  if (typeof maxRank === 'number') list = new Array<number>(bonds).fill(maxRank);
  else if (Array.isArray(maxRank) && maxRank.length === bonds) list = maxRank;
  else if (Array.isArray(maxRank) && maxRank.length === bonds + 2 && maxRank[0] === 1 && maxRank[bonds + 1] === 1) list = maxRank.slice(1, -1);
  else {
    throw new LinalgError(
      `${fn}: maxRank must be a positive integer or ${bonds} of them (one per bond; or ${bonds + 2} with 1 at both ends), got ${JSON.stringify(maxRank)}`,
    );
  }
  list.forEach((r, k) => {
    if (!Number.isInteger(r) || r < 1) throw new LinalgError(`${fn}: maxRank of bond ${k + 1} must be a positive integer, got ${r}`);
    caps[k] = Math.min(r, bounds[k]);
  });
  return caps;
}

/** Checks an eps option: undefined, or a number in [0, 1). */
export function checkEps(fn: string, eps: number | undefined): void {
  if (eps === undefined) return;
  if (typeof eps !== 'number' || !(eps >= 0 && eps < 1)) {
    throw new LinalgError(`${fn}: eps must be a number in [0, 1), got ${eps}`);
  }
}

/** Checks that a shape has order >= 2; a vector must be reshaped first. */
export function checkOrder(fn: string, shape: readonly number[]): void {
  if (shape.length < 2) {
    throw new LinalgError(
      `${fn}: expected a tensor of order >= 2, got shape ${formatShape(shape)}: reshape a vector first (for example 768 -> [8, 8, 12])`,
    );
  }
}

/** The rank kept at one bond and why. */
export interface RankChoice {
  rank: number;
  reason: TtRankReason;
  /** sum of the dropped s_i^2, summed from the smallest. */
  tailSquared: number;
}

/**
 * The truncation rule of one bond. With a tail budget delta (eps given): the smallest r whose
 * dropped values have sum s_i^2 <= delta^2. Without: drop values <= zeroTolerance (numerically
 * zero). Then at most `cap` (and the bound min(rows, cols) = s.length); at least 1.
 */
export function chooseRank(s: Float64Array, cap: number, delta: number | null, zeroTolerance: number, out: RankChoice): RankChoice {
  const p = s.length;
  let r = p;
  let reason: TtRankReason = 'bound';
  if (delta !== null) {
    const budget = delta * delta;
    let tail = 0;
    while (r > 1 && tail + s[r - 1] * s[r - 1] <= budget) {
      tail += s[r - 1] * s[r - 1];
      r--;
    }
    if (r < p) reason = 'eps';
  } else {
    while (r > 1 && s[r - 1] <= zeroTolerance) r--;
    if (r < p) reason = 'numerical-zero';
  }
  if (cap < r) {
    r = cap;
    reason = 'maxRank';
  }
  let tail = 0;
  for (let i = p - 1; i >= r; i--) tail += s[i] * s[i];
  out.rank = r;
  out.reason = reason;
  out.tailSquared = tail;
  return out;
}
