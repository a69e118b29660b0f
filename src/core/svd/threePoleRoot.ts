/**
 * The three-pole step of the secular equation solver (LAPACK's dlaed6): when a root of the
 * secular equation sits between two poles but the pole beyond one of them pulls hard, dlasd4
 * interpolates f by three poles and solves that model exactly, by Gragg-Thornton-Warner
 * cubically convergent steps inside a shrinking bracket.
 */
import { EPS } from '../dense/scalar';

/** LAPACK's dlamch('E'), the unit roundoff 2^-53 (half of EPS). */
const UNIT_ROUNDOFF = EPS / 2;
/** dlaed6's cap; when it is hit, the caller falls back to two-pole interpolation, as LAPACK does. */
const THREE_POLE_MAX_ITERATIONS = 40;

// dlaed6 scales its inputs when a pole is within 2^-340 of tau, so that 1/x^3 cannot overflow.
const SMALL1 = 2 ** -340;
const SMALL2 = 2 ** -680;

/**
 * The root nearest 0 of f(x) = rho + sum_{k<3} z_k / (d_k - x), with finit = f(0). The poles are
 * relative to the current iterate 0, which lies between d_1 and d_2 (orgati) or between d_0 and
 * d_1, as does the root; kniter = 2 asks for a better starting point. Returns NaN when it does not
 * converge within its cap; the caller then falls back to two poles.
 *
 * @example
 * // f(x) = 1 + 1/(-2 - x) + 1/(-0.5 - x) + 1/(1 - x), f(0) = -0.5: the root in (0, 1)
 * threePoleRoot(3, true, 1, new Float64Array([-2, -0.5, 1]), new Float64Array([1, 1, 1]), -0.5);
 * // 0.10753298374269174
 */
export function threePoleRoot(kniter: number, orgati: boolean, rho: number, d: Float64Array, z: Float64Array, finit: number): number {
  let lbd = orgati ? d[1] : d[0];
  let ubd = orgati ? d[2] : d[1];
  if (finit < 0) lbd = 0;
  else ubd = 0;
  let tau = 0;
  if (kniter === 2) {
    let a: number;
    let b: number;
    let c: number;
    if (orgati) {
      const t = (d[2] - d[1]) / 2;
      c = rho + z[0] / ((d[0] - d[1]) - t);
      a = c * (d[1] + d[2]) + z[1] + z[2];
      b = c * d[1] * d[2] + z[1] * d[2] + z[2] * d[1];
    } else {
      const t = (d[0] - d[1]) / 2;
      c = rho + z[2] / ((d[2] - d[1]) - t);
      a = c * (d[0] + d[1]) + z[0] + z[1];
      b = c * d[0] * d[1] + z[0] * d[1] + z[1] * d[0];
    }
    const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
    a /= scale;
    b /= scale;
    c /= scale;
    if (c === 0) tau = b / a;
    else if (a <= 0) tau = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    else tau = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
    if (tau < lbd || tau > ubd) tau = (lbd + ubd) / 2;
    if (d[0] === tau || d[1] === tau || d[2] === tau) {
      tau = 0;
    } else {
      const f = finit + (tau * z[0]) / (d[0] * (d[0] - tau)) + (tau * z[1]) / (d[1] * (d[1] - tau)) + (tau * z[2]) / (d[2] * (d[2] - tau));
      if (f <= 0) lbd = tau;
      else ubd = tau;
      if (Math.abs(finit) <= Math.abs(f)) tau = 0;
    }
  }
  const nearest = orgati ? Math.min(Math.abs(d[1] - tau), Math.abs(d[2] - tau)) : Math.min(Math.abs(d[0] - tau), Math.abs(d[1] - tau));
  let sclfac = 1;
  let sclinv = 1;
  if (nearest <= SMALL1) {
    sclfac = nearest <= SMALL2 ? 1 / SMALL2 : 1 / SMALL1;
    sclinv = nearest <= SMALL2 ? SMALL2 : SMALL1;
    tau *= sclfac;
    lbd *= sclfac;
    ubd *= sclfac;
  }
  const d0 = d[0] * sclfac, d1 = d[1] * sclfac, d2 = d[2] * sclfac;
  const z0 = z[0] * sclfac, z1 = z[1] * sclfac, z2 = z[2] * sclfac;
  let fc = 0;
  let df = 0;
  let ddf = 0;
  const accumulate = (dk: number, zk: number): number => {
    const t = 1 / (dk - tau);
    const t1 = zk * t;
    const t2 = t1 * t;
    fc += t1 / dk;
    df += t2;
    ddf += t2 * t;
    return Math.abs(t1 / dk);
  };
  accumulate(d0, z0);
  accumulate(d1, z1);
  accumulate(d2, z2);
  let f = finit + tau * fc;
  if (Math.abs(f) <= 0) return tau * sclinv;
  if (f <= 0) lbd = tau;
  else ubd = tau;
  for (let iter = 2; iter <= THREE_POLE_MAX_ITERATIONS; iter++) {
    const t1 = (orgati ? d1 : d0) - tau;
    const t2 = (orgati ? d2 : d1) - tau;
    let a = (t1 + t2) * f - t1 * t2 * df;
    let b = t1 * t2 * f;
    let c = f - (t1 + t2) * df + t1 * t2 * ddf;
    const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
    a /= scale;
    b /= scale;
    c /= scale;
    let eta: number;
    if (c === 0) eta = b / a;
    else if (a <= 0) eta = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    else eta = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
    if (f * eta >= 0) eta = -f / df;
    tau += eta;
    if (tau < lbd || tau > ubd) tau = (lbd + ubd) / 2;
    fc = 0;
    df = 0;
    ddf = 0;
    const erretm = accumulate(d0, z0) + accumulate(d1, z1) + accumulate(d2, z2);
    f = finit + tau * fc;
    if (Math.abs(f) <= UNIT_ROUNDOFF * (8 * (Math.abs(finit) + Math.abs(tau) * erretm) + Math.abs(tau) * df)) return tau * sclinv;
    if (f <= 0) lbd = tau;
    else ubd = tau;
  }
  return Number.NaN;
}
