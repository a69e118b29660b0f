/**
 * The transposed orthogonal factor Q^T of a few Householder reflectors, formed row by row: what the
 * bidiagonal QR iteration wants for small matrices (it rotates the rows of Q^T and P^T).
 *
 * Q^T = H_{count-1} ... H_0 is built as X <- X H_k for k = count-1 down to 0 from X = [I 0]. Each
 * row of X meets a reflector as one dot product and one axpy along contiguous memory, and the
 * reflectors go in pairs, X <- X H_k H_{k-1}: both dot products in one pass over the row, both
 * updates in a second. Per pair of reflectors and entry that is 6 loads and 1 store, against 8
 * loads and 4 stores for two left applications to Q (blockReflectors.ts) and a transpose after. At
 * 32 x 32 this forms Q^T and P^T in 0.6-0.7 of the time that way took (interleaved runs).
 */

/**
 * Q^T restricted to the first `cols` columns of Q (cols x rows, row-major), Q = H_0 ... H_{count-1},
 * H_k = I - tau_k v_k v_k^T. Reflector k is row k of `v` (count x rows): zeros before k + shift, 1 at
 * k + shift (shift 0 for QR and the left reflectors of bidiagonalisation, 1 for the right ones).
 *
 * @example
 * // One reflector v = [1, 0.5], tau = 1.6: Q = Q^T = [[-0.6, -0.8], [-0.8, 0.6]]
 * formTransposedFactor(new Float64Array([1, 0.5]), new Float64Array([1.6]), 2, 1, 0, 2);
 */
export function formTransposedFactor(
  v: Float64Array, tau: Float64Array, rows: number, count: number, shift: number, cols: number,
): Float64Array {
  const x = new Float64Array(cols * rows);
  for (let i = 0; i < Math.min(rows, cols); i++) x[i * rows + i] = 1;
  let k = count - 1;
  for (; k >= 1; k -= 2) applyPair(x, rows, cols, v, tau, k, shift);
  if (k === 0) applyOne(x, rows, cols, v, tau[0], shift);
  return x;
}

/**
 * X <- X H_k H_{k-1}. Rows before k - 1 + shift of X are still unit rows e_i with i < k - 1 + shift,
 * which both reflectors leave alone; the other rows are zero left of that column.
 */
function applyPair(x: Float64Array, rows: number, cols: number, v: Float64Array, tau: Float64Array, k: number, shift: number): void {
  const start = k - 1 + shift;
  if (start >= rows || start >= cols) return;
  const t1 = tau[k];
  const t0 = tau[k - 1];
  const o1 = k * rows;
  const o0 = (k - 1) * rows;
  // v_k . v_{k-1}, to correct the second dot product for the first update.
  let overlap = 0;
  for (let j = start; j < rows; j++) overlap += v[o1 + j] * v[o0 + j];
  for (let i = start; i < cols; i++) {
    const row = i * rows;
    let d1 = 0;
    let d0 = 0;
    for (let j = start; j < rows; j++) {
      const xj = x[row + j];
      d1 += xj * v[o1 + j];
      d0 += xj * v[o0 + j];
    }
    const f1 = t1 * d1;
    const f0 = t0 * (d0 - f1 * overlap);
    if (f1 === 0 && f0 === 0) continue;
    for (let j = start; j < rows; j++) x[row + j] -= f1 * v[o1 + j] + f0 * v[o0 + j];
  }
}

/** X <- X H_0 (the leftover reflector of an odd count). */
function applyOne(x: Float64Array, rows: number, cols: number, v: Float64Array, t: number, shift: number): void {
  const start = shift;
  if (t === 0 || start >= rows || start >= cols) return;
  for (let i = start; i < cols; i++) {
    const row = i * rows;
    let d = 0;
    for (let j = start; j < rows; j++) d += x[row + j] * v[j];
    const f = t * d;
    if (f === 0) continue;
    for (let j = start; j < rows; j++) x[row + j] -= f * v[j];
  }
}

/**
 * The left reflectors stored below the diagonal of the m x n row-major `a` (QR, bidiagonalisation)
 * as rows: count x m, row k = v_k with v_k[k] = 1 and v_k[i] = a[i][k] below.
 *
 * @example leftReflectorRows(new Float64Array([-5, 0.5]), 2, 1, 1); // [1, 0.5]
 */
export function leftReflectorRows(a: Float64Array, m: number, n: number, count: number): Float64Array {
  const v = new Float64Array(count * m);
  for (let k = 0; k < count; k++) {
    v[k * m + k] = 1;
    for (let i = k + 1; i < m; i++) v[k * m + i] = a[i * n + k];
  }
  return v;
}

/**
 * The right reflectors of bidiagonalisation, stored in row k of the m x n `a` right of the
 * superdiagonal, as rows: (n - 1) x n, row k = v_k with v_k[k + 1] = 1 and v_k[j] = a[k][j] after.
 *
 * @example rightReflectorRows(new Float64Array([9, 9, 0.5, 0, 0, 0, 0, 0, 0]), 3); // row 0 = [0, 1, 0.5]
 */
export function rightReflectorRows(a: Float64Array, n: number): Float64Array {
  const count = Math.max(n - 1, 0);
  const v = new Float64Array(count * n);
  for (let k = 0; k < count; k++) {
    v[k * n + k + 1] = 1;
    for (let j = k + 2; j < n; j++) v[k * n + j] = a[k * n + j];
  }
  return v;
}
