/**
 * Small tools on factor pairs (X m x k, Y n x k, approximation X Y^T) shared by the methods:
 * the product, orthonormal bases, the balanced form and factors from a truncated SVD.
 */
import { choleskyQr2 } from '../dense/choleskyQr';
import { gemm } from '../dense/gemm';
import type { Matrix } from '../dense/matrix';
import { orthonormalBasis } from '../dense/qr';
import { svd } from '../svd/svd';
import type { SvdResult } from '../svd/svdTypes';
import { LinalgError } from '../errors';

/** out (m x n) = X Y^T for row-major X (m x k) and Y (n x k). */
export function productInto(x: Float64Array, y: Float64Array, m: number, n: number, k: number, out: Float64Array): Float64Array {
  gemm(m, n, k, 1, { data: x, offset: 0, ld: k, trans: false }, { data: y, offset: 0, ld: k, trans: true }, 0, out, 0, n);
  return out;
}

/**
 * An orthonormal basis (rows x cols) of a space containing the columns of `y`: CholeskyQR2 (all GEMM)
 * when y is moderately conditioned, else Householder QR, whose Q is orthonormal even when y is rank
 * deficient (then it spans y's columns plus other directions). `y` is not changed.
 */
export function orthonormalColumns(y: Float64Array, rows: number, cols: number): Float64Array {
  return choleskyQr2(y, rows, cols)?.q ?? orthonormalBasis(y.slice(), rows, cols);
}

/**
 * The same product X Y^T written as X' = Q_x U sqrt(S), Y' = Q_y V sqrt(S), from QRs X = Q_x R_x,
 * Y = Q_y R_y and the SVD R_x R_y^T = U S V^T (k x k): both factors then carry the same scale, with
 * orthogonal columns in order of importance, so the result does not depend on how a method happened
 * to split the product.
 */
export function balancedFactors(x: Float64Array, y: Float64Array, m: number, n: number, k: number): { x: Matrix; y: Matrix } {
  const qx = orthonormalColumns(x, m, k);
  const qy = orthonormalColumns(y, n, k);
  // R_x = Q_x^T X and R_y = Q_y^T Y (k x k); exact also when Householder completed a rank-deficient basis.
  const rx = new Float64Array(k * k);
  const ry = new Float64Array(k * k);
  gemm(k, k, m, 1, { data: qx, offset: 0, ld: k, trans: true }, { data: x, offset: 0, ld: k, trans: false }, 0, rx, 0, k);
  gemm(k, k, n, 1, { data: qy, offset: 0, ld: k, trans: true }, { data: y, offset: 0, ld: k, trans: false }, 0, ry, 0, k);
  const core = new Float64Array(k * k);
  gemm(k, k, k, 1, { data: rx, offset: 0, ld: k, trans: false }, { data: ry, offset: 0, ld: k, trans: true }, 0, core, 0, k);
  const f = svd({ rows: k, cols: k, data: core });
  const root = f.s.map(Math.sqrt);
  const us = scaleColumns(f.u.data, k, k, root);
  const vs = scaleColumns(f.v.data, k, k, root);
  const bx = new Float64Array(m * k);
  const by = new Float64Array(n * k);
  gemm(m, k, k, 1, { data: qx, offset: 0, ld: k, trans: false }, { data: us, offset: 0, ld: k, trans: false }, 0, bx, 0, k);
  gemm(n, k, k, 1, { data: qy, offset: 0, ld: k, trans: false }, { data: vs, offset: 0, ld: k, trans: false }, 0, by, 0, k);
  return { x: { rows: m, cols: k, data: bx }, y: { rows: n, cols: k, data: by } };
}

/** A copy of the rows x cols block with column j multiplied by s[j]. */
export function scaleColumns(data: Float64Array, rows: number, cols: number, s: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = data[i * cols + j] * s[j];
  }
  return out;
}

/** X = U_k sqrt(S_k), Y = V_k sqrt(S_k) from a thin SVD: the rank-k truncation as balanced factors. */
export function truncatedSvdFactors(f: SvdResult, k: number): { x: Float64Array; y: Float64Array } {
  if (!f.u || !f.v) throw new LinalgError('weighted: the SVD given has no singular vectors');
  const p = f.s.length;
  if (k > p) throw new LinalgError(`weighted: the SVD given has ${p} singular values, rank ${k} needs ${k}`);
  const root = Array.from(f.s.subarray(0, k), Math.sqrt);
  return { x: leadingColumns(f.u.data, f.rows, p, k, root), y: leadingColumns(f.v.data, f.cols, p, k, root) };
}

/** The first k of p columns of a rows x p block, column j scaled by s[j]. */
function leadingColumns(data: Float64Array, rows: number, p: number, k: number, s: readonly number[]): Float64Array {
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < k; j++) out[i * k + j] = data[i * p + j] * s[j];
  }
  return out;
}

/** The rank-k truncation of the m x n matrix z as factors, by a full SVD (exact, O(m n min(m, n))). */
export function exactRankK(z: Float64Array, m: number, n: number, k: number): { x: Float64Array; y: Float64Array } {
  return truncatedSvdFactors(svd({ rows: m, cols: n, data: z }), k);
}
