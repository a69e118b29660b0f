/**
 * Blocked Householder QR (LAPACK's dgeqrf with a recursive panel, Elmroth & Gustavson 2000). Each
 * panel of PANEL columns is factored recursively: the left half, then a GEMM update of the right
 * half, then the right half, so even the panel work runs in the GEMM kernel; the trailing matrix is
 * updated once per panel with the compact WY form I - V T V^T. Tall-skinny sketches (50000 x 74 in
 * the randomized SVD) then stream through memory a few times instead of twice per column.
 */
import { gemm } from './gemm';
import { applyReflectorLeft, makeReflector } from './householder';
import { checkCancel, type ProgressOptions } from '../progress';

const PANEL = 64;
const LEAF = 4;

/**
 * QR in place: R on and above the diagonal of the m x n row-major `a`, reflector vectors below it,
 * taus in `tau` (length min(m, n)). Same output as LAPACK's dgeqrf.
 *
 * @example
 * const tau = new Float64Array(1);
 * blockedQr(new Float64Array([3, 4]), 2, 1, tau); // a = [-5, 0.5], tau = [1.6]
 */
export function blockedQr(a: Float64Array, m: number, n: number, tau: Float64Array, options: ProgressOptions = {}): void {
  const p = Math.min(m, n);
  for (let k = 0; k < p; k += PANEL) {
    checkCancel('qr', options);
    options.onProgress?.(k / p, 'QR');
    const nb = Math.min(PANEL, p - k);
    const rows = m - k;
    const t = panelQr(a, n, k, k, rows, nb, tau);
    const width = n - k - nb;
    if (width > 0) applyBlockTransposed(a, n, k, k, rows, nb, t, k + nb, width);
  }
}

/** Explicit V (rows x cols) of the reflectors stored below the diagonal of the block at (r0, c0). */
function explicitV(a: Float64Array, ld: number, r0: number, c0: number, rows: number, cols: number): Float64Array {
  const v = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const src = (r0 + i) * ld + c0;
    const lim = Math.min(i, cols);
    for (let j = 0; j < lim; j++) v[i * cols + j] = a[src + j];
    if (i < cols) v[i * cols + i] = 1;
  }
  return v;
}

/**
 * A[r0:, c1:c1+width] <- (I - V T V^T)^T A[...] = A - V T^T (V^T A), for the reflectors of the block
 * at (r0, c0) with `cols` columns and their T (cols x cols).
 */
function applyBlockTransposed(a: Float64Array, ld: number, r0: number, c0: number, rows: number, cols: number, t: Float64Array, c1: number, width: number): void {
  const v = explicitV(a, ld, r0, c0, rows, cols);
  const w = new Float64Array(cols * width);
  gemm(cols, width, rows, 1, { data: v, offset: 0, ld: cols, trans: true }, { data: a, offset: r0 * ld + c1, ld, trans: false }, 0, w, 0, width);
  // W <- T^T W: row i of the result combines rows 0..i, so go bottom-up in place.
  for (let i = cols - 1; i >= 0; i--) {
    const row = i * width;
    const tii = t[i * cols + i];
    for (let j = 0; j < width; j++) w[row + j] *= tii;
    for (let q = 0; q < i; q++) {
      const tqi = t[q * cols + i];
      if (tqi === 0) continue;
      const src = q * width;
      for (let j = 0; j < width; j++) w[row + j] += tqi * w[src + j];
    }
  }
  gemm(rows, width, cols, -1, { data: v, offset: 0, ld: cols, trans: false }, { data: w, offset: 0, ld: width, trans: false }, 1, a, r0 * ld + c1, ld);
}

/**
 * Recursive QR of the rows x cols block at (r0, c0); returns its T (cols x cols, upper triangular)
 * with H_0 ... H_{cols-1} = I - V T V^T.
 */
function panelQr(a: Float64Array, ld: number, r0: number, c0: number, rows: number, cols: number, tau: Float64Array): Float64Array {
  if (cols <= LEAF) return leafQr(a, ld, r0, c0, rows, cols, tau);
  const n1 = cols >> 1;
  const n2 = cols - n1;
  const t1 = panelQr(a, ld, r0, c0, rows, n1, tau);
  applyBlockTransposed(a, ld, r0, c0, rows, n1, t1, c0 + n1, n2);
  const t2 = panelQr(a, ld, r0 + n1, c0 + n1, rows - n1, n2, tau);
  // T = [[T1, -T1 (V1^T V2) T2], [0, T2]]; V2 is zero in the first n1 rows.
  const v1 = explicitV(a, ld, r0, c0, rows, n1);
  const v2 = explicitV(a, ld, r0 + n1, c0 + n1, rows - n1, n2);
  const x = new Float64Array(n1 * n2);
  gemm(n1, n2, rows - n1, 1, { data: v1, offset: n1 * n1, ld: n1, trans: true }, { data: v2, offset: 0, ld: n2, trans: false }, 0, x, 0, n2);
  // X <- T1 X (T1 upper: row i uses rows i..), top-down in place.
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      let sum = 0;
      for (let q = i; q < n1; q++) sum += t1[i * n1 + q] * x[q * n2 + j];
      x[i * n2 + j] = sum;
    }
  }
  // X <- X T2 (T2 upper: column j uses columns ..j), right to left in place.
  for (let i = 0; i < n1; i++) {
    for (let j = n2 - 1; j >= 0; j--) {
      let sum = 0;
      for (let q = 0; q <= j; q++) sum += x[i * n2 + q] * t2[q * n2 + j];
      x[i * n2 + j] = sum;
    }
  }
  const t = new Float64Array(cols * cols);
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n1; j++) t[i * cols + j] = t1[i * n1 + j];
    for (let j = 0; j < n2; j++) t[i * cols + n1 + j] = -x[i * n2 + j];
  }
  for (let i = 0; i < n2; i++) for (let j = 0; j < n2; j++) t[(n1 + i) * cols + n1 + j] = t2[i * n2 + j];
  return t;
}

/** Unblocked QR of a block of at most LEAF columns, and its T. */
function leafQr(a: Float64Array, ld: number, r0: number, c0: number, rows: number, cols: number, tau: Float64Array): Float64Array {
  const v = new Float64Array(rows);
  const w = new Float64Array(cols);
  for (let j = 0; j < cols && j < rows; j++) {
    const diag = (r0 + j) * ld + c0 + j;
    const tj = (tau[c0 + j] = makeReflector(a, diag, ld, rows - j));
    if (tj === 0 || j + 1 >= cols) continue;
    v[0] = 1;
    for (let i = 1; i < rows - j; i++) v[i] = a[diag + i * ld];
    applyReflectorLeft(a, ld, r0 + j, rows - j, c0 + j + 1, c0 + cols, v, 0, tj, w);
  }
  // T by dlarft from the explicit V.
  const vv = explicitV(a, ld, r0, c0, rows, cols);
  const t = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    const ti = tau[c0 + i];
    t[i * cols + i] = ti;
    for (let r = 0; r < i; r++) {
      // (V[:, 0:i]^T v_i)[c] then T[0:i, i] = -tau_i T[0:i, 0:i] g
      let acc = 0;
      for (let c = r; c < i; c++) {
        let g = 0;
        for (let q = 0; q < rows; q++) g += vv[q * cols + c] * vv[q * cols + i];
        acc += t[r * cols + c] * g;
      }
      t[r * cols + i] = -ti * acc;
    }
  }
  return t;
}
