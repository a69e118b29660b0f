/**
 * CP (CANDECOMP/PARAFAC) by alternating least squares (Kolda & Bader 2009, section 3.4): A is
 * approximated by sum_r w_r a_r^(1) o ... o a_r^(d). Each sweep solves, mode after mode, the linear
 * least-squares problem for one factor with the others fixed,
 *   F_n <- unfold(A, n) KR(F_m, m != n) (Hadamard_{m != n} F_m^T F_m)^+,
 * so the residual never increases from sweep to sweep. The pseudo-inverse of the R x R Hadamard
 * Gram matrix comes from its eigen-decomposition (values below R eps lambda_max dropped), which
 * keeps the update defined when components collapse. Columns are normalised to unit length after
 * each update, their norms becoming the weights. The fit is computed from the reconstruction, not
 * from the usual ||A||^2 + ||Â||^2 - 2 <A, Â> shortcut, whose cancellation hides progress below
 * about 1e-8.
 */
import { LinalgError } from '../errors';
import { gemm } from '../dense/gemm';
import type { Matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';
import { checkTensor, elementCount, tensor, type Tensor } from './tensor';
import { assertFiniteTensor, reshapeToMatrix, unfold } from './tensorOps';
import { GramSvd } from './gramSvd';
import { GRAM_MAX_RANK, LargeSvd } from './largeSvd';
import { checkOrder } from './ranks';
import { symmetricEigen } from './symmetricEigen';
import type { CpAlsOptions, CpResult } from './types';

/**
 * Rank-`rank` CP of `t` by ALS. Deterministic: the 'svd' initialisation (default) uses the
 * leading left singular vectors of each unfolding (seeded Gaussian columns past n_k); 'random'
 * draws every factor from the seed. Stops when the fit moves by less than `tol` (default 1e-8)
 * between sweeps, after `maxIter` sweeps (default 100), or when shouldCancel returns true (then the
 * factors so far are returned with stopped = 'cancelled'). Components are sorted by weight.
 *
 * @example
 * const r = cpAls(t, 2); // an exact rank-2 tensor: r.relativeError about 1e-12
 */
export function cpAls(t: Tensor, rank: number, options: CpAlsOptions = {}): CpResult {
  const fn = 'cpAls';
  checkTensor(fn, t);
  checkOrder(fn, t.shape);
  if (!Number.isInteger(rank) || rank < 1) throw new LinalgError(`${fn}: rank must be a positive integer, got ${rank}`);
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-8;
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new LinalgError(`${fn}: maxIter must be a positive integer, got ${maxIter}`);
  if (!(tol >= 0)) throw new LinalgError(`${fn}: tol must be a non-negative number, got ${tol}`);
  assertFiniteTensor(t, `${fn} input`);
  const shape = t.shape.slice();
  const d = shape.length;
  const count = elementCount(shape);
  const R = rank;
  const x = reshapeToMatrix(t, 1).data;
  let normSquared = 0;
  for (let i = 0; i < count; i++) normSquared += x[i] * x[i];
  const norm = Math.sqrt(normSquared);
  const unfoldings = shape.map((_, k) => unfold(t, k));
  const factors = initialFactors(unfoldings, R, options.init ?? 'svd', options.seed ?? 0);
  const weights = new Float64Array(R).fill(1);
  const work = new AlsWorkspace(shape, R);
  const fits: number[] = [];
  let stopped: CpResult['stopped'] = 'max-iterations';
  for (let iter = 1; iter <= maxIter; iter++) {
    if (options.shouldCancel?.()) {
      stopped = 'cancelled';
      break;
    }
    for (let n = 0; n < d; n++) work.update(unfoldings[n], factors, n, weights);
    const fit = norm === 0 ? 1 : 1 - work.residual(x, factors, weights) / norm;
    fits.push(fit);
    options.onIteration?.(iter, fit);
    options.onProgress?.(iter / maxIter, 'CP-ALS sweeps');
    if (iter > 1 && Math.abs(fit - fits[iter - 2]) < tol) {
      stopped = 'tolerance';
      break;
    }
  }
  sortByWeight(factors, weights);
  const residual = work.residual(x, factors, weights);
  let parameters = 0;
  for (const n of shape) parameters += R * n;
  return {
    weights,
    factors,
    fits: Float64Array.from(fits),
    iterations: fits.length,
    stopped,
    parameters,
    compressionFactor: count / parameters,
    relativeError: norm === 0 ? 0 : residual / norm,
  };
}

/**
 * The full tensor sum_r w_r a_r^(1) o ... o a_r^(d).
 *
 * @example
 * cpToFull({ weights: new Float64Array([2]), factors: [matrix(2, 1, [1, 0]), matrix(2, 1, [0, 1])] }); // [[0, 2], [0, 0]]
 */
export function cpToFull(r: { weights: Float64Array; factors: Matrix[] }): Tensor {
  const fn = 'cpToFull';
  if (!r || !(r.weights instanceof Float64Array) || !Array.isArray(r.factors) || r.factors.length < 1) {
    throw new LinalgError(`${fn}: expected { weights: Float64Array, factors: Matrix[] }`);
  }
  const R = r.weights.length;
  r.factors.forEach((f, k) => {
    if (f.cols !== R || f.data.length !== f.rows * f.cols) {
      throw new LinalgError(`${fn}: factor ${k} must be n_${k} x ${R} (one column per weight), got ${f.rows} x ${f.cols}`);
    }
  });
  const shape = r.factors.map((f) => f.rows);
  const out = tensor(shape);
  new AlsWorkspace(shape, R).fullInto(r.factors, r.weights, out.data as Float64Array);
  return out;
}

/** The buffers of the sweeps: Khatri-Rao products, the Hadamard Gram and its pseudo-inverse. */
class AlsWorkspace {
  private readonly kr: Float64Array;
  private readonly krTmp: Float64Array;
  private readonly full: Float64Array;
  private readonly v: Float64Array;
  private readonly eig: Float64Array;
  private readonly e: Float64Array;
  private readonly pinv: Float64Array;
  private readonly m: Float64Array;

  constructor(private readonly shape: number[], private readonly R: number) {
    const count = elementCount(shape);
    const most = Math.max(...shape.map((n) => count / n));
    this.kr = new Float64Array(most * R);
    this.krTmp = new Float64Array(most * R);
    this.full = new Float64Array(count);
    this.v = new Float64Array(R * R);
    this.eig = new Float64Array(R);
    this.e = new Float64Array(R);
    this.pinv = new Float64Array(R * R);
    this.m = new Float64Array(Math.max(...shape) * R);
  }

  /** One least-squares update of factor n (columns normalised, norms into weights). */
  update(unfolding: Matrix, factors: Matrix[], n: number, weights: Float64Array): void {
    const { R, v, pinv, m } = this;
    const rows = this.shape[n];
    const krRows = this.khatriRao(factors, n);
    // M = unfold(A, n) KR (rows x R).
    gemm(rows, R, krRows, 1, { data: unfolding.data, offset: 0, ld: unfolding.cols, trans: false }, { data: this.kr, offset: 0, ld: R, trans: false }, 0, m, 0, R);
    // V = Hadamard product of F_m^T F_m over m != n.
    v.fill(1);
    for (let k = 0; k < factors.length; k++) {
      if (k === n) continue;
      const f = factors[k];
      for (let a = 0; a < R; a++) {
        for (let b = 0; b <= a; b++) {
          let s = 0;
          for (let i = 0; i < f.rows; i++) s += f.data[i * R + a] * f.data[i * R + b];
          v[a * R + b] *= s;
          if (a !== b) v[b * R + a] *= s;
        }
      }
    }
    this.pseudoInverse();
    const f = factors[n];
    gemm(rows, R, R, 1, { data: m, offset: 0, ld: R, trans: false }, { data: pinv, offset: 0, ld: R, trans: false }, 0, f.data, 0, R);
    for (let r = 0; r < R; r++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += f.data[i * R + r] * f.data[i * R + r];
      const len = Math.sqrt(s);
      weights[r] = len;
      for (let i = 0; i < rows; i++) f.data[i * R + r] = len > 0 ? f.data[i * R + r] / len : i === 0 ? 1 : 0;
    }
  }

  /** ||x - Â||_F for the current factors and weights. */
  residual(x: Float64Array, factors: Matrix[], weights: Float64Array): number {
    this.fullInto(factors, weights, this.full);
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const diff = x[i] - this.full[i];
      s += diff * diff;
    }
    return Math.sqrt(s);
  }

  /** dst = sum_r w_r a_r^(1) o ... o a_r^(d), as F_1 diag(w) KR(F_2..F_d)^T. */
  fullInto(factors: Matrix[], weights: Float64Array, dst: Float64Array): void {
    const R = this.R;
    const cols = this.khatriRao(factors, 0);
    const f0 = factors[0];
    const scaled = this.m;
    for (let i = 0; i < f0.rows; i++) for (let r = 0; r < R; r++) scaled[i * R + r] = f0.data[i * R + r] * weights[r];
    gemm(f0.rows, cols, R, 1, { data: scaled, offset: 0, ld: R, trans: false }, { data: this.kr, offset: 0, ld: R, trans: true }, 0, dst, 0, cols);
  }

  /**
   * this.kr = the Khatri-Rao product of the factors other than `skip`, in mode order with the last
   * fastest (the column order of TensorLy's unfold); returns its row count.
   */
  private khatriRao(factors: Matrix[], skip: number): number {
    const R = this.R;
    let rows = 1;
    let cur = this.kr;
    let tmp = this.krTmp;
    cur.fill(1, 0, R);
    for (let k = 0; k < factors.length; k++) {
      if (k === skip) continue;
      const f = factors[k];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < f.rows; j++) {
          const o = (i * f.rows + j) * R;
          for (let r = 0; r < R; r++) tmp[o + r] = cur[i * R + r] * f.data[j * R + r];
        }
      }
      rows *= f.rows;
      [cur, tmp] = [tmp, cur];
    }
    if (cur !== this.kr) this.kr.set(cur.subarray(0, rows * R));
    return rows;
  }

  /** this.pinv = (this.v)^+ by its eigen-decomposition. */
  private pseudoInverse(): void {
    const { R, v, eig, e, pinv } = this;
    const w = Float64Array.from(v);
    symmetricEigen(w, eig, e, R);
    const cutoff = R * Number.EPSILON * Math.max(Math.abs(eig[R - 1]), Math.abs(eig[0]));
    pinv.fill(0);
    for (let q = 0; q < R; q++) {
      if (!(eig[q] > cutoff)) continue;
      const inv = 1 / eig[q];
      for (let a = 0; a < R; a++) {
        const wa = w[q * R + a] * inv;
        for (let b = 0; b < R; b++) pinv[a * R + b] += wa * w[q * R + b];
      }
    }
  }
}

/** Initial factors: leading singular vectors (then seeded Gaussian columns) or all Gaussian. */
function initialFactors(unfoldings: Matrix[], R: number, init: 'svd' | 'random', seed: number): Matrix[] {
  if (init !== 'svd' && init !== 'random') throw new LinalgError(`cpAls: init must be 'svd' or 'random', got ${String(init)}`);
  const rng = createRandom(seed);
  const gram = new GramSvd();
  let large: LargeSvd | null = null;
  return unfoldings.map((u) => {
    const n = u.rows;
    const data = new Float64Array(n * R);
    let from = 0;
    if (init === 'svd') {
      const p = Math.min(R, u.rows, u.cols);
      const left = new Float64Array(n * p);
      if (Math.min(u.rows, u.cols) <= GRAM_MAX_RANK) {
        gram.factor(u.data, 0, u.rows, u.cols);
        gram.writeLeft(p, left, 0);
      } else {
        large ??= new LargeSvd();
        large.factor(u.data, 0, u.rows, u.cols);
        large.writeLeft(p, left, 0);
      }
      for (let i = 0; i < n; i++) for (let r = 0; r < p; r++) data[i * R + r] = left[i * p + r];
      from = p;
    }
    for (let i = 0; i < n; i++) for (let r = from; r < R; r++) data[i * R + r] = rng.normal();
    return { rows: n, cols: R, data };
  });
}

/** Reorders the components by weight, descending (stable). */
function sortByWeight(factors: Matrix[], weights: Float64Array): void {
  const R = weights.length;
  const order = Array.from({ length: R }, (_, r) => r).sort((a, b) => weights[b] - weights[a] || a - b);
  if (order.every((r, i) => r === i)) return;
  const w = Float64Array.from(order, (r) => weights[r]);
  weights.set(w);
  for (const f of factors) {
    const copy = f.data.slice();
    for (let i = 0; i < f.rows; i++) for (let j = 0; j < R; j++) f.data[i * R + j] = copy[i * R + order[j]];
  }
}

