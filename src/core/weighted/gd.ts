/**
 * Gradient descent on the factors with an exact line search. The gradient of
 * f = sum W o (A - X Y^T)^2 is -2 (W o R) Y for X and -2 (W o R)^T X for Y (R the residual); the
 * step moves both factors along E_x = (w o R) Y, E_y = (w o R)^T X (w = W / max W: only the step
 * length absorbs the scale). Along that ray f is a quartic in the step length (lineSearch.ts), and
 * its exact minimiser is taken: the objective never increases, with no step-size parameter to tune.
 * Plain steepest descent: linear convergence, slow when the problem is ill-conditioned (the lesson
 * of the race).
 *
 * Cost per iteration: six m x n x k products (two for the gradient, three for P1 = [E_x X][Y E_y]^T
 * and P2 = E_x E_y^T, one for the new X Y^T) and one pass for the quartic's coefficients.
 */
import { gemm } from '../dense/gemm';
import { productInto } from './factors';
import { minimizeQuartic } from './lineSearch';
import type { WeightedProblem } from './problem';
import type { FactorState, MethodStepper } from './stepper';

export function createGdStepper(problem: WeightedProblem, state: FactorState): MethodStepper {
  const { m, n, k, a, w, maxWeight } = problem;
  const scale = maxWeight > 0 ? 1 / maxWeight : 0;
  const ex = new Float64Array(m * k);
  const ey = new Float64Array(n * k);
  const left = new Float64Array(m * 2 * k);
  const right = new Float64Array(n * 2 * k);
  const p1 = new Float64Array(m * n);
  const p2 = new Float64Array(m * n);

  return {
    output: 'residual',
    step() {
      const { x, y, product: p, work: s } = state;
      gemm(m, k, n, 1, { data: s, offset: 0, ld: n, trans: false }, { data: y, offset: 0, ld: k, trans: false }, 0, ex, 0, k);
      gemm(n, k, m, 1, { data: s, offset: 0, ld: n, trans: true }, { data: x, offset: 0, ld: k, trans: false }, 0, ey, 0, k);
      interleave(ex, x, m, k, left);
      interleave(y, ey, n, k, right);
      productInto(left, right, m, n, 2 * k, p1);
      productInto(ex, ey, m, n, k, p2);
      // R(t) = R - t P1 - t^2 P2, so f(t) / max W = sum w (R^2 - 2t R P1 + t^2 (P1^2 - 2 R P2) + 2 t^3 P1 P2 + t^4 P2^2).
      let rp1 = 0, c2 = 0, c3 = 0, c4 = 0;
      for (let i = 0; i < p.length; i++) {
        const wi = scale * w[i];
        if (wi === 0) continue;
        const r = a[i] - p[i];
        const u = p1[i];
        const v = p2[i];
        rp1 += s[i] * u;
        c2 += wi * (u * u - 2 * r * v);
        c3 += wi * u * v;
        c4 += wi * v * v;
      }
      const t = minimizeQuartic(-2 * rp1, c2, 2 * c3, c4);
      if (!(t > 0 && Number.isFinite(t))) return;
      for (let i = 0; i < x.length; i++) x[i] += t * ex[i];
      for (let i = 0; i < y.length; i++) y[i] += t * ey[i];
      productInto(x, y, m, n, k, p);
    },
  };
}

/** out (rows x 2k) = [first | second] for two rows x k blocks. */
function interleave(first: Float64Array, second: Float64Array, rows: number, k: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    out.set(first.subarray(i * k, (i + 1) * k), 2 * i * k);
    out.set(second.subarray(i * k, (i + 1) * k), (2 * i + 1) * k);
  }
}
