import { describe, expect, it } from 'vitest';
import { LinalgError } from '../errors';
import { fromArrays, type Matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';
import { matrixWithSpectrum } from '../dense/spectrum';
import { svd } from '../svd/svd';
import { createWeightedSolver, fwsvd, weightedLowRank, weightedObjective, weightPreset, type WeightedMethod } from './index';
import { fixtureMatrix, fixtures, largestRise, lowRankPlusNoise, maxDifference, randomWeights } from './weighted.testkit';

const METHODS: WeightedMethod[] = ['em', 'als', 'gd'];
const ones = (m: number, n: number): Matrix => weightPreset('uniform', m, n);
const final = (objectives: Float64Array): number => objectives[objectives.length - 1];

describe('weighted low rank: uniform weights are the SVD', () => {
  const a = matrixWithSpectrum(12, 9, [9, 6, 4, 1, 0.5, 0.2, 0.1], createRandom(5));
  const s = svd(a).s;
  const k = 3;
  let tail = 0;
  for (let i = k; i < s.length; i++) tail += s[i] ** 2;

  for (const method of METHODS) {
    it(`${method}: from the SVD start the objective is the Eckart-Young tail and stays there`, () => {
      const r = weightedLowRank(a, ones(12, 9), k, { method, maxIter: 20 });
      expect(r.objectives[0]).toBeCloseTo(tail, 12);
      expect(Math.abs(final(r.objectives) - tail)).toBeLessThan(1e-12 * tail);
    });
    it(`${method}: from a random start it converges to the tail`, () => {
      const r = weightedLowRank(a, ones(12, 9), k, { method, init: 'random', seed: 3, maxIter: 5000, tol: 1e-15 });
      expect(r.objectives[0]).toBeGreaterThan(10 * tail);
      expect(Math.abs(final(r.objectives) - tail)).toBeLessThan(1e-9 * tail);
    });
  }
});

describe('weighted low rank: scaling every weight by c > 0 changes no minimiser', () => {
  const rng = createRandom(11);
  const a = lowRankPlusNoise(9, 7, 2, 0.3, rng);
  const w = randomWeights(9, 7, 12);
  const scaled: Matrix = { rows: 9, cols: 7, data: w.data.map((x) => 3.7 * x) };
  for (const method of METHODS) {
    it(method, () => {
      const options = { method, maxIter: 3000, tol: 1e-14 };
      const r1 = weightedLowRank(a, w, 2, options);
      const r2 = weightedLowRank(a, scaled, 2, options);
      expect(maxDifference(r1.approximation.data, r2.approximation.data)).toBeLessThan(1e-7);
      expect(final(r2.objectives) / final(r1.objectives)).toBeCloseTo(3.7, 9);
    });
  }
});

describe('weighted low rank: the objective never increases', () => {
  const cases = [
    { seed: 1, zeros: 0, init: 'random' as const },
    { seed: 2, zeros: 0.3, init: 'random' as const },
    { seed: 3, zeros: 0.5, init: 'svd' as const },
    { seed: 4, zeros: 0, init: 'zero' as const },
    { seed: 5, zeros: 0.2, init: 'fwsvd' as const },
  ];
  for (const method of METHODS) {
    for (const c of cases) {
      it(`${method}, seed ${c.seed}, ${c.zeros * 100}% zero weights, ${c.init} start`, () => {
        const a = lowRankPlusNoise(15, 11, 3, 0.5, createRandom(c.seed));
        const w = randomWeights(15, 11, 100 + c.seed, 0.01, 3, c.zeros);
        const r = weightedLowRank(a, w, 3, { method, init: c.init, seed: c.seed, maxIter: 300, tol: 0 });
        expect(r.iterations).toBeGreaterThan(5);
        expect(largestRise(r.objectives)).toBeLessThanOrEqual(1e-12);
        expect(final(r.objectives)).toBeLessThan(r.objectives[0]);
      });
    }
  }
});

describe('weighted low rank: numpy references (scripts/fixtures/make_weighted_fixtures.py)', () => {
  for (const c of fixtures.converged) {
    const a = fixtureMatrix(c.rows, c.cols, c.a);
    const w = fixtureMatrix(c.rows, c.cols, c.w);
    const reference = fixtureMatrix(c.rows, c.cols, c.approximation);
    for (const method of METHODS) {
      it(`${method} reaches numpy's solution: ${c.name}`, () => {
        const r = weightedLowRank(a, w, c.k, { method, maxIter: 20000, tol: 1e-15 });
        expect(r.stopped).toBe('tolerance');
        expect(Math.abs(final(r.objectives) / c.objective - 1)).toBeLessThan(1e-9);
        expect(maxDifference(r.approximation.data, reference.data)).toBeLessThan(1e-6);
        expect(final(r.objectives)).toBeLessThan(c.svdObjective);
      });
    }
  }

  it('two starts end in two different local minima, with every method', () => {
    const c = fixtures.localMinima;
    const a = fixtureMatrix(c.rows, c.cols, c.a);
    const w = fixtureMatrix(c.rows, c.cols, c.w);
    const [low, high] = c.starts;
    expect(high.objective).toBeGreaterThan(1.2 * low.objective);
    for (const start of c.starts) {
      const init = { x: fixtureMatrix(c.rows, c.k, start.x), y: fixtureMatrix(c.cols, c.k, start.y) };
      for (const method of METHODS) {
        const r = weightedLowRank(a, w, c.k, { method, init, maxIter: 50000, tol: 1e-15 });
        expect(r.stopped).toBe('tolerance');
        expect(Math.abs(final(r.objectives) / start.objective - 1)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('weighted low rank: NaN entries of A are missing', () => {
  const rng = createRandom(21);
  const full = lowRankPlusNoise(8, 6, 2, 0.1, rng);
  const holes = [3, 10, 17, 30, 41];
  const withNaN: Matrix = { rows: 8, cols: 6, data: full.data.slice() };
  const filled: Matrix = { rows: 8, cols: 6, data: full.data.slice() };
  const w = randomWeights(8, 6, 22, 0.5, 2);
  const zeroAtHoles: Matrix = { rows: 8, cols: 6, data: w.data.slice() };
  for (const i of holes) {
    withNaN.data[i] = NaN;
    filled.data[i] = 1e3;
    w.data[i] = 50;
    zeroAtHoles.data[i] = 0;
  }
  for (const method of METHODS) {
    it(`${method}: weight 0 at NaN whatever W says, and nothing is poisoned`, () => {
      const rng = createRandom(23);
      const init = { x: { rows: 8, cols: 2, data: rng.fillNormal(new Float64Array(16)) }, y: { rows: 6, cols: 2, data: rng.fillNormal(new Float64Array(12)) } };
      const options = { method, init, maxIter: 200, tol: 0 };
      const r = weightedLowRank(withNaN, w, 2, options);
      const same = weightedLowRank(filled, zeroAtHoles, 2, options);
      for (let t = 0; t < r.objectives.length; t++) {
        expect(Number.isFinite(r.objectives[t]) && Number.isFinite(r.plainErrors[t])).toBe(true);
        expect(r.objectives[t]).toBeCloseTo(same.objectives[t], 9);
      }
      expect(r.approximation.data.every(Number.isFinite)).toBe(true);
      expect(weightedObjective(withNaN, w, r.approximation)).toBeCloseTo(final(r.objectives), 10);
    });
  }
  it('the plain error skips missing entries', () => {
    const r = weightedLowRank(withNaN, w, 2, { maxIter: 5 });
    let sum = 0;
    for (let i = 0; i < full.data.length; i++) if (!holes.includes(i)) sum += (full.data[i] - r.approximation.data[i]) ** 2;
    expect(final(r.plainErrors)).toBeCloseTo(Math.sqrt(sum), 10);
  });
});

describe('weighted low rank: starts', () => {
  const a = lowRankPlusNoise(10, 8, 2, 0.4, createRandom(31));
  const w = randomWeights(10, 8, 32);
  it("'zero': exactly zero for EM, a tiny perturbation of zero for ALS and GD", () => {
    let zeroObjective = 0;
    for (let i = 0; i < a.data.length; i++) zeroObjective += w.data[i] * a.data[i] ** 2;
    expect(createWeightedSolver(a, w, 2, { method: 'em', init: 'zero' }).start.objective).toBeCloseTo(zeroObjective, 12);
    for (const method of ['als', 'gd'] as const) {
      const solver = createWeightedSolver(a, w, 2, { method, init: 'zero', seed: 4 });
      expect(solver.start.objective).not.toBe(zeroObjective);
      expect(Math.abs(solver.start.objective / zeroObjective - 1)).toBeLessThan(1e-6);
      expect(solver.step().objective).toBeLessThan(0.9 * zeroObjective);
    }
  });
  it("'fwsvd' starts at FWSVD with the row sums of W", () => {
    const rowSums = new Float64Array(10);
    for (let i = 0; i < 10; i++) for (let j = 0; j < 8; j++) rowSums[i] += w.data[i * 8 + j];
    const expected = weightedObjective(a, w, fwsvd(a, rowSums, 2).approximation);
    expect(createWeightedSolver(a, w, 2, { init: 'fwsvd' }).start.objective).toBeCloseTo(expected, 11);
  });
  it("'random' is reproducible from its seed and differs between seeds", () => {
    const s1 = createWeightedSolver(a, w, 2, { init: 'random', seed: 9 }).start.objective;
    expect(createWeightedSolver(a, w, 2, { init: 'random', seed: 9 }).start.objective).toBe(s1);
    expect(createWeightedSolver(a, w, 2, { init: 'random', seed: 10 }).start.objective).not.toBe(s1);
  });
  it('a precomputed SVD gives the same start as computing it', () => {
    const f = svd(a);
    expect(createWeightedSolver(a, w, 2, { svd: f }).start.objective).toBe(createWeightedSolver(a, w, 2).start.objective);
  });
});

describe('weighted low rank: the stepper', () => {
  const a = lowRankPlusNoise(10, 7, 2, 0.3, createRandom(41));
  const w = randomWeights(10, 7, 42, 0.1, 2, 0.2);

  it('steps, reports, stops at maxIter and then stands still', () => {
    const seen: number[] = [];
    const solver = createWeightedSolver(a, w, 2, { method: 'gd', maxIter: 4, tol: 0, onIteration: (r) => seen.push(r.iteration) });
    expect(solver.start.iteration).toBe(0);
    expect(solver.done).toBe(false);
    expect(solver.result().stopped).toBe('cancelled');
    for (let i = 1; i <= 4; i++) expect(solver.step().iteration).toBe(i);
    expect(solver.done).toBe(true);
    expect(solver.stopped).toBe('max-iterations');
    const last = solver.step();
    expect(last.iteration).toBe(4);
    expect(seen).toEqual([1, 2, 3, 4]);
    const r = solver.result();
    expect(r.iterations).toBe(4);
    expect(r.objectives.length).toBe(5);
    expect(r.stopped).toBe('max-iterations');
    expect(r.objectives[4]).toBe(last.objective);
  });

  it('factors() are balanced copies whose product is the approximation', () => {
    const solver = createWeightedSolver(a, w, 2, { method: 'em' });
    solver.step();
    const { x, y } = solver.factors();
    x.data.fill(0);
    const again = solver.factors();
    expect(again.x.data.some((v) => v !== 0)).toBe(true);
    const r = solver.result();
    const product = new Float64Array(70);
    for (let i = 0; i < 10; i++) for (let j = 0; j < 7; j++) for (let p = 0; p < 2; p++) product[i * 7 + j] += again.x.data[i * 2 + p] * again.y.data[j * 2 + p];
    expect(maxDifference(product, r.approximation.data)).toBeLessThan(1e-12);
    // Balanced: X^T X = Y^T Y = S (diagonal).
    const gram = (f: Matrix, p: number, q: number) => {
      let s = 0;
      for (let i = 0; i < f.rows; i++) s += f.data[i * 2 + p] * f.data[i * 2 + q];
      return s;
    };
    expect(gram(again.x, 0, 0)).toBeCloseTo(gram(again.y, 0, 0), 10);
    expect(gram(again.x, 0, 1)).toBeCloseTo(0, 10);
    void y;
  });

  for (const method of ['em', 'als'] as const) {
    it(`${method}: resuming from factors() continues the same run`, () => {
      const whole = weightedLowRank(a, w, 2, { method, maxIter: 10, tol: 0 });
      const first = createWeightedSolver(a, w, 2, { method, maxIter: 5, tol: 0 });
      while (!first.done) first.step();
      const second = weightedLowRank(a, w, 2, { method, init: first.factors(), maxIter: 5, tol: 0 });
      expect(second.objectives[0]).toBeCloseTo(whole.objectives[5], 12);
      for (let t = 0; t <= 5; t++) expect(second.objectives[t] / whole.objectives[5 + t]).toBeCloseTo(1, 9);
    });
  }

  it('weightedLowRank returns, not throws, when cancelled, and reports progress', () => {
    let polls = 0;
    const fractions: number[] = [];
    const r = weightedLowRank(a, w, 2, {
      maxIter: 100, tol: 0, shouldCancel: () => ++polls > 3, onProgress: (f) => fractions.push(f),
    });
    expect(r.stopped).toBe('cancelled');
    expect(r.iterations).toBe(3);
    expect(fractions).toEqual([0.01, 0.02, 0.03]);
  });

  it('maxIter 0 returns the start', () => {
    const r = weightedLowRank(a, w, 2, { maxIter: 0 });
    expect(r.iterations).toBe(0);
    expect(r.stopped).toBe('max-iterations');
  });
});

describe('weighted low rank: hard cases', () => {
  for (const method of METHODS) {
    it(`${method}: a 1 x n matrix is fitted exactly at rank 1`, () => {
      const a = fromArrays([[1, -2, 3, 0.5, 4]]);
      const w = fromArrays([[1, 2, 0.5, 3, 1]]);
      const r = weightedLowRank(a, w, 1, { method, init: 'random', seed: 1, maxIter: 5000, tol: 1e-15 });
      expect(final(r.objectives)).toBeLessThan(1e-20);
      expect(r.stopped).toBe('tolerance');
      const column = weightedLowRank({ rows: 5, cols: 1, data: a.data.slice() }, { rows: 5, cols: 1, data: w.data.slice() }, 1, { method });
      expect(final(column.objectives)).toBeLessThan(1e-20);
    });
    it(`${method}: the zero matrix stops at once at 0`, () => {
      for (const init of ['svd', 'random', 'zero'] as const) {
        const r = weightedLowRank(fromArrays([[0, 0, 0], [0, 0, 0]]), randomWeights(2, 3, 1), 1, { method, init });
        expect(r.objectives[0]).toBe(0);
        expect(r.iterations).toBe(0);
        expect(r.stopped).toBe('tolerance');
        expect(r.approximation.data.every((v) => v === 0)).toBe(true);
      }
    });
    it(`${method}: a rank-deficient A is fitted exactly when k exceeds its rank`, () => {
      const a = lowRankPlusNoise(9, 6, 2, 0, createRandom(51));
      const w = randomWeights(9, 6, 52);
      const r = weightedLowRank(a, w, 3, { method, init: 'random', seed: 5, maxIter: 20000, tol: 1e-15 });
      expect(final(r.objectives)).toBeLessThan(1e-16 * r.objectives[0]);
      expect(r.approximation.data.every(Number.isFinite)).toBe(true);
    });
    it(`${method}: k = min(m, n) fits exactly`, () => {
      const a = lowRankPlusNoise(6, 4, 4, 0, createRandom(61));
      const r = weightedLowRank(a, randomWeights(6, 4, 62), 4, { method, init: 'random', maxIter: 20000, tol: 1e-15 });
      expect(final(r.objectives)).toBeLessThan(1e-16 * r.objectives[0]);
      expect(weightedLowRank(a, randomWeights(6, 4, 62), 4, { method }).iterations).toBe(0);
    });
  }
  it('a row or column whose weights are all 0 leaves the others unaffected', () => {
    const a = lowRankPlusNoise(6, 5, 2, 0.2, createRandom(71));
    const w = randomWeights(6, 5, 72);
    for (let j = 0; j < 5; j++) w.data[2 * 5 + j] = 0;
    for (let i = 0; i < 6; i++) w.data[i * 5 + 3] = 0;
    for (const method of METHODS) {
      const r = weightedLowRank(a, w, 2, { method, maxIter: 300 });
      expect(r.approximation.data.every(Number.isFinite)).toBe(true);
      expect(largestRise(r.objectives)).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('weighted low rank: input checks', () => {
  const a = fromArrays([[1, 2, 3], [4, 5, 6]]);
  const w = ones(2, 3);
  it('names both shapes when they differ', () => {
    expect(() => createWeightedSolver(a, ones(3, 2), 1)).toThrow(LinalgError);
    expect(() => createWeightedSolver(a, ones(3, 2), 1)).toThrow('createWeightedSolver: the weights are 3 x 2 but A is 2 x 3; they must have the same shape');
    expect(() => weightedObjective(a, w, ones(2, 2))).toThrow('weightedObjective: the approximation is 2 x 2 but A is 2 x 3');
  });
  it('rejects negative, infinite and NaN weights', () => {
    const bad = (value: number) => ({ rows: 2, cols: 3, data: Float64Array.of(1, 1, 1, 1, value, 1) });
    expect(() => weightedLowRank(a, bad(-1), 1)).toThrow('weightedLowRank: weight (1, 1) is -1; weights must be finite and non-negative');
    expect(() => weightedLowRank(a, bad(Infinity), 1)).toThrow('weight (1, 1) is Infinity');
    expect(() => weightedLowRank(a, bad(NaN), 1)).toThrow('weight (1, 1) is NaN');
  });
  it('rejects infinite entries of A (NaN is allowed: missing)', () => {
    const inf = fromArrays([[1, Infinity, 3], [4, 5, 6]]);
    expect(() => weightedLowRank(inf, w, 1)).toThrow('weightedLowRank: entry (0, 1) is Infinity in the 2 x 3 matrix A');
    expect(() => weightedLowRank(fromArrays([[1, NaN, 3], [4, 5, 6]]), w, 1)).not.toThrow();
  });
  it('checks k, the method, the options and warm-start factors', () => {
    expect(() => weightedLowRank(a, w, 0)).toThrow('weightedLowRank: k must be an integer in [1, 2], got 0');
    expect(() => weightedLowRank(a, w, 3)).toThrow('k must be an integer in [1, 2], got 3');
    expect(() => weightedLowRank(a, w, 1.5)).toThrow('got 1.5');
    expect(() => weightedLowRank(a, w, 1, { method: 'sgd' as WeightedMethod })).toThrow("unknown method 'sgd'");
    expect(() => weightedLowRank(a, w, 1, { maxIter: -1 })).toThrow('maxIter must be an integer');
    expect(() => weightedLowRank(a, w, 1, { tol: -1 })).toThrow('tol must be a finite number >= 0, got -1');
    expect(() => weightedLowRank(a, w, 1, { init: { x: ones(2, 1), y: ones(2, 1) } })).toThrow(
      'weightedLowRank: the start factor y is 2 x 1; for a 2 x 3 A and k = 1 it must be 3 x 1',
    );
    expect(() => weightedLowRank(a, w, 1, { init: { x: fromArrays([[1], [NaN]]), y: ones(3, 1) } })).toThrow('entry (1, 0) of the start factor x is NaN');
    expect(() => weightedLowRank(a, w, 1, { init: 'warm' as 'svd' })).toThrow("unknown init 'warm'");
    expect(() => weightedLowRank(matrixOf(0, 3), w, 1)).toThrow('weightedLowRank: the matrix A is empty (0 x 3)');
  });
});

function matrixOf(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}
