/**
 * The weighted low-rank solver: checks the input, builds the start, runs one method's iterations
 * and applies the stopping rule. The stepper form lets a worker interleave several methods and yield
 * between iterations; weightedLowRank runs one to the end.
 */
import { assertInteger, LinalgError } from '../errors';
import type { Matrix } from '../dense/matrix';
import { createAlsStepper } from './als';
import { createEmStepper } from './em';
import { evaluate } from './evaluate';
import { balancedFactors, productInto } from './factors';
import { createGdStepper } from './gd';
import { startFactors } from './init';
import { prepareProblem, type WeightedProblem } from './problem';
import type { FactorState, MethodStepper } from './stepper';
import type { WeightedIteration, WeightedMethod, WeightedOptions, WeightedResult, WeightedSolver, WeightedStop } from './types';

const METHODS: readonly WeightedMethod[] = ['em', 'als', 'gd'];

/** An increase of the objective smaller than this (relative), plus the rounding floor, is rounding. */
const ROUNDING_INCREASE = 1e-12;

/**
 * A solver positioned at the start; call step() until done. Throws LinalgError for bad input
 * (shapes, k, weights, options) before any work.
 *
 * @example
 * const solver = createWeightedSolver(a, w, 2, { method: 'als' });
 * while (!solver.done) solver.step();
 * solver.result().objectives; // [start, after 1, after 2, ...], never increasing
 */
export function createWeightedSolver(a: Matrix, weights: Matrix, k: number, options: WeightedOptions = {}): WeightedSolver {
  return buildSolver('createWeightedSolver', a, weights, k, options);
}

/**
 * The best rank-k approximation under entry weights W that the chosen method reaches from the
 * chosen start: min sum_ij W_ij (A_ij - (X Y^T)_ij)^2. When shouldCancel() turns true it returns
 * what it has, with stopped 'cancelled' (it does not throw).
 *
 * @example
 * const r = weightedLowRank(a, weightPreset('random-mask', a.rows, a.cols, { seed: 1 }), 2);
 * r.stopped;                          // 'tolerance' (or 'max-iterations')
 * r.objectives[r.iterations];         // the final weighted objective
 */
export function weightedLowRank(a: Matrix, weights: Matrix, k: number, options: WeightedOptions = {}): WeightedResult {
  const solver = buildSolver('weightedLowRank', a, weights, k, options);
  const maxIter = options.maxIter ?? 200;
  const stage = `${solver.method.toUpperCase()} iteration`;
  while (!solver.done) {
    if (options.shouldCancel?.()) return solver.result();
    const record = solver.step();
    options.onProgress?.(maxIter > 0 ? record.iteration / maxIter : 1, stage);
  }
  return solver.result();
}

function buildSolver(fn: string, a: Matrix, weights: Matrix, k: number, options: WeightedOptions): WeightedSolver {
  const problem = prepareProblem(fn, a, weights, k);
  const method = options.method ?? 'em';
  if (!METHODS.includes(method)) throw new LinalgError(`${fn}: unknown method '${String(method)}' (expected 'em', 'als' or 'gd')`);
  const maxIter = options.maxIter ?? 200;
  assertInteger(fn, 'maxIter', maxIter, 0, 1e9);
  const tol = options.tol ?? 1e-6;
  if (!(tol >= 0 && tol < Infinity)) throw new LinalgError(`${fn}: tol must be a finite number >= 0, got ${tol}`);
  const seed = options.seed ?? 0;
  if (!Number.isFinite(seed)) throw new LinalgError(`${fn}: seed must be a finite number, got ${seed}`);

  const { m, n } = problem;
  const start = startFactors(fn, problem, options.init ?? 'svd', method, seed, options.svd);
  const state: FactorState = {
    x: start.x,
    y: start.y,
    product: productInto(start.x, start.y, m, n, k, new Float64Array(m * n)),
    work: new Float64Array(m * n),
  };
  const stepper = createStepper(method, problem, state);
  const evaluateState = () => evaluate(problem, state.product, state.work, stepper.output);
  let current = evaluateState();
  const objectives = [current.objective];
  const plainErrors = [current.plainError];
  const startRecord: WeightedIteration = { iteration: 0, objective: current.objective, plainError: current.plainError };
  let last = startRecord;
  let stopped: WeightedStop | null = null;
  if (maxIter === 0) stopped = 'max-iterations';
  else if (current.objective <= problem.noiseFloor) stopped = 'tolerance';

  const step = (): WeightedIteration => {
    if (stopped) return last;
    const previous = current.objective;
    stepper.step();
    current = evaluateState();
    if (stepper.redoExactly && current.objective > previous * (1 + ROUNDING_INCREASE) + problem.noiseFloor) {
      stepper.redoExactly();
      current = evaluateState();
    }
    objectives.push(current.objective);
    plainErrors.push(current.plainError);
    last = { iteration: objectives.length - 1, objective: current.objective, plainError: current.plainError };
    if (previous - current.objective <= tol * previous || current.objective <= problem.noiseFloor) stopped = 'tolerance';
    else if (last.iteration >= maxIter) stopped = 'max-iterations';
    options.onIteration?.(last);
    return last;
  };

  const factors = () => balancedFactors(state.x, state.y, m, n, k);

  return {
    method,
    rank: k,
    start: startRecord,
    step,
    get done() {
      return stopped !== null;
    },
    get stopped() {
      return stopped;
    },
    factors,
    result(): WeightedResult {
      const { x, y } = factors();
      return {
        method,
        rank: k,
        x,
        y,
        approximation: { rows: m, cols: n, data: state.product.slice() },
        objectives: Float64Array.from(objectives),
        plainErrors: Float64Array.from(plainErrors),
        iterations: objectives.length - 1,
        stopped: stopped ?? 'cancelled',
      };
    },
  };
}

function createStepper(method: WeightedMethod, problem: WeightedProblem, state: FactorState): MethodStepper {
  if (method === 'em') return createEmStepper(problem, state);
  if (method === 'als') return createAlsStepper(problem, state);
  return createGdStepper(problem, state);
}
