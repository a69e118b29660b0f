/**
 * Householder bidiagonalisation A = Q B P^T of a tall m x n matrix (m >= n), B upper bidiagonal
 * (Golub-Van Loan 5.4.8, LAPACK's dgebrd: blocked panels, then dgebd2 on the last columns). Left
 * reflectors are stored below the diagonal, right reflectors right of the superdiagonal, in
 * LAPACK's compact form.
 */
import { accumulateColumnProducts, reducePanels } from './blockedBidiagonalize';
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

/** Block size and crossover of the blocked reduction (see {@link bidiagonalize}). */
export interface BidiagonalBlocking {
  /** Columns per panel. */
  blockSize: number;
  /** Panels run while more than max(blockSize, crossover) columns remain; the rest is unblocked. */
  crossover: number;
}

/**
 * Measured on the bench machine (Gaussian n x n, bidiagonalisation alone, interleaved runs on a
 * shared machine, so +-5% is noise):
 * - block size (medians) 12 / 16 / 24 / 32: 256: 18.3 / 19.2 / 20.3 / 21.5 ms; 512: 140 / 160 / 173 /
 *   154 ms; 768: 466 / 448 / 458 / 490 ms; 1024: 1.10 / 1.09 / 1.11 / 1.14 s. Smaller than
 *   LAPACK's 32 because the panel's own work (the V, X, Y, U corrections, O(nb) per row and
 *   column of every step) is scalar code here, while the GEMM gains little from a longer inner
 *   dimension (4.2 GFLOP/s at k = 16, 4.7 at 32).
 * - crossover (block size 16, fastest of 41 runs), n = 80 / 96 / 128 / 192: 32: 0.91 / 1.41 / 2.91 / 8.53 ms;
 *   64: 0.93 / 1.47 / 2.95 / 8.55 ms; 96: 1.08 / 1.73 / 3.32 / 8.86 ms; unblocked: 1.02 / 1.72 /
 *   4.09 / 13.6 ms. Panels pay from about 80 columns on, far below LAPACK's 128, because the
 *   sweeps fuse both products; 64 keeps the small sizes on the simple loop at no measurable cost.
 */
export const BIDIAGONAL_BLOCKING: BidiagonalBlocking = { blockSize: 16, crossover: 64 };

/**
 * Reduces the m x n row-major `a` (m >= n) to upper bidiagonal form in place: blocked panels
 * (blockedBidiagonalize.ts, dgebrd) while many columns remain, the unblocked loop for the rest.
 *
 * @example
 * const b = bidiagonalize(new Float64Array([3, 0, 4, 5]), 2, 2);
 * // |b.d| and |b.e| describe a bidiagonal with the singular values of [[3, 0], [4, 5]]
 */
export function bidiagonalize(
  a: Float64Array, m: number, n: number, options: ProgressOptions = {}, blocking: BidiagonalBlocking = BIDIAGONAL_BLOCKING,
): Bidiagonal {
  const b: Bidiagonal = {
    m, n, a,
    d: new Float64Array(n),
    e: new Float64Array(Math.max(n - 1, 0)),
    tauQ: new Float64Array(n),
    tauP: new Float64Array(n),
  };
  const k0 = reducePanels(b, blocking.blockSize, blocking.crossover, options);
  reduceUnblocked(b, k0, options);
  return b;
}

/**
 * The unblocked reduction (dgebd2) of columns k0.. of b.a, whose rows and columns k0.. are current.
 *
 * The textbook loop sweeps the trailing matrix four times per step: w = v^T A, A -= v w^T,
 * y = A u, A -= y u^T. Here each row is visited twice per step ("BLAS 2.5", Howell et al. 2008):
 * pass 1 applies the left reflector to a row and immediately takes its dot product with the right
 * reflector u; pass 2 applies the right reflector and immediately accumulates v'^T A for the next
 * step's left reflector v' (whose column is known as soon as the y_i are). Same arithmetic, half the
 * loads and stores of the trailing matrix.
 */
function reduceUnblocked(b: Bidiagonal, k0: number, options: ProgressOptions): void {
  const { m, n, a, d, e, tauQ, tauP } = b;
  if (k0 >= n) return;
  const w = new Float64Array(n); // w[j] = v_k^T A[k:, j] for the current left reflector v_k
  const y = new Float64Array(m);
  // Step k0's w = v^T A needs its own pass; later steps get theirs from the previous step's second pass.
  tauQ[k0] = makeReflector(a, k0 * n + k0, n, m - k0);
  accumulateColumnProducts(a, m, n, k0, w);
  for (let j = k0 + 1; j < n; j++) w[j] += a[k0 * n + j]; // the v_k0 = 1 term
  for (let k = k0; k < n; k++) {
    if (((k - k0) & 15) === 0) {
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
