/**
 * Forming an orthogonal factor Q = H_0 H_1 ... H_{r-1} from Householder reflectors with the compact
 * WY representation (Schreiber & Van Loan 1989; LAPACK's dlarft + dlarfb): a block of nb reflectors
 * is I - V T V^T with T upper triangular, so applying it costs two GEMMs instead of nb rank-1
 * updates. This turns the memory-bound BLAS-2 accumulation into cache-friendly GEMM work.
 */
import { gemm } from './gemm';
import { applyReflectorLeft } from './householder';

/** Reflectors per block: big enough for GEMM efficiency, small enough that T and W stay cheap. */
const NB = 32;
/** Up to this many reflectors, plain rank-1 updates beat the GEMM set-up (packing, T). */
const SMALL = 48;

/**
 * Reflector k (k < count) is v_k = V[:, k] of the dense rows x count row-major `v`, with
 * v_k[i] = 0 for i < k + shift and v_k[k + shift] = 1 (shift 0 for QR/left reflectors, 1 for the
 * right reflectors of bidiagonalisation). Returns Q = H_0 ... H_{count-1} restricted to its first
 * `cols` columns (rows x cols, row-major), H_k = I - tau_k v_k v_k^T. With `initial` (rows x cols,
 * overwritten and returned) it computes Q * initial instead: applying the reflectors to [X; 0] is
 * cheaper than forming Q and multiplying.
 *
 * @example
 * // One reflector v = [1, 0.5], tau = 1.6: Q = I - 1.6 v v^T = [[-0.6, -0.8], [-0.8, 0.6]]
 * formFromReflectors(new Float64Array([1, 0.5]), new Float64Array([1.6]), 2, 1, 0, 2);
 */
export function formFromReflectors(
  v: Float64Array, tau: Float64Array, rows: number, count: number, shift: number, cols: number,
  initial?: Float64Array,
): Float64Array {
  // Starting from the identity, columns left of a block's first row are still unit vectors and
  // need no update; a general starting matrix (Q times a small factor) has no such structure.
  const fromIdentity = initial === undefined;
  const q = initial ?? new Float64Array(rows * cols);
  if (fromIdentity) for (let i = 0; i < Math.min(rows, cols); i++) q[i * cols + i] = 1;
  if (count <= SMALL) {
    accumulateUnblocked(v, tau, rows, count, shift, cols, q, fromIdentity);
    return q;
  }
  const t = new Float64Array(NB * NB);
  const w = new Float64Array(NB * cols);
  const lastBlock = Math.floor((count - 1) / NB) * NB;
  for (let k0 = lastBlock; k0 >= 0; k0 -= NB) {
    const nb = Math.min(NB, count - k0);
    const start = k0 + shift; // first row any reflector of the block touches
    if (start >= rows) continue;
    const len = rows - start;
    // Columns < start of the partial product are still unit vectors, untouched by this block.
    const c0 = fromIdentity ? Math.min(start, cols) : 0;
    const width = cols - c0;
    if (width <= 0) continue;
    buildT(v, tau, count, k0, nb, start, len, t);
    const V = { data: v, offset: start * count + k0, ld: count, trans: false };
    // W = V^T Q[start:, c0:]   (nb x width)
    gemm(nb, width, len, 1, { ...V, trans: true }, { data: q, offset: start * cols + c0, ld: cols, trans: false }, 0, w, 0, width);
    // W = T W (T upper triangular): row i of the result needs rows i.. of W, so go top-down in place.
    for (let i = 0; i < nb; i++) {
      const row = i * width;
      const tii = t[i * NB + i];
      for (let j = 0; j < width; j++) w[row + j] *= tii;
      for (let p = i + 1; p < nb; p++) {
        const tip = t[i * NB + p];
        if (tip === 0) continue;
        const src = p * width;
        for (let j = 0; j < width; j++) w[row + j] += tip * w[src + j];
      }
    }
    // Q[start:, c0:] -= V W
    gemm(len, width, nb, -1, V, { data: w, offset: 0, ld: width, trans: false }, 1, q, start * cols + c0, cols);
  }
  return q;
}

/** Backward accumulation one reflector at a time: Q[s:, s:] <- H_k Q[s:, s:] for k = count-1 .. 0. */
function accumulateUnblocked(v: Float64Array, tau: Float64Array, rows: number, count: number, shift: number, cols: number, q: Float64Array, fromIdentity: boolean): void {
  const vk = new Float64Array(rows);
  const w = new Float64Array(cols);
  for (let k = count - 1; k >= 0; k--) {
    const start = k + shift;
    const c0 = fromIdentity ? start : 0;
    if (tau[k] === 0 || start >= rows || c0 >= cols) continue;
    const len = rows - start;
    for (let i = 0; i < len; i++) vk[i] = v[(start + i) * count + k];
    applyReflectorLeft(q, cols, start, len, c0, cols, vk, 0, tau[k], w);
  }
}

/**
 * The upper-triangular T of I - V T V^T = H_k0 ... H_{k0+nb-1} (dlarft, forward, columnwise):
 * T[i][i] = tau_i, T[0:i, i] = -tau_i T[0:i, 0:i] (V[:, 0:i]^T v_i). The Gram products V^T V come
 * from one GEMM. `t` has leading dimension NB.
 */
function buildT(v: Float64Array, tau: Float64Array, count: number, k0: number, nb: number, start: number, len: number, t: Float64Array): void {
  const g = new Float64Array(nb * nb);
  const V = { data: v, offset: start * count + k0, ld: count, trans: false };
  gemm(nb, nb, len, 1, { ...V, trans: true }, V, 0, g, 0, nb);
  t.fill(0);
  const tmp = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    const ti = tau[k0 + i];
    t[i * NB + i] = ti;
    // tmp = -tau_i * T[0:i, 0:i] * g[0:i, i]
    for (let r = 0; r < i; r++) {
      let sum = 0;
      for (let c = r; c < i; c++) sum += t[r * NB + c] * g[c * nb + i];
      tmp[r] = -ti * sum;
    }
    for (let r = 0; r < i; r++) t[r * NB + i] = tmp[r];
  }
}

/**
 * The explicit V (m x count) of reflectors stored LAPACK-style below the diagonal of the m x n
 * row-major `a` (QR and the left reflectors of bidiagonalisation): unit diagonal, zeros above.
 *
 * @example
 * columnReflectors(new Float64Array([-5, 0.5]), 2, 1, 1); // [1, 0.5]
 */
export function columnReflectors(a: Float64Array, m: number, n: number, count: number): Float64Array {
  const v = new Float64Array(m * count);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const lim = Math.min(i, count);
    for (let k = 0; k < lim; k++) v[i * count + k] = a[row + k];
    if (i < count) v[i * count + i] = 1;
  }
  return v;
}

/**
 * The same V as columnReflectors(a, m, n, n), made in place: the diagonal of `a` set to 1 and
 * the part above it to 0 (which destroys R: copy it out first). Returns `a`.
 *
 * @example
 * columnReflectorsInPlace(new Float64Array([-5, 3, 0.5, 2]), 2, 2); // [1, 0, 0.5, 1]
 */
export function columnReflectorsInPlace(a: Float64Array, m: number, n: number): Float64Array {
  for (let i = 0; i < Math.min(m, n); i++) {
    const row = i * n;
    a[row + i] = 1;
    for (let k = i + 1; k < n; k++) a[row + k] = 0;
  }
  return a;
}

/**
 * The explicit V (n x (n - 1)) of the right reflectors of bidiagonalisation, stored in row k of the
 * m x n `a` right of the superdiagonal: v_k[k + 1] = 1, v_k[j] = a[k][j] for j > k + 1.
 *
 * @example
 * rowReflectors(new Float64Array([9, 9, 0.5, 0, 0, 0, 0, 0, 0]), 3); // column 0 = [0, 1, 0.5]
 */
export function rowReflectors(a: Float64Array, n: number): Float64Array {
  const count = Math.max(n - 1, 0);
  const v = new Float64Array(n * count);
  for (let k = 0; k < count; k++) {
    v[(k + 1) * count + k] = 1;
    for (let j = k + 2; j < n; j++) v[j * count + k] = a[k * n + j];
  }
  return v;
}
