/**
 * The starting factors of the iterative methods, one function per WeightedInit.
 */
import { LinalgError, shapeText } from '../errors';
import type { Matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';
import { svd } from '../svd/svd';
import type { SvdResult } from '../svd/svdTypes';
import { truncatedSvdFactors } from './factors';
import { rowWeightedApproximation } from './fwsvd';
import type { WeightedProblem } from './problem';
import type { WeightedInit, WeightedMethod } from './types';

export interface StartFactors {
  x: Float64Array;
  y: Float64Array;
}

/**
 * ||X Y^T|| / ||A|| of the 'zero' start of ALS and GD: each factor is 1e-4 of the random start's,
 * so the objective differs from that of X Y^T = 0 by about 1e-8 relative, while the gradient (of
 * the size of the factors) does not vanish.
 */
export const ZERO_START_SCALE = 1e-8;

/** The start for `init`; `precomputed` is a thin SVD of A (missing as 0) to reuse for 'svd'. */
export function startFactors(
  fn: string, problem: WeightedProblem, init: WeightedInit, method: WeightedMethod, seed: number, precomputed?: SvdResult,
): StartFactors {
  const { m, n, k, a } = problem;
  if (typeof init === 'object' && init !== null) return explicitFactors(fn, init, m, n, k);
  switch (init) {
    case 'svd':
      return truncatedSvdFactors(precomputed ?? svd({ rows: m, cols: n, data: a }), k);
    case 'fwsvd': {
      const rowSums = new Float64Array(m);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) rowSums[i] += problem.w[i * n + j];
      const r = rowWeightedApproximation(a, m, n, rowSums, k);
      return { x: r.x.data, y: r.y.data };
    }
    case 'random':
      return randomFactors(problem, seed, 1);
    case 'zero':
      // X Y^T = 0 is EM's classic start; for ALS and GD zero factors are a stationary point.
      return method === 'em' ? { x: new Float64Array(m * k), y: new Float64Array(n * k) } : randomFactors(problem, seed, ZERO_START_SCALE);
    default:
      throw new LinalgError(`${fn}: unknown init '${String(init)}' (expected 'svd', 'fwsvd', 'random', 'zero' or { x, y })`);
  }
}

/**
 * Seeded Gaussian factors scaled so that ||X Y^T||_F is about `scale` ||A||_F: entries of a product
 * of m x k and k x n standard Gaussians have variance k, so each factor gets sqrt(||A|| / sqrt(m n k)).
 */
function randomFactors(problem: WeightedProblem, seed: number, scale: number): StartFactors {
  const { m, n, k, norm } = problem;
  const rng = createRandom(seed);
  const s = Math.sqrt((scale * norm) / Math.sqrt(m * n * k));
  const x = rng.fillNormal(new Float64Array(m * k));
  const y = rng.fillNormal(new Float64Array(n * k));
  for (let i = 0; i < x.length; i++) x[i] *= s;
  for (let i = 0; i < y.length; i++) y[i] *= s;
  return { x, y };
}

/** A warm start: factors of shapes m x k and n x k with finite entries, copied. */
function explicitFactors(fn: string, init: { x: Matrix; y: Matrix }, m: number, n: number, k: number): StartFactors {
  const check = (f: Matrix, rows: number, name: string): Float64Array => {
    if (!f || !(f.data instanceof Float64Array) || f.rows !== rows || f.cols !== k || f.data.length !== rows * k) {
      const shape = f && Number.isInteger(f.rows) ? shapeText(f.rows, f.cols) : 'not a matrix';
      throw new LinalgError(`${fn}: the start factor ${name} is ${shape}; for a ${shapeText(m, n)} A and k = ${k} it must be ${shapeText(rows, k)}`);
    }
    for (let i = 0; i < f.data.length; i++) {
      if (!Number.isFinite(f.data[i])) {
        throw new LinalgError(`${fn}: entry (${Math.floor(i / k)}, ${i % k}) of the start factor ${name} is ${f.data[i]}`);
      }
    }
    return f.data.slice();
  };
  return { x: check(init.x, m, 'x'), y: check(init.y, n, 'y') };
}
