/**
 * SVD of an upper bidiagonal matrix by implicit QR iteration with Demmel-Kahan zero-shift sweeps
 * and their relative-accuracy convergence tests (Demmel & Kahan 1990; LAPACK's dbdsqr). Every
 * singular value is computed to high relative accuracy.
 *
 * Singular vectors are accumulated into two matrices stored with the vectors as contiguous rows:
 * `vt` (rows of V^T) and `ut` (rows of U^T). Each rotation combines two neighbouring rows, and the
 * rotations are queued and applied in column chunks (see rotationQueue.ts).
 */
import { LinalgError } from '../errors';
import { checkCancel, type ProgressOptions } from '../progress';
import { givens, singularValues2x2, svd2x2, type Givens } from './rotations2x2';
import { RotationQueue } from './rotationQueue';
import { EPS, SAFE_MIN } from '../dense/scalar';

/** Matrices that receive the rotations: n x widthV and n x widthU row-major (or null). */
export interface BidiagonalTargets {
  vt: Float64Array | null;
  widthV: number;
  ut: Float64Array | null;
  widthU: number;
}

/** LAPACK's MAXITR: at most 6 n^2 inner QR steps in total. */
const MAX_ITER_FACTOR = 6;

/**
 * Diagonalises the n x n upper bidiagonal matrix with diagonal d and superdiagonal e (both
 * overwritten; on return d holds the singular values, descending, e is zero) and applies the same
 * transformations to the rows of `vt` and `ut`. Throws a LinalgError naming the iteration count if
 * the cap of 6 n^2 inner steps is hit (it never is in practice: convergence is cubic).
 *
 * @example
 * const d = new Float64Array([3, 5]), e = new Float64Array([4]);  // [[3, 4], [0, 5]]
 * bidiagonalSvd(d, e, { vt: null, widthV: 0, ut: null, widthU: 0 }); // d = [6.7082..., 2.2360...]
 */
export function bidiagonalSvd(d: Float64Array, e: Float64Array, targets: BidiagonalTargets, options: ProgressOptions = {}): void {
  const n = d.length;
  const qv = targets.vt ? new RotationQueue(targets.vt, targets.widthV, 8 * n) : null;
  const qu = targets.ut ? new RotationQueue(targets.ut, targets.widthU, 8 * n) : null;
  if (n > 1) iterate(d, e, qv, qu, options);
  qv?.flush();
  qu?.flush();
  makePositiveAndSort(d, targets);
}

function iterate(d: Float64Array, e: Float64Array, qv: RotationQueue | null, qu: RotationQueue | null, options: ProgressOptions): void {
  const n = d.length;
  const tolmul = Math.max(10, Math.min(100, EPS ** -0.125));
  const tol = tolmul * EPS;
  // Threshold for negligible superdiagonals: relative to a lower bound on the smallest singular value.
  let sminoa = Math.abs(d[0]);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa /= Math.sqrt(n);
  const thresh = Math.max(tol * sminoa, MAX_ITER_FACTOR * n * n * SAFE_MIN);
  const maxIter = MAX_ITER_FACTOR * n * n;
  const g: Givens = { c: 0, s: 0, r: 0 };
  const g2: Givens = { c: 0, s: 0, r: 0 };

  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  let m = n - 1;
  let lastReport = 0;
  while (m > 0) {
    if (iter > maxIter) {
      throw new LinalgError(`svd: bidiagonal QR iteration hit its cap of ${maxIter} steps (n = ${n}) with ${m + 1} values unconverged`);
    }
    if (iter - lastReport > 4 * n) {
      lastReport = iter;
      checkCancel('svd', options);
      options.onProgress?.(0.5 + 0.45 * (1 - m / n), 'bidiagonal QR');
    }
    // Find the bottom unreduced block d[ll..m].
    let smax = Math.abs(d[m]);
    let ll = -1;
    let split = false;
    for (let k = m - 1; k >= 0; k--) {
      const abss = Math.abs(d[k]);
      const abse = Math.abs(e[k]);
      if (abse <= thresh) {
        e[k] = 0;
        ll = k;
        split = true;
        break;
      }
      smax = Math.max(smax, abss, abse);
    }
    if (split && ll === m - 1) {
      m--;
      continue;
    }
    ll++;
    if (ll === m - 1) {
      // A 2 x 2 block: solve it directly.
      const r = svd2x2(d[m - 1], e[m - 1], d[m]);
      d[m - 1] = r.ssmax;
      e[m - 1] = 0;
      d[m] = r.ssmin;
      qv?.push(m - 1, r.cosr, r.sinr);
      qu?.push(m - 1, r.cosl, r.sinl);
      m -= 2;
      continue;
    }
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;

    // Convergence tests, including the relative-accuracy recurrence over the whole block.
    let sminl: number;
    let converged = false;
    if (idir === 1) {
      if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
        e[m - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[ll]);
      sminl = mu;
      for (let k = ll; k < m; k++) {
        if (Math.abs(e[k]) <= tol * mu) {
          e[k] = 0;
          converged = true;
          break;
        }
        mu = Math.abs(d[k + 1]) * (mu / (mu + Math.abs(e[k])));
        sminl = Math.min(sminl, mu);
      }
    } else {
      if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
        e[ll] = 0;
        continue;
      }
      let mu = Math.abs(d[m]);
      sminl = mu;
      for (let k = m - 1; k >= ll; k--) {
        if (Math.abs(e[k]) <= tol * mu) {
          e[k] = 0;
          converged = true;
          break;
        }
        mu = Math.abs(d[k]) * (mu / (mu + Math.abs(e[k])));
        sminl = Math.min(sminl, mu);
      }
    }
    if (converged) continue;
    oldll = ll;
    oldm = m;

    // Shift: zero when it would spoil relative accuracy, else the smaller singular value of the
    // trailing (idir 1) or leading (idir 2) 2 x 2 block.
    let shift = 0;
    if (!(n * tol * (sminl / smax) <= Math.max(EPS, 0.01 * tol))) {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[ll]);
        shift = singularValues2x2(d[m - 1], e[m - 1], d[m])[0];
      } else {
        sll = Math.abs(d[m]);
        shift = singularValues2x2(d[ll], e[ll], d[ll + 1])[0];
      }
      if (sll > 0 && (shift / sll) ** 2 < EPS) shift = 0;
    }
    iter += m - ll;

    if (shift === 0) {
      if (idir === 1) zeroShiftDown(d, e, ll, m, g, g2, qv, qu);
      else zeroShiftUp(d, e, ll, m, g, g2, qv, qu);
      if (idir === 1 && Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
      if (idir === 2 && Math.abs(e[ll]) <= thresh) e[ll] = 0;
    } else if (idir === 1) {
      shiftedDown(d, e, ll, m, shift, g, qv, qu);
      if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
    } else {
      shiftedUp(d, e, ll, m, shift, g, qv, qu);
      if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
    }
  }
}

/** Demmel-Kahan zero-shift QR sweep, top to bottom. */
function zeroShiftDown(d: Float64Array, e: Float64Array, ll: number, m: number, g: Givens, g2: Givens, qv: RotationQueue | null, qu: RotationQueue | null): void {
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  for (let i = ll; i < m; i++) {
    givens(d[i] * cs, e[i], g);
    cs = g.c;
    const sn = g.s;
    if (i > ll) e[i - 1] = oldsn * g.r;
    givens(oldcs * g.r, d[i + 1] * sn, g2);
    oldcs = g2.c;
    oldsn = g2.s;
    d[i] = g2.r;
    qv?.push(i, cs, sn);
    qu?.push(i, oldcs, oldsn);
  }
  const h = d[m] * cs;
  d[m] = h * oldcs;
  e[m - 1] = h * oldsn;
}

/** Demmel-Kahan zero-shift QR sweep, bottom to top. */
function zeroShiftUp(d: Float64Array, e: Float64Array, ll: number, m: number, g: Givens, g2: Givens, qv: RotationQueue | null, qu: RotationQueue | null): void {
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  for (let i = m; i > ll; i--) {
    givens(d[i] * cs, e[i - 1], g);
    cs = g.c;
    const sn = g.s;
    if (i < m) e[i] = oldsn * g.r;
    givens(oldcs * g.r, d[i - 1] * sn, g2);
    oldcs = g2.c;
    oldsn = g2.s;
    d[i] = g2.r;
    qv?.push(i - 1, oldcs, -oldsn);
    qu?.push(i - 1, cs, -sn);
  }
  const h = d[ll] * cs;
  d[ll] = h * oldcs;
  e[ll] = h * oldsn;
}

/** Shifted implicit QR sweep (chasing the bulge) top to bottom. */
function shiftedDown(d: Float64Array, e: Float64Array, ll: number, m: number, shift: number, g: Givens, qv: RotationQueue | null, qu: RotationQueue | null): void {
  let f = (Math.abs(d[ll]) - shift) * ((d[ll] >= 0 ? 1 : -1) + shift / d[ll]);
  let gg = e[ll];
  for (let i = ll; i < m; i++) {
    givens(f, gg, g);
    const cosr = g.c;
    const sinr = g.s;
    if (i > ll) e[i - 1] = g.r;
    f = cosr * d[i] + sinr * e[i];
    e[i] = cosr * e[i] - sinr * d[i];
    gg = sinr * d[i + 1];
    d[i + 1] = cosr * d[i + 1];
    givens(f, gg, g);
    const cosl = g.c;
    const sinl = g.s;
    d[i] = g.r;
    f = cosl * e[i] + sinl * d[i + 1];
    d[i + 1] = cosl * d[i + 1] - sinl * e[i];
    if (i < m - 1) {
      gg = sinl * e[i + 1];
      e[i + 1] = cosl * e[i + 1];
    }
    qv?.push(i, cosr, sinr);
    qu?.push(i, cosl, sinl);
  }
  e[m - 1] = f;
}

/** Shifted implicit QR sweep (chasing the bulge) bottom to top. */
function shiftedUp(d: Float64Array, e: Float64Array, ll: number, m: number, shift: number, g: Givens, qv: RotationQueue | null, qu: RotationQueue | null): void {
  let f = (Math.abs(d[m]) - shift) * ((d[m] >= 0 ? 1 : -1) + shift / d[m]);
  let gg = e[m - 1];
  for (let i = m; i > ll; i--) {
    givens(f, gg, g);
    const cosr = g.c;
    const sinr = g.s;
    if (i < m) e[i] = g.r;
    f = cosr * d[i] + sinr * e[i - 1];
    e[i - 1] = cosr * e[i - 1] - sinr * d[i];
    gg = sinr * d[i - 1];
    d[i - 1] = cosr * d[i - 1];
    givens(f, gg, g);
    const cosl = g.c;
    const sinl = g.s;
    d[i] = g.r;
    f = cosl * e[i - 1] + sinl * d[i - 1];
    d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
    if (i > ll + 1) {
      gg = sinl * e[i - 2];
      e[i - 2] = cosl * e[i - 2];
    }
    qu?.push(i - 1, cosr, -sinr);
    qv?.push(i - 1, cosl, -sinl);
  }
  e[ll] = f;
}

/**
 * Flips negative values (with their V rows), then sorts descending by selection sort (at most
 * n - 1 swaps), swapping rows of vt and ut along.
 *
 * @example
 * const d = new Float64Array([1, -3]);
 * makePositiveAndSort(d, { vt, widthV: 2, ut, widthU: 2 }); // d = [3, 1], rows 0 and 1 swapped
 */
export function makePositiveAndSort(d: Float64Array, t: BidiagonalTargets): void {
  const n = d.length;
  for (let i = 0; i < n; i++) {
    if (d[i] < 0) {
      d[i] = -d[i];
      if (t.vt) for (let j = 0; j < t.widthV; j++) t.vt[i * t.widthV + j] = -t.vt[i * t.widthV + j];
    }
  }
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[best]) best = j;
    if (best === i) continue;
    [d[i], d[best]] = [d[best], d[i]];
    if (t.vt) swapRows(t.vt, t.widthV, i, best);
    if (t.ut) swapRows(t.ut, t.widthU, i, best);
  }
}

function swapRows(a: Float64Array, width: number, i: number, j: number): void {
  for (let k = 0; k < width; k++) {
    const x = a[i * width + k];
    a[i * width + k] = a[j * width + k];
    a[j * width + k] = x;
  }
}
