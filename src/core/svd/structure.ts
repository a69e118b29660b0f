/**
 * Matrices whose SVD needs no O(m n^2) work: the zero matrix (all singular values 0, U and V the
 * leading columns of the identity, as numpy's dgesdd returns them) and a rank-one matrix x y^T (a
 * constant matrix, an outer product): sigma_1 = ||x|| ||y||, u_1 = x / ||x||, v_1 = y / ||y||, and
 * the other columns of U and V an orthonormal completion from one Householder reflector each.
 * Recognising them takes one pass over A plus, for a matrix that is neither, usually a row or two.
 */
import { EPS } from '../dense/scalar';
import type { Matrix } from '../dense/matrix';
import type { MatrixStructure } from './svdCost';
import type { SvdResult } from './svdTypes';

export type { MatrixStructure };

/**
 * A rank-one matrix is accepted when ||A - c y^T||_F <= RANK_ONE_TOLERANCE eps ||A||_F, with y its
 * largest row and c_i = a_{i j0} / y_{j0} at y's largest entry. A rounded outer product fl(x_i y_j)
 * passes (each entry is off by eps/2 relative, and c_i by about eps); the singular values given
 * instead of the matrix's own are then off by at most 4 eps sigma_1 (Weyl), below the exact
 * algorithms' own error of about p eps sigma_1.
 */
export const RANK_ONE_TOLERANCE = 4;

/** Entries outside this range are left to the general path, whose scaling handles them. */
const SAFE_MAX = 2 ** 200;
const SAFE_MIN = 2 ** -200;

interface RankOne {
  /** c (m), the multiple of y each row is. */
  c: Float64Array;
  /** The row y = A[r0, :] (a view). */
  y: Float64Array;
}

/**
 * Whether A is zero, exactly (to rounding) rank one, or general. `rankOne: false` checks only for
 * zero (one pass that stops at the first nonzero entry).
 *
 * @example
 * matrixStructure(zeros(3, 4));                          // 'zero'
 * matrixStructure(fromArrays([[1, 2], [2, 4], [3, 6]])); // 'rank-one'
 * matrixStructure(identity(3));                          // 'general'
 */
export function matrixStructure(a: Matrix, options: { rankOne?: boolean } = {}): MatrixStructure {
  if (isZero(a.data)) return 'zero';
  if (options.rankOne === false) return 'general';
  return rankOneFactors(a) ? 'rank-one' : 'general';
}

function isZero(data: Float64Array): boolean {
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) return false;
  return true;
}

/** c and y with A = c y^T to RANK_ONE_TOLERANCE, or null. */
function rankOneFactors(a: Matrix): RankOne | null {
  const { rows: m, cols: n, data } = a;
  // Pass 1: the largest row (by squared norm) and ||A||_F^2; entries near over- or underflow go
  // to the general path.
  let total = 0;
  let best = -1;
  let bestNorm = -1;
  let maxAbs = 0;
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (let j = 0, k = i * n; j < n; j++, k++) {
      const x = data[k];
      sum += x * x;
      const ax = Math.abs(x);
      if (ax > maxAbs) maxAbs = ax;
    }
    total += sum;
    if (sum > bestNorm) {
      bestNorm = sum;
      best = i;
    }
  }
  if (maxAbs >= SAFE_MAX || maxAbs <= SAFE_MIN) return null;
  const y = data.subarray(best * n, best * n + n);
  let j0 = 0;
  for (let j = 1; j < n; j++) if (Math.abs(y[j]) > Math.abs(y[j0])) j0 = j;
  const pivot = y[j0];
  const budget = (RANK_ONE_TOLERANCE * EPS) ** 2 * total;
  // Pass 2: each row against its multiple of y, stopping as soon as the residual is too big (for
  // a general matrix, within the first row or two).
  const c = new Float64Array(m);
  let residual = 0;
  for (let i = 0; i < m; i++) {
    const ci = data[i * n + j0] / pivot;
    c[i] = ci;
    for (let j = 0, k = i * n; j < n; j++, k++) {
      const r = data[k] - ci * y[j];
      residual += r * r;
    }
    if (residual > budget) return null;
  }
  return { c, y };
}

/** ||x||_2 with scaling (the entries are within [2^-200, 2^200], but their squares' sum need not be). */
function norm(x: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0) return 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i] / scale;
    sum += t * t;
  }
  return scale * Math.sqrt(sum);
}

/**
 * The rows x p matrix whose first column is the unit vector `u` and whose other columns complete
 * it to an orthonormal set: columns 1.. of the reflector H = I - 2 w w^T / (w^T w), w = u + sign(u_0) e_0,
 * which maps e_0 to -sign(u_0) u.
 */
function completeBasis(u: Float64Array, p: number): Float64Array {
  const rows = u.length;
  const out = new Float64Array(rows * p);
  const sign = u[0] >= 0 ? 1 : -1;
  const w0 = u[0] + sign;
  // w^T w = 2 + 2 |u_0| for a unit u.
  const f = 2 / (2 + 2 * Math.abs(u[0]));
  for (let i = 0; i < rows; i++) {
    const wi = i === 0 ? w0 : u[i];
    const row = i * p;
    out[row] = u[i];
    for (let j = 1; j < p; j++) out[row + j] = (i === j ? 1 : 0) - f * wi * u[j];
  }
  return out;
}

/**
 * The thin SVD of A when it is zero or (with `rankOne`) rank one, in O(m n) to recognise it and
 * O((m + n) p) to write U and V, as `svd` returns them before its canonical signs (which the
 * caller applies); null for any other matrix.
 *
 * @example
 * structuredSvd(zeros(3, 2), { vectors: true, rankOne: true });
 * // s = [0, 0], u = [[1, 0], [0, 1], [0, 0]], v = [[1, 0], [0, 1]] (numpy's answer too)
 */
export function structuredSvd(a: Matrix, options: { vectors: boolean; rankOne: boolean }): SvdResult | null {
  const { rows: m, cols: n } = a;
  const p = Math.min(m, n);
  const s = new Float64Array(p);
  const { vectors } = options;
  if (isZero(a.data)) {
    if (!vectors) return { rows: m, cols: n, u: null, s, v: null };
    return { rows: m, cols: n, u: leadingIdentity(m, p), s, v: leadingIdentity(n, p) };
  }
  if (!options.rankOne) return null;
  const factors = rankOneFactors(a);
  if (!factors) return null;
  const x = factors.c;
  const y = factors.y;
  const nx = norm(x);
  const ny = norm(y);
  s[0] = nx * ny;
  if (!vectors) return { rows: m, cols: n, u: null, s, v: null };
  const u1 = new Float64Array(m);
  for (let i = 0; i < m; i++) u1[i] = x[i] / nx;
  const v1 = new Float64Array(n);
  for (let j = 0; j < n; j++) v1[j] = y[j] / ny;
  return { rows: m, cols: n, u: { rows: m, cols: p, data: completeBasis(u1, p) }, s, v: { rows: n, cols: p, data: completeBasis(v1, p) } };
}

/** The leading rows x p block of the identity, row-major. */
function leadingIdentity(rows: number, p: number): Matrix {
  const data = new Float64Array(rows * p);
  for (let i = 0; i < p; i++) data[i * p + i] = 1;
  return { rows, cols: p, data };
}
