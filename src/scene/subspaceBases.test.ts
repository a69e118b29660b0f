/**
 * The four fundamental subspaces read off a small map's padded square SVD: hand-computed bases for
 * matrices of full rank, rank 1, rank 0 and the rank-deficient 1..9, each basis orthonormal and
 * spanning the right space.
 */
import type { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { fromArrays, orientSvd, svd } from '../core';
import type { SquareMap } from '../state/svdSlice';
import { fundamentalBases, numericalRankOf } from './subspaceBases';

const r2 = Math.SQRT1_2;
const map = (n: 2 | 3, u: number[], s: number[], v: number[]): SquareMap => ({ n, u: Float64Array.from(u), s: Float64Array.from(s), v: Float64Array.from(v), reflection: false });
const xyz = (vectors: Vector3[]) => vectors.map((w) => w.toArray());

function expectVectors(actual: Vector3[], expected: number[][], tolerance = 1e-15) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((w, k) => w.toArray().forEach((c, i) => expect(Math.abs(c - expected[k][i])).toBeLessThanOrEqual(tolerance)));
}

/** Orthonormal, and together with `others` an orthonormal basis of R^dim (embedded in R^3). */
function expectOrthonormalSplit(part: Vector3[], others: Vector3[], dim: number) {
  const all = [...part, ...others];
  expect(all).toHaveLength(dim);
  all.forEach((a, i) => all.forEach((b, j) => expect(Math.abs(a.dot(b) - (i === j ? 1 : 0))).toBeLessThan(1e-14)));
  for (const w of all) for (let i = dim; i < 3; i++) expect(w.getComponent(i)).toBe(0);
}

describe('numericalRankOf', () => {
  it('counts the values above max(m, n) sigma_1 eps', () => {
    expect(numericalRankOf([1, 1e-17], 2, 2)).toBe(1);
    expect(numericalRankOf([1, 1e-15], 2, 2)).toBe(2);
    // 5e-16 is above 2 eps = 4.4e-16 but below 3 eps = 6.7e-16.
    expect(numericalRankOf([1, 5e-16], 2, 2)).toBe(2);
    expect(numericalRankOf([1, 5e-16], 3, 2)).toBe(1);
    expect(numericalRankOf([0, 0], 2, 2)).toBe(0);
    expect(numericalRankOf([], 1, 1)).toBe(0);
  });
});

describe('fundamentalBases', () => {
  it('splits a 3 x 2 map of rank 2: no null space, the left null space is z', () => {
    // [[1, 0], [0, 2], [0, 0]] padded: U = V = [e2 e1 -e3], sigma = 2, 1, 0.
    const q = [0, 1, 0, 1, 0, 0, 0, 0, -1];
    const bases = fundamentalBases(map(3, q, [2, 1, 0], q), 3, 2, [2, 1]);
    expect(bases.rank).toBe(2);
    expectVectors(bases.columnSpace, [[0, 1, 0], [1, 0, 0]]);
    expectVectors(bases.leftNullSpace, [[0, 0, -1]]);
    expectVectors(bases.rowSpace, [[0, 1, 0], [1, 0, 0]]);
    expect(bases.nullSpace).toEqual([]);
  });

  it('splits [[1, 1], [1, 1]] (rank 1): (1, 1) / sqrt 2 spans both images, (-1, 1) / sqrt 2 both null spaces', () => {
    const q = [r2, -r2, r2, r2];
    const bases = fundamentalBases(map(2, q, [2, 0], q), 2, 2, [2, 0]);
    expect(bases.rank).toBe(1);
    expectVectors(bases.columnSpace, [[r2, r2, 0]]);
    expectVectors(bases.leftNullSpace, [[-r2, r2, 0]]);
    expectVectors(bases.rowSpace, [[r2, r2, 0]]);
    expectVectors(bases.nullSpace, [[-r2, r2, 0]]);
    // A sigma_2 at rounding level is numerically zero: the same split.
    expect(fundamentalBases(map(2, q, [2, 1e-17], q), 2, 2, [2, 1e-17]).rank).toBe(1);
  });

  it('gives the zero map no column or row space: everything is null', () => {
    const identity = [1, 0, 0, 1];
    const bases = fundamentalBases(map(2, identity, [0, 0], identity), 2, 2, [0, 0]);
    expect(bases.rank).toBe(0);
    expect(bases.columnSpace).toEqual([]);
    expect(bases.rowSpace).toEqual([]);
    expect(xyz(bases.leftNullSpace)).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(xyz(bases.nullSpace)).toEqual([[1, 0, 0], [0, 1, 0]]);
  });

  it('splits the 1 x 3 map [1, 2, 2]: row space (1, 2, 2) / 3, a 2-D null space, no left null space', () => {
    // V = [v1 v2 v1 x v2] with v1 = (1, 2, 2) / 3, v2 = (2, -1, 0) / sqrt 5, v3 = (2, 4, -5) / (3 sqrt 5).
    const a = 1 / Math.sqrt(5);
    const b = 1 / (3 * Math.sqrt(5));
    const v = [1 / 3, 2 * a, 2 * b, 2 / 3, -a, 4 * b, 2 / 3, 0, -5 * b];
    const bases = fundamentalBases(map(3, [1, 0, 0, 0, 1, 0, 0, 0, 1], [3, 0, 0], v), 1, 3, [3]);
    expect(bases.rank).toBe(1);
    expectVectors(bases.columnSpace, [[1, 0, 0]]);
    expect(bases.leftNullSpace).toEqual([]);
    expectVectors(bases.rowSpace, [[1 / 3, 2 / 3, 2 / 3]]);
    expectVectors(bases.nullSpace, [[2 * a, -a, 0], [2 * b, 4 * b, -5 * b]]);
    for (const w of bases.nullSpace) expect(Math.abs(w.x + 2 * w.y + 2 * w.z)).toBeLessThan(1e-15);
  });

  it('splits the rank-deficient [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: both null spaces are (1, -2, 1) / sqrt 6', () => {
    const rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    const f = orientSvd(svd(fromArrays(rows)));
    // sigma_3 is rounding (about 1e-16), below 3 sigma_1 eps = 1.1e-14: numerical rank 2.
    expect(f.s[2]).toBeLessThan(1e-14);
    const bases = fundamentalBases({ n: 3, u: f.u.data, s: f.s, v: f.v.data, reflection: f.reflection }, 3, 3, f.s);
    expect(bases.rank).toBe(2);
    const k = [1, -2, 1].map((x) => x / Math.sqrt(6));
    for (const [space, perp] of [[bases.nullSpace, bases.rowSpace], [bases.leftNullSpace, bases.columnSpace]]) {
      expect(space).toHaveLength(1);
      const sign = Math.sign(space[0].x);
      space[0].toArray().forEach((c, i) => expect(Math.abs(c - sign * k[i])).toBeLessThan(1e-14));
      expectOrthonormalSplit(perp, space, 3);
    }
    // Each column of A lies in the column space, each row in the row space: projecting keeps it.
    const columns = [0, 1, 2].map((j) => rows.map((row) => row[j]));
    for (const [vectors, basis] of [[columns, bases.columnSpace], [rows, bases.rowSpace]] as const) {
      for (const x of vectors) {
        const projected = [0, 0, 0];
        for (const q of basis) {
          const c = q.x * x[0] + q.y * x[1] + q.z * x[2];
          projected[0] += c * q.x;
          projected[1] += c * q.y;
          projected[2] += c * q.z;
        }
        projected.forEach((p, i) => expect(Math.abs(p - x[i])).toBeLessThan(1e-13));
      }
    }
  });
});
