/**
 * Subspaces from the SVD: numerical rank, the four fundamental subspaces (Strang), and principal
 * angles between two subspaces (Bjorck & Golub 1973, with the sine formula of Knyazev & Argentati
 * 2002 so small angles keep their accuracy).
 */
import { assertMatrix, LinalgError, shapeText } from '../errors';
import { gemm } from '../dense/gemm';
import { columns, type Matrix } from '../dense/matrix';
import { formQ, householderQrInPlace } from '../dense/qr';
import { EPS } from '../dense/scalar';
import { svd } from './svd';
import type { SvdResult } from './svdTypes';

/**
 * The number of singular values above `tol` (default max(m, n) sigma_1 eps, numpy's matrix_rank).
 *
 * @example
 * numericalRank(svd(fromArrays([[1, 2], [2, 4]]))); // 1
 */
export function numericalRank(result: Pick<SvdResult, 's' | 'rows' | 'cols'>, tol?: number): number {
  const s = result.s;
  if (s.length === 0) return 0;
  const t = tol ?? Math.max(result.rows, result.cols) * s[0] * EPS;
  if (!(t >= 0)) throw new LinalgError(`numericalRank: tolerance must be >= 0, got ${t}`);
  let r = 0;
  while (r < s.length && s[r] > t) r++;
  return r;
}

/** Orthonormal bases (as columns) of the four fundamental subspaces of an m x n matrix of rank r. */
export interface FundamentalSubspaces {
  rank: number;
  /** m x r: span(u_1..u_r). */
  columnSpace: Matrix;
  /** m x (m - r): span(u_{r+1}..u_m). */
  leftNullSpace: Matrix;
  /** n x r: span(v_1..v_r). */
  rowSpace: Matrix;
  /** n x (n - r): span(v_{r+1}..v_n). */
  nullSpace: Matrix;
  /** The SVD they come from (thin, canonical signs). */
  svd: SvdResult;
}

/**
 * The four fundamental subspaces from one SVD. The thin SVD gives only p = min(m, n) columns of U
 * and V, so the bigger factor is completed to a full orthonormal basis by a complete QR of its thin
 * part (the trailing columns of that Q are orthogonal to all of U, resp. V).
 *
 * @example
 * const f = fundamentalSubspaces(fromArrays([[1, 2], [2, 4], [3, 6]]));
 * // f.rank = 1; columnSpace 3 x 1 ~ (1, 2, 3)/sqrt 14; nullSpace 2 x 1 ~ (-2, 1)/sqrt 5 (up to sign)
 */
export function fundamentalSubspaces(a: Matrix, options: { tol?: number } = {}): FundamentalSubspaces {
  assertMatrix('fundamentalSubspaces', a);
  const f = svd(a);
  const r = numericalRank(f, options.tol);
  const p = f.s.length;
  return {
    rank: r,
    columnSpace: columns(f.u, 0, r),
    leftNullSpace: complement(f.u, r, p),
    rowSpace: columns(f.v, 0, r),
    nullSpace: complement(f.v, r, p),
    svd: f,
  };
}

/** Columns [r, p) of the m x p orthonormal `q`, followed by an orthonormal basis of span(q)^perp. */
function complement(q: Matrix, r: number, p: number): Matrix {
  const m = q.rows;
  const out = new Float64Array(m * (m - r));
  const width = m - r;
  for (let i = 0; i < m; i++) for (let j = r; j < p; j++) out[i * width + j - r] = q.data[i * p + j];
  if (m > p) {
    const full = formQ(householderQrInPlace(q.data.slice(), m, p), m);
    for (let i = 0; i < m; i++) for (let j = p; j < m; j++) out[i * width + j - r] = full[i * m + j];
  }
  return { rows: m, cols: width, data: out };
}

/** Principal angles and vectors between two subspaces. */
export interface PrincipalAngles {
  /** min(k1, k2) angles in radians, ascending, in [0, pi/2]. */
  angles: Float64Array;
  /** Their cosines (descending). */
  cosines: Float64Array;
  /** m x min(k1, k2): principal vectors in the first subspace. */
  vectors1: Matrix;
  /** m x min(k1, k2): principal vectors in the second subspace (vectors1[:, i] . vectors2[:, i] = cos). */
  vectors2: Matrix;
}

/**
 * Principal angles between span(b1) and span(b2) (bases as columns of m x k1 and m x k2 matrices of
 * full column rank; they are orthonormalised first). Cosines are the singular values of Q1^T Q2;
 * angles below 45 degrees are taken from the sines (singular values of Q2 - Q1 Q1^T Q2), which
 * are accurate where arccos is not.
 *
 * @example
 * const x = fromArrays([[1], [0], [0]]), xy = fromArrays([[1, 0], [0, 1], [0, 0]]);
 * principalAngles(x, xy).angles; // [0]
 * principalAngles(fromArrays([[1], [1], [0]]), x).angles; // [pi/4]
 */
export function principalAngles(b1: Matrix, b2: Matrix): PrincipalAngles {
  assertMatrix('principalAngles', b1, 'first basis');
  assertMatrix('principalAngles', b2, 'second basis');
  if (b1.rows !== b2.rows) {
    throw new LinalgError(`principalAngles: the bases live in different spaces: ${shapeText(b1.rows, b1.cols)} and ${shapeText(b2.rows, b2.cols)}`);
  }
  const swapped = b1.cols < b2.cols;
  const q1 = orthonormalColumns(swapped ? b2 : b1, swapped ? 'second' : 'first');
  const q2 = orthonormalColumns(swapped ? b1 : b2, swapped ? 'first' : 'second');
  const m = q1.rows;
  const k1 = q1.cols;
  const k2 = q2.cols;
  // M = Q1^T Q2 (k1 x k2, k1 >= k2); its SVD gives cosines and principal vectors.
  const mm = new Float64Array(k1 * k2);
  gemm(k1, k2, m, 1, { data: q1.data, offset: 0, ld: k1, trans: true }, { data: q2.data, offset: 0, ld: k2, trans: false }, 0, mm, 0, k2);
  const f = svd({ rows: k1, cols: k2, data: mm });
  // Residual R = Q2 - Q1 M: its singular values are the sines.
  const res = q2.data.slice();
  gemm(m, k2, k1, -1, { data: q1.data, offset: 0, ld: k1, trans: false }, { data: mm, offset: 0, ld: k2, trans: false }, 1, res, 0, k2);
  const sines = svd({ rows: m, cols: k2, data: res }, { vectors: false }).s;
  const cosines = new Float64Array(k2);
  const angles = new Float64Array(k2);
  for (let i = 0; i < k2; i++) {
    const c = Math.min(1, f.s[i]);
    cosines[i] = c;
    const s = Math.min(1, sines[k2 - 1 - i]);
    angles[i] = c > Math.SQRT1_2 ? Math.asin(s) : Math.acos(c);
  }
  const y1 = new Float64Array(m * k2);
  gemm(m, k2, k1, 1, { data: q1.data, offset: 0, ld: k1, trans: false }, { data: f.u.data, offset: 0, ld: k2, trans: false }, 0, y1, 0, k2);
  const y2 = new Float64Array(m * k2);
  gemm(m, k2, k2, 1, { data: q2.data, offset: 0, ld: k2, trans: false }, { data: f.v.data, offset: 0, ld: k2, trans: false }, 0, y2, 0, k2);
  const v1 = { rows: m, cols: k2, data: y1 };
  const v2 = { rows: m, cols: k2, data: y2 };
  return { angles, cosines, vectors1: swapped ? v2 : v1, vectors2: swapped ? v1 : v2 };
}

/** Thin Q of a basis; throws when the basis is numerically rank deficient. */
function orthonormalColumns(b: Matrix, which: string): Matrix {
  const { rows: m, cols: k } = b;
  if (k > m) throw new LinalgError(`principalAngles: the ${which} basis has ${k} columns in dimension ${m}`);
  const f = householderQrInPlace(b.data.slice(), m, k);
  let big = 0;
  for (let i = 0; i < k; i++) big = Math.max(big, Math.abs(f.a[i * k + i]));
  for (let i = 0; i < k; i++) {
    if (!(Math.abs(f.a[i * k + i]) > Math.max(m, k) * EPS * big)) {
      throw new LinalgError(`principalAngles: the ${which} basis (${shapeText(m, k)}) does not have full column rank`);
    }
  }
  return { rows: m, cols: k, data: formQ(f, k) };
}
