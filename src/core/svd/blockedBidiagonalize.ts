/**
 * Blocked Householder bidiagonalisation (LAPACK's dgebrd + dlabrd): a panel of nb rows and columns
 * is reduced while the effect of its reflectors on the rest of the matrix is only accumulated, as
 * A - V Y^T - X U^T (V, U the panel's left and right reflectors, Y, X their n x nb and m x nb
 * companions), and then applied to the trailing matrix by GEMM. Half of the flops move from
 * matrix-vector products into the GEMM, and the matrix-vector products that remain only read the
 * trailing matrix instead of reading and writing it.
 *
 * Each step of dlabrd has two products with the trailing matrix A: x = A u (right reflector) and,
 * in the next step, y = A^T v' (next left reflector). They are fused into one sweep over the rows
 * (Howell et al. 2008): row r gives x_r = A[r, :] u, from which the next column's entry c_r (and
 * so v'_r, up to the reflector's scale) follows at once, and c_r A[r, :] is added to y while the
 * row is still in L1. The scale 1 / (alpha - beta) of v' is known only after the sweep, so y is
 * accumulated with the unscaled column and scaled afterwards (the same numbers as dlabrd, up to
 * rounding: |alpha - beta| >= ||c||, nothing cancels). Those products multiply two entries of A
 * rather than an entry and a normalised v_r, so they need A's entries well inside the exponent
 * range: svd scales its input into [2^-200, 2^200] first, where nothing overflows; a trailing block
 * whose entries are all below about 1e-154 loses relative accuracy to underflow, which is far
 * below the normwise eps ||A|| accuracy the SVD promises.
 *
 * Measured on the bench machine (1024 x 1024, one thread): with the sweep taking one row at a
 * time, the blocked reduction was hardly faster than the unblocked "BLAS 2.5" loop (2.2 s against
 * 2.4 s), because in V8 these products are bound by instructions (scalar loads with bounds checks)
 * rather than by memory; eight rows at a time (bidiagonalSweep.ts) brought it to 0.8-1.1 s, about
 * half in the sweeps and a quarter in the GEMMs.
 */
import type { Bidiagonal } from './bidiagonalize';
import { sweep, type Panel } from './bidiagonalSweep';
import { gemm } from '../dense/gemm';
import { makeReflector } from '../dense/householder';
import { checkCancel, type ProgressOptions } from '../progress';

/**
 * Reduces the leading columns of b.a (m x n, m >= n) panel by panel, nb at a time, while more than
 * max(nb, crossover) columns remain; returns the first column left for the unblocked reduction.
 * Fills d, e, tauQ, tauP and the compact reflectors of the reduced columns exactly as the
 * unblocked code would (up to rounding).
 *
 * @example
 * const k = reducePanels(b, 16, 64); // columns 0..k-1 reduced; b.a[k:, k:] is the updated rest
 */
export function reducePanels(b: Bidiagonal, nb: number, crossover: number, options: ProgressOptions = {}): number {
  const { m, n } = b;
  const nx = Math.max(nb, crossover);
  if (n <= nx) return 0;
  const panel: Panel = {
    nb,
    yt: new Float64Array(nb * n),
    x: new Float64Array(m * nb),
    w: new Float64Array(n),
    vc: new Float64Array(nb),
    xc: new Float64Array(nb),
    yu: new Float64Array(nb),
    uu: new Float64Array(nb),
    ycol: new Float64Array(nb),
    ucol: new Float64Array(nb),
  };
  // The first panel's first column needs its own pass for A^T c; every later column gets its
  // column and A^T c from the sweep of the step before, across panel boundaries too.
  accumulateColumnProducts(b.a, m, n, 0, panel.w);
  let k0 = 0;
  // Stop while more than nx columns remain, so a panel never holds the last column and the
  // trailing matrix is never empty.
  for (; n - k0 > nx; k0 += nb) {
    checkCancel('svd', options);
    options.onProgress?.(0.4 * (k0 / n), 'bidiagonalisation');
    reducePanel(b, k0, panel);
    updateTrailing(b, k0, panel);
  }
  return k0;
}

/** dlabrd on columns k0 .. k0 + nb - 1: the panel's reflectors, d, e and the matrices X and Y. */
function reducePanel(b: Bidiagonal, k0: number, panel: Panel): void {
  const { m, n, a, e, tauP } = b;
  const { nb, yt, yu, uu } = panel;
  for (let p = 0; p < nb; p++) {
    const c = k0 + p;
    leftStep(b, k0, p, panel);
    // Row c: apply the panel's updates so far, then build its right reflector u (u_0 = 1 in place
    // until the trailing update, which needs it).
    updateRow(a, n, k0, p, panel);
    const rowC = c * n;
    const uOff = rowC + c + 1;
    const tp = (tauP[c] = makeReflector(a, uOff, 1, n - c - 1));
    e[c] = a[uOff];
    a[uOff] = 1;
    // Y^T u and U u, for the corrections of x = A u.
    for (let q = 0; q <= p; q++) {
      const yRow = q * n;
      const uRow = (k0 + q) * n;
      let sy = 0;
      let su = 0;
      for (let j = c + 1; j < n; j++) {
        const uj = a[rowC + j];
        sy += yt[yRow + j] * uj;
        su += a[uRow + j] * uj;
      }
      yu[q] = sy;
      uu[q] = su; // uu[p] (u against itself) is unused: X's row update has only the q < p terms
    }
    sweep(a, m, n, k0, p, tp, panel);
  }
}

/**
 * The left reflector of column c = k0 + p (already updated, unscaled, with A^T c in panel.w and
 * V^T c, X^T c in panel.vc, panel.xc over the rows below c) and column p of Y:
 * y = tauq (A^T v - Y V^T v - U^T X^T v) on columns c + 1 ...
 */
function leftStep(b: Bidiagonal, k0: number, p: number, panel: Panel): void {
  const { m, n, a, d, tauQ } = b;
  const { nb, yt, x, w, vc, xc } = panel;
  const c = k0 + p;
  const rowC = c * n;
  const alpha = a[rowC + c];
  const tq = (tauQ[c] = makeReflector(a, rowC + c, n, m - c));
  d[c] = a[rowC + c];
  const yRow = p * n;
  if (tq === 0) {
    yt.fill(0, yRow + c + 1, yRow + n);
    return;
  }
  // v = (c - alpha e_0) / (alpha - beta) + e_0, the scale makeReflector applied.
  const f = 1 / (alpha - d[c]);
  for (let j = c + 1; j < n; j++) yt[yRow + j] = a[rowC + j] + f * w[j];
  for (let q = 0; q < p; q++) {
    vc[q] = a[rowC + k0 + q] + f * vc[q]; // (V^T v)_q, v_c = 1
    xc[q] = x[c * nb + q] + f * xc[q]; // (X^T v)_q
  }
  subtractPanelTerms(yt, yRow, c + 1, n, k0, p, vc, 0, xc, 0, a, panel);
  for (let j = c + 1; j < n; j++) yt[yRow + j] *= tq;
}

/** Row c = k0 + p, columns c + 1 ..: A[c, :] -= V[c, 0:p+1] Y^T + X[c, 0:p] U (V[c, p] = 1). */
function updateRow(a: Float64Array, n: number, k0: number, p: number, panel: Panel): void {
  const { nb, yt, x } = panel;
  const c = k0 + p;
  const rowC = c * n;
  const yRow = p * n;
  for (let j = c + 1; j < n; j++) a[rowC + j] -= yt[yRow + j];
  subtractPanelTerms(a, rowC, c + 1, n, k0, p, a, rowC + k0, x, c * nb, a, panel);
}

/**
 * t[tOff + j] -= sum_{q < count} (cv[q] Y[j, q] + cx[q] U[q, j]) for j = j0 .. n - 1, where
 * cv[q] = cvData[cvOff + q] and cx[q] = cxData[cxOff + q]: a combination of the panel's columns of
 * Y and rows of U (U[q, :] is row k0 + q of a). Two terms at a time, to halve the passes over t.
 */
function subtractPanelTerms(
  t: Float64Array, tOff: number, j0: number, n: number, k0: number, count: number,
  cvData: Float64Array, cvOff: number, cxData: Float64Array, cxOff: number, a: Float64Array, panel: Panel,
): void {
  const { yt } = panel;
  let q = 0;
  for (; q + 1 < count; q += 2) {
    const v0 = cvData[cvOff + q];
    const v1 = cvData[cvOff + q + 1];
    const x0 = cxData[cxOff + q];
    const x1 = cxData[cxOff + q + 1];
    const y0 = q * n;
    const y1 = y0 + n;
    const u0 = (k0 + q) * n;
    const u1 = u0 + n;
    for (let j = j0; j < n; j++) t[tOff + j] -= (v0 * yt[y0 + j] + x0 * a[u0 + j]) + (v1 * yt[y1 + j] + x1 * a[u1 + j]);
  }
  if (q < count) {
    const v0 = cvData[cvOff + q];
    const x0 = cxData[cxOff + q];
    const y0 = q * n;
    const u0 = (k0 + q) * n;
    for (let j = j0; j < n; j++) t[tOff + j] -= v0 * yt[y0 + j] + x0 * a[u0 + j];
  }
}

/**
 * A[s:, s+1:] -= V Y^T + X U^T for s = k0 + nb (dgebrd's two GEMMs; column s is already current,
 * from the panel's last sweep), then the superdiagonal, which held the right reflectors' unit
 * entries, gets e back.
 */
function updateTrailing(b: Bidiagonal, k0: number, panel: Panel): void {
  const { m, n, a, e } = b;
  const { nb, yt, x } = panel;
  const s = k0 + nb;
  const offC = s * n + s + 1;
  const V = { data: a, offset: s * n + k0, ld: n, trans: false };
  const U = { data: a, offset: k0 * n + s + 1, ld: n, trans: false };
  gemm(m - s, n - s - 1, nb, -1, V, { data: yt, offset: s + 1, ld: n, trans: false }, 1, a, offC, n);
  gemm(m - s, n - s - 1, nb, -1, { data: x, offset: s * nb, ld: nb, trans: false }, U, 1, a, offC, n);
  correctNextProducts(b, k0, panel);
  for (let c = k0; c < s; c++) a[c * n + c + 1] = e[c];
}

/**
 * The last sweep accumulated A^T c for column s = k0 + nb against the matrix before the trailing
 * update; after it, A^T c changes by -Y (V^T c) - U^T (X^T c), with V^T c, X^T c from that sweep.
 */
function correctNextProducts(b: Bidiagonal, k0: number, panel: Panel): void {
  const { n, a } = b;
  const { nb, w, vc, xc } = panel;
  subtractPanelTerms(w, 0, k0 + nb + 1, n, k0, nb, vc, 0, xc, 0, a, panel);
}

/**
 * w[j] = sum_{r > k} A[r, k] A[r, j] for j > k: A^T c for column k without its diagonal entry (or,
 * once column k holds a reflector v, v^T A without the v_k = 1 term).
 *
 * @example
 * accumulateColumnProducts(a, m, n, 0, w); // w[1:] = A[1:, 0]^T A[1:, 1:]
 */
export function accumulateColumnProducts(a: Float64Array, m: number, n: number, k: number, w: Float64Array): void {
  w.fill(0, k + 1, n);
  for (let r = k + 1; r < m; r++) {
    const row = r * n;
    const ck = a[row + k];
    if (ck === 0) continue;
    for (let j = k + 1; j < n; j++) w[j] += ck * a[row + j];
  }
}
