/**
 * Householder bidiagonalisation A = Q B P^T of a tall m x n matrix (m >= n), B upper bidiagonal
 * (Golub-Van Loan 5.4.8, LAPACK's dgebd2). Left reflectors are stored below the diagonal, right
 * reflectors right of the superdiagonal, in LAPACK's compact form.
 */
import { columnReflectors, formFromReflectors, rowReflectors } from './blockReflectors';
import { makeReflector } from './householder';
import { transposeInto } from './matrix';
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
 * The textbook loop (dgebd2) sweeps the trailing matrix four times per step: w = v^T A, A -= v w^T,
 * y = A u, A -= y u^T. Here each row is visited twice per step ("BLAS 2.5", Howell et al. 2008):
 * pass 1 applies the left reflector to a row and immediately takes its dot product with the right
 * reflector u; pass 2 applies the right reflector and immediately accumulates v'^T A for the next
 * step's left reflector v' (whose column is known as soon as the y_i are). Same arithmetic, half the
 * memory traffic, which is what limits this memory-bound phase.
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
  const w = new Float64Array(n); // w[j] = v_k^T A[k:, j] for the current left reflector v_k
  const y = new Float64Array(m);
  // Step 0's w needs its own pass; later steps get theirs from the previous step's second pass.
  tauQ[0] = makeReflector(a, 0, n, m);
  accumulateVtA(a, m, n, 0, w);
  for (let k = 0; k < n; k++) {
    if ((k & 15) === 0) {
      checkCancel('svd', options);
      options.onProgress?.(0.4 * (k / n), 'bidiagonalisation');
    }
    const tq = tauQ[k];
    d[k] = a[k * n + k];
    if (k + 1 >= n) break;
    // Row k: apply the left reflector (v_0 = 1), then build the right reflector u from it.
    const rowK = k * n;
    for (let j = k + 1; j < n; j++) a[rowK + j] -= tq * w[j];
    const uOff = rowK + k + 1;
    const len = n - k - 1;
    const tp = (tauP[k] = makeReflector(a, uOff, 1, len));
    e[k] = a[uOff];
    a[uOff] = 1; // u_0 = 1 while u is used below; e[k] goes back at the end of the step
    // Pass 1: left update of rows k+1.., and y_i = A[i, k+1:] . u.
    for (let i = k + 1; i < m; i++) {
      const row = i * n;
      const f = tq * a[row + k];
      let dot = 0;
      for (let j = 0; j < len; j++) {
        const x = a[row + k + 1 + j] - f * w[k + 1 + j];
        a[row + k + 1 + j] = x;
        dot += x * a[uOff + j];
      }
      y[i] = dot;
    }
    // Column k+1 after the right update is known now: turn it into the next left reflector.
    for (let i = k + 1; i < m; i++) a[i * n + k + 1] -= tp * y[i];
    tauQ[k + 1] = makeReflector(a, (k + 1) * n + k + 1, n, m - k - 1);
    // Pass 2: right update of columns k+2.. and the next step's w = v'^T A[k+1:, k+2:].
    w.fill(0);
    for (let i = k + 1; i < m; i++) {
      const row = i * n;
      const g = tp * y[i];
      const vi = i === k + 1 ? 1 : a[row + k + 1];
      for (let j = 1; j < len; j++) {
        const x = a[row + k + 1 + j] - g * a[uOff + j];
        a[row + k + 1 + j] = x;
        w[k + 1 + j] += vi * x;
      }
    }
    a[uOff] = e[k];
  }
  return { m, n, a, d, e, tauQ, tauP };
}

/** w[j] = sum_i v_i A[i][j] over rows k.. and columns k+1.., for the reflector stored in column k. */
function accumulateVtA(a: Float64Array, m: number, n: number, k: number, w: Float64Array): void {
  w.fill(0);
  for (let i = k; i < m; i++) {
    const row = i * n;
    const vi = i === k ? 1 : a[row + k];
    if (vi === 0) continue;
    for (let j = k + 1; j < n; j++) w[j] += vi * a[row + j];
  }
}

/**
 * Q^T (n x m, row-major: row j is the j-th column of Q) from the left reflectors. Q is formed with
 * blocked compact-WY updates and transposed, because the bidiagonal QR iteration rotates its rows.
 *
 * @example
 * const qt = formQTransposed(bidiagonalize(a, m, n)); // n x m
 */
export function formQTransposed(b: Bidiagonal): Float64Array {
  const { m, n, a, tauQ } = b;
  const q = formFromReflectors(columnReflectors(a, m, n, n), tauQ, m, n, 0, n);
  const qt = new Float64Array(n * m);
  transposeInto(q, m, n, qt);
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
  const p = formFromReflectors(rowReflectors(a, n), tauP, n, n - 1, 1, n);
  const pt = new Float64Array(n * n);
  transposeInto(p, n, n, pt);
  return pt;
}
