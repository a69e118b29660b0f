/**
 * Householder QR: A = Q R with Q orthonormal columns and R upper triangular (Golub-Van Loan 5.2).
 * The reflectors are kept in LAPACK's compact form (v below the diagonal, tau aside) so that Q can
 * be formed thin, complete, or applied without forming it.
 */
import { assertMatrix } from '../errors';
import { columnReflectors, formFromReflectors } from './blockReflectors';
import { blockedQr } from './blockedQr';
import type { Matrix } from './matrix';
import type { ProgressOptions } from '../progress';

/** A factored matrix: R on and above the diagonal of `a`, reflector vectors below it. */
export interface HouseholderQr {
  m: number;
  n: number;
  a: Float64Array;
  tau: Float64Array;
}

/**
 * Householder QR in place on the m x n row-major array `a` (overwritten by the compact form).
 *
 * @example
 * const f = householderQrInPlace(new Float64Array([3, 4]), 2, 1); // R = [[-5]], tau = [1.6]
 */
export function householderQrInPlace(a: Float64Array, m: number, n: number, options: ProgressOptions = {}): HouseholderQr {
  const tau = new Float64Array(Math.min(m, n));
  blockedQr(a, m, n, tau, options);
  return { m, n, a, tau };
}

/**
 * Forms the first `cols` columns of Q = H_0 H_1 ... H_{p-1} (m x cols, cols between p and m) by
 * blocked backward accumulation (compact WY, see blockReflectors.ts).
 *
 * @example
 * formQ(householderQrInPlace(new Float64Array([3, 4]), 2, 1), 1); // [-0.6, -0.8]
 */
export function formQ(f: HouseholderQr, cols: number): Float64Array {
  const { m, n, a, tau } = f;
  const p = Math.min(m, n);
  return formFromReflectors(columnReflectors(a, m, n, p), tau, m, p, 0, cols);
}

/**
 * The upper-triangular factor R (rows x n with rows = p for thin, m for complete).
 *
 * @example
 * extractR(householderQrInPlace(new Float64Array([3, 4]), 2, 1), 1); // [-5]
 */
export function extractR(f: HouseholderQr, rows: number): Float64Array {
  const { m, n, a } = f;
  const r = new Float64Array(rows * n);
  for (let i = 0; i < Math.min(rows, m); i++) {
    for (let j = i; j < n; j++) r[i * n + j] = a[i * n + j];
  }
  return r;
}

/** Options of {@link qr}. */
export interface QrOptions extends ProgressOptions {
  /** 'thin' (default): Q is m x p, R is p x n with p = min(m, n). 'complete': Q is m x m, R is m x n. */
  mode?: 'thin' | 'complete';
  /**
   * Make diag(R) non-negative by flipping columns of Q and rows of R (then Q of a Gaussian matrix
   * is Haar distributed). Default true.
   */
  positiveDiagonal?: boolean;
}

/**
 * Householder QR of any m x n matrix.
 *
 * @example
 * const { q, r } = qr(fromArrays([[3], [4]]));
 * // q = [[0.6], [0.8]], r = [[5]]  (diagonal of R made non-negative)
 */
export function qr(a: Matrix, options: QrOptions = {}): { q: Matrix; r: Matrix } {
  assertMatrix('qr', a);
  const { rows: m, cols: n } = a;
  const complete = options.mode === 'complete';
  const f = householderQrInPlace(a.data.slice(), m, n, options);
  const qCols = complete ? m : Math.min(m, n);
  const q = formQ(f, qCols);
  const r = extractR(f, qCols);
  if (options.positiveDiagonal ?? true) {
    for (let k = 0; k < Math.min(m, n); k++) {
      if (r[k * n + k] >= 0) continue;
      for (let j = k; j < n; j++) r[k * n + j] = -r[k * n + j];
      for (let i = 0; i < m; i++) q[i * qCols + k] = -q[i * qCols + k];
    }
  }
  return { q: { rows: m, cols: qCols, data: q }, r: { rows: qCols, cols: n, data: r } };
}

/**
 * An orthonormal basis (m x p, p = min(m, n)) of the column space of the m x n row-major `y`
 * (the thin Q of its QR factorisation). `y` is overwritten.
 *
 * @example
 * orthonormalBasis(new Float64Array([3, 4]), 2, 1); // [-0.6, -0.8]
 */
export function orthonormalBasis(y: Float64Array, m: number, n: number): Float64Array {
  return formQ(householderQrInPlace(y, m, n), Math.min(m, n));
}
