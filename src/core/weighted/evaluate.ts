/**
 * One pass over the entries that gives everything an iteration needs from the residual
 * R = A - X Y^T: the weighted objective, the plain error and either the scaled weighted residual
 * (W / max W) o R (gradient descent's gradient factor) or EM's fill-in Z = X Y^T + (W / max W) o R,
 * written in the same pass so EM needs no pass and no buffer of its own.
 */
import type { WeightedProblem } from './problem';

/** What the pass writes besides the sums: the scaled residual, or EM's fill-in. */
export type EvaluationOutput = 'residual' | 'fill-in';

export interface Evaluation {
  objective: number;
  plainError: number;
}

/**
 * Evaluates the product `p` = X Y^T. Writes (W / max W) o (A - P), or P plus it ('fill-in'), into
 * `out` when given. Sums run per row and then over rows, which keeps the rounding of a million
 * terms near eps sqrt(m).
 */
export function evaluate(problem: WeightedProblem, p: Float64Array, out: Float64Array | null, output: EvaluationOutput = 'residual'): Evaluation {
  const { m, n, a, w, observed, maxWeight } = problem;
  const scale = maxWeight > 0 ? 1 / maxWeight : 0;
  let objective = 0;
  let plain = 0;
  for (let i = 0; i < m; i++) {
    const row = i * n;
    let rowObjective = 0;
    let rowPlain = 0;
    if (out && output === 'fill-in') {
      for (let j = row; j < row + n; j++) {
        const pj = p[j];
        const r = a[j] - pj;
        const rw = w[j] * r;
        rowObjective += rw * r;
        rowPlain += r * r;
        out[j] = pj + scale * rw;
      }
    } else if (out) {
      for (let j = row; j < row + n; j++) {
        const r = a[j] - p[j];
        const rw = w[j] * r;
        rowObjective += rw * r;
        rowPlain += r * r;
        out[j] = scale * rw;
      }
    } else {
      for (let j = row; j < row + n; j++) {
        const r = a[j] - p[j];
        rowObjective += w[j] * r * r;
        rowPlain += r * r;
      }
    }
    if (observed) {
      // Missing entries have weight 0 already; only the plain error must skip them.
      rowPlain = 0;
      for (let j = row; j < row + n; j++) {
        if (observed[j]) {
          const r = a[j] - p[j];
          rowPlain += r * r;
        }
      }
    }
    objective += rowObjective;
    plain += rowPlain;
  }
  return { objective, plainError: Math.sqrt(plain) };
}
