/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp 2011, Algorithms 4.3/4.4 and 5.1): sketch the
 * range of A with a Gaussian test matrix, sharpen it with power iterations (re-orthonormalised each
 * half-step, so rounding does not wash out small singular values), then take the exact SVD of the
 * small projected matrix B = Q^T A. Every product goes through the GEMM kernel.
 */
import { assertInteger, assertMatrix, LinalgError } from './errors';
import { gemm } from './gemm';
import type { Matrix } from './matrix';
import { checkCancel, type ProgressOptions } from './progress';
import { orthonormalBasis } from './qr';
import { createRandom, type Random } from './random';
import { svd } from './svd';
import type { SvdWithVectors } from './svdTypes';

/** Options of {@link randomizedSvd}. */
export interface RandomizedSvdOptions extends ProgressOptions {
  /** Extra sketch columns beyond k (default 10). */
  oversample?: number;
  /** Power iterations q (default 2): the error factor shrinks like (sigma_{k+1}/sigma_k)^(2q+1). */
  powerIterations?: number;
  /** Seed of the Gaussian test matrices (default 0). */
  seed?: number;
  /** Gaussian probes for the a posteriori error estimate (default 10; 0 skips it). */
  probes?: number;
}

/**
 * A posteriori error estimate (HMT 2011, eq. 4.3 / Lemma 4.1): with r Gaussian probes w_i,
 * ||(I - Q Q^T) A||_2 <= 10 sqrt(2/pi) max_i ||(I - Q Q^T) A w_i|| except with probability 10^-r.
 */
export interface RandomizedErrorEstimate {
  /** Bound on ||A - Q Q^T A||_2, the error of projecting onto the sketched subspace. */
  projectionBound: number;
  /** Bound on ||A - U diag(s) V^T||_2 for the returned rank-k factors: projectionBound + sigma_{k+1}(Q^T A). */
  bound: number;
  /** max_i ||(I - Q Q^T) A w_i||: the raw probe measurement. */
  largestProbeResidual: number;
  /** Number of probes r. */
  probes: number;
  /** Probability that the bound fails: 10^-r. */
  failureProbability: number;
}

/** A rank-k randomized SVD: u m x k, s (k, descending), v n x k, and the error estimate. */
export interface RandomizedSvdResult extends SvdWithVectors {
  errorEstimate: RandomizedErrorEstimate;
}

/**
 * The top-k singular triplets of A, approximately, in O(m n (k + p)(2q + 2)) work.
 *
 * @example
 * const a = matrixWithSpectrum(500, 300, [10, 5, 1, 0.001], createRandom(1));
 * const r = randomizedSvd(a, 3, { seed: 7 });
 * // r.s ~ [10, 5, 1]; r.errorEstimate.bound >= the true ||A - U S V^T||_2 (~0.001), w.p. 1 - 1e-10
 */
export function randomizedSvd(a: Matrix, k: number, options: RandomizedSvdOptions = {}): RandomizedSvdResult {
  assertMatrix('randomizedSvd', a);
  const { rows: m, cols: n } = a;
  const p = Math.min(m, n);
  assertInteger('randomizedSvd', 'k', k, 1, p);
  const oversample = options.oversample ?? 10;
  const q = options.powerIterations ?? 2;
  const probes = options.probes ?? 10;
  assertInteger('randomizedSvd', 'oversample', oversample, 0, 1e6);
  assertInteger('randomizedSvd', 'powerIterations', q, 0, 100);
  assertInteger('randomizedSvd', 'probes', probes, 0, 1000);
  const l = Math.min(k + oversample, p);
  const rng = createRandom(options.seed ?? 0);
  const steps = 2 * q + 3;
  const report = (step: number, stage: string): void => {
    checkCancel('randomizedSvd', options);
    options.onProgress?.(step / steps, stage);
  };

  // Y = A Omega, Q = orth(Y); then q rounds of Q <- orth(A orth(A^T Q)).
  const omega = rng.fillNormal(new Float64Array(n * l));
  let basis = orthonormalBasis(product(a, false, omega, m, l), m, l);
  for (let it = 0; it < q; it++) {
    report(1 + 2 * it, 'power iteration');
    const z = orthonormalBasis(product(a, true, basis, n, l), n, l);
    report(2 + 2 * it, 'power iteration');
    basis = orthonormalBasis(product(a, false, z, m, l), m, l);
  }
  report(steps - 2, 'projected SVD');
  // B = Q^T A (l x n) and its exact SVD.
  const b = new Float64Array(l * n);
  gemm(l, n, m, 1, { data: basis, offset: 0, ld: l, trans: true }, { data: a.data, offset: 0, ld: n, trans: false }, 0, b, 0, n);
  const small = svd({ rows: l, cols: n, data: b });
  const u = new Float64Array(m * k);
  gemm(m, k, l, 1, { data: basis, offset: 0, ld: l, trans: false }, { data: small.u.data, offset: 0, ld: l, trans: false }, 0, u, 0, k);
  const v = new Float64Array(n * k);
  for (let i = 0; i < n; i++) v.set(small.v.data.subarray(i * l, i * l + k), i * k);
  const s = small.s.slice(0, k);
  report(steps - 1, 'error estimate');
  const tail = k < l ? small.s[k] : 0;
  const errorEstimate = estimateError(a, basis, l, probes, rng, tail);
  options.onProgress?.(1, 'done');
  return { rows: m, cols: n, u: { rows: m, cols: k, data: u }, s, v: { rows: n, cols: k, data: v }, errorEstimate };
}

/** op(A) X for X with `cols` columns; the result has `rows` rows. */
function product(a: Matrix, transA: boolean, x: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  const inner = transA ? a.rows : a.cols;
  gemm(rows, cols, inner, 1, { data: a.data, offset: 0, ld: a.cols, trans: transA }, { data: x, offset: 0, ld: cols, trans: false }, 0, out, 0, cols);
  return out;
}

/** HMT's probe estimate of ||(I - Q Q^T) A||_2 with `r` Gaussian vectors. */
function estimateError(a: Matrix, basis: Float64Array, l: number, r: number, rng: Random, tail: number): RandomizedErrorEstimate {
  const { rows: m, cols: n } = a;
  if (r === 0) {
    return { projectionBound: NaN, bound: NaN, largestProbeResidual: NaN, probes: 0, failureProbability: 1 };
  }
  const w = rng.fillNormal(new Float64Array(n * r));
  const y = product(a, false, w, m, r);
  // y -= Q (Q^T y)
  const c = new Float64Array(l * r);
  gemm(l, r, m, 1, { data: basis, offset: 0, ld: l, trans: true }, { data: y, offset: 0, ld: r, trans: false }, 0, c, 0, r);
  gemm(m, r, l, -1, { data: basis, offset: 0, ld: l, trans: false }, { data: c, offset: 0, ld: r, trans: false }, 1, y, 0, r);
  let largest = 0;
  for (let j = 0; j < r; j++) {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += y[i * r + j] ** 2;
    largest = Math.max(largest, Math.sqrt(sum));
  }
  if (!Number.isFinite(largest)) throw new LinalgError('randomizedSvd: the error estimate overflowed; scale the matrix down');
  const projectionBound = 10 * Math.sqrt(2 / Math.PI) * largest;
  return { projectionBound, bound: projectionBound + tail, largestProbeResidual: largest, probes: r, failureProbability: 10 ** -r };
}
