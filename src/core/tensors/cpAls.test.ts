/**
 * CP-ALS: numpy's fits with the SVD initialisation, non-decreasing fits, recovery of an exact
 * rank-2 tensor, seeds, cancellation and checks.
 */
import { describe, expect, it } from 'vitest';
import { matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';
import { tensor, type Tensor } from './tensor';
import { cpAls, cpToFull } from './index';
import { caseTensor, fixtures, maxDiff, relativeDifference } from './tensors.testkit';

/** sum_r a_r o b_r o c_r with seeded Gaussian factors. */
function exactCp(shape: number[], rank: number, seed: number): Tensor {
  const rng = createRandom(seed);
  const factors = shape.map((n) => matrix(n, rank, rng.fillNormal(new Float64Array(n * rank))));
  return cpToFull({ weights: new Float64Array(rank).fill(1), factors });
}

describe('cpAls', () => {
  it("follows numpy's ALS sweep by sweep (SVD init, same update order and pseudo-inverse)", () => {
    const c = fixtures.cp;
    const r = cpAls(caseTensor(c), c.rank, { maxIter: c.fits.length, tol: 0 });
    expect(r.iterations).toBe(c.fits.length);
    expect(r.stopped).toBe('max-iterations');
    expect(maxDiff(r.fits, c.fits)).toBeLessThan(1e-9);
  });

  it('fits never decrease (fixtures and seeded random starts)', () => {
    for (const [t, seed] of [[caseTensor(fixtures.cp), 0], [exactCp([6, 5, 4], 4, 3), 1], [caseTensor(fixtures.hosvd[0]), 2]] as const) {
      for (const init of ['svd', 'random'] as const) {
        const r = cpAls(t, 3, { init, seed, maxIter: 60, tol: 0 });
        for (let i = 1; i < r.fits.length; i++) expect(r.fits[i]).toBeGreaterThanOrEqual(r.fits[i - 1] - 1e-12);
      }
    }
  });

  it('recovers an exact rank-2 tensor', () => {
    const t = exactCp([8, 8, 12], 2, 7);
    const r = cpAls(t, 2, { tol: 1e-14, maxIter: 500 });
    expect(r.relativeError).toBeLessThan(1e-8);
    expect(relativeDifference(t, cpToFull(r))).toBeCloseTo(r.relativeError, 12);
    expect(r.parameters).toBe(2 * (8 + 8 + 12));
    expect(r.compressionFactor).toBeCloseTo(768 / 56, 12);
    expect(r.weights[0]).toBeGreaterThanOrEqual(r.weights[1]);
    for (const f of r.factors) {
      for (let j = 0; j < 2; j++) {
        let s = 0;
        for (let i = 0; i < f.rows; i++) s += f.data[i * 2 + j] ** 2;
        expect(s).toBeCloseTo(1, 12);
      }
    }
  });

  it('stops on tolerance, reports each sweep, is reproducible per seed and can be cancelled', () => {
    const t = caseTensor(fixtures.cp);
    const seen: number[] = [];
    const r = cpAls(t, 2, { tol: 1e-6, onIteration: (i, fit) => seen.push(i + fit) });
    expect(r.stopped).toBe('tolerance');
    expect(seen.length).toBe(r.iterations);
    const a = cpAls(t, 4, { init: 'random', seed: 5, maxIter: 10 });
    const b = cpAls(t, 4, { init: 'random', seed: 5, maxIter: 10 });
    expect(Array.from(a.fits)).toEqual(Array.from(b.fits));
    let calls = 0;
    const c = cpAls(t, 2, { tol: 0, shouldCancel: () => ++calls > 3 });
    expect(c.stopped).toBe('cancelled');
    expect(c.iterations).toBe(3);
    // Rank above a mode's size: the SVD start is completed by seeded columns.
    expect(cpAls(t, 7, { maxIter: 5 }).factors[0].cols).toBe(7);
  });

  it('rejects bad ranks, orders and non-finite entries', () => {
    expect(() => cpAls(tensor([4]), 1)).toThrow(/reshape a vector first/);
    expect(() => cpAls(tensor([2, 2]), 0)).toThrow(/rank must be a positive integer/);
    expect(() => cpAls(tensor([2, 2], [1, 2, Infinity, 4]), 1)).toThrow("'cpAls input' has Infinity at index [1, 0]");
    expect(() => cpToFull({ weights: new Float64Array(2), factors: [matrix(2, 1)] })).toThrow(/factor 0 must be n_0 x 2/);
  });
});
