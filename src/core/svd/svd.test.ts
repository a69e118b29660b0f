import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createRandom, fromArrays, identity, LinalgError, matrix, matrixWithSpectrum, randomMatrix, svd, toArrays,
  type Matrix, type SvdWithVectors,
} from '../index';
import { orthogonalityResidual, reconstructionResidual } from './residuals';

interface FixtureCase {
  name: string;
  rows: number;
  cols: number;
  a: number[];
  s: number[];
  u: number[];
  vt: number[];
}
const fixtures = JSON.parse(readFileSync(new URL('../__fixtures__/svd_numpy.json', import.meta.url), 'utf8')) as { svd: FixtureCase[] };

const METHODS = ['jacobi', 'golub-kahan'] as const;

/** LAPACK's acceptance test: scaled residuals below 30. */
function expectAccurate(a: Matrix, f: SvdWithVectors): void {
  const p = Math.min(a.rows, a.cols);
  expect(f.s.length).toBe(p);
  expect(f.u.rows).toBe(a.rows);
  expect(f.u.cols).toBe(p);
  expect(f.v.rows).toBe(a.cols);
  expect(f.v.cols).toBe(p);
  expect(reconstructionResidual(a, f)).toBeLessThan(30);
  expect(orthogonalityResidual(f.u)).toBeLessThan(30);
  expect(orthogonalityResidual(f.v)).toBeLessThan(30);
  for (let i = 1; i < p; i++) expect(f.s[i]).toBeLessThanOrEqual(f.s[i - 1]);
  for (let i = 0; i < p; i++) expect(f.s[i]).toBeGreaterThanOrEqual(0);
}

describe('svd: reference values', () => {
  it('factors [[3, 0], [4, 5]] as (3 sqrt 5, sqrt 5) with canonical signs', () => {
    const { u, s, v } = svd(fromArrays([[3, 0], [4, 5]]));
    expect(s[0]).toBeCloseTo(3 * Math.sqrt(5), 14);
    expect(s[1]).toBeCloseTo(Math.sqrt(5), 14);
    // Largest-magnitude entry of each u_i positive.
    const uu = toArrays(u);
    expect(uu[1][0]).toBeGreaterThan(0);
    expect(uu[0][1]).toBeGreaterThan(0);
    expect(toArrays(v)[0][0]).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('returns null vectors when asked not to compute them', () => {
    const r = svd(fromArrays([[1, 2], [3, 4], [5, 6]]), { vectors: false });
    expect(r.u).toBeNull();
    expect(r.v).toBeNull();
    expect(r.s.length).toBe(2);
  });
});

describe('svd: input checks', () => {
  it('names a NaN entry, its position and the shape', () => {
    const a = matrix(4, 5);
    a.data[2 * 5 + 3] = NaN;
    expect(() => svd(a)).toThrow(LinalgError);
    expect(() => svd(a)).toThrow('svd: entry (2, 3) is NaN in a 4 x 5 matrix');
  });
  it('rejects infinities, empty matrices and inconsistent lengths', () => {
    expect(() => svd(matrix(1, 2, [1, -Infinity]))).toThrow('svd: entry (0, 1) is -Infinity in a 1 x 2 matrix');
    expect(() => svd(matrix(0, 3))).toThrow('svd: the matrix is empty (0 x 3)');
    expect(() => svd({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow('needs 4 entries, got 3');
  });
  it('stops when cancelled and reports progress', () => {
    const a = randomMatrix(60, 60, createRandom(1));
    expect(() => svd(a, { shouldCancel: () => true })).toThrow('svd: cancelled');
    const stages: string[] = [];
    svd(a, { onProgress: (fraction, stage) => { stages.push(stage); expect(fraction).toBeGreaterThanOrEqual(0); } });
    expect(stages.length).toBeGreaterThan(2);
  });
});

describe('svd: golden fixtures from numpy', () => {
  for (const c of fixtures.svd) {
    for (const method of METHODS) {
      it(`${c.name} (${method})`, () => {
        const a = matrix(c.rows, c.cols, c.a);
        const f = svd(a, { method });
        const p = c.s.length;
        const s1 = c.s[0];
        for (let i = 0; i < p; i++) {
          expect(Math.abs(f.s[i] - c.s[i])).toBeLessThanOrEqual(1e-12 * Math.max(c.s[i], 1e-3 * s1)); // stricter than 1e-12 sigma_1 for tiny ones
        }
        expectAccurate(a, f);
        // Singular vectors agree up to sign where the singular value is well separated.
        for (let j = 0; j < p; j++) {
          const gap = Math.min(j > 0 ? c.s[j - 1] - c.s[j] : Infinity, j < p - 1 ? c.s[j] - c.s[j + 1] : Infinity);
          if (gap < 1e-6 * s1) continue;
          const tol = 1e-9 * s1 / gap + 1e-9;
          let dot = 0;
          for (let i = 0; i < c.rows; i++) dot += f.u.data[i * p + j] * c.u[i * p + j];
          const sign = dot >= 0 ? 1 : -1;
          for (let i = 0; i < c.rows; i++) expect(Math.abs(f.u.data[i * p + j] - sign * c.u[i * p + j])).toBeLessThan(tol);
          for (let i = 0; i < c.cols; i++) expect(Math.abs(f.v.data[i * p + j] - sign * c.vt[j * c.cols + i])).toBeLessThan(tol);
        }
      });
    }
  }
});

/** The matrix classes of LAPACK's SVD test suite (dchkbd/ddrvbd), built with a seeded generator. */
function lapackClasses(): { name: string; a: Matrix }[] {
  const rng = createRandom(2026);
  const spread = (p: number, kind: 'arith' | 'geom', cond: number): number[] =>
    Array.from({ length: p }, (_, i) => (kind === 'geom' ? cond ** (-i / Math.max(p - 1, 1)) : 1 - (i / Math.max(p - 1, 1)) * (1 - 1 / cond)));
  const out: { name: string; a: Matrix }[] = [];
  // 150 x 120 and 130 x 210 reach the blocked bidiagonalisation (over 64 columns) and divide and
  // conquer (from 72 columns); 64 x 64 and 101 x 71 are the largest the QR iteration takes.
  for (const [m, n] of [[5, 5], [40, 40], [70, 45], [45, 70], [100, 40], [33, 33], [64, 64], [101, 71], [150, 120], [130, 210]] as const) {
    const p = Math.min(m, n);
    out.push({ name: `zero ${m}x${n}`, a: matrix(m, n) });
    out.push({ name: `identity ${m}x${n}`, a: identity(m, n) });
    const diag = matrix(m, n);
    for (let i = 0; i < p; i++) diag.data[i * n + i] = (i % 2 ? -1 : 1) * (1 + ((i * 7) % 5));
    out.push({ name: `diagonal mixed signs ${m}x${n}`, a: diag });
    out.push({ name: `arithmetic 1e15 ${m}x${n}`, a: matrixWithSpectrum(m, n, spread(p, 'arith', 1e15), rng) });
    out.push({ name: `geometric 1e15 ${m}x${n}`, a: matrixWithSpectrum(m, n, spread(p, 'geom', 1e15), rng) });
    out.push({ name: `repeated ${m}x${n}`, a: matrixWithSpectrum(m, n, Array.from({ length: p }, (_, i) => (i < p / 2 ? 2 : 1)), rng) });
    out.push({ name: `rank-deficient ${m}x${n}`, a: matrixWithSpectrum(m, n, spread(Math.ceil(p / 3), 'geom', 100), rng) });
    const graded = randomMatrix(m, n, rng);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) graded.data[i * n + j] *= 10 ** (-12 * i / m);
    out.push({ name: `graded rows ${m}x${n}`, a: graded });
    const big = randomMatrix(m, n, rng);
    big.data.forEach((x, i) => (big.data[i] = x * 1e300));
    out.push({ name: `near overflow ${m}x${n}`, a: big });
    const tiny = randomMatrix(m, n, rng);
    tiny.data.forEach((x, i) => (tiny.data[i] = x * 1e-300));
    out.push({ name: `near underflow ${m}x${n}`, a: tiny });
  }
  for (const [m, n] of [[1, 1], [1, 9], [9, 1], [1, 50], [50, 1]] as const) {
    out.push({ name: `${m}x${n}`, a: randomMatrix(m, n, rng) });
  }
  return out;
}

describe('svd: LAPACK test classes, scaled residuals < 30', () => {
  for (const { name, a } of lapackClasses()) {
    for (const method of METHODS) {
      it(`${name} (${method})`, () => expectAccurate(a, svd(a, { method })));
    }
  }

  it('finds the prescribed geometric spectrum to working accuracy', () => {
    const sig = Array.from({ length: 50 }, (_, i) => 10 ** (-15 * i / 49));
    const a = matrixWithSpectrum(80, 50, sig, createRandom(5));
    const s = svd(a).s;
    for (let i = 0; i < 50; i++) expect(Math.abs(s[i] - sig[i])).toBeLessThan(1e-14);
  });

  it('singular values of the zero matrix are zero and its factors orthonormal', () => {
    const f = svd(matrix(6, 4));
    expect(Array.from(f.s)).toEqual([0, 0, 0, 0]);
    expect(orthogonalityResidual(f.u)).toBeLessThan(1);
  });

  it('singular values with and without vectors agree', () => {
    const a = randomMatrix(50, 37, createRandom(9));
    const withV = svd(a).s;
    const without = svd(a, { vectors: false }).s;
    for (let i = 0; i < 37; i++) expect(Math.abs(withV[i] - without[i])).toBeLessThan(1e-13 * withV[0]);
  });
});
