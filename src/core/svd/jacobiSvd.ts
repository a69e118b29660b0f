/**
 * One-sided (Hestenes) Jacobi SVD for small matrices. It orthogonalises the columns of A by plane
 * rotations until every pair is orthogonal to working precision; the column norms are then the
 * singular values. Accurate (high relative accuracy, Demmel-Veselic 1992) and allocation-light,
 * which is what the small-matrix path needs; its O(n^3) per sweep is only paid at small sizes.
 */
import { LinalgError, shapeText } from '../errors';
import { completeOrthonormalColumns } from '../dense/orthonormal';
import { checkCancel, type ProgressOptions } from '../progress';

/** Result of {@link jacobiSvd}: singular values descending; u is m x n and v n x n (row-major). */
export interface JacobiResult {
  s: Float64Array;
  u: Float64Array | null;
  v: Float64Array | null;
}

/** Sweeps allowed before giving up; Jacobi converges quadratically, so 40 is far beyond need. */
export const JACOBI_MAX_SWEEPS = 40;

/**
 * SVD of a tall m x n matrix (m >= n) given as its transpose: `w` is n x m row-major, so row j is
 * column j of A and every rotation combines two contiguous rows. `w` is overwritten.
 *
 * @example
 * // A = [[3, 0], [4, 5]] passed as A^T = [[3, 4], [0, 5]]:
 * jacobiSvd(new Float64Array([3, 4, 0, 5]), 2, 2, true).s; // [6.7082..., 2.2360...]
 */
export function jacobiSvd(w: Float64Array, m: number, n: number, vectors: boolean, options: ProgressOptions = {}): JacobiResult {
  const vt = vectors ? new Float64Array(n * n) : null;
  if (vt) for (let j = 0; j < n; j++) vt[j * n + j] = 1;
  // Pairs count as orthogonal when |gamma| <= tol sqrt(alpha beta); compared squared (no square roots:
  // the svd driver scales the largest entry into [2^-200, 2^200], far from overflow of alpha beta).
  const tol = Math.sqrt(m) * Number.EPSILON;
  const tol2 = tol * tol;
  const norms = new Float64Array(n);
  let sweep = 0;
  for (; sweep < JACOBI_MAX_SWEEPS; sweep++) {
    checkCancel('svd', options);
    options.onProgress?.(Math.min(0.9, sweep / 8), 'Jacobi sweeps');
    // Squared column norms, exact at the start of each sweep and updated by every rotation inside
    // it, so each pair needs one dot product instead of three (with the other changes here an 8 x 8
    // jacobiSvd went from 15.5 to about 13 us).
    for (let j = 0; j < n; j++) norms[j] = dot(w, j * m, j * m, m);
    let rotated = false;
    for (let j = 0; j < n - 1; j++) {
      pivot(w, m, j, norms, vt, n);
      for (let k = j + 1; k < n; k++) {
        if (rotatePair(w, m, j, k, tol2, norms, vt, n)) rotated = true;
      }
    }
    if (!rotated) break;
  }
  if (sweep === JACOBI_MAX_SWEEPS) {
    throw new LinalgError(`svd: Jacobi did not converge in ${JACOBI_MAX_SWEEPS} sweeps on a ${shapeText(m, n)} matrix`);
  }
  return finish(w, m, n, vt);
}

/**
 * De Rijk's pivoting: moves the largest remaining column (row of w, with its row of vt and its norm)
 * to position j before it is paired with the rest. Saves about one sweep in six (8 x 8: 5.0 instead
 * of 6.0 sweeps on average, 16 x 16: 6.0 instead of 7.0).
 */
function pivot(w: Float64Array, m: number, j: number, norms: Float64Array, vt: Float64Array | null, n: number): void {
  let best = j;
  for (let q = j + 1; q < n; q++) if (norms[q] > norms[best]) best = q;
  if (best === j) return;
  swapRows(w, j * m, best * m, m);
  if (vt) swapRows(vt, j * n, best * n, n);
  const t = norms[j];
  norms[j] = norms[best];
  norms[best] = t;
}

function swapRows(a: Float64Array, x: number, y: number, len: number): void {
  for (let i = 0; i < len; i++) {
    const t = a[x + i];
    a[x + i] = a[y + i];
    a[y + i] = t;
  }
}

/**
 * Orthogonalises rows j and k of w (length m) and updates their squared norms; returns whether a
 * rotation was applied.
 */
function rotatePair(w: Float64Array, m: number, j: number, k: number, tol2: number, norms: Float64Array, vt: Float64Array | null, n: number): boolean {
  const oj = j * m;
  const ok = k * m;
  const gamma = dot(w, oj, ok, m);
  const alpha = norms[j];
  const beta = norms[k];
  if (gamma === 0 || !(gamma * gamma > tol2 * alpha * beta)) return false;
  // The rotation that diagonalises [[alpha, gamma], [gamma, beta]] (Rutishauser's formulas).
  const zeta = (beta - alpha) / (2 * gamma);
  const az = Math.abs(zeta);
  const t = (zeta >= 0 ? 1 : -1) / (az > 1e150 ? 2 * az : az + Math.sqrt(1 + zeta * zeta));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = c * t;
  rotateRows(w, oj, ok, m, c, s);
  if (vt) rotateRows(vt, j * n, k * n, n, c, s);
  // New norms: alpha - t gamma and beta + t gamma. The one that shrinks loses relative accuracy when
  // it shrinks a lot (nearly parallel columns): then measure it again.
  const tg = t * gamma;
  norms[j] = tg > 0.5 * alpha ? dot(w, oj, oj, m) : alpha - tg;
  norms[k] = -tg > 0.5 * beta ? dot(w, ok, ok, m) : beta + tg;
  return true;
}

/** The dot product of a[x : x+len] and a[y : y+len]. */
function dot(a: Float64Array, x: number, y: number, len: number): number {
  let sum = 0;
  for (let i = 0; i < len; i++) sum += a[x + i] * a[y + i];
  return sum;
}

/** x <- c x - s y, y <- s x + c y on two rows of one array. */
function rotateRows(a: Float64Array, ox: number, oy: number, len: number, c: number, s: number): void {
  for (let i = 0; i < len; i++) {
    const x = a[ox + i];
    const y = a[oy + i];
    a[ox + i] = c * x - s * y;
    a[oy + i] = s * x + c * y;
  }
}

/** Column norms -> singular values (sorted), normalised columns -> U, completed where sigma = 0. */
function finish(w: Float64Array, m: number, n: number, vt: Float64Array | null): JacobiResult {
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) norms[j] = rowNorm(w, j * m, m);
  const order = descendingOrder(norms);
  const s = new Float64Array(n);
  for (let r = 0; r < n; r++) s[r] = norms[order[r]];
  if (!vt) return { s, u: null, v: null };
  const u = new Float64Array(m * n);
  const v = new Float64Array(n * n);
  let zeroColumns = 0;
  for (let r = 0; r < n; r++) {
    const j = order[r];
    const sigma = s[r];
    if (sigma > 0) for (let i = 0; i < m; i++) u[i * n + r] = w[j * m + i] / sigma;
    else zeroColumns++;
    for (let i = 0; i < n; i++) v[i * n + r] = vt[j * n + i];
  }
  if (zeroColumns > 0) completeOrthonormalColumns(u, m, n, n - zeroColumns);
  return { s, u, v };
}

/**
 * Indices sorting x descending, ties by index: a stable insertion sort, enough for the few columns
 * Jacobi gets and without the Array.from and comparator closure of Array.sort on every call.
 */
function descendingOrder(x: Float64Array): Int32Array {
  const order = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let r = i;
    for (; r > 0 && x[order[r - 1]] < x[i]; r--) order[r] = order[r - 1];
    order[r] = i;
  }
  return order;
}

/** Euclidean norm of a[off : off+len] without overflow or harmful underflow. */
function rowNorm(a: Float64Array, off: number, len: number): number {
  let scale = 0;
  for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(a[off + i]));
  if (scale === 0) return 0;
  let sum = 0;
  for (let i = 0; i < len; i++) {
    const x = a[off + i] / scale;
    sum += x * x;
  }
  return scale * Math.sqrt(sum);
}
