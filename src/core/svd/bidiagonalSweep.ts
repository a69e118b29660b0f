/**
 * The one pass over the trailing matrix that each step of the blocked bidiagonalisation
 * (blockedBidiagonalize.ts) makes: the products x = A u with the step's right reflector and
 * y = A^T c with the next column c, fused row by row (Howell et al. 2008) so that the trailing
 * matrix is read once per step. A is the matrix as it was when the panel started; the panel's
 * updates so far enter through the small corrections with V, X, Y and U.
 */

/**
 * Scratch of one panel of the blocked reduction: Y^T (nb x n), X (m x nb) and small vectors, all
 * indexed by global row and column.
 */
export interface Panel {
  nb: number;
  /** Y^T, row q = column q of Y (entries right of the panel's diagonal block are used). */
  yt: Float64Array;
  /** X, row r = row r of X. */
  x: Float64Array;
  /** A^T c for the next step's unscaled column c, over rows below that column's diagonal. */
  w: Float64Array;
  /** V^T c and X^T c, same rows. */
  vc: Float64Array;
  xc: Float64Array;
  /** Y^T u and U u for the current right reflector u. */
  yu: Float64Array;
  uu: Float64Array;
  /** Y[c + 1, :] and U[:, c + 1]: the next column's corrections. */
  ycol: Float64Array;
  ucol: Float64Array;
}

/**
 * One sweep over rows c + 1 .. m - 1 (c = k0 + p): column p of X, x_r = tp (A[r, :] u - V[r, :] Y^T u
 * - X[r, :] U u), then the next column c + 1 brought up to date (A[r, c+1] -= V[r, :] Y[c+1, :] +
 * X[r, :] U[:, c+1]) and, for rows below c + 1, its products A^T c, V^T c and X^T c for the next
 * step. At the panel's last step the next column is the first of the next panel: the trailing
 * update then skips it and corrects A^T c (blockedBidiagonalize.ts), which saves a pass per panel.
 *
 * Rows go eight at a time: V8 does not vectorise, and one row's dot product is a chain of dependent
 * additions; independent chains sharing each load of u, then one pass over w for all the rows,
 * ran 2.3x (four rows) and 2.6x (eight rows) faster than row by row on the bench machine (1024 x
 * 1024 trailing matrix: 3.5, 1.5 and 1.3 ms per sweep).
 *
 * @example
 * sweep(a, m, n, k0, p, tauP[k0 + p], panel); // X[:, p], column k0 + p + 1 and its products
 */
export function sweep(a: Float64Array, m: number, n: number, k0: number, p: number, tp: number, panel: Panel): void {
  const { yt, w, vc, xc, ycol, ucol } = panel;
  const c = k0 + p;
  const rowC = c * n;
  const next = c + 1;
  for (let q = 0; q <= p; q++) {
    ycol[q] = yt[q * n + next];
    ucol[q] = a[(k0 + q) * n + next];
  }
  w.fill(0, next + 1, n);
  vc.fill(0, 0, p + 1);
  xc.fill(0, 0, p + 1);
  // Row `next` holds the next column's diagonal entry: its v_0 = 1 term is added by leftStep.
  let dot = 0;
  for (let j = next; j < n; j++) dot += a[next * n + j] * a[rowC + j];
  finishRow(a, n, k0, p, tp, panel, next, dot, false);
  let r = next + 1;
  for (; r + 7 < m; r += 8) {
    const r0 = r * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const r4 = r3 + n;
    const r5 = r4 + n;
    const r6 = r5 + n;
    const r7 = r6 + n;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let d4 = 0;
    let d5 = 0;
    let d6 = 0;
    let d7 = 0;
    for (let j = next; j < n; j++) {
      const uj = a[rowC + j];
      d0 += a[r0 + j] * uj;
      d1 += a[r1 + j] * uj;
      d2 += a[r2 + j] * uj;
      d3 += a[r3 + j] * uj;
      d4 += a[r4 + j] * uj;
      d5 += a[r5 + j] * uj;
      d6 += a[r6 + j] * uj;
      d7 += a[r7 + j] * uj;
    }
    const c0 = finishRow(a, n, k0, p, tp, panel, r, d0, true);
    const c1 = finishRow(a, n, k0, p, tp, panel, r + 1, d1, true);
    const c2 = finishRow(a, n, k0, p, tp, panel, r + 2, d2, true);
    const c3 = finishRow(a, n, k0, p, tp, panel, r + 3, d3, true);
    const c4 = finishRow(a, n, k0, p, tp, panel, r + 4, d4, true);
    const c5 = finishRow(a, n, k0, p, tp, panel, r + 5, d5, true);
    const c6 = finishRow(a, n, k0, p, tp, panel, r + 6, d6, true);
    const c7 = finishRow(a, n, k0, p, tp, panel, r + 7, d7, true);
    for (let j = next + 1; j < n; j++) {
      w[j] += ((c0 * a[r0 + j] + c1 * a[r1 + j]) + (c2 * a[r2 + j] + c3 * a[r3 + j]))
        + ((c4 * a[r4 + j] + c5 * a[r5 + j]) + (c6 * a[r6 + j] + c7 * a[r7 + j]));
    }
  }
  for (; r < m; r++) {
    const row = r * n;
    let d0 = 0;
    for (let j = next; j < n; j++) d0 += a[row + j] * a[rowC + j];
    const c0 = finishRow(a, n, k0, p, tp, panel, r, d0, true);
    if (c0 !== 0) for (let j = next + 1; j < n; j++) w[j] += c0 * a[row + j];
  }
}

/**
 * Row r's part of a sweep once its dot product A[r, c+1:] u is known: X[r, p] and the next
 * column's entry (returned), with `accumulate` also its terms of V^T c and X^T c.
 */
function finishRow(
  a: Float64Array, n: number, k0: number, p: number, tp: number, panel: Panel, r: number, dot: number, accumulate: boolean,
): number {
  const { nb, x, vc, xc, yu, uu, ycol, ucol } = panel;
  const row = r * n + k0; // V[r, q] = a[row + q]
  const xRow = r * nb;
  // One loop for the four panel products of the row (V[r, :] and X[r, :] against Y^T u, U u,
  // Y[c+1, :], U[:, c+1]); the q = p terms follow, as X[r, p] is what this computes.
  let vyu = 0;
  let xuu = 0;
  let vy = 0;
  let xu = 0;
  for (let q = 0; q < p; q++) {
    const v = a[row + q];
    const xq = x[xRow + q];
    vyu += v * yu[q];
    xuu += xq * uu[q];
    vy += v * ycol[q];
    xu += xq * ucol[q];
  }
  const vp = a[row + p];
  const xp = tp * (dot - (vyu + vp * yu[p]) - xuu);
  x[xRow + p] = xp;
  const at = row + p + 1; // A[r, c + 1]
  const col = a[at] - (vy + vp * ycol[p]) - (xu + xp * ucol[p]);
  a[at] = col;
  if (accumulate && col !== 0) {
    for (let q = 0; q <= p; q++) {
      vc[q] += col * a[row + q];
      xc[q] += col * x[xRow + q];
    }
  }
  return col;
}
