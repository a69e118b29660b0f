import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createRandom, fromArrays, fundamentalSubspaces, LinalgError, matmul, matrix, matrixWithSpectrum,
  numericalRank, principalAngles, svd,
} from '../index';
import { orthogonalityResidual } from './residuals';

const fixtures = JSON.parse(readFileSync(new URL('../__fixtures__/svd_numpy.json', import.meta.url), 'utf8')) as {
  principalAngles: { name: string; rows: number; k1: number; k2: number; b1: number[]; b2: number[]; angles: number[] }[];
};

function maxAbs(x: Float64Array): number {
  return x.reduce((best, v) => Math.max(best, Math.abs(v)), 0);
}

describe('numericalRank', () => {
  it('uses max(m, n) sigma_1 eps by default and accepts a tolerance', () => {
    const f = svd(fromArrays([[1, 2], [2, 4]]));
    expect(numericalRank(f)).toBe(1);
    expect(numericalRank(svd(fromArrays([[1, 0], [0, 1e-3]])), 1e-2)).toBe(1);
    expect(numericalRank(svd(matrix(3, 3)))).toBe(0);
  });
});

describe('fundamentalSubspaces', () => {
  it('gives orthonormal, mutually orthogonal bases of the right dimensions', () => {
    const a = matrixWithSpectrum(9, 6, [5, 3, 1, 0.5], createRandom(4));
    const f = fundamentalSubspaces(a);
    expect(f.rank).toBe(4);
    expect([f.columnSpace.cols, f.leftNullSpace.cols, f.rowSpace.cols, f.nullSpace.cols]).toEqual([4, 5, 4, 2]);
    for (const basis of [f.columnSpace, f.leftNullSpace, f.rowSpace, f.nullSpace]) expect(orthogonalityResidual(basis)).toBeLessThan(30);
    // A N = 0, A^T L = 0, and the column space is orthogonal to the left null space.
    expect(maxAbs(matmul(a, f.nullSpace).data)).toBeLessThan(1e-13);
    expect(maxAbs(matmul(a, f.leftNullSpace, { transA: true }).data)).toBeLessThan(1e-13);
    expect(maxAbs(matmul(f.columnSpace, f.leftNullSpace, { transA: true }).data)).toBeLessThan(1e-14);
  });

  it('handles the zero matrix and full rank', () => {
    const z = fundamentalSubspaces(matrix(2, 3));
    expect(z.rank).toBe(0);
    expect(z.columnSpace.cols).toBe(0);
    expect(z.nullSpace.cols).toBe(3);
    const full = fundamentalSubspaces(fromArrays([[3, 0], [4, 5]]));
    expect(full.nullSpace.cols).toBe(0);
    expect(full.leftNullSpace.cols).toBe(0);
  });
});

describe('principalAngles', () => {
  it('matches simple geometry', () => {
    const x = fromArrays([[1], [0], [0]]);
    const xy = fromArrays([[1, 0], [0, 1], [0, 0]]);
    expect(principalAngles(x, xy).angles[0]).toBeCloseTo(0, 15);
    expect(principalAngles(fromArrays([[1], [1], [0]]), x).angles[0]).toBeCloseTo(Math.PI / 4, 15);
    const yz = fromArrays([[0, 0], [1, 0], [0, 1]]);
    const a = principalAngles(xy, yz);
    expect(a.angles[0]).toBeCloseTo(0, 15);
    expect(a.angles[1]).toBeCloseTo(Math.PI / 2, 15);
  });

  it('keeps tiny angles accurate (sine formula)', () => {
    const t = 1e-10;
    const a = principalAngles(fromArrays([[1], [0]]), fromArrays([[Math.cos(t)], [Math.sin(t)]]));
    expect(Math.abs(a.angles[0] - t) / t).toBeLessThan(1e-6);
  });

  for (const c of fixtures.principalAngles) {
    it(`agrees with scipy.linalg.subspace_angles: ${c.name}`, () => {
      const r = principalAngles(matrix(c.rows, c.k1, c.b1), matrix(c.rows, c.k2, c.b2));
      c.angles.forEach((angle, i) => expect(Math.abs(r.angles[i] - angle)).toBeLessThan(1e-12 + 1e-9 * angle));
      expect(r.vectors1.cols).toBe(Math.min(c.k1, c.k2));
    });
  }

  it('rejects rank-deficient bases and mismatched dimensions', () => {
    expect(() => principalAngles(fromArrays([[1, 2], [2, 4]]), fromArrays([[1], [0]]))).toThrow('does not have full column rank');
    expect(() => principalAngles(fromArrays([[1], [0]]), fromArrays([[1], [0], [0]]))).toThrow(LinalgError);
  });
});
