/**
 * The public types of weighted low-rank approximation: minimise
 * f(X, Y) = sum_ij W_ij (A_ij - (X Y^T)_ij)^2 over X (m x k) and Y (n x k). See
 * docs/numerics.md, "Weighted low rank", for the methods and their guarantees.
 */
import type { Matrix } from '../dense/matrix';
import type { ProgressOptions } from '../progress';
import type { SvdResult } from '../svd/svdTypes';

/** Expectation-maximisation (Srebro & Jaakkola 2003), alternating least squares, gradient descent. */
export type WeightedMethod = 'em' | 'als' | 'gd';

/**
 * Where the iteration starts: the truncated SVD of A, FWSVD with the row sums of W, seeded random
 * factors, zero (exactly zero for EM; for ALS and GD, whose gradient vanishes there, a seeded tiny
 * perturbation of zero), or explicit factors (a warm start, e.g. resuming a paused run).
 */
export type WeightedInit = 'svd' | 'fwsvd' | 'random' | 'zero' | { x: Matrix; y: Matrix };

/** What one iteration reached. */
export interface WeightedIteration {
  /** 0 for the start, then 1, 2, ... */
  iteration: number;
  /** sum_ij W_ij (A_ij - (X Y^T)_ij)^2 with the weights as given (not rescaled); missing entries count 0. */
  objective: number;
  /** ||A - X Y^T||_F over the finite (not missing) entries of A. */
  plainError: number;
}

/** Options of {@link createWeightedSolver} and {@link weightedLowRank}. */
export interface WeightedOptions extends ProgressOptions {
  /** Default 'em'. */
  method?: WeightedMethod;
  /** Default 'svd'. */
  init?: WeightedInit;
  /** Iteration cap (default 200); 0 returns the start. */
  maxIter?: number;
  /** Stop once an iteration lowers the objective by less than tol times its previous value (default 1e-6). */
  tol?: number;
  /** Seed of the 'random' and 'zero' starts (default 0). */
  seed?: number;
  /** Called after every iteration with what it reached (not for the start). */
  onIteration?: (record: WeightedIteration) => void;
  /**
   * A thin SVD of A (missing entries read as 0) already at hand, for the 'svd' start: saves
   * computing it again when several solvers start from the same matrix. Trusted as given.
   */
  svd?: SvdResult;
}

/** Why a run ended. */
export type WeightedStop = 'tolerance' | 'max-iterations' | 'cancelled';

/** A finished (or cancelled) run. */
export interface WeightedResult {
  method: WeightedMethod;
  rank: number;
  /** m x k and n x k, A ~ X Y^T, balanced: X = Q_x U sqrt(S), Y = Q_y V sqrt(S). */
  x: Matrix;
  y: Matrix;
  /** X Y^T (m x n). */
  approximation: Matrix;
  /** Index 0 = the start, then one per iteration. */
  objectives: Float64Array;
  /** The same indexing. */
  plainErrors: Float64Array;
  iterations: number;
  stopped: WeightedStop;
}

/** A stepper, so a worker can interleave several methods (a race) and yield between steps. */
export interface WeightedSolver {
  readonly method: WeightedMethod;
  readonly rank: number;
  /** Iteration 0: the start. */
  readonly start: WeightedIteration;
  /** One iteration; once `done`, it changes nothing and returns the last record. */
  step(): WeightedIteration;
  /** True after the tolerance was met or maxIter iterations ran. */
  readonly done: boolean;
  readonly stopped: WeightedStop | null;
  /** Copies of the current factors, balanced as in {@link WeightedResult}. */
  factors(): { x: Matrix; y: Matrix };
  /** The run so far; `stopped` is 'cancelled' when called before `done`. */
  result(): WeightedResult;
}

/** Factors of a closed-form approximation: approximation = X Y^T. */
export interface FactoredApproximation {
  approximation: Matrix;
  x: Matrix;
  y: Matrix;
}
