/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp 2011, Algorithms 4.4 and 5.1), run on the
 * small side of A: for a tall A the sketch Z = orth((A^T A)^q Omega) approximates the dominant right
 * singular subspace (for a wide A, orth((A A^T)^q Omega) the left one), re-orthonormalised after
 * every A^T A step; then A ~ (A Z) Z^T and the exact SVD of the thin A Z gives the factors.
 * Only small p x l blocks are orthonormalised inside the loop, so a 50000 x 100 matrix needs just
 * one tall factorisation. Rounding limits directions with sigma < sqrt(eps) sigma_1 (about 1e-8
 * sigma_1), below what a truncated SVD resolves anyway; the a posteriori estimate reports the
 * actual error. Every product goes through the GEMM kernel.
 */
import { cholesky, choleskyQr2, gram, invertUpper, upperProduct } from './choleskyQr';
import { assertInteger, assertMatrix, LinalgError } from './errors';
import { gemm } from './gemm';
import type { Matrix } from './matrix';
import { checkCancel, type ProgressOptions } from './progress';
import { orthonormalBasis } from './qr';
import { createRandom, type Random } from './random';
import { canonicalizeSigns } from './signs';
import { svd } from './svd';
import type { SvdWithVectors } from './svdTypes';

/** Options of {@link randomizedSvd}. */
export interface RandomizedSvdOptions extends ProgressOptions {
  /** Extra sketch columns beyond k (default 10). */
  oversample?: number;
  /** Power iterations q (default 2): the sketch is (A^T A)^q Omega, so the error factor shrinks like (sigma_{k+1}/sigma_k)^(2q). */
  powerIterations?: number;
  /** Seed of the Gaussian test matrices (default 0). */
  seed?: number;
  /** Gaussian probes for the a posteriori error estimate (default 10; 0 skips it). */
  probes?: number;
}

/**
 * A posteriori error estimate (HMT 2011, eq. 4.3 / Lemma 4.1): for any matrix B and r Gaussian
 * probes w_i, ||B||_2 <= 10 sqrt(2/pi) max_i ||B w_i|| except with probability 10^-r. Here B is the
 * projection error A (I - Z Z^T) (tall A) or (I - Z Z^T) A (wide A).
 */
export interface RandomizedErrorEstimate {
  /** Bound on the error of projecting A onto the sketched subspace. */
  projectionBound: number;
  /** Bound on ||A - U diag(s) V^T||_2 for the returned rank-k factors: projectionBound + sigma_{k+1}(A Z). */
  bound: number;
  /** max_i ||B w_i||: the raw probe measurement. */
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
  const steps = q + 3;
  const report = (step: number, stage: string): void => {
    checkCancel('randomizedSvd', options);
    options.onProgress?.(step / steps, stage);
  };

  // Iterate on the small side (dimension p): Z = orth((A^T A)^q Omega) for tall A, (A A^T)^q for
  // wide A. Only p x l matrices are orthonormalised inside the loop; the one big b x l matrix
  // Y = A Z (or A^T Z) is factored once at the end.
  const tall = m >= n;
  const big = tall ? m : n;
  let z = orthonormalBasis(rng.fillNormal(new Float64Array(p * l)), p, l);
  // The small-side Gram matrix G = A^T A (or A A^T) costs 2 m n p flops once; the power iterations
  // cost 2q passes of 2 m n l. Form G when that is cheaper (p < 2 q l, e.g. 50000 x 100): every
  // iteration is then a tiny p x p product. Rounding is the same: both see errors of eps ||A||^2.
  const g = q > 0 && p < 2 * q * l ? smallSideGram(a, tall) : null;
  for (let it = 0; it < q; it++) {
    report(1 + it, 'power iteration');
    const next = g ? multiply(g, p, p, z, l) : product(a, !tall, product(a, tall, z, big, l), p, l);
    z = orthonormalBasis(next, p, l);
  }
  report(q + 1, 'projected SVD');
  // A ~ Y Z^T (tall) or Z Y^T (wide), and Y = U_Y S W^T gives the factors.
  const y = (g && gramSketchSvd(a, tall, z, g, big, l)) ?? thinSvd(product(a, tall, z, big, l), big, l);
  const zw = new Float64Array(p * k);
  gemm(p, k, l, 1, { data: z, offset: 0, ld: l, trans: false }, { data: y.v.data, offset: 0, ld: l, trans: false }, 0, zw, 0, k);
  const uy = new Float64Array(big * k);
  for (let i = 0; i < big; i++) uy.set(y.u.data.subarray(i * l, i * l + k), i * k);
  const s = y.s.slice(0, k);
  report(q + 2, 'error estimate');
  const tail = k < l ? y.s[k] : 0;
  const errorEstimate = estimateError(a, z, tall, l, probes, rng, tail);
  options.onProgress?.(1, 'done');
  const u = { rows: m, cols: k, data: tall ? uy : zw };
  const v = { rows: n, cols: k, data: tall ? zw : uy };
  canonicalizeSigns(u, v);
  return { rows: m, cols: n, u, s, v, errorEstimate };
}

/** G = A^T A (tall) or A A^T (wide): p x p. */
function smallSideGram(a: Matrix, tall: boolean): Float64Array {
  const { rows: m, cols: n } = a;
  const p = tall ? n : m;
  const inner = tall ? m : n;
  const g = new Float64Array(p * p);
  gemm(p, p, inner, 1, { data: a.data, offset: 0, ld: n, trans: tall }, { data: a.data, offset: 0, ld: n, trans: !tall }, 0, g, 0, p);
  return g;
}

/** X Y for row-major X (rows x inner) and Y (inner x cols). */
function multiply(x: Float64Array, rows: number, inner: number, y: Float64Array, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, inner, 1, { data: x, offset: 0, ld: inner, trans: false }, { data: y, offset: 0, ld: cols, trans: false }, 0, out, 0, cols);
  return out;
}

/**
 * SVD of Y = A Z (tall; A^T Z wide) by CholeskyQR2 whose first Gram matrix Y^T Y = Z^T G Z comes
 * from the small-side Gram matrix, so the first pass is folded into the one product
 * Q1 = A (Z R1^{-1}). Null when Y is too ill-conditioned (then the caller uses thinSvd).
 */
function gramSketchSvd(a: Matrix, tall: boolean, z: Float64Array, g: Float64Array, big: number, l: number): SvdWithVectors | null {
  const p = tall ? a.cols : a.rows;
  const zgz = new Float64Array(l * l);
  gemm(l, l, p, 1, { data: z, offset: 0, ld: l, trans: true }, { data: multiply(g, p, p, z, l), offset: 0, ld: l, trans: false }, 0, zgz, 0, l);
  const r1 = cholesky(zgz, l);
  if (!r1) return null;
  const q1 = product(a, tall, multiply(z, p, l, invertUpper(r1, l), l), big, l);
  const r2 = cholesky(gram(q1, big, l), l);
  if (!r2) return null;
  const small = svd({ rows: l, cols: l, data: upperProduct(r2, r1, l) });
  // U_Y = Q1 R2^{-1} U_R.
  const u = multiply(q1, big, l, multiply(invertUpper(r2, l), l, l, small.u.data, l), l);
  return { rows: big, cols: l, u: { rows: big, cols: l, data: u }, s: small.s, v: small.v };
}

/**
 * SVD of the tall b x l sketch image: CholeskyQR2 then the SVD of the small R when Y is well
 * conditioned (all GEMM work), otherwise the Householder-based svd.
 */
function thinSvd(y: Float64Array, b: number, l: number): SvdWithVectors {
  const f = choleskyQr2(y, b, l);
  if (!f) return svd({ rows: b, cols: l, data: y });
  const small = svd({ rows: l, cols: l, data: f.r });
  const u = new Float64Array(b * l);
  gemm(b, l, l, 1, { data: f.q, offset: 0, ld: l, trans: false }, { data: small.u.data, offset: 0, ld: l, trans: false }, 0, u, 0, l);
  return { rows: b, cols: l, u: { rows: b, cols: l, data: u }, s: small.s, v: small.v };
}

/** A X (`notTransposed` true) or A^T X, for X with `cols` columns; the result has `rows` rows. */
function product(a: Matrix, notTransposed: boolean, x: Float64Array, rows: number, cols: number): Float64Array {
  const transA = !notTransposed;
  const out = new Float64Array(rows * cols);
  const inner = transA ? a.rows : a.cols;
  gemm(rows, cols, inner, 1, { data: a.data, offset: 0, ld: a.cols, trans: transA }, { data: x, offset: 0, ld: cols, trans: false }, 0, out, 0, cols);
  return out;
}

/**
 * HMT's probe estimate of the projection error: ||A (I - Z Z^T)||_2 for tall A, ||(I - Z Z^T) A||_2
 * for wide A, with `r` Gaussian vectors.
 */
function estimateError(a: Matrix, z: Float64Array, tall: boolean, l: number, r: number, rng: Random, tail: number): RandomizedErrorEstimate {
  const { rows: m, cols: n } = a;
  if (r === 0) {
    return { projectionBound: NaN, bound: NaN, largestProbeResidual: NaN, probes: 0, failureProbability: 1 };
  }
  const p = Math.min(m, n);
  const w = rng.fillNormal(new Float64Array(n * r));
  if (tall) projectOut(z, p, l, w, r);
  const y = product(a, true, w, m, r);
  if (!tall) projectOut(z, p, l, y, r);
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

/** x <- (I - Z Z^T) x for the p x l orthonormal Z and the p x r block x. */
function projectOut(z: Float64Array, p: number, l: number, x: Float64Array, r: number): void {
  const c = new Float64Array(l * r);
  gemm(l, r, p, 1, { data: z, offset: 0, ld: l, trans: true }, { data: x, offset: 0, ld: r, trans: false }, 0, c, 0, r);
  gemm(p, r, l, -1, { data: z, offset: 0, ld: l, trans: false }, { data: c, offset: 0, ld: r, trans: false }, 1, x, 0, r);
}
