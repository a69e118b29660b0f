import { describe, expect, it } from 'vitest';
import { lowRank } from '../svd/lowRank';
import { fromArrays, identity, transpose, type Matrix } from '../dense/matrix';
import { createRandom, randomMatrix } from '../dense/random';
import { svd } from '../svd/svd';
import { activationAwareSvd, gramOf } from './index';
import { fixtureMatrix, fixtures, maxDifference } from './weighted.testkit';

/** ||(A - B) X||_F for inputs X (n x s), directly. */
function dataError(a: Matrix, b: Matrix, inputs: Matrix): number {
  let sum = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let c = 0; c < inputs.cols; c++) {
      let s = 0;
      for (let j = 0; j < a.cols; j++) s += (a.data[i * a.cols + j] - b.data[i * a.cols + j]) * inputs.data[j * inputs.cols + c];
      sum += s * s;
    }
  }
  return Math.sqrt(sum);
}

describe('activationAwareSvd', () => {
  const c = fixtures.activationAware;
  const a = fixtureMatrix(c.rows, c.cols, c.a);
  const inputs = fixtureMatrix(c.cols, c.samples, c.inputs);

  it("matches numpy's (A L)_k L^{-1} and its errors", () => {
    const r = activationAwareSvd(a, gramOf(inputs, 'columns-are-samples'), c.k);
    expect(r.ridgeUsed).toBe(0);
    expect(maxDifference(r.approximation.data, fixtureMatrix(c.rows, c.cols, c.approximation).data)).toBeLessThan(1e-10);
    expect(r.dataError).toBeCloseTo(c.dataError, 10);
    expect(r.plainError).toBeCloseTo(c.plainError, 10);
    expect(dataError(a, r.approximation, inputs)).toBeCloseTo(c.dataError, 10);
    const product = new Float64Array(c.rows * c.cols);
    for (let i = 0; i < c.rows; i++) for (let j = 0; j < c.cols; j++) for (let p = 0; p < c.k; p++) product[i * c.cols + j] += r.x.data[i * c.k + p] * r.y.data[j * c.k + p];
    expect(maxDifference(product, r.approximation.data)).toBeLessThan(1e-12);
  });

  it('beats plain SVD on the data error, and plain SVD beats it on the plain error', () => {
    const r = activationAwareSvd(a, gramOf(inputs, 'columns-are-samples'), c.k);
    const plain = lowRank(svd(a), c.k);
    expect(dataError(a, plain, inputs)).toBeCloseTo(c.svdDataError, 10);
    expect(r.dataError).toBeLessThan(c.svdDataError);
    expect(r.plainError).toBeGreaterThan(Math.sqrt(a.data.reduce((s, x, i) => s + (x - plain.data[i]) ** 2, 0)));
  });

  it('is the plain SVD when G is a multiple of the identity, or zero', () => {
    const plain = lowRank(svd(a), c.k);
    const scaledIdentity: Matrix = { ...identity(c.cols), data: identity(c.cols).data.map((v) => 3 * v) };
    expect(maxDifference(activationAwareSvd(a, scaledIdentity, c.k).approximation.data, plain.data)).toBeLessThan(1e-12);
    const zero = activationAwareSvd(a, { rows: c.cols, cols: c.cols, data: new Float64Array(c.cols ** 2) }, c.k);
    expect(zero.ridgeUsed).toBeGreaterThan(0);
    expect(zero.dataError).toBe(0);
    expect(maxDifference(zero.approximation.data, plain.data)).toBeLessThan(1e-12);
  });

  it('gives a semidefinite G (fewer samples than features) the smallest ridge that works', () => {
    const rng = createRandom(8);
    const b = randomMatrix(5, 10, rng);
    const few = randomMatrix(10, 4, rng);
    const g = gramOf(few, 'columns-are-samples');
    const r = activationAwareSvd(b, g, 3);
    expect(r.ridgeUsed).toBeGreaterThan(0);
    expect(r.ridgeUsed).toBeLessThan(1e-10 * Math.max(...Array.from({ length: 10 }, (_, i) => g.data[i * 11])));
    expect(r.approximation.data.every(Number.isFinite)).toBe(true);
    // Rank 3 of 4 visited directions: the data error is small, and far below plain SVD's.
    expect(r.dataError).toBeLessThan(0.5 * dataError(b, lowRank(svd(b), 3), few));
    expect(r.dataError).toBeCloseTo(dataError(b, r.approximation, few), 8);
    // The ridge keeps the unvisited directions close to A's: the plain error stays moderate.
    expect(r.plainError).toBeLessThan(2 * Math.sqrt(b.data.reduce((s, x) => s + x * x, 0)));
    expect(activationAwareSvd(b, g, 3, { ridge: 1e-3 }).ridgeUsed).toBe(1e-3);
  });

  it('checks its input', () => {
    const g = gramOf(inputs, 'columns-are-samples');
    expect(() => activationAwareSvd(a, identity(5), 2)).toThrow('activationAwareSvd: A is 6 x 8, so the Gram matrix must be 8 x 8 (G = X X^T for inputs with 8 features), got 5 x 5');
    expect(() => activationAwareSvd(a, g, 7)).toThrow('k must be an integer in [1, 6], got 7');
    const skew: Matrix = { ...g, data: g.data.slice() };
    skew.data[1] += 1;
    expect(() => activationAwareSvd(a, skew, 2)).toThrow('activationAwareSvd: the Gram matrix is not symmetric: G(0, 1)');
    expect(() => activationAwareSvd(fromArrays([[1, 2]]), fromArrays([[1, 0], [0, -1]]), 1)).toThrow('G(1, 1) = -1 < 0');
    expect(() => activationAwareSvd(fromArrays([[1, 2]]), fromArrays([[1, 2], [2, 1]]), 1)).toThrow('the Gram matrix is not positive semidefinite');
    expect(() => activationAwareSvd(a, g, 2, { ridge: -1 })).toThrow('ridge must be a finite number >= 0, got -1');
  });
});

describe('gramOf', () => {
  it('reads samples as rows or as columns', () => {
    expect(Array.from(gramOf(fromArrays([[1, 2], [3, 4]]), 'rows-are-samples').data)).toEqual([10, 14, 14, 20]);
    expect(Array.from(gramOf(fromArrays([[1, 2], [3, 4]]), 'columns-are-samples').data)).toEqual([5, 11, 11, 25]);
    const x = randomMatrix(7, 3, createRandom(2));
    expect(maxDifference(gramOf(x, 'columns-are-samples').data, gramOf(transpose(x), 'rows-are-samples').data)).toBe(0);
    expect(() => gramOf(x, 'samples' as 'rows-are-samples')).toThrow("gramOf: layout must be 'rows-are-samples' or 'columns-are-samples'");
  });
});
