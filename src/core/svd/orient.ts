/**
 * Orientation of a square SVD for display: the app animates V^T, S, U as rotations where it can.
 * After the canonical signs, the last pair (u_p, v_p) is flipped when that makes
 * det(U) = det(V) = +1. That is possible exactly when det(U) det(V) = +1, i.e. det(A) > 0 (or A is
 * singular: then sigma_p = 0 and u_p, v_p may be flipped independently). When det(A) < 0 one of U, V
 * must be a reflection, and the result says so.
 */
import { LinalgError } from '../errors';
import type { Matrix } from '../dense/matrix';
import { flipColumn } from './signs';
import { EPS } from '../dense/scalar';
import type { SvdResult, SvdWithVectors } from './svdTypes';

/** An SVD oriented for display, with whether a reflection remains. */
export interface OrientedSvd extends SvdWithVectors {
  /** True when the matrix is square and U S V^T needs a reflection (det A < 0). */
  reflection: boolean;
}

/**
 * For a square matrix, flips the last singular pair (or, when sigma_p is below the rank tolerance
 * max(m, n) sigma_1 eps, just one of its vectors) so det(U) = det(V) = +1 where possible. For a
 * non-square matrix returns the result unchanged with reflection = false. Works on a copy.
 *
 * @example
 * const o = orientSvd(svd(fromArrays([[3, 0], [4, 5]])));
 * // det(A) = 15 > 0: o.reflection === false, det(o.u) === det(o.v) === 1 (numpy gives -1, -1)
 * orientSvd(svd(fromArrays([[0, 1], [1, 0]]))).reflection; // true: a swap is a reflection
 */
export function orientSvd(result: SvdResult): OrientedSvd {
  if (!result.u || !result.v) throw new LinalgError('orientSvd: the SVD has no singular vectors (computed with vectors: false)');
  const u = { rows: result.u.rows, cols: result.u.cols, data: result.u.data.slice() };
  const v = { rows: result.v.rows, cols: result.v.cols, data: result.v.data.slice() };
  const s = result.s.slice();
  const base = { rows: result.rows, cols: result.cols, u, s, v };
  if (result.rows !== result.cols) return { ...base, reflection: false };
  const p = s.length;
  const du = determinantSign(u);
  const dv = determinantSign(v);
  const tol = p * s[0] * EPS;
  if (du === dv) {
    if (du < 0) {
      flipColumn(u, p - 1);
      flipColumn(v, p - 1);
    }
    return { ...base, reflection: false };
  }
  if (s[p - 1] <= tol) {
    // sigma_p is (numerically) zero: u_p sigma_p v_p^T vanishes, so one vector can flip alone.
    if (du < 0) flipColumn(u, p - 1);
    else flipColumn(v, p - 1);
    return { ...base, reflection: false };
  }
  return { ...base, reflection: true };
}

/** Alias of {@link orientSvd}, under the name the issue uses. @example properRotations(svd(a)).reflection */
export const properRotations = orientSvd;

/**
 * Sign of the determinant of a square matrix (+1, -1, or 0 when singular), by LU with partial
 * pivoting. For orthogonal matrices this is exact in practice: |det| = 1 is far from 0.
 *
 * @example
 * determinantSign(fromArrays([[0, 1], [1, 0]])); // -1
 */
export function determinantSign(a: Matrix): number {
  const n = a.rows;
  if (a.cols !== n) throw new LinalgError(`determinantSign: the matrix is ${a.rows} x ${a.cols}, not square`);
  const lu = a.data.slice();
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let piv = k;
    let best = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const x = Math.abs(lu[i * n + k]);
      if (x > best) {
        best = x;
        piv = i;
      }
    }
    if (best === 0) return 0;
    if (piv !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j];
        lu[k * n + j] = lu[piv * n + j];
        lu[piv * n + j] = t;
      }
    }
    const d = lu[k * n + k];
    if (d < 0) sign = -sign;
    for (let i = k + 1; i < n; i++) {
      const f = lu[i * n + k] / d;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] -= f * lu[k * n + j];
    }
  }
  return sign;
}
