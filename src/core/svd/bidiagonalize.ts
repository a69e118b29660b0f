/**
 * Householder bidiagonalisation A = Q B P^T of a tall m x n matrix (m >= n), B upper bidiagonal
 * (Golub-Van Loan 5.4.8, LAPACK's dgebrd: blocked panels, then dgebd2 on the last columns). Left
 * reflectors are stored below the diagonal, right reflectors right of the superdiagonal, in
 * LAPACK's compact form.
 */
import { accumulateColumnProducts, reducePanels } from './blockedBidiagonalize';
import { makeReflector } from '../dense/householder';
import { checkCancel, type ProgressOptions } from '../progress';
import { formTransposedFactor, leftReflectorRows, rightReflectorRows } from './transposedFactor';

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
    leftUpdateAndProject(a, n, k + 1, m, k, tq, w, uOff, len, y);
    // Column k+1 after the right update is known now: turn it into the next left reflector.
    for (let i = k + 1; i < m; i++) a[i * n + k + 1] -= tp * y[i];
    tauQ[k + 1] = makeReflector(a, (k + 1) * n + k + 1, n, m - k - 1);
    // Pass 2: right update of columns k+2.. and the next step's w = v'^T A[k+1:, k+2:].
    w.fill(0);
    rightUpdateAndAccumulate(a, n, k + 1, m, tp, y, uOff, len, w);
    a[uOff] = e[k];
  }
}

/**
 * Pass 1 of a step, rows r0..m-1: A[i, k+1:] -= (tq A[i, k]) w[k+1:], then y[i] = A[i, k+1:] . u
 * with u = a[uOff : uOff + len]. Rows go in pairs so each load of w and u serves two rows: with
 * pass 2 paired too, the reduction took 0.67-0.71 of the time of one row at a time at 64 x 64 and
 * 96 x 60, 0.8-0.9 at 32 x 32 (interleaved runs).
 */
function leftUpdateAndProject(
  a: Float64Array, n: number, r0: number, m: number, k: number, tq: number, w: Float64Array, uOff: number, len: number, y: Float64Array,
): void {
  const wOff = k + 1;
  let i = r0;
  for (; i + 1 < m; i += 2) {
    const p = i * n + k + 1;
    const q = p + n;
    const f = tq * a[p - 1];
    const g = tq * a[q - 1];
    let dp = 0;
    let dq = 0;
    for (let j = 0; j < len; j++) {
      const wj = w[wOff + j];
      const uj = a[uOff + j];
      const x = a[p + j] - f * wj;
      const z = a[q + j] - g * wj;
      a[p + j] = x;
      a[q + j] = z;
      dp += x * uj;
      dq += z * uj;
    }
    y[i] = dp;
    y[i + 1] = dq;
  }
  if (i < m) {
    const p = i * n + k + 1;
    const f = tq * a[p - 1];
    let dp = 0;
    for (let j = 0; j < len; j++) {
      const x = a[p + j] - f * w[wOff + j];
      a[p + j] = x;
      dp += x * a[uOff + j];
    }
    y[i] = dp;
  }
}

/**
 * Pass 2 of a step, rows r0..m-1 (r0 = k + 1): A[i, k+2:] -= (tp y[i]) u[1:], accumulating
 * w[k+2:] += v_i A[i, k+2:] for the next left reflector v (v at row r0 is 1, below it is column
 * k+1 of A). Rows in pairs, as in pass 1.
 */
function rightUpdateAndAccumulate(
  a: Float64Array, n: number, r0: number, m: number, tp: number, y: Float64Array, uOff: number, len: number, w: Float64Array,
): void {
  const col = r0; // column k + 1 holds the next left reflector
  let i = r0;
  for (; i + 1 < m; i += 2) {
    const p = i * n + col;
    const q = p + n;
    const f = tp * y[i];
    const g = tp * y[i + 1];
    const vp = i === r0 ? 1 : a[p];
    const vq = a[q];
    for (let j = 1; j < len; j++) {
      const uj = a[uOff + j];
      const x = a[p + j] - f * uj;
      const z = a[q + j] - g * uj;
      a[p + j] = x;
      a[q + j] = z;
      w[col + j] += vp * x + vq * z;
    }
  }
  if (i < m) {
    const p = i * n + col;
    const f = tp * y[i];
    const vp = i === r0 ? 1 : a[p];
    for (let j = 1; j < len; j++) {
      const x = a[p + j] - f * a[uOff + j];
      a[p + j] = x;
      w[col + j] += vp * x;
    }
  }
}

/**
 * Q^T (n x m, row-major: row j is the j-th column of Q) from the left reflectors, formed directly
 * in transposed form (transposedFactor.ts), because the bidiagonal QR iteration rotates its rows.
 *
 * @example
 * const qt = formQTransposed(bidiagonalize(a, m, n)); // n x m
 */
export function formQTransposed(b: Bidiagonal): Float64Array {
  const { m, n, a, tauQ } = b;
  return formTransposedFactor(leftReflectorRows(a, m, n, n), tauQ, m, n, 0, n);
}

/**
 * P^T (n x n) from the right reflectors: row j of the result is the j-th column of P.
 *
 * @example
 * const pt = formPTransposed(bidiagonalize(a, m, n)); // n x n
 */
export function formPTransposed(b: Bidiagonal): Float64Array {
  const { n, a, tauP } = b;
  return formTransposedFactor(rightReflectorRows(a, n), tauP, n, n - 1, 1, n);
}
