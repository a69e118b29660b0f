/**
 * Activation-aware SVD: the rank-k B that best reproduces A's action on data, min ||(A - B) X||_F
 * for inputs X (n x s, one sample per column), known only through G = X X^T. With a Cholesky
 * factor G = L L^T, ||M X||_F^2 = trace(M G M^T) = ||M L||_F^2 for any M, so the problem is
 * min ||A L - B L||_F over rank-k B. B L ranges over all rank-k matrices as B does (L is
 * invertible), so by Eckart-Young B L = (A L)_k and B = (A L)_k L^{-1}.
 */
import { assertMatrix, LinalgError, shapeText } from '../errors';
import { gemm, syrk } from '../dense/gemm';
import type { Matrix } from '../dense/matrix';
import { svd } from '../svd/svd';
import { choleskyLower, pivotFloor, solveLowerTransposed } from './cholesky';
import { productInto } from './factors';
import { assertRank } from './problem';

export interface ActivationAwareResult {
  approximation: Matrix;
  /** m x k and n x k with approximation = X Y^T: X = U_k sqrt(S_k), Y = L^{-T} V_k sqrt(S_k). */
  x: Matrix;
  y: Matrix;
  /** The ridge added to G's diagonal so that it factors (0 for a positive definite G). */
  ridgeUsed: number;
  /** ||(A - A_k) X||_F = trace((A - A_k) G (A - A_k)^T)^(1/2), with the G given (no ridge). */
  dataError: number;
  /** ||A - A_k||_F. */
  plainError: number;
}

/** Largest |G_ij - G_ji| accepted, relative to max |G_ij|: a Gram matrix is symmetric to rounding. */
const SYMMETRY_TOLERANCE = 1e-10;
/**
 * Largest ridge the ladder tries, relative to max G_ii. A Gram matrix is semidefinite up to
 * rounding (eigenvalues above about -n eps max G_ii); needing more means G is not a Gram matrix.
 */
const RIDGE_CAP = 1e-6;

/**
 * The rank-k A_k minimising ||(A - A_k) X||_F given G = X X^T (n x n for A m x n). A semidefinite
 * G (fewer samples than n, or dependent inputs) gets the smallest ridge of the ladder
 * 2 n eps max(G_ii) x 10^j (at least options.ridge, at most 1e-6 max G_ii: beyond that G is not a
 * Gram matrix and a LinalgError says so) that makes Cholesky succeed with every pivot above
 * n eps max(G_ii); the result then minimises ||(A - A_k) X||^2 + ridge ||A - A_k||^2, which
 * fixes A_k on directions the data never visit. G = 0 gives the plain SVD.
 *
 * @example
 * const g = gramOf(inputs, 'columns-are-samples');   // inputs: n x s
 * const r = activationAwareSvd(a, g, 8);
 * r.dataError; // <= the data error of the plain truncated SVD
 */
export function activationAwareSvd(a: Matrix, gram: Matrix, k: number, options: { ridge?: number } = {}): ActivationAwareResult {
  const fn = 'activationAwareSvd';
  assertMatrix(fn, a);
  assertMatrix(fn, gram, 'Gram matrix');
  const { rows: m, cols: n } = a;
  if (gram.rows !== n || gram.cols !== n) {
    throw new LinalgError(`${fn}: A is ${shapeText(m, n)}, so the Gram matrix must be ${shapeText(n, n)} (G = X X^T for inputs with ${n} features), got ${shapeText(gram.rows, gram.cols)}`);
  }
  assertRank(fn, k, m, n);
  const ridgeFloor = options.ridge ?? 0;
  if (!(ridgeFloor >= 0 && ridgeFloor < Infinity)) throw new LinalgError(`${fn}: ridge must be a finite number >= 0, got ${ridgeFloor}`);
  const maxDiagonal = checkGram(fn, gram);

  const { l, ridge } = whitening(fn, gram, maxDiagonal, ridgeFloor);
  // M = A L (L lower triangular, stored full), its SVD, and the rank-k factors mapped back by L^{-1}.
  const al = new Float64Array(m * n);
  gemm(m, n, n, 1, { data: a.data, offset: 0, ld: n, trans: false }, { data: l, offset: 0, ld: n, trans: false }, 0, al, 0, n);
  const f = svd({ rows: m, cols: n, data: al });
  const p = f.s.length;
  const x = new Float64Array(m * k);
  const y = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const root = Math.sqrt(f.s[j]);
    for (let i = 0; i < m; i++) x[i * k + j] = f.u.data[i * p + j] * root;
    for (let i = 0; i < n; i++) y[i * k + j] = f.v.data[i * p + j] * root;
  }
  // (A L)_k L^{-1} = X (V_k sqrt(S))^T L^{-1} = X (L^{-T} V_k sqrt(S))^T.
  solveLowerTransposed(l, n, y, k);
  const approximation = productInto(x, y, m, n, k, new Float64Array(m * n));
  const { dataError, plainError } = errors(a.data, approximation, gram.data, m, n);
  return {
    approximation: { rows: m, cols: n, data: approximation },
    x: { rows: m, cols: k, data: x },
    y: { rows: n, cols: k, data: y },
    ridgeUsed: ridge,
    dataError,
    plainError,
  };
}

/**
 * G = X X^T from the inputs: `rows-are-samples` reads X^T (s x n, a sample per row, as a table of
 * embeddings), `columns-are-samples` reads X (n x s).
 *
 * @example
 * gramOf(fromArrays([[1, 2], [3, 4]]), 'rows-are-samples'); // [[10, 14], [14, 20]]
 */
export function gramOf(inputs: Matrix, layout: 'rows-are-samples' | 'columns-are-samples'): Matrix {
  const fn = 'gramOf';
  assertMatrix(fn, inputs, 'input matrix');
  if (layout !== 'rows-are-samples' && layout !== 'columns-are-samples') {
    throw new LinalgError(`${fn}: layout must be 'rows-are-samples' or 'columns-are-samples', got '${String(layout)}'`);
  }
  const bySamples = layout === 'rows-are-samples';
  const features = bySamples ? inputs.cols : inputs.rows;
  const samples = bySamples ? inputs.rows : inputs.cols;
  const g = new Float64Array(features * features);
  syrk(features, samples, { data: inputs.data, offset: 0, ld: inputs.cols, trans: bySamples }, g, 0, features);
  return { rows: features, cols: features, data: g };
}

/** Checks symmetry and a non-negative diagonal; returns max G_ii. */
function checkGram(fn: string, gram: Matrix): number {
  const { rows: n, data } = gram;
  let largest = 0;
  let maxDiagonal = 0;
  for (let i = 0; i < data.length; i++) largest = Math.max(largest, Math.abs(data[i]));
  for (let i = 0; i < n; i++) {
    const d = data[i * n + i];
    if (d < 0) throw new LinalgError(`${fn}: the Gram matrix has G(${i}, ${i}) = ${d} < 0, so it is not positive semidefinite`);
    maxDiagonal = Math.max(maxDiagonal, d);
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(data[i * n + j] - data[j * n + i]) > SYMMETRY_TOLERANCE * largest) {
        throw new LinalgError(`${fn}: the Gram matrix is not symmetric: G(${i}, ${j}) = ${data[i * n + j]}, G(${j}, ${i}) = ${data[j * n + i]}`);
      }
    }
  }
  return maxDiagonal;
}

/** L with L L^T = G + ridge I, for the smallest ridge of the ladder that factors with pivots above the floor. */
function whitening(fn: string, gram: Matrix, maxDiagonal: number, ridgeFloor: number): { l: Float64Array; ridge: number } {
  const n = gram.rows;
  const scale = maxDiagonal > 0 ? maxDiagonal : 1;
  const floor = pivotFloor(n, scale);
  const l = new Float64Array(n * n);
  const attempt = (ridge: number): boolean => {
    l.set(gram.data);
    for (let i = 0; i < n; i++) l[i * n + i] += ridge;
    return choleskyLower(l, n, floor);
  };
  if (attempt(ridgeFloor)) return { l, ridge: ridgeFloor };
  const cap = Math.max(RIDGE_CAP * scale, ridgeFloor);
  for (let ridge = Math.max(2 * floor, 10 * ridgeFloor); ridge <= cap; ridge *= 10) {
    if (attempt(ridge)) return { l, ridge };
  }
  throw new LinalgError(`${fn}: the Gram matrix is not positive semidefinite (Cholesky fails even with a ridge of ${RIDGE_CAP} max G_ii); a Gram matrix X X^T always is`);
}

/**
 * ||(A - B) X||_F from the Gram matrix G = X X^T alone (sqrt of sum D o (D G), D = A - B): how far
 * B is from A on the inputs, for any B (plain SVD's truncation too, to compare).
 */
export function activationDataError(a: Matrix, b: Matrix, gram: Matrix): number {
  return errors(a.data, b.data, gram.data, a.rows, a.cols).dataError;
}

/** ||D X||_F via sqrt(sum D o (D G)) and ||D||_F, for D = A - B. */
function errors(a: Float64Array, b: Float64Array, g: Float64Array, m: number, n: number): { dataError: number; plainError: number } {
  const d = new Float64Array(m * n);
  let plain = 0;
  for (let i = 0; i < d.length; i++) {
    d[i] = a[i] - b[i];
    plain += d[i] * d[i];
  }
  const dg = new Float64Array(m * n);
  gemm(m, n, n, 1, { data: d, offset: 0, ld: n, trans: false }, { data: g, offset: 0, ld: n, trans: false }, 0, dg, 0, n);
  let data = 0;
  for (let i = 0; i < d.length; i++) data += d[i] * dg[i];
  return { dataError: Math.sqrt(Math.max(0, data)), plainError: Math.sqrt(plain) };
}
