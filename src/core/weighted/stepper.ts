/**
 * What the solver and the three methods share: the current factors with their product, and the
 * interface of one method's iteration.
 */

import type { EvaluationOutput } from './evaluate';

/** The iterate. The solver refreshes `work` from `product` after every step. */
export interface FactorState {
  /** m x k, in the method's own split of the product. */
  x: Float64Array;
  /** n x k. */
  y: Float64Array;
  /** X Y^T (m x n). */
  product: Float64Array;
  /**
   * What the method asked for (MethodStepper.output): the scaled residual (W / max W) o (A - X Y^T),
   * 0 at missing entries, or EM's fill-in X Y^T + that.
   */
  work: Float64Array;
}

/** One method's iteration on a FactorState. */
export interface MethodStepper {
  /** What the solver's evaluation pass writes into `work` for this method. */
  readonly output: EvaluationOutput;
  /** Replaces x, y and product by the next iterate. */
  step(): void;
  /**
   * Redoes the last step exactly, from the same iterate, when its inexact form raised the objective
   * beyond rounding (EM's warm-started subspace step; see em.ts). Absent for exact methods.
   */
  redoExactly?(): void;
}
