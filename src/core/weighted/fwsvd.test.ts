import { describe, expect, it } from 'vitest';
import { lowRank } from '../svd/lowRank';
import { fromArrays, transpose, type Matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';
import { svd } from '../svd/svd';
import { fwsvd, fwsvdColumns, rowWeightsOf, weightedLowRank, weightedObjective, weightPreset } from './index';
import { fixtureMatrix, fixtures, lowRankPlusNoise, maxDifference } from './weighted.testkit';

const broadcastRows = (weights: Float64Array, cols: number): Matrix => ({
  rows: weights.length, cols, data: Float64Array.from({ length: weights.length * cols }, (_, i) => weights[Math.floor(i / cols)]),
});
const plainError = (a: Matrix, b: Matrix): number => Math.sqrt(a.data.reduce((s, x, i) => s + (x - b.data[i]) ** 2, 0));

describe('fwsvd', () => {
  const c = fixtures.fwsvd;
  const a = fixtureMatrix(c.rows, c.cols, c.a);
  const d = Float64Array.from(c.rowWeights);
  const w = broadcastRows(d, c.cols);

  it("matches numpy's D^{-1} (D A)_k", () => {
    const r = fwsvd(a, d, c.k);
    expect(maxDifference(r.approximation.data, fixtureMatrix(c.rows, c.cols, c.approximation).data)).toBeLessThan(1e-12);
    expect(weightedObjective(a, w, r.approximation)).toBeCloseTo(c.objective, 12);
  });

  it("beats plain SVD on the weighted error, and may lose on the plain one", () => {
    const r = fwsvd(a, d, c.k);
    const plain = lowRank(svd(a), c.k);
    expect(weightedObjective(a, w, r.approximation)).toBeLessThanOrEqual(weightedObjective(a, w, plain));
    expect(c.objective).toBeLessThan(c.svdObjective);
    expect(plainError(a, r.approximation)).toBeCloseTo(c.plainError, 12);
    expect(c.plainError).toBeGreaterThan(c.svdPlainError);
  });

  it('is the optimum the iterative methods find for row weights', () => {
    const best = weightedObjective(a, w, fwsvd(a, d, c.k).approximation);
    for (const method of ['em', 'als'] as const) {
      const r = weightedLowRank(a, w, c.k, { method, init: 'random', seed: 1, maxIter: 20000, tol: 1e-15 });
      expect(r.objectives[r.iterations] / best - 1).toBeLessThan(1e-9);
    }
  });

  it('gives X Y^T = approximation and the SVD for uniform weights', () => {
    const r = fwsvd(a, new Float64Array(c.rows).fill(2.5), c.k);
    expect(maxDifference(r.approximation.data, lowRank(svd(a), c.k).data)).toBeLessThan(1e-12);
    const product = new Float64Array(c.rows * c.cols);
    for (let i = 0; i < c.rows; i++) for (let j = 0; j < c.cols; j++) for (let p = 0; p < c.k; p++) product[i * c.cols + j] += r.x.data[i * c.k + p] * r.y.data[j * c.k + p];
    expect(maxDifference(product, r.approximation.data)).toBeLessThan(1e-12);
  });

  it('projects zero-weight rows onto the row space found; all zero weights give plain SVD', () => {
    const b = lowRankPlusNoise(6, 5, 3, 0.1, createRandom(3));
    const weights = Float64Array.of(1, 2, 0, 1, 0, 3);
    const r = fwsvd(b, weights, 2);
    expect(r.approximation.data.every(Number.isFinite)).toBe(true);
    expect(svd(r.approximation).s[2]).toBeLessThan(1e-12);
    // Dropping the zero rows gives the same row space, so the same approximation of the other rows.
    const kept = [0, 1, 3, 5];
    const sub: Matrix = { rows: 4, cols: 5, data: Float64Array.from(kept.flatMap((i) => Array.from(b.data.subarray(i * 5, i * 5 + 5)))) };
    const subR = fwsvd(sub, Float64Array.of(1, 2, 1, 3), 2);
    kept.forEach((i, r2) => {
      expect(maxDifference(r.approximation.data.subarray(i * 5, i * 5 + 5), subR.approximation.data.subarray(r2 * 5, r2 * 5 + 5))).toBeLessThan(1e-12);
    });
    expect(maxDifference(fwsvd(b, new Float64Array(6), 2).approximation.data, lowRank(svd(b), 2).data)).toBeLessThan(1e-12);
  });

  it('fwsvdColumns is fwsvd of the transpose', () => {
    const cw = Float64Array.of(1, 4, 0.5, 2, 1);
    const r = fwsvdColumns(a, cw, 2);
    const t = fwsvd(transpose(a), cw, 2);
    expect(maxDifference(r.approximation.data, transpose(t.approximation).data)).toBeLessThan(1e-14);
    expect(r.x.rows).toBe(c.rows);
    expect(r.y.rows).toBe(c.cols);
  });

  it('checks its input', () => {
    expect(() => fwsvd(a, new Float64Array(3), 1)).toThrow('fwsvd: A is 7 x 5, so it needs 7 row weights, got 3');
    expect(() => fwsvd(a, Float64Array.of(1, 1, -2, 1, 1, 1, 1), 1)).toThrow('fwsvd: row weight 2 is -2; weights must be finite and non-negative');
    expect(() => fwsvd(a, d, 6)).toThrow('fwsvd: k must be an integer in [1, 5], got 6');
    expect(() => fwsvdColumns(a, new Float64Array(7), 1)).toThrow('fwsvdColumns: A is 7 x 5, so it needs 5 column weights, got 7');
  });
});

describe('rowWeightsOf', () => {
  it('returns the row weights when every row is constant, else null', () => {
    expect(Array.from(rowWeightsOf(fromArrays([[2, 2, 2], [0, 0, 0], [5, 5, 5]]))!)).toEqual([2, 0, 5]);
    expect(rowWeightsOf(fromArrays([[2, 2.1], [5, 5]]))).toBeNull();
    expect(rowWeightsOf(weightPreset('rows', 6, 4, { seed: 2 }))).not.toBeNull();
    expect(rowWeightsOf(weightPreset('columns', 6, 4, { seed: 2 }))).toBeNull();
    expect(() => rowWeightsOf(fromArrays([[1, -1]]))).toThrow('rowWeightsOf: weight (0, 1) is -1');
  });
});
