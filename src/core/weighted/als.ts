/**
 * Alternating weighted least squares. With Y fixed the objective splits over the rows of X: row i
 * minimises sum_j W_ij (A_ij - x_i . y_j)^2, whose normal equations are
 * (Y^T D_i Y) x_i = Y^T D_i a_i with D_i = diag(W_i.), a k x k system solved by Cholesky. Then the
 * same for each row of Y with X fixed. Each half step solves its subproblems exactly, so the
 * objective never increases; a row whose k x k matrix is singular (too few weighted entries, or
 * rank-deficient factors) gets a tiny ridge, and the new row is kept only if it does not raise
 * that row's part of the objective, so the property survives the ridge and rounding.
 *
 * Cost per iteration: forming the m + n Gram matrices, O(m n k^2) (O(nnz(W) k^2) for sparse
 * weights: entries of weight 0 are skipped), plus (m + n) k^3 / 3 for the factorisations.
 */
import { syrk } from '../dense/gemm';
import { transposeInto } from '../dense/matrix';
import { choleskyLower, pivotFloor, solveWithCholesky } from './cholesky';
import { productInto } from './factors';
import type { WeightedProblem } from './problem';
import type { FactorState, MethodStepper } from './stepper';

/** First ridge tried on a singular row system, relative to its largest diagonal entry; then x10. */
const FIRST_RIDGE = 1e-12;

export function createAlsStepper(problem: WeightedProblem, state: FactorState): MethodStepper {
  const { m, n, k } = problem;
  // Column-wise access for the Y half step, without strided reads in the hot loop.
  const at = new Float64Array(m * n);
  const wt = new Float64Array(m * n);
  transposeInto(problem.a, m, n, at);
  transposeInto(problem.w, m, n, wt);
  const rows = createRowSolver(k, Math.max(m, n));
  return {
    // ALS reads A and W only; the residual is written but unused.
    output: 'residual',
    step() {
      rows.solveAll(problem.a, problem.w, m, n, state.y, state.x);
      rows.solveAll(at, wt, n, m, state.x, state.y);
      productInto(state.x, state.y, m, n, k, state.product);
    },
  };
}

/** Workspaces for the row subproblems, sized for the longer side once. */
function createRowSolver(k: number, longest: number) {
  const scaled = new Float64Array(longest * k);
  const gram = new Float64Array(k * k);
  const factor = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  const solution = new Float64Array(k);

  /** q(x) = x^T G x - 2 c^T x: the row's objective up to a constant. */
  const rowObjective = (x: Float64Array, offset: number): number => {
    let value = 0;
    for (let i = 0; i < k; i++) {
      let gx = 0;
      for (let j = 0; j < k; j++) gx += gram[i * k + j] * x[offset + j];
      value += x[offset + i] * (gx - 2 * rhs[i]);
    }
    return value;
  };

  /** Solves G x = c into `solution`, with the smallest ridge of the x10 ladder that factors G. */
  const solveRow = (): boolean => {
    let maxDiagonal = 0;
    for (let i = 0; i < k; i++) maxDiagonal = Math.max(maxDiagonal, gram[i * k + i]);
    if (maxDiagonal === 0) {
      // No weighted entry in this row (or zero factors): every x is optimal; take the smallest.
      solution.fill(0);
      return true;
    }
    const floor = pivotFloor(k, maxDiagonal);
    for (let ridge = 0; ridge <= maxDiagonal; ridge = ridge === 0 ? FIRST_RIDGE * maxDiagonal : ridge * 10) {
      factor.set(gram);
      for (let i = 0; i < k; i++) factor[i * k + i] += ridge;
      if (choleskyLower(factor, k, floor)) {
        solution.set(rhs);
        solveWithCholesky(factor, k, solution);
        return true;
      }
    }
    return false;
  };

  /**
   * For each of the `count` rows of the target (count x k), the weighted least-squares fit of row i
   * of `data` (count x len, weights `w` alike) by the rows of `fixed` (len x k).
   */
  const solveAll = (data: Float64Array, w: Float64Array, count: number, len: number, fixed: Float64Array, target: Float64Array): void => {
    for (let i = 0; i < count; i++) {
      const row = i * len;
      rhs.fill(0);
      let used = 0;
      for (let j = 0; j < len; j++) {
        const wij = w[row + j];
        if (wij === 0) continue;
        const root = Math.sqrt(wij);
        const weightedValue = wij * data[row + j];
        const src = j * k;
        const dst = used * k;
        for (let c = 0; c < k; c++) {
          const v = fixed[src + c];
          scaled[dst + c] = root * v;
          rhs[c] += weightedValue * v;
        }
        used++;
      }
      // G = T^T T for the used x k block T of sqrt(w_ij) y_j.
      syrk(k, used, { data: scaled, offset: 0, ld: k, trans: true }, gram, 0, k);
      if (!solveRow()) continue;
      if (rowObjective(solution, 0) <= rowObjective(target, i * k)) target.set(solution, i * k);
    }
  };

  return { solveAll };
}
