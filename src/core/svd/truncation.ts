/**
 * What truncating an SVD to rank k costs and saves, from the singular values alone (Eckart-Young:
 * the rank-k truncation is the best rank-k approximation in both norms).
 */
import { assertInteger, LinalgError } from '../errors';

/** Errors of the rank-k truncation A_k of A. */
export interface TruncationError {
  /** ||A - A_k||_F = sqrt(sum_{i>k} sigma_i^2). */
  frobenius: number;
  /** ||A - A_k||_2 = sigma_{k+1} (0 when k = p). */
  spectral: number;
  /** frobenius / ||A||_F (0 for the zero matrix). */
  relativeFrobenius: number;
  /** spectral / ||A||_2 (0 for the zero matrix). */
  relativeSpectral: number;
  /** sum_{i<=k} sigma_i^2 / sum_i sigma_i^2: the share of ||A||_F^2 kept (1 for the zero matrix). */
  energyCaptured: number;
}

/**
 * Eckart-Young errors of keeping the first k singular values. Sums run from the smallest value up,
 * so a tail of tiny values is not lost against a large head.
 *
 * With only the leading singular values (a randomized SVD), pass `frobeniusSquared` = ||A||_F^2:
 * the tail is then ||A||_F^2 minus the kept head, and ||A - A_k||_2 = sigma_{k+1} is NaN (unknown)
 * when k is the number of values given and the tail is not zero.
 *
 * @example
 * truncationError({ s: new Float64Array([3 * Math.sqrt(5), Math.sqrt(5)]) }, 1);
 * // { frobenius: 2.236, spectral: 2.236, relativeFrobenius: 0.316, relativeSpectral: 0.333, energyCaptured: 0.9 }
 * truncationError({ s: new Float64Array([3 * Math.sqrt(5)]) }, 1, { frobeniusSquared: 50 });
 * // the same Frobenius figures; spectral NaN (sigma_2 was not computed)
 */
export function truncationError(result: { s: Float64Array }, k: number, options: { frobeniusSquared?: number } = {}): TruncationError {
  const s = result.s;
  if (!(s instanceof Float64Array) || s.length === 0) {
    throw new LinalgError('truncationError: expected a result with a non-empty Float64Array s');
  }
  assertInteger('truncationError', 'k', k, 0, s.length);
  const { frobeniusSquared } = options;
  if (frobeniusSquared !== undefined && !(frobeniusSquared >= 0 && Number.isFinite(frobeniusSquared))) {
    throw new LinalgError(`truncationError: frobeniusSquared must be a finite number >= 0, got ${frobeniusSquared}`);
  }
  const scale = s[0];
  if (scale === 0) {
    return { frobenius: 0, spectral: 0, relativeFrobenius: 0, relativeSpectral: 0, energyCaptured: 1 };
  }
  // Sums of (sigma / sigma_1)^2 cannot overflow even for sigma near 1e300.
  let tail = 0;
  for (let i = s.length - 1; i >= k; i--) tail += (s[i] / scale) ** 2;
  let total = tail;
  for (let i = k - 1; i >= 0; i--) total += (s[i] / scale) ** 2;
  let spectral = k < s.length ? s[k] : 0;
  if (frobeniusSquared !== undefined) {
    const given = frobeniusSquared / scale / scale;
    // What the given values do not account for belongs to the tail (rounding can make it negative).
    const unseen = Math.max(0, given - total);
    if (k === s.length && unseen > 4 * Number.EPSILON * s.length * given) spectral = NaN;
    tail += unseen;
    total = Math.max(total, given);
  }
  return {
    frobenius: scale * Math.sqrt(tail),
    spectral,
    relativeFrobenius: Math.sqrt(tail / total),
    relativeSpectral: spectral / scale,
    energyCaptured: (total - tail) / total,
  };
}

/**
 * Storage ratio of a rank-k factorisation: the m n numbers of A against k (m + n) in the factors.
 *
 * @example
 * compressionFactor(768, 768, 64); // 6
 */
export function compressionFactor(m: number, n: number, k: number): number {
  checkDims('compressionFactor', m, n);
  if (!(k > 0)) throw new LinalgError(`compressionFactor: rank must be positive, got ${k}`);
  return (m * n) / (k * (m + n));
}

/**
 * The rank at which factors take as much room as the matrix: m n / (m + n). Ranks above it do not
 * compress.
 *
 * @example
 * breakEvenRank(768, 3072); // 614.4
 */
export function breakEvenRank(m: number, n: number): number {
  checkDims('breakEvenRank', m, n);
  return (m * n) / (m + n);
}

function checkDims(fn: string, m: number, n: number): void {
  if (!(m > 0) || !(n > 0) || !Number.isFinite(m) || !Number.isFinite(n)) {
    throw new LinalgError(`${fn}: dimensions must be positive, got ${m} x ${n}`);
  }
}
