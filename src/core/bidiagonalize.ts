/**
 * Householder bidiagonalisation A = Q B P^T of a tall m x n matrix (m >= n), B upper bidiagonal
 * (Golub-Van Loan 5.4.8, LAPACK's dgebd2). Left reflectors are stored below the diagonal, right
 * reflectors right of the superdiagonal, in LAPACK's compact form.
 */
import { applyReflectorLeft, applyReflectorRight, makeReflector } from './householder';
import { checkCancel, type ProgressOptions } from './progress';

/** The compact result: reflectors in `a`, taus aside, and the bidiagonal (d, e). */
export interface Bidiagonal {
  m: number;
  n: number;
  a: Float64Array;
  d: Float64Array;
  e: Float64Array;
  tauQ: Float64Array;
  tauP: Float64Array;
}

/**
 * Reduces the m x n row-major `a` (m >= n) to upper bidiagonal form in place.
 *
 * @example
 * const b = bidiagonalize(new Float64Array([3, 0, 4, 5]), 2, 2);
 * // |b.d| and |b.e| describe a bidiagonal with the singular values of [[3, 0], [4, 5]]
 */
export function bidiagonalize(a: Float64Array, m: number, n: number, options: ProgressOptions = {}): Bidiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const tauQ = new Float64Array(n);
  const tauP = new Float64Array(n);
  const v = new Float64Array(m);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if ((k & 15) === 0) {
      checkCancel('svd', options);
      options.onProgress?.(0.4 * (k / n), 'bidiagonalisation');
    }
    // Left reflector: zero column k below the diagonal.
    tauQ[k] = makeReflector(a, k * n + k, n, m - k);
    d[k] = a[k * n + k];
    if (tauQ[k] !== 0 && k + 1 < n) {
      v[0] = 1;
      for (let i = 1; i < m - k; i++) v[i] = a[(k + i) * n + k];
      applyReflectorLeft(a, n, k, m - k, k + 1, n, v, 0, tauQ[k], w);
    }
    if (k + 1 >= n) continue;
    // Right reflector: zero row k right of the superdiagonal. Its vector is contiguous in row k.
    const off = k * n + k + 1;
    tauP[k] = makeReflector(a, off, 1, n - k - 1);
    e[k] = a[off];
    if (tauP[k] !== 0) {
      a[off] = 1;
      applyReflectorRight(a, n, k + 1, m, k + 1, n - k - 1, a, off, tauP[k]);
      a[off] = e[k];
    }
  }
  return { m, n, a, d, e, tauQ, tauP };
}

/**
 * Q^T (n x m, row-major: row j is the j-th column of Q) from the left reflectors, by backward
 * accumulation on Q^T's rows (each reflector then acts from the right on contiguous rows).
 *
 * @example
 * const qt = formQTransposed(bidiagonalize(a, m, n)); // n x m
 */
export function formQTransposed(b: Bidiagonal): Float64Array {
  const { m, n, a, tauQ } = b;
  const qt = new Float64Array(n * m);
  for (let i = 0; i < n; i++) qt[i * m + i] = 1;
  const v = new Float64Array(m);
  for (let k = n - 1; k >= 0; k--) {
    if (tauQ[k] === 0) continue;
    v[0] = 1;
    for (let i = 1; i < m - k; i++) v[i] = a[(k + i) * n + k];
    // Q_k = H_k Q_{k+1} only changes rows k.. of Q, i.e. columns k.. of Q^T, in rows k.. of Q^T.
    applyReflectorRight(qt, m, k, n, k, m - k, v, 0, tauQ[k]);
  }
  return qt;
}

/**
 * P^T (n x n) from the right reflectors: row j of the result is the j-th column of P.
 *
 * @example
 * const pt = formPTransposed(bidiagonalize(a, m, n)); // n x n
 */
export function formPTransposed(b: Bidiagonal): Float64Array {
  const { n, a, tauP } = b;
  const pt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) pt[i * n + i] = 1;
  const v = new Float64Array(n);
  for (let k = n - 2; k >= 0; k--) {
    if (tauP[k] === 0) continue;
    const len = n - k - 1;
    v[0] = 1;
    for (let j = 1; j < len; j++) v[j] = a[k * n + k + 1 + j];
    applyReflectorRight(pt, n, k + 1, n, k + 1, len, v, 0, tauP[k]);
  }
  return pt;
}
