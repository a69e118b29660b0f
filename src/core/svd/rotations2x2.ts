/**
 * The 2 x 2 building blocks of the bidiagonal QR iteration, after LAPACK's dlartg, dlas2 and dlasv2
 * (Demmel-Kahan 1990). They are written for accuracy first: every formula avoids overflow and
 * cancellation as the LAPACK originals do.
 */
import { EPS, SAFE_MIN } from '../dense/scalar';

/** Fortran's SIGN(a, b): |a| with the sign of b. */
function sign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

const RT_MIN = Math.sqrt(SAFE_MIN);
const RT_MAX = Math.sqrt(1 / SAFE_MIN / 2);

/** A plane rotation [c s; -s c] and the value it leaves, r. */
export interface Givens {
  c: number;
  s: number;
  r: number;
}

/**
 * The rotation with [c s; -s c] [f; g] = [r; 0], c >= 0, r with the sign of f (dlartg, LAPACK 3.10).
 * Writes into `out` to avoid allocating in the sweep loop.
 *
 * @example
 * const g = { c: 0, s: 0, r: 0 }; givens(3, 4, g); // g = { c: 0.6, s: 0.8, r: 5 }
 */
export function givens(f: number, g: number, out: Givens): Givens {
  if (g === 0) {
    out.c = 1;
    out.s = 0;
    out.r = f;
  } else if (f === 0) {
    out.c = 0;
    out.s = sign(1, g);
    out.r = Math.abs(g);
  } else {
    const f1 = Math.abs(f);
    const g1 = Math.abs(g);
    if (f1 > RT_MIN && f1 < RT_MAX && g1 > RT_MIN && g1 < RT_MAX) {
      const d = Math.sqrt(f * f + g * g);
      out.c = f1 / d;
      out.r = sign(d, f);
      out.s = g / out.r;
    } else {
      const u = Math.min(1 / SAFE_MIN, Math.max(SAFE_MIN, f1, g1));
      const fs = f / u;
      const gs = g / u;
      const d = Math.sqrt(fs * fs + gs * gs);
      out.c = Math.abs(fs) / d;
      const r = sign(d, f);
      out.s = gs / r;
      out.r = r * u;
    }
  }
  return out;
}

/**
 * Singular values of the upper-triangular [[f, g], [0, h]] (dlas2): returns [smin, smax].
 *
 * @example
 * singularValues2x2(3, 4, 5); // [2.2360..., 6.7082...]  (the transpose of [[3, 0], [4, 5]])
 */
export function singularValues2x2(f: number, g: number, h: number): [number, number] {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const fhmn = Math.min(fa, ha);
  const fhmx = Math.max(fa, ha);
  if (fhmn === 0) {
    if (fhmx === 0) return [0, ga];
    const big = Math.max(fhmx, ga);
    const ratio = Math.min(fhmx, ga) / big;
    return [0, big * Math.sqrt(1 + ratio * ratio)];
  }
  if (ga < fhmx) {
    const as = 1 + fhmn / fhmx;
    const at = (fhmx - fhmn) / fhmx;
    const au = (ga / fhmx) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    return [fhmn * c, fhmx / c];
  }
  const au = fhmx / ga;
  if (au === 0) return [(fhmn * fhmx) / ga, ga];
  const as = 1 + fhmn / fhmx;
  const at = (fhmx - fhmn) / fhmx;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  return [2 * (fhmn * c) * au, ga / (c + c)];
}

/** The SVD of a 2 x 2 upper-triangular matrix, see {@link svd2x2}. */
export interface Svd2x2 {
  ssmin: number;
  ssmax: number;
  /** Right rotation (cosr, sinr) and left rotation (cosl, sinl). */
  cosr: number;
  sinr: number;
  cosl: number;
  sinl: number;
}

/**
 * SVD of [[f, g], [0, h]] (dlasv2): [cosl sinl; -sinl cosl] [f g; 0 h] [cosr -sinr; sinr cosr]
 * = diag(ssmax, ssmin), with |ssmax| >= |ssmin| (signs may be negative).
 *
 * @example
 * svd2x2(3, 4, 5).ssmax; // 6.7082...
 */
export function svd2x2(f: number, g: number, h: number): Svd2x2 {
  let ft = f;
  let fa = Math.abs(ft);
  let ht = h;
  let ha = Math.abs(h);
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    [ft, ht] = [ht, ft];
    [fa, ha] = [ha, fa];
  }
  const gt = g;
  const ga = Math.abs(gt);
  let ssmin: number, ssmax: number, clt: number, crt: number, slt: number, srt: number;
  if (ga === 0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let gasmal = true;
    ssmin = ssmax = clt = crt = slt = srt = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < EPS) {
        gasmal = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gasmal) {
      const d = fa - ha;
      let l = d === fa ? 1 : d / fa;
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        t = l === 0 ? sign(2, ft) * sign(1, gt) : gt / sign(d, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  const [csl, snl, csr, snr] = swap ? [srt, crt, slt, clt] : [clt, slt, crt, srt];
  let tsign: number;
  if (pmax === 1) tsign = sign(1, csr) * sign(1, csl) * sign(1, f);
  else if (pmax === 2) tsign = sign(1, snr) * sign(1, csl) * sign(1, g);
  else tsign = sign(1, snr) * sign(1, snl) * sign(1, h);
  return {
    ssmax: sign(ssmax, tsign),
    ssmin: sign(ssmin, tsign * sign(1, f) * sign(1, h)),
    cosr: csr,
    sinr: snr,
    cosl: csl,
    sinl: snl,
  };
}
