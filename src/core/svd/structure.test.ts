import { describe, expect, it } from 'vitest';
import { fromArrays, identity, matrix, zeros } from '../dense/matrix';
import { createRandom, randomMatrix } from '../dense/random';
import { svd } from './svd';
import { matrixStructure } from './structure';
import { orthogonalityResidual, reconstructionResidual } from './residuals';
import { EPS } from '../dense/scalar';

/** The leading rows x p block of the identity: what numpy's np.linalg.svd(zeros, full_matrices=False) gives for U and V^T. */
function eye(rows: number, p: number): number[] {
  return Array.from({ length: rows * p }, (_, k) => (Math.floor(k / p) === k % p ? 1 : 0));
}

function outer(x: number[], y: number[]) {
  const data = new Float64Array(x.length * y.length);
  x.forEach((xi, i) => y.forEach((yj, j) => (data[i * y.length + j] = xi * yj)));
  return matrix(x.length, y.length, data);
}

describe('matrixStructure', () => {
  it('tells zero, rank-one and general matrices apart', () => {
    expect(matrixStructure(zeros(3, 4))).toBe('zero');
    expect(matrixStructure(fromArrays([[1, 2], [2, 4], [3, 6]]))).toBe('rank-one');
    expect(matrixStructure(matrix(20, 30, new Float64Array(600).fill(-2.5)))).toBe('rank-one');
    expect(matrixStructure(identity(3))).toBe('general');
    expect(matrixStructure(fromArrays([[1, 2], [2, 4], [3, 6.000001]]))).toBe('general');
    expect(matrixStructure(fromArrays([[1, 2], [2, 4]]), { rankOne: false })).toBe('general');
  });

  it('accepts a rounded outer product but not one with an entry perturbed by 1e-10', () => {
    const rng = createRandom(3);
    const x = Array.from({ length: 300 }, () => rng.normal());
    const y = Array.from({ length: 200 }, () => rng.normal());
    const a = outer(x, y);
    expect(matrixStructure(a)).toBe('rank-one');
    a.data[4321] *= 1 + 1e-10;
    expect(matrixStructure(a)).toBe('general');
  });
});

describe('svd of structured matrices', () => {
  it('gives the zero matrix all-zero values and the identity\'s columns, as numpy does', () => {
    for (const [m, n] of [[5, 3], [3, 5], [20, 20], [1, 7], [300, 40]]) {
      const p = Math.min(m, n);
      const r = svd(zeros(m, n));
      expect(Array.from(r.s)).toEqual(new Array(p).fill(0));
      expect(Array.from(r.u.data)).toEqual(eye(m, p));
      expect(Array.from(r.v.data)).toEqual(eye(n, p));
      expect(svd(zeros(m, n), { vectors: false }).s).toEqual(new Float64Array(p));
    }
  });

  it('does no factorisation work on a zero matrix (no stage is reported)', () => {
    const stages: string[] = [];
    svd(zeros(400, 300), { onProgress: (_, stage) => stages.push(stage) });
    expect(stages).toEqual([]);
  });

  it('factors a constant matrix: sigma_1 = |c| sqrt(m n), u_1 and v_1 the normalised ones, positive', () => {
    const a = matrix(30, 20, new Float64Array(600).fill(-2.5));
    const r = svd(a);
    expect(r.s[0]).toBeCloseTo(2.5 * Math.sqrt(600), 12);
    expect(Array.from(r.s.subarray(1))).toEqual(new Array(19).fill(0));
    for (let i = 0; i < 30; i++) expect(r.u.data[i * 20]).toBeCloseTo(1 / Math.sqrt(30), 15);
    for (let j = 0; j < 20; j++) expect(r.v.data[j * 20]).toBeCloseTo(-1 / Math.sqrt(20), 15);
    expect(reconstructionResidual(a, r)).toBeLessThan(30);
    expect(orthogonalityResidual(r.u)).toBeLessThan(30);
    expect(orthogonalityResidual(r.v)).toBeLessThan(30);
  });

  it('factors an outer product to the accuracy of the general algorithm, both orientations', () => {
    const rng = createRandom(11);
    for (const [m, n] of [[120, 40], [40, 120], [64, 64]]) {
      const x = Array.from({ length: m }, () => rng.normal());
      const y = Array.from({ length: n }, () => rng.normal() * 1e5);
      const a = outer(x, y);
      const r = svd(a);
      const reference = svd(a, { method: 'golub-kahan' });
      const nx = Math.hypot(...x);
      const ny = Math.hypot(...y);
      expect(Math.abs(r.s[0] - nx * ny)).toBeLessThan(1e-14 * nx * ny);
      // The general algorithm's values: the same sigma_1, and the rest within a few eps sigma_1 of 0.
      expect(Math.abs(r.s[0] - reference.s[0])).toBeLessThan(1e-13 * r.s[0]);
      expect(reference.s[1]).toBeLessThan(10 * Math.max(m, n) * EPS * r.s[0]);
      // u_1 and v_1 agree with the general algorithm's (same canonical signs).
      for (let i = 0; i < m; i++) expect(Math.abs(r.u.data[i * r.u.cols] - reference.u.data[i * r.u.cols])).toBeLessThan(1e-12);
      for (let j = 0; j < n; j++) expect(Math.abs(r.v.data[j * r.v.cols] - reference.v.data[j * r.v.cols])).toBeLessThan(1e-12);
      expect(reconstructionResidual(a, r)).toBeLessThan(30);
      expect(orthogonalityResidual(r.u)).toBeLessThan(30);
      expect(orthogonalityResidual(r.v)).toBeLessThan(30);
    }
  });

  it('leaves general and small matrices to the general path', () => {
    const a = randomMatrix(50, 30, createRandom(1));
    const stages: string[] = [];
    svd(a, { onProgress: (_, stage) => stages.push(stage) });
    expect(stages.length).toBeGreaterThan(1);
    // A 3 x 3 rank-one (the app's preset) keeps Jacobi's factors, so the linear-map view is unchanged.
    const small = fromArrays([[1, 2, 2], [2, 4, 4], [0.5, 1, 1]]);
    expect(svd(small)).toEqual(svd(small, { method: 'jacobi' }));
  });
});
