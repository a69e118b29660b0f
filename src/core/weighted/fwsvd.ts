/**
 * FWSVD (Hsu et al. 2022): with one weight w_i per row the weighted problem has a closed form.
 * With D = diag(sqrt(w_i)), sum_i w_i ||a_i - b_i||^2 = ||D (A - B)||_F^2, minimised by
 * D^{-1} (D A)_k. Since (D A)_k = (D A) V_k V_k^T for the top right singular vectors V_k of D A,
 * that is A V_k V_k^T: every row projected onto the weighted row space, with no division by w_i.
 */
import { LinalgError, shapeText } from '../errors';
import { gemm } from '../dense/gemm';
import { transpose, type Matrix } from '../dense/matrix';
import { svd } from '../svd/svd';
import { balancedFactors, productInto } from './factors';
import { assertDataMatrix, assertRank, assertWeightValues, withMissingAsZero } from './problem';
import type { FactoredApproximation } from './types';

/**
 * The best rank-k approximation under row weights: minimises sum_i w_i ||a_i - b_i||^2.
 * Rows of weight 0 do not shape the row space; they count nowhere in the objective, so any value is
 * optimal for them, and they get their projection onto the row space found (rank stays k, plain
 * error stays small). All weights 0: the plain SVD (uniform weights). NaN entries of A are read as
 * 0 (the closed form has no per-entry weights; use the iterative methods for missing data).
 *
 * @example
 * const r = fwsvd(fromArrays([[3, 0], [4, 5]]), Float64Array.of(1, 1), 1);
 * toArrays(r.approximation); // [[1.5, 1.5], [4.5, 4.5]]: uniform row weights give the SVD
 */
export function fwsvd(a: Matrix, rowWeights: Float64Array, k: number): FactoredApproximation {
  const fn = 'fwsvd';
  assertDataMatrix(fn, a);
  if (!(rowWeights instanceof Float64Array) || rowWeights.length !== a.rows) {
    const got = rowWeights instanceof Float64Array ? `${rowWeights.length}` : 'no Float64Array';
    throw new LinalgError(`${fn}: A is ${shapeText(a.rows, a.cols)}, so it needs ${a.rows} row weights, got ${got}`);
  }
  assertWeightValues(fn, rowWeights, null, 'row weight');
  assertRank(fn, k, a.rows, a.cols);
  return rowWeightedApproximation(withMissingAsZero(a.data).data, a.rows, a.cols, rowWeights, k);
}

/**
 * FWSVD with one weight per column: minimises sum_j w_j ||a^j - b^j||^2, by FWSVD of A^T.
 *
 * @example
 * fwsvdColumns(a, Float64Array.of(1, 10), 1); // favours the second column
 */
export function fwsvdColumns(a: Matrix, columnWeights: Float64Array, k: number): FactoredApproximation {
  const fn = 'fwsvdColumns';
  assertDataMatrix(fn, a);
  if (!(columnWeights instanceof Float64Array) || columnWeights.length !== a.cols) {
    const got = columnWeights instanceof Float64Array ? `${columnWeights.length}` : 'no Float64Array';
    throw new LinalgError(`${fn}: A is ${shapeText(a.rows, a.cols)}, so it needs ${a.cols} column weights, got ${got}`);
  }
  assertWeightValues(fn, columnWeights, null, 'column weight');
  assertRank(fn, k, a.rows, a.cols);
  const t = transpose({ rows: a.rows, cols: a.cols, data: withMissingAsZero(a.data).data });
  const r = rowWeightedApproximation(t.data, a.cols, a.rows, columnWeights, k);
  return { approximation: transpose(r.approximation), x: r.y, y: r.x };
}

/** FWSVD on checked input (A without NaN, m x n). */
export function rowWeightedApproximation(a: Float64Array, m: number, n: number, rowWeights: Float64Array, k: number): FactoredApproximation {
  const allZero = rowWeights.every((w) => w === 0);
  const scaled = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const d = allZero ? 1 : Math.sqrt(rowWeights[i]);
    for (let j = 0; j < n; j++) scaled[i * n + j] = d * a[i * n + j];
  }
  const f = svd({ rows: m, cols: n, data: scaled });
  const p = f.s.length;
  // V_k (n x k) and A V_k (m x k): the approximation is (A V_k) V_k^T.
  const vk = new Float64Array(n * k);
  for (let i = 0; i < n; i++) vk.set(f.v.data.subarray(i * p, i * p + k), i * k);
  const avk = new Float64Array(m * k);
  gemm(m, k, n, 1, { data: a, offset: 0, ld: n, trans: false }, { data: vk, offset: 0, ld: k, trans: false }, 0, avk, 0, k);
  const approximation = productInto(avk, vk, m, n, k, new Float64Array(m * n));
  const { x, y } = balancedFactors(avk, vk, m, n, k);
  return { approximation: { rows: m, cols: n, data: approximation }, x, y };
}

/**
 * The row weights when every row of W is constant (then FWSVD is exact for W), else null. A row
 * counts as constant when its entries differ by at most 1e-12 times its largest.
 *
 * @example
 * rowWeightsOf(fromArrays([[2, 2], [5, 5]])); // Float64Array [2, 5]
 * rowWeightsOf(fromArrays([[2, 3], [5, 5]])); // null
 */
export function rowWeightsOf(weights: Matrix): Float64Array | null {
  const fn = 'rowWeightsOf';
  assertDataMatrix(fn, weights, 'weights');
  assertWeightValues(fn, weights.data, weights.cols, 'weight');
  const { rows, cols, data } = weights;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let lo = Infinity;
    let hi = 0;
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const w = data[i * cols + j];
      lo = Math.min(lo, w);
      hi = Math.max(hi, w);
      sum += w;
    }
    if (hi - lo > 1e-12 * hi) return null;
    out[i] = sum / cols;
  }
  return out;
}
