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
import { cholesky, choleskyQr2, gram, invertUpper, upperProduct } from '../dense/choleskyQr';
import { assertInteger, assertMatrix, LinalgError } from '../errors';
import { gemm, syrk } from '../dense/gemm';
import type { Matrix } from '../dense/matrix';
import { checkCancel, type ProgressOptions } from '../progress';
import { orthonormalBasis } from '../dense/qr';
import { createRandom, type Random } from '../dense/random';
import { canonicalizeSigns } from './signs';
import { svd } from './svd';
import type { SvdWithVectors } from './svdTypes';

/**
 * SVD factors of the sketch image Y (b x l): the first k left singular vectors, all l values,
 * W (l x l), and the images of the error probes (b x r) from the same product as U.
 */
interface SketchFactors {
  u: Float64Array;
  s: Float64Array;
  w: Float64Array;
  probeImages: Float64Array;
}

/**
 * The error probes, already projected: P = (I - Z Z^T) Omega_r (p x r). Their images A P (tall)
 * or A^T P (wide) are B w_i for the projection error B (or B^T, whose norm is the same), and they
 * ride along as extra columns of the last product with A, so A is read once less.
 */
interface Probes {
  vectors: Float64Array;
  count: number;
}

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
  // A Gaussian block is well conditioned, so only q = 0 (where Z is the final basis) needs it orthonormal.
  const omega = rng.fillNormal(new Float64Array(p * l));
  let z = q > 0 ? omega : orthonormalise(omega, p, l);
  // The small-side Gram matrix G = A^T A (or A A^T) costs 2 m n p flops once; the power iterations
  // cost 2q passes of 2 m n l. Form G when that is cheaper (p < 2 q l, e.g. 50000 x 100): every
  // iteration is then a tiny p x p product. Rounding is the same: both see errors of eps ||A||^2.
  const g = q > 0 && p < 2 * q * l ? smallSideGram(a, tall) : null;
  for (let it = 0; it < q; it++) {
    report(1 + it, 'power iteration');
    const next = g ? multiply(g, p, p, z, l) : product(a, !tall, product(a, tall, z, big, l), p, l);
    z = orthonormalise(next, p, l);
  }
  report(q + 1, 'projected SVD');
  // A ~ Y Z^T (tall) or Z Y^T (wide), and Y = U_Y S W^T gives the factors.
  const probeSet: Probes = { vectors: projectedProbes(z, p, l, probes, rng), count: probes };
  const y = (g && gramSketchFactors(a, tall, z, g, big, l, k, probeSet)) ?? sketchFactors(a, tall, z, big, l, k, probeSet);
  const zw = new Float64Array(p * k);
  gemm(p, k, l, 1, { data: z, offset: 0, ld: l, trans: false }, { data: y.w, offset: 0, ld: l, trans: false }, 0, zw, 0, k);
  const s = y.s.slice(0, k);
  report(q + 2, 'error estimate');
  const tail = k < l ? y.s[k] : 0;
  const errorEstimate = estimateError(y.probeImages, big, probes, tail);
  options.onProgress?.(1, 'done');
  const u = { rows: m, cols: k, data: tall ? y.u : zw };
  const v = { rows: n, cols: k, data: tall ? zw : y.u };
  canonicalizeSigns(u, v);
  return { rows: m, cols: n, u, s, v, errorEstimate };
}

/**
 * An orthonormal basis of the p x l block y: CholeskyQR2 (all GEMM work, about 5x faster than
 * Householder at 768 x 74), or Householder when y is too ill-conditioned for it (strong spectral
 * decay after a power step, or rank deficiency). Only the spanned subspace matters here.
 */
function orthonormalise(y: Float64Array, p: number, l: number): Float64Array {
  return choleskyQr2(y, p, l)?.q ?? orthonormalBasis(y, p, l);
}

/** G = A^T A (tall) or A A^T (wide): p x p, by the symmetric product (half the flops of a GEMM). */
function smallSideGram(a: Matrix, tall: boolean): Float64Array {
  const { rows: m, cols: n } = a;
  const p = tall ? n : m;
  const inner = tall ? m : n;
  const g = new Float64Array(p * p);
  syrk(p, inner, { data: a.data, offset: 0, ld: n, trans: tall }, g, 0, p);
  return g;
}

/** X Y for row-major X (rows x inner) and Y (inner x cols). */
function multiply(x: Float64Array, rows: number, inner: number, y: Float64Array, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, inner, 1, { data: x, offset: 0, ld: inner, trans: false }, { data: y, offset: 0, ld: cols, trans: false }, 0, out, 0, cols);
  return out;
}

/**
 * Above this cond(Y) the Gram-sketch path takes a second CholeskyQR pass. One pass leaves
 * ||U^T U - I|| about eps cond(Y)^2 (Yamamoto et al. 2015), so up to 4 that is within 16 eps, as
 * orthonormal as the two-pass result in practice. Well-conditioned sketches are common (a Gaussian
 * 50000 x 100 has cond(Y) about 1.1) and the pass costs two b x l x l products and a b x p x l one:
 * at 50000 x 100, 1.24 instead of 2.08 GFLOP in all.
 */
const ONE_PASS_CONDITION = 4;

/**
 * Factors of Y = A Z (tall; A^T Z wide) by CholeskyQR whose first Gram matrix Y^T Y = Z^T G Z comes
 * from the small-side Gram matrix, so the first pass is folded into the one product
 * Q1 = A (Z R1^{-1}); a second pass only when cond(Y) > ONE_PASS_CONDITION. Null when Y is too
 * ill-conditioned (then the caller uses thinFactors).
 */
function gramSketchFactors(
  a: Matrix, tall: boolean, z: Float64Array, g: Float64Array, big: number, l: number, k: number, probes: Probes,
): SketchFactors | null {
  const p = tall ? a.cols : a.rows;
  const zgz = new Float64Array(l * l);
  gemm(l, l, p, 1, { data: z, offset: 0, ld: l, trans: true }, { data: multiply(g, p, p, z, l), offset: 0, ld: l, trans: false }, 0, zgz, 0, l);
  const r1 = cholesky(zgz, l);
  if (!r1) return null;
  const onePass = onePassFactors(r1, l, k);
  if (onePass) {
    // U_Y = Y R1^{-1} U_R, formed for the k wanted columns straight from A: one b x p x k product.
    const [u, probeImages] = productWithProbes(a, tall, multiply(z, p, l, onePass.x, k), k, probes, big);
    return { u, s: onePass.s, w: onePass.w, probeImages };
  }
  const [q1, probeImages] = productWithProbes(a, tall, multiply(z, p, l, invertUpper(r1, l), l), l, probes, big);
  const factors = secondPassFactors(q1, r1, big, l, k);
  return factors && { ...factors, probeImages };
}

/**
 * When cond(Y) <= ONE_PASS_CONDITION for Y = Q1 R1 (R1 from the Cholesky factor of Y^T Y), one
 * CholeskyQR pass is orthonormal enough: with R1 = U_R S W^T, U_Y = Y X for X = R1^{-1} U_R[:, :k]
 * (l x k). Null when Y is worse conditioned.
 */
function onePassFactors(r1: Float64Array, l: number, k: number): { x: Float64Array; s: Float64Array; w: Float64Array } | null {
  const first = svd({ rows: l, cols: l, data: r1 });
  if (!(first.s[0] <= ONE_PASS_CONDITION * first.s[l - 1])) return null;
  const x = new Float64Array(l * k);
  gemm(l, k, l, 1, { data: invertUpper(r1, l), offset: 0, ld: l, trans: false }, { data: first.u.data, offset: 0, ld: l, trans: false }, 0, x, 0, k);
  return { x, s: first.s, w: first.v.data };
}

/**
 * Factors of the tall b x l sketch image Y = A Z (tall; A^T Z wide), computed with the probe
 * images: CholeskyQR (one pass when Y is well conditioned, else two) then the SVD of the small R
 * (all GEMM work), or the Householder-based svd when Y is too ill-conditioned for CholeskyQR.
 */
function sketchFactors(a: Matrix, tall: boolean, z: Float64Array, b: number, l: number, k: number, probes: Probes): SketchFactors {
  const [y, probeImages] = productWithProbes(a, tall, z, l, probes, b);
  const r1 = cholesky(gram(y, b, l), l);
  const onePass = r1 && onePassFactors(r1, l, k);
  if (onePass) return { u: multiply(y, b, l, onePass.x, k), s: onePass.s, w: onePass.w, probeImages };
  const fast = r1 && secondPassFactors(multiply(y, b, l, invertUpper(r1, l), l), r1, b, l, k);
  if (fast) return { ...fast, probeImages };
  const f = svd({ rows: b, cols: l, data: y });
  const u = new Float64Array(b * k);
  for (let i = 0; i < b; i++) u.set(f.u.data.subarray(i * l, i * l + k), i * k);
  return { u, s: f.s, w: f.v.data, probeImages };
}

/**
 * The second CholeskyQR pass on Q1 = Y R1^{-1} and the SVD of R = R2 R1 = U_R S W^T: then
 * Y = Q1 R2^{-1} U_R S W^T, and only the k wanted columns of U_Y = Q1 (R2^{-1} U_R) are formed,
 * without forming Q: one b x l x k product where forming Q and then Q U_R took two b x l x l.
 * Null when Q1 is not numerically full rank.
 */
function secondPassFactors(q1: Float64Array, r1: Float64Array, b: number, l: number, k: number): Omit<SketchFactors, 'probeImages'> | null {
  const r2 = cholesky(gram(q1, b, l), l);
  if (!r2) return null;
  const small = svd({ rows: l, cols: l, data: upperProduct(r2, r1, l) });
  const x = multiply(invertUpper(r2, l), l, l, small.u.data, l);
  const u = new Float64Array(b * k);
  gemm(b, k, l, 1, { data: q1, offset: 0, ld: l, trans: false }, { data: x, offset: 0, ld: l, trans: false }, 0, u, 0, k);
  return { u, s: small.s, w: small.v.data };
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
 * A X (`notTransposed`) or A^T X for X = [x | P] with the probes P appended as r more columns, in
 * one product: returns the b x cols block and the b x r probe images separately.
 */
function productWithProbes(a: Matrix, notTransposed: boolean, x: Float64Array, cols: number, probes: Probes, b: number): [Float64Array, Float64Array] {
  const r = probes.count;
  if (r === 0) return [product(a, notTransposed, x, b, cols), new Float64Array(0)];
  const p = x.length / cols;
  const width = cols + r;
  const joined = new Float64Array(p * width);
  for (let i = 0; i < p; i++) {
    joined.set(x.subarray(i * cols, (i + 1) * cols), i * width);
    joined.set(probes.vectors.subarray(i * r, (i + 1) * r), i * width + cols);
  }
  const both = product(a, notTransposed, joined, b, width);
  const main = new Float64Array(b * cols);
  const images = new Float64Array(b * r);
  for (let i = 0; i < b; i++) {
    main.set(both.subarray(i * width, i * width + cols), i * cols);
    images.set(both.subarray(i * width + cols, (i + 1) * width), i * r);
  }
  return [main, images];
}

/** r Gaussian vectors of length p with their components in span(Z) removed: (I - Z Z^T) Omega_r. */
function projectedProbes(z: Float64Array, p: number, l: number, r: number, rng: Random): Float64Array {
  const w = rng.fillNormal(new Float64Array(p * r));
  if (r > 0) projectOut(z, p, l, w, r);
  return w;
}

/**
 * HMT's probe estimate of the projection error B = A (I - Z Z^T) (tall A) or (I - Z Z^T) A (wide
 * A), from the images B w_i (tall) or B^T w_i (wide; ||B^T|| = ||B||) of r projected Gaussian
 * probes: the b x r block `images`.
 */
function estimateError(images: Float64Array, b: number, r: number, tail: number): RandomizedErrorEstimate {
  if (r === 0) {
    return { projectionBound: NaN, bound: NaN, largestProbeResidual: NaN, probes: 0, failureProbability: 1 };
  }
  // Column norms of the row-major b x r block, accumulated row by row (contiguous reads).
  const sums = new Float64Array(r);
  for (let i = 0; i < b; i++) {
    for (let j = 0; j < r; j++) sums[j] += images[i * r + j] ** 2;
  }
  let largest = 0;
  for (let j = 0; j < r; j++) largest = Math.max(largest, Math.sqrt(sums[j]));
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
