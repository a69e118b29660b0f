import { describe, expect, it } from 'vitest';
import { lowRank } from '../svd/lowRank';
import { createRandom } from '../dense/random';
import { svd } from '../svd/svd';
import { createEmStepper } from './em';
import { evaluate } from './evaluate';
import { productInto } from './factors';
import { prepareProblem } from './problem';
import type { FactorState } from './stepper';
import { lowRankPlusNoise, maxDifference, randomWeights } from './weighted.testkit';

describe('EM step', () => {
  const a = lowRankPlusNoise(9, 7, 2, 0.5, createRandom(3));
  const w = randomWeights(9, 7, 4, 0.01, 5, 0.3);
  const problem = prepareProblem('test', a, w, 2);
  const rng = createRandom(5);
  const start = (): FactorState => {
    const x = rng.fillNormal(new Float64Array(18));
    const y = rng.fillNormal(new Float64Array(14));
    return { x, y, product: productInto(x, y, 9, 7, 2, new Float64Array(63)), work: new Float64Array(63) };
  };

  it('the warm-started step never does worse on the surrogate ||Z_t - X||_F than X_t', () => {
    const state = start();
    const stepper = createEmStepper(problem, state);
    for (let t = 0; t < 20; t++) {
      evaluate(problem, state.product, state.work, stepper.output);
      const z = state.work.slice();
      const before = z.reduce((s, v, i) => s + (v - state.product[i]) ** 2, 0);
      stepper.step();
      const after = z.reduce((s, v, i) => s + (v - state.product[i]) ** 2, 0);
      expect(after).toBeLessThanOrEqual(before * (1 + 1e-13));
    }
  });

  it('redoExactly replaces the last step by the exact truncated SVD of the same Z_t', () => {
    const state = start();
    const stepper = createEmStepper(problem, state);
    evaluate(problem, state.product, state.work, stepper.output);
    const z = state.work.slice();
    stepper.step();
    evaluate(problem, state.product, state.work, stepper.output);
    stepper.redoExactly!();
    const exact = lowRank(svd({ rows: 9, cols: 7, data: z }), 2);
    expect(maxDifference(state.product, exact.data)).toBeLessThan(1e-12);
  });
});
