/**
 * The one low-rank view: from an SVD it keeps the factors and carries A's energies and block means;
 * from factors not in SVD form (a weighted solver's) it finds the approximation's own SVD: U and V
 * orthonormal, U diag(s) V^T = left right^T, s the approximation's singular values, descending, and
 * finite zeros when the factors are rank deficient.
 */
import { describe, expect, it } from 'vitest';
import { createRandom, matmul, matrix, orthogonalityResidual, randomMatrix, svd, type Matrix } from '../core';
import { HEATMAP_GRID, lowRankView, lowRankViewOfFactors, summarize, viewBuffers, type LowRankView } from './lowRankView';
import { approximationOf } from './lowRankView.testkit';

function maxAbsDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}

function norm(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * x[i];
  return Math.sqrt(sum);
}

/** Means of the r x c blocks of a rows x cols row-major array whose sides r and c divide evenly. */
function evenBlockMeans(data: ArrayLike<number>, rows: number, cols: number, r: number, c: number): Float64Array {
  const out = new Float64Array((rows / r) * (cols / c));
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[Math.floor(i / r) * (cols / c) + Math.floor(j / c)] += data[i * cols + j] / (r * c);
  return out;
}

/** The view's U, V orthonormal, and U diag(s) V^T = left right^T to 1e-12 relative. */
function expectFactorsOf(view: LowRankView, left: Matrix, right: Matrix) {
  expect(orthogonalityResidual(matrix(view.rows, view.p, view.u))).toBeLessThan(10);
  expect(orthogonalityResidual(matrix(view.cols, view.p, view.v))).toBeLessThan(10);
  const expected = matmul(left, right, { transB: true }).data;
  expect(maxAbsDifference(approximationOf(view), expected)).toBeLessThanOrEqual(1e-12 * Math.max(norm(expected), 1e-300));
  for (const array of [view.u, view.s, view.v, view.pooled.u, view.pooled.v]) expect(array.every(Number.isFinite)).toBe(true);
  for (let t = 1; t < view.p; t++) expect(view.s[t]).toBeLessThanOrEqual(view.s[t - 1]);
}

describe('lowRankView of an SVD', () => {
  // 320 x 480 pools into 2 x 3 blocks exactly, so the block means are easy to write down.
  const a = randomMatrix(320, 480, createRandom(4));
  const f = svd(a);
  const view = lowRankView(a, f.u.data, f.s, f.v.data, 320);

  it("carries A's row and column energies and ||A||_F^2", () => {
    const rowEnergy = new Float64Array(320);
    const colEnergy = new Float64Array(480);
    for (let i = 0; i < 320; i++) {
      for (let j = 0; j < 480; j++) {
        rowEnergy[i] += a.data[i * 480 + j] ** 2;
        colEnergy[j] += a.data[i * 480 + j] ** 2;
      }
    }
    expect(maxAbsDifference(view.rowEnergy, rowEnergy)).toBeLessThan(1e-11);
    expect(maxAbsDifference(view.colEnergy, colEnergy)).toBeLessThan(1e-11);
    expect(view.frobeniusSquared).toBeCloseTo(rowEnergy.reduce((x, y) => x + y), 9);
  });

  it('pools A and the factors into block means on the heatmap grid', () => {
    expect([view.pooled.rows, view.pooled.cols]).toEqual([HEATMAP_GRID, HEATMAP_GRID]);
    expect(maxAbsDifference(view.pooled.original, evenBlockMeans(a.data, 320, 480, 2, 3))).toBeLessThan(1e-14);
    expect(maxAbsDifference(view.pooled.u, evenBlockMeans(f.u.data, 320, 320, 2, 1))).toBeLessThan(1e-15);
    expect(maxAbsDifference(view.pooled.v, evenBlockMeans(f.v.data, 480, 320, 3, 1))).toBeLessThan(1e-15);
  });

  it('refuses factors of the wrong size', () => {
    expect(() => lowRankView(a, f.u.data, f.s, f.v.data, 319)).toThrow(/needs U 320 x 319/);
  });
});

describe('lowRankViewOfFactors', () => {
  const random = createRandom(11);

  it('puts left right^T into SVD form, with the energies and block means of A, not of the product', () => {
    const a = randomMatrix(40, 25, random);
    const left = randomMatrix(40, 5, random);
    const right = randomMatrix(25, 5, random);
    const view = lowRankViewOfFactors(a, left, right);
    expect(view.p).toBe(5);
    expectFactorsOf(view, left, right);
    const exact = svd(matmul(left, right, { transB: true }), { vectors: false }).s;
    for (let t = 0; t < 5; t++) expect(Math.abs(view.s[t] - exact[t])).toBeLessThanOrEqual(1e-12 * exact[0]);
    const summary = summarize(a);
    expect(view.frobeniusSquared).toBe(summary.frobeniusSquared);
    expect(Array.from(view.pooled.original)).toEqual(Array.from(summary.pooled.data));
  });

  it('gives a rank-deficient approximation a zero singular value and finite factors', () => {
    const a = randomMatrix(30, 12, random);
    const left = randomMatrix(30, 4, random);
    const right = randomMatrix(12, 4, random);
    for (let j = 0; j < 12; j++) right.data[j * 4 + 2] = 0;
    const view = lowRankViewOfFactors(a, left, right);
    expectFactorsOf(view, left, right);
    expect(view.s[3]).toBeLessThanOrEqual(1e-14 * view.s[0]);
    expect(view.s[2]).toBeGreaterThan(1e-3 * view.s[0]);
  });

  it('gives zero factors zero singular values, and no factors an empty view', () => {
    const a = randomMatrix(6, 5, random);
    const zero = lowRankViewOfFactors(a, matrix(6, 2), matrix(5, 2));
    expectFactorsOf(zero, matrix(6, 2), matrix(5, 2));
    expect(Array.from(zero.s)).toEqual([0, 0]);
    const empty = lowRankViewOfFactors(a, matrix(6, 0), matrix(5, 0));
    expect([empty.p, empty.u.length, empty.s.length, empty.v.length, empty.pooled.u.length]).toEqual([0, 0, 0, 0, 0]);
    expect(empty.frobeniusSquared).toBeGreaterThan(0);
  });

  it('handles k = 1, a 1 x n matrix, and k above min(m, n)', () => {
    const a = randomMatrix(1, 7, random);
    const one = lowRankViewOfFactors(a, randomMatrix(1, 1, random), randomMatrix(7, 1, random));
    expect(one.p).toBe(1);
    expect(one.s[0]).toBeGreaterThan(0);
    // k = 3 on a single row: the approximation has one singular value.
    const left = randomMatrix(1, 3, random);
    const right = randomMatrix(7, 3, random);
    const wide = lowRankViewOfFactors(a, left, right);
    expect(wide.p).toBe(1);
    expectFactorsOf(wide, left, right);
    expect(wide.s[0]).toBeCloseTo(norm(matmul(left, right, { transB: true }).data), 12);
  });

  it('refuses factors whose shapes do not fit A', () => {
    const a = randomMatrix(4, 3, random);
    expect(() => lowRankViewOfFactors(a, matrix(4, 2), matrix(3, 1))).toThrow(/4 x k and 3 x k/);
  });
});

describe('viewBuffers', () => {
  it('lists each buffer once, so views sharing A’s summary move in one message', () => {
    const random = createRandom(2);
    const a = randomMatrix(8, 6, random);
    const summary = summarize(a);
    const views = [1, 2].map((k) => lowRankViewOfFactors(a, randomMatrix(8, k, random), randomMatrix(6, k, random), summary));
    const buffers = viewBuffers(...views);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBe(2 * 5 + 3);
    const moved = structuredClone(views, { transfer: buffers });
    expect(moved[0].rowEnergy).toBe(moved[1].rowEnergy);
    expect(views[0].u.length).toBe(0);
  });
});
