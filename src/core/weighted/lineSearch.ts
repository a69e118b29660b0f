/**
 * Exact line search for gradient descent on the factors. Along X + t E_x, Y + t E_y the product is
 * X Y^T + t P1 + t^2 P2 (P1 = E_x Y^T + X E_y^T, P2 = E_x E_y^T), so the weighted objective is a
 * quartic in t: f(t) = c0 + c1 t + c2 t^2 + c3 t^3 + c4 t^4 with c4 >= 0. Its minimiser over t >= 0
 * is a root of the cubic f'(t); this finds them all and returns the best.
 */

/** Safeguarded Newton-bisection steps per root: far more than double precision needs. */
const ROOT_STEPS = 200;

/**
 * The t >= 0 minimising c1 t + c2 t^2 + c3 t^3 + c4 t^4 (c0 does not matter), for a descent direction
 * (c1 < 0). Returns 0 when c1 >= 0 (no descent) and Infinity when the quartic is unbounded below
 * along the ray (impossible for a weighted objective, which is >= 0).
 *
 * @example
 * minimizeQuartic(-2, 1, 0, 0); // 1: the minimiser of t^2 - 2t
 */
export function minimizeQuartic(c1: number, c2: number, c3: number, c4: number): number {
  if (!(c1 < 0)) return 0;
  const value = (t: number): number => t * (c1 + t * (c2 + t * (c3 + t * c4)));
  const slope = (t: number): number => c1 + t * (2 * c2 + t * (3 * c3 + t * 4 * c4));
  const curvature = (t: number): number => 2 * c2 + t * (6 * c3 + t * 12 * c4);
  if (c4 <= 0 && c3 === 0) return c2 > 0 ? -c1 / (2 * c2) : Infinity;

  // Bracket the first sign change of f' from the quadratic model's step, doubling outwards.
  let hi = c2 > 0 ? -c1 / (2 * c2) : 1;
  let doublings = 0;
  while (slope(hi) < 0) {
    hi *= 2;
    if (++doublings > 2100 || !Number.isFinite(hi)) return Infinity;
  }
  const first = root(slope, curvature, 0, hi);
  // Divide f'(t) = 4 c4 t^3 + 3 c3 t^2 + 2 c2 t + c1 by (t - first): the other two roots are a quadratic's.
  const q2 = 4 * c4;
  const q1 = 3 * c3 + q2 * first;
  const q0 = 2 * c2 + q1 * first;
  let best = first;
  let bestValue = value(first);
  for (const guess of quadraticRoots(q2, q1, q0)) {
    if (!(guess > 0)) continue;
    const t = polish(slope, curvature, guess);
    const v = value(t);
    if (t > 0 && v < bestValue) {
      best = t;
      bestValue = v;
    }
  }
  return best;
}

/** A root of g in [lo, hi] where g(lo) < 0 < g(hi): Newton steps, replaced by bisection when they leave the bracket. */
function root(g: (t: number) => number, dg: (t: number) => number, lo: number, hi: number): number {
  let t = 0.5 * (lo + hi);
  for (let i = 0; i < ROOT_STEPS; i++) {
    const v = g(t);
    if (v === 0) return t;
    if (v < 0) lo = t;
    else hi = t;
    const d = dg(t);
    let next = d !== 0 ? t - v / d : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (next === t || hi - lo <= 4 * Number.EPSILON * hi) return next;
    t = next;
  }
  return t;
}

/** A few Newton steps from a root of the deflated quadratic, to undo the rounding of the deflation. */
function polish(g: (t: number) => number, dg: (t: number) => number, t: number): number {
  for (let i = 0; i < 4; i++) {
    const d = dg(t);
    if (d === 0) break;
    t -= g(t) / d;
  }
  return t;
}

/** Real roots of a t^2 + b t + c, by the cancellation-free formula. */
function quadraticRoots(a: number, b: number, c: number): number[] {
  if (a === 0) return b !== 0 ? [-c / b] : [];
  const disc = b * b - 4 * a * c;
  if (disc < 0) return [];
  const q = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(disc));
  return q === 0 ? [0] : [q / a, c / q];
}
