/**
 * Rank-k reconstructions from a cached SVD: A_k = U_k diag(s_k) V_k^T through the GEMM kernel, and
 * the incremental update the rank slider uses, which adds or removes only the rank-1 terms that
 * changed (cost 2 m n |kNew - kOld| instead of 2 m n k).
 */
import { assertInteger, LinalgError, shapeText } from '../errors';
import { gemm } from '../dense/gemm';
import type { Matrix } from '../dense/matrix';
import type { SvdResult } from './svdTypes';

/**
 * The rank-k truncation U_k diag(s_k) V_k^T (the best rank-k approximation, Eckart-Young).
 *
 * @example
 * const f = svd(fromArrays([[3, 0], [4, 5]]));
 * toArrays(lowRank(f, 1)); // [[1.5, 1.5], [4.5, 4.5]]
 */
export function lowRank(result: SvdResult, k: number): Matrix {
  const out = new Float64Array(result.rows * result.cols);
  addTerms(result, 0, checkedRank('lowRank', result, k), 1, out, 'lowRank');
  return { rows: result.rows, cols: result.cols, data: out };
}

/**
 * Turns `prev` = A_kOld into A_kNew in place by adding (kNew > kOld) or subtracting (kNew < kOld)
 * the terms sigma_i u_i v_i^T for i between the two ranks, and returns it. Rounding drifts by about
 * eps * sigma_1 per update; rebuild with {@link lowRank} now and then if many updates accumulate.
 *
 * @example
 * const f = svd(a);
 * let approx = lowRank(f, 10);
 * approx = updateLowRank(approx, f, 10, 12); // now equals lowRank(f, 12) to rounding
 */
export function updateLowRank(prev: Matrix, result: SvdResult, kOld: number, kNew: number): Matrix {
  if (prev.rows !== result.rows || prev.cols !== result.cols || prev.data.length !== result.rows * result.cols) {
    throw new LinalgError(
      `updateLowRank: the previous approximation is ${shapeText(prev.rows, prev.cols)}, the SVD is of a ${shapeText(result.rows, result.cols)} matrix`,
    );
  }
  checkedRank('updateLowRank', result, kOld);
  checkedRank('updateLowRank', result, kNew);
  if (kNew > kOld) addTerms(result, kOld, kNew, 1, prev.data, 'updateLowRank');
  else if (kNew < kOld) addTerms(result, kNew, kOld, -1, prev.data, 'updateLowRank');
  return prev;
}

function checkedRank(fn: string, result: SvdResult, k: number): number {
  assertInteger(fn, 'k', k, 0, result.s.length);
  return k;
}

/** out += sign * sum_{k0 <= i < k1} sigma_i u_i v_i^T. */
function addTerms(result: SvdResult, k0: number, k1: number, sign: number, out: Float64Array, fn: string): void {
  const { u, v, s, rows: m, cols: n } = result;
  if (!u || !v) throw new LinalgError(`${fn}: the SVD has no singular vectors (computed with vectors: false)`);
  const p = s.length;
  const width = k1 - k0;
  if (width === 0) return;
  // U_k diag(s) as a compact m x width block, so the kernel reads it contiguously.
  const us = new Float64Array(m * width);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < width; j++) us[i * width + j] = u.data[i * p + k0 + j] * s[k0 + j];
  }
  gemm(
    m, n, width, sign,
    { data: us, offset: 0, ld: width, trans: false },
    { data: v.data, offset: k0, ld: p, trans: true },
    1, out, 0, n,
  );
}
