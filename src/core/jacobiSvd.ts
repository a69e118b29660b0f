/**
 * One-sided (Hestenes) Jacobi SVD for small matrices. It orthogonalises the columns of A by plane
 * rotations until every pair is orthogonal to working precision; the column norms are then the
 * singular values. Accurate (high relative accuracy, Demmel-Veselic 1992) and allocation-light,
 * which is what the small-matrix path needs; its O(n^3) per sweep is only paid at small sizes.
 */
import { LinalgError, shapeText } from './errors';
import { completeOrthonormalColumns } from './orthonormal';
import { checkCancel, type ProgressOptions } from './progress';

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
  const tol = Math.sqrt(m) * Number.EPSILON;
  let sweep = 0;
  for (; sweep < JACOBI_MAX_SWEEPS; sweep++) {
    checkCancel('svd', options);
    options.onProgress?.(Math.min(0.9, sweep / 8), 'Jacobi sweeps');
    let rotated = false;
    for (let j = 0; j < n - 1; j++) {
      for (let k = j + 1; k < n; k++) {
        if (rotatePair(w, m, j, k, tol, vt, n)) rotated = true;
      }
    }
    if (!rotated) break;
  }
  if (sweep === JACOBI_MAX_SWEEPS) {
    throw new LinalgError(`svd: Jacobi did not converge in ${JACOBI_MAX_SWEEPS} sweeps on a ${shapeText(m, n)} matrix`);
  }
  return finish(w, m, n, vt);
}

/** Orthogonalises rows j and k of w (length m); returns whether a rotation was applied. */
function rotatePair(w: Float64Array, m: number, j: number, k: number, tol: number, vt: Float64Array | null, n: number): boolean {
  const oj = j * m;
  const ok = k * m;
  let alpha = 0, beta = 0, gamma = 0;
  for (let i = 0; i < m; i++) {
    const x = w[oj + i];
    const y = w[ok + i];
    alpha += x * x;
    beta += y * y;
    gamma += x * y;
  }
  if (gamma === 0 || !(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) return false;
  // The rotation that diagonalises [[alpha, gamma], [gamma, beta]] (Rutishauser's formulas).
  const zeta = (beta - alpha) / (2 * gamma);
  const az = Math.abs(zeta);
  const t = (zeta >= 0 ? 1 : -1) / (az > 1e150 ? 2 * az : az + Math.sqrt(1 + zeta * zeta));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = c * t;
  rotateRows(w, oj, ok, m, c, s);
  if (vt) rotateRows(vt, j * n, k * n, n, c, s);
  return true;
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
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => norms[b] - norms[a] || a - b);
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
