/**
 * The secular equation of the divide-and-conquer SVD (LAPACK's dlasd4 and dlasd5, after Ren-Cang
 * Li's rational interpolation; the three-pole step of dlaed6 is in threePoleRoot.ts). For 0 = d_0 < d_1 < ... < d_{n-1}, a unit vector z and
 * rho > 0, the singular values of the merged problem are the roots sigma of
 *
 *   f(sigma) = 1/rho + sum_j z_j^2 / ((d_j - sigma)(d_j + sigma)) = 0,
 *
 * one in each interval (d_i, d_{i+1}) and the last in (d_{n-1}, sqrt(d_{n-1}^2 + rho)).
 *
 * Each root is found relative to its nearest pole: the iteration moves tau = sigma - d_origin and
 * keeps delta_j = d_j - sigma and work_j = d_j + sigma as (d_j - d_origin) - tau, never as a
 * difference of two nearly equal numbers. That is what gives every delta_j full relative accuracy,
 * which the singular vectors (z_j / (delta_j work_j)) need to come out orthogonal.
 */
import { LinalgError } from '../errors';
import { EPS } from '../dense/scalar';
import { threePoleRoot } from './threePoleRoot';

/** LAPACK's dlamch('E'), the unit roundoff 2^-53 (half of EPS): the convergence tests use it. */
const UNIT_ROUNDOFF = EPS / 2;
/** LAPACK's MAXIT for dlasd4: iterations allowed per root (a handful are needed in practice). */
export const SECULAR_MAX_ITERATIONS = 400;

/** Partial sums of f left (psi) and right (phi) of the origin, their derivatives and an error bound. */
interface Sums {
  psi: number;
  dpsi: number;
  phi: number;
  dphi: number;
  erretm: number;
}

const sums: Sums = { psi: 0, dpsi: 0, phi: 0, dphi: 0, erretm: 0 };
const dd = new Float64Array(3);
const zz = new Float64Array(3);

/**
 * The i-th root (0-based, ascending) of the secular equation above. Fills delta[j] = d_j - sigma
 * and work[j] = d_j + sigma (both to full relative accuracy) and returns sigma. For n = 1 it sets
 * delta[0] = work[0] = 1 (LAPACK's convention). Throws a LinalgError naming the count when the
 * iteration cap is hit (it never is in practice: convergence is quadratic or better).
 *
 * @example
 * const d = new Float64Array([0, 1]), z = new Float64Array([Math.SQRT1_2, Math.SQRT1_2]);
 * secularRoot(2, 1, d, z, 2, new Float64Array(2), new Float64Array(2));
 * // 1.618033988749895: the larger singular value of [[1, 1], [0, 1]] (z scaled by sqrt(rho))
 */
export function secularRoot(
  n: number, i: number, d: Float64Array, z: Float64Array, rho: number,
  delta: Float64Array, work: Float64Array, maxIterations = SECULAR_MAX_ITERATIONS,
): number {
  if (n === 1) {
    delta[0] = 1;
    work[0] = 1;
    return Math.sqrt(d[0] * d[0] + rho * z[0] * z[0]);
  }
  if (n === 2) return twoByTwoRoot(i, d, z, rho, delta, work);
  return i === n - 1
    ? lastRoot(n, d, z, rho, delta, work, maxIterations)
    : innerRoot(n, i, d, z, rho, delta, work, maxIterations);
}

function capHit(n: number, i: number, maxIterations: number): LinalgError {
  return new LinalgError(`svd: secular equation solver hit its cap of ${maxIterations} iterations (root ${i} of ${n})`);
}

/** psi over j < left, phi over j >= right (summed from the far end, as LAPACK does) and the error bound. */
function evaluate(n: number, z: Float64Array, delta: Float64Array, work: Float64Array, left: number, right: number): void {
  let psi = 0;
  let dpsi = 0;
  let erretm = 0;
  for (let j = 0; j < left; j++) {
    const t = z[j] / (work[j] * delta[j]);
    psi += z[j] * t;
    dpsi += t * t;
    erretm += psi;
  }
  erretm = Math.abs(erretm);
  let phi = 0;
  let dphi = 0;
  for (let j = n - 1; j >= right; j--) {
    const t = z[j] / (work[j] * delta[j]);
    phi += z[j] * t;
    dphi += t * t;
    erretm += phi;
  }
  sums.psi = psi;
  sums.dpsi = dpsi;
  sums.phi = phi;
  sums.dphi = dphi;
  sums.erretm = erretm;
}

/** Moves every delta_j and work_j by the step eta of sigma. */
function shift(n: number, delta: Float64Array, work: Float64Array, eta: number): void {
  for (let j = 0; j < n; j++) {
    delta[j] -= eta;
    work[j] += eta;
  }
}

/** Sets delta and work for sigma = d[origin] + tau. */
function setOrigin(n: number, d: Float64Array, origin: number, tau: number, delta: Float64Array, work: Float64Array): void {
  const o = d[origin];
  for (let j = 0; j < n; j++) {
    work[j] = d[j] + o + tau;
    delta[j] = (d[j] - o) - tau;
  }
}

/** The root beyond the last pole, d_{n-1} < sigma < sqrt(d_{n-1}^2 + rho) (dlasd4, case I = N). */
function lastRoot(n: number, d: Float64Array, z: Float64Array, rho: number, delta: Float64Array, work: Float64Array, maxIterations: number): number {
  const rhoinv = 1 / rho;
  const dn = d[n - 1];
  const dm = d[n - 2];
  const zn2 = z[n - 1] * z[n - 1];
  const zm2 = z[n - 2] * z[n - 2];
  // Initial guess from the two poles nearest the root, the others frozen at sigma^2 = dn^2 + rho/2.
  const half = rho / 2;
  setOrigin(n, d, n - 1, half / (dn + Math.sqrt(dn * dn + half)), delta, work);
  let psi = 0;
  for (let j = 0; j < n - 2; j++) psi += (z[j] * z[j]) / (delta[j] * work[j]);
  let c = rhoinv + psi;
  const w0 = c + zm2 / (delta[n - 2] * work[n - 2]) + zn2 / (delta[n - 1] * work[n - 1]);
  const delsq = (dn - dm) * (dn + dm);
  const quadratic = (): number => {
    const a = -c * delsq + zm2 + zn2;
    const b = zn2 * delsq;
    const tau2 = a < 0 ? (2 * b) / (Math.sqrt(a * a + 4 * b * c) - a) : (a + Math.sqrt(a * a + 4 * b * c)) / (2 * c);
    return tau2 / (dn + Math.sqrt(dn * dn + tau2));
  };
  let tau: number;
  if (w0 <= 0) {
    const t1 = Math.sqrt(dn * dn + rho);
    const t = zm2 / ((dm + t1) * (dn - dm + rho / (dn + t1))) + zn2 / rho;
    tau = c <= t ? rho : quadratic();
  } else {
    tau = quadratic();
  }
  let sigma = dn + tau;
  setOrigin(n, d, n - 1, tau, delta, work);

  let w = 0;
  let dpsi = 0;
  let dphi = 0;
  // Evaluates f at the current sigma and reports whether it has converged.
  const converged = (): boolean => {
    evaluate(n, z, delta, work, n - 1, n);
    psi = sums.psi;
    dpsi = sums.dpsi;
    const t = z[n - 1] / (work[n - 1] * delta[n - 1]);
    const phi = z[n - 1] * t;
    dphi = t * t;
    const erretm = 8 * (-phi - psi) + sums.erretm - phi + rhoinv;
    w = rhoinv + phi + psi;
    return Math.abs(w) <= UNIT_ROUNDOFF * erretm;
  };
  for (let iter = 1; !converged(); iter++) {
    if (iter > maxIterations) throw capHit(n, n - 1, maxIterations);
    // Rational interpolation with the two last poles.
    const dtnsq1 = work[n - 2] * delta[n - 2];
    const dtnsq = work[n - 1] * delta[n - 1];
    c = w - dtnsq1 * dpsi - dtnsq * dphi;
    const a = (dtnsq + dtnsq1) * w - dtnsq * dtnsq1 * (dpsi + dphi);
    const b = dtnsq * dtnsq1 * w;
    const first = iter === 1;
    if (first && c < 0) c = Math.abs(c);
    let eta: number;
    if (first && c === 0) eta = rho - sigma * sigma;
    else if (a >= 0) eta = (a + Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    else eta = (2 * b) / (a - Math.sqrt(Math.abs(a * a - 4 * b * c)));
    // eta must have the sign opposite to w; roundoff can break that, then take a Newton step.
    if (w * eta > 0) eta = -w / (dpsi + dphi);
    const temp = eta - dtnsq;
    if (first) {
      if (temp > rho) eta = rho + dtnsq;
    } else if (temp <= 0) {
      eta /= 2;
    }
    eta /= sigma + Math.sqrt(eta + sigma * sigma);
    sigma += eta;
    shift(n, delta, work, eta);
  }
  return sigma;
}

/** A root between two poles, d_i < sigma < d_{i+1} (dlasd4, case I < N). */
function innerRoot(n: number, i: number, d: Float64Array, z: Float64Array, rho: number, delta: Float64Array, work: Float64Array, maxIterations: number): number {
  const rhoinv = 1 / rho;
  const ip1 = i + 1;
  const di = d[i];
  const dip1 = d[ip1];
  const zi2 = z[i] * z[i];
  const zip12 = z[ip1] * z[ip1];
  const delsq = (dip1 - di) * (dip1 + di);
  const delsq2 = delsq / 2;
  const sq2 = Math.sqrt((di * di + dip1 * dip1) / 2);
  // Is the root left or right of the midpoint (of the squares)? That picks the origin pole.
  setOrigin(n, d, i, delsq2 / (di + sq2), delta, work);
  let psi = 0;
  for (let j = 0; j < i; j++) psi += (z[j] * z[j]) / (work[j] * delta[j]);
  let phi = 0;
  for (let j = n - 1; j > ip1; j--) phi += (z[j] * z[j]) / (work[j] * delta[j]);
  const c0 = rhoinv + psi + phi;
  const w0 = c0 + zi2 / (work[i] * delta[i]) + zip12 / (work[ip1] * delta[ip1]);

  let geomavg = false;
  const orgati = w0 > 0;
  let ii: number;
  let sglb: number;
  let sgub: number;
  let tau: number;
  if (orgati) {
    // d_i^2 < sigma^2 < (d_i^2 + d_{i+1}^2) / 2: origin at d_i.
    ii = i;
    sglb = 0;
    sgub = delsq2 / (di + sq2);
    const a = c0 * delsq + zi2 + zip12;
    const b = zi2 * delsq;
    const tau2 = a > 0 ? (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c0))) : (a - Math.sqrt(Math.abs(a * a - 4 * b * c0))) / (2 * c0);
    tau = tau2 / (di + Math.sqrt(di * di + tau2));
    // A tiny d_i with a tiny weight: the root hugs d_i; bisect geometrically (LAPACK 3.7).
    const small = Math.sqrt(UNIT_ROUNDOFF);
    if (di <= small * dip1 && Math.abs(z[i]) <= small && di > 0) {
      tau = Math.min(10 * di, sgub);
      geomavg = true;
    }
  } else {
    // (d_i^2 + d_{i+1}^2) / 2 <= sigma^2 < d_{i+1}^2: origin at d_{i+1}.
    ii = ip1;
    sglb = -delsq2 / (dip1 + sq2);
    sgub = 0;
    const a = c0 * delsq - zi2 - zip12;
    const b = zip12 * delsq;
    const tau2 = a < 0 ? (2 * b) / (a - Math.sqrt(Math.abs(a * a + 4 * b * c0))) : -(a + Math.sqrt(Math.abs(a * a + 4 * b * c0))) / (2 * c0);
    tau = tau2 / (dip1 + Math.sqrt(Math.abs(dip1 * dip1 + tau2)));
  }
  let sigma = d[ii] + tau;
  setOrigin(n, d, ii, tau, delta, work);
  const iip1 = ii + 1;

  let w = 0;
  let dw = 0;
  // Evaluates f at sigma (the origin's term apart, for the error bound) and tests convergence.
  const converged = (): boolean => {
    evaluate(n, z, delta, work, ii, iip1);
    const t = z[ii] / (work[ii] * delta[ii]);
    dw = sums.dpsi + sums.dphi + t * t;
    const term = z[ii] * t;
    w = rhoinv + sums.phi + sums.psi + term;
    sums.erretm = 8 * (sums.phi - sums.psi) + sums.erretm + 2 * rhoinv + 3 * Math.abs(term);
    return Math.abs(w) <= UNIT_ROUNDOFF * sums.erretm;
  };
  if (converged()) return sigma;
  // Three-pole interpolation pays off when the neighbour on the far side pulls hard (the sign of f
  // without the origin's term tells).
  const wWithoutOrigin = rhoinv + sums.phi + sums.psi;
  let swtch3 = orgati ? wWithoutOrigin < 0 : wWithoutOrigin > 0;
  if (ii === 0 || ii === n - 1) swtch3 = false;
  let swtch = false;
  for (let iter = 1; ; iter++) {
    if (iter > maxIterations) throw capHit(n, i, maxIterations);
    if (w <= 0) sglb = Math.max(sglb, tau);
    else sgub = Math.min(sgub, tau);
    const niter = iter + 1;
    let eta = Number.NaN;
    if (swtch3) {
      eta = threePoleStep(ii, orgati, swtch, niter, d, z, delta, work, rhoinv, w);
      if (Number.isNaN(eta)) swtch3 = false; // dlaed6 did not converge: fall back to two poles for good
    }
    if (!swtch3) eta = twoPoleStep(i, ii, orgati, swtch, z, delta, work, delsq, w, dw);
    // eta must have the sign opposite to w; roundoff can break that, then take a Newton step.
    if (w * eta >= 0) eta = -w / dw;
    eta /= sigma + Math.sqrt(sigma * sigma + eta);
    const next = tau + eta;
    if (next > sgub || next < sglb) {
      // The step left the bracket: bisect (geometrically when d_i is tiny).
      eta = w < 0 ? (sgub - tau) / 2 : (sglb - tau) / 2;
      if (geomavg) {
        if (w < 0) {
          if (tau > 0) eta = Math.sqrt(sgub * tau) - tau;
        } else if (sglb > 0) {
          eta = Math.sqrt(sglb * tau) - tau;
        }
      }
    }
    const prew = w;
    tau += eta;
    sigma += eta;
    shift(n, delta, work, eta);
    if (converged()) return sigma;
    // Switch between the two forms of the interpolant when the previous one made poor progress.
    if (iter === 1) swtch = orgati ? -w > Math.abs(prew) / 10 : w > Math.abs(prew) / 10;
    else if (w * prew > 0 && Math.abs(w) > Math.abs(prew) / 10) swtch = !swtch;
  }
}

/** The step of the two-pole rational interpolant (poles d_i and d_{i+1}) of dlasd4. */
function twoPoleStep(
  i: number, ii: number, orgati: boolean, swtch: boolean, z: Float64Array,
  delta: Float64Array, work: Float64Array, delsq: number, w: number, dw: number,
): number {
  const ip1 = i + 1;
  const dtipsq = work[ip1] * delta[ip1];
  const dtisq = work[i] * delta[i];
  let dpsi = sums.dpsi;
  let dphi = sums.dphi;
  let c: number;
  if (!swtch) {
    c = orgati ? w - dtipsq * dw + delsq * (z[i] / dtisq) ** 2 : w - dtisq * dw - delsq * (z[ip1] / dtipsq) ** 2;
  } else {
    const t = z[ii] / (work[ii] * delta[ii]);
    if (orgati) dpsi += t * t;
    else dphi += t * t;
    c = w - dtisq * dpsi - dtipsq * dphi;
  }
  let a = (dtipsq + dtisq) * w - dtipsq * dtisq * dw;
  const b = dtipsq * dtisq * w;
  if (c === 0) {
    if (a === 0) {
      if (!swtch) a = orgati ? z[i] * z[i] + dtipsq * dtipsq * (dpsi + dphi) : z[ip1] * z[ip1] + dtisq * dtisq * (dpsi + dphi);
      else a = dtisq * dtisq * dpsi + dtipsq * dtipsq * dphi;
    }
    return b / a;
  }
  if (a <= 0) return (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
  return (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
}

/** The step of the three-pole interpolant (poles ii-1, ii, ii+1) of dlasd4; NaN when dlaed6 fails. */
function threePoleStep(
  ii: number, orgati: boolean, swtch: boolean, niter: number, d: Float64Array, z: Float64Array,
  delta: Float64Array, work: Float64Array, rhoinv: number, w: number,
): number {
  const { psi, dpsi, phi, dphi } = sums;
  const iim1 = ii - 1;
  const iip1 = ii + 1;
  const dtiim = work[iim1] * delta[iim1];
  const dtiip = work[iip1] * delta[iip1];
  const temp = rhoinv + psi + phi;
  let c: number;
  if (swtch) {
    c = temp - dtiim * dpsi - dtiip * dphi;
    zz[0] = dtiim * dtiim * dpsi;
    zz[2] = dtiip * dtiip * dphi;
  } else if (orgati) {
    const t1 = (z[iim1] / dtiim) ** 2;
    c = temp - dtiip * (dpsi + dphi) - (d[iim1] - d[iip1]) * (d[iim1] + d[iip1]) * t1;
    zz[0] = z[iim1] * z[iim1];
    zz[2] = dpsi < t1 ? dtiip * dtiip * dphi : dtiip * dtiip * ((dpsi - t1) + dphi);
  } else {
    const t1 = (z[iip1] / dtiip) ** 2;
    c = temp - dtiim * (dpsi + dphi) - (d[iip1] - d[iim1]) * (d[iim1] + d[iip1]) * t1;
    zz[0] = dphi < t1 ? dtiim * dtiim * dpsi : dtiim * dtiim * (dpsi + (dphi - t1));
    zz[2] = z[iip1] * z[iip1];
  }
  zz[1] = z[ii] * z[ii];
  dd[0] = dtiim;
  dd[1] = delta[ii] * work[ii];
  dd[2] = dtiip;
  return threePoleRoot(niter, orgati, c, dd, zz, w);
}

/**
 * n = 2 in closed form (dlasd5): the i-th root of 1/rho + z_0^2/(d_0^2 - s^2) + z_1^2/(d_1^2 - s^2).
 */
function twoByTwoRoot(i: number, d: Float64Array, z: Float64Array, rho: number, delta: Float64Array, work: Float64Array): number {
  const del = d[1] - d[0];
  const delsq = del * (d[1] + d[0]);
  const z0 = z[0] * z[0];
  const z1 = z[1] * z[1];
  if (i === 0) {
    const w = 1 + (4 * rho * (z1 / (d[0] + 3 * d[1]) - z0 / (3 * d[0] + d[1]))) / del;
    if (w > 0) {
      // Origin at d_0: tau = sigma - d_0 from sigma^2 - d_0^2 without cancellation.
      const b = delsq + rho * (z0 + z1);
      const c = rho * z0 * delsq;
      let tau = (2 * c) / (b + Math.sqrt(Math.abs(b * b - 4 * c)));
      tau /= d[0] + Math.sqrt(d[0] * d[0] + tau);
      delta[0] = -tau;
      delta[1] = del - tau;
      work[0] = 2 * d[0] + tau;
      work[1] = d[0] + tau + d[1];
      return d[0] + tau;
    }
  }
  // Origin at d_1 (the second root always, the first when it lies right of the midpoint).
  const b = -delsq + rho * (z0 + z1);
  const c = rho * z1 * delsq;
  let tau: number;
  if (i === 0) tau = b > 0 ? (-2 * c) / (b + Math.sqrt(b * b + 4 * c)) : (b - Math.sqrt(b * b + 4 * c)) / 2;
  else tau = b > 0 ? (b + Math.sqrt(b * b + 4 * c)) / 2 : (2 * c) / (-b + Math.sqrt(b * b + 4 * c));
  tau /= d[1] + Math.sqrt(Math.abs(d[1] * d[1] + tau));
  delta[0] = -(del + tau);
  delta[1] = -tau;
  work[0] = d[0] + tau + d[1];
  work[1] = 2 * d[1] + tau;
  return d[1] + tau;
}
