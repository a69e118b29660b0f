/**
 * The padded, oriented square SVD of small matrices, from thin SVDs written out by hand (with the
 * signs numpy gives, which are not rotations), against hand-computed factors.
 */
import { describe, expect, it } from 'vitest';
import type { SvdWithVectors } from '../core';
import { squareMapOf, type SquareMap } from './squareMap';

const r2 = Math.SQRT1_2;
const r10 = 1 / Math.sqrt(10);

/** A thin SVD from row-major arrays: u is m x p, v is n x p. */
function thin(m: number, n: number, u: number[], s: number[], v: number[]): SvdWithVectors {
  const p = s.length;
  return { rows: m, cols: n, u: { rows: m, cols: p, data: Float64Array.from(u) }, s: Float64Array.from(s), v: { rows: n, cols: p, data: Float64Array.from(v) } };
}

function det(q: ArrayLike<number>, n: number): number {
  if (n === 2) return q[0] * q[3] - q[1] * q[2];
  return q[0] * (q[4] * q[8] - q[5] * q[7]) - q[1] * (q[3] * q[8] - q[5] * q[6]) + q[2] * (q[3] * q[7] - q[4] * q[6]);
}

const expectAll = (actual: ArrayLike<number>, expected: number[], tolerance = 1e-15) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, i) => expect(Math.abs(actual[i] - x)).toBeLessThanOrEqual(tolerance));
};

/** U diag(s) V^T of the map, n x n row-major. */
function product(map: SquareMap): number[] {
  const { n, u, s, v } = map;
  return Array.from({ length: n * n }, (_, k) => {
    const i = Math.floor(k / n);
    const j = k % n;
    let x = 0;
    for (let l = 0; l < n; l++) x += u[i * n + l] * s[l] * v[j * n + l];
    return x;
  });
}

function expectOrthogonal(q: ArrayLike<number>, n: number) {
  for (let k = 0; k < n; k++) {
    for (let l = 0; l < n; l++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i * n + k] * q[i * n + l];
      expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThan(1e-15);
    }
  }
}

describe('squareMapOf', () => {
  it('turns numpy\'s SVD of [[3, 0], [4, 5]] (det U = det V = -1) into two rotations by flipping the last pair', () => {
    // sigma = 3 sqrt 5, sqrt 5; numpy: u1 = -(1, 3)/sqrt 10, u2 = (-3, 1)/sqrt 10, v1 = -(1, 1)/sqrt 2, v2 = (-1, 1)/sqrt 2.
    const map = squareMapOf(thin(2, 2, [-r10, -3 * r10, -3 * r10, r10], [3 * Math.sqrt(5), Math.sqrt(5)], [-r2, -r2, -r2, r2]));
    expect(map.n).toBe(2);
    expect(map.reflection).toBe(false);
    expectAll(map.s, [3 * Math.sqrt(5), Math.sqrt(5)]);
    // u2 and v2 flipped: U = [[-1, 3], [-3, -1]] / sqrt 10, V = [[-1, 1], [-1, -1]] / sqrt 2, both det +1.
    expectAll(map.u, [-r10, 3 * r10, -3 * r10, -r10]);
    expectAll(map.v, [-r2, r2, -r2, -r2]);
    expect(det(map.u, 2)).toBeCloseTo(1, 15);
    expect(det(map.v, 2)).toBeCloseTo(1, 15);
    expectAll(product(map), [3, 0, 4, 5], 1e-14);
  });

  it('says a swap needs a reflection: det A = -1 leaves det U det V = -1', () => {
    const map = squareMapOf(thin(2, 2, [0, 1, 1, 0], [1, 1], [1, 0, 0, 1]));
    expect(map.reflection).toBe(true);
    expect(det(map.u, 2) * det(map.v, 2)).toBe(-1);
    expectAll(product(map), [0, 1, 1, 0]);
  });

  it('flips only u_2 of a rank-1 2 x 2 matrix: sigma_2 = 0 lets one vector turn alone', () => {
    // [[1, 1], [1, 1]] = 2 u1 v1^T; u = [[1, 1], [1, -1]] / sqrt 2 has det -1, v = [[1, -1], [1, 1]] / sqrt 2 has det +1.
    const map = squareMapOf(thin(2, 2, [r2, r2, r2, -r2], [2, 0], [r2, -r2, r2, r2]));
    expect(map.reflection).toBe(false);
    expectAll(map.u, [r2, -r2, r2, r2]);
    expectAll(map.v, [r2, -r2, r2, r2]);
    expectAll(product(map), [1, 1, 1, 1], 1e-15);
  });

  it('pads a 3 x 2 matrix: U adds the left null space, V keeps z as its own axis', () => {
    // [[1, 0], [0, 2], [0, 0]]: sigma = 2, 1 with u1 = v1 = e2, u2 = v2 = e1; the left null space is e3.
    const map = squareMapOf(thin(3, 2, [0, 1, 1, 0, 0, 0], [2, 1], [0, 1, 1, 0]));
    expect(map.n).toBe(3);
    expect(map.reflection).toBe(false);
    expectAll(map.s, [2, 1, 0]);
    // Completed and embedded, U = V = [e2 e1 e3] (det -1 each); the zero sigma_3 lets the last pair flip.
    expectAll(map.u, [0, 1, 0, 1, 0, 0, 0, 0, -1]);
    expectAll(map.v, [0, 1, 0, 1, 0, 0, 0, 0, -1]);
    expectAll(product(map), [1, 0, 0, 0, 2, 0, 0, 0, 0]);
  });

  it('pads a 1 x 3 matrix: V completes (1, 2, 2) / 3 with its null space, U is the identity', () => {
    const map = squareMapOf(thin(1, 3, [1], [3], [1 / 3, 2 / 3, 2 / 3]));
    expect(map.n).toBe(3);
    expect(map.reflection).toBe(false);
    expectAll(map.s, [3, 0, 0]);
    expectAll(map.u, [1, 0, 0, 0, 1, 0, 0, 0, 1]);
    // v1 stays; v2, v3 are orthonormal and orthogonal to (1, 2, 2), with det V = +1.
    expectAll([map.v[0], map.v[3], map.v[6]], [1 / 3, 2 / 3, 2 / 3]);
    expectOrthogonal(map.v, 3);
    expect(det(map.v, 3)).toBeCloseTo(1, 14);
    expectAll(product(map), [1, 2, 2, 0, 0, 0, 0, 0, 0], 1e-15);
  });

  it('pads a 1 x 1 matrix to 2 x 2 with the second axis left alone', () => {
    // [-4] = 1 * 4 * (-1): U and V are then [[1, 0], [0, 1]] and [[-1, 0], [0, 1]]: det V = -1,
    // and the padded sigma_2 = 0 lets v_2 flip instead.
    const map = squareMapOf(thin(1, 1, [1], [4], [-1]));
    expect(map.n).toBe(2);
    expect(map.reflection).toBe(false);
    expectAll(map.s, [4, 0]);
    expectAll(map.u, [1, 0, 0, 1]);
    expectAll(map.v, [-1, 0, 0, -1]);
    expectAll(product(map), [-4, 0, 0, 0]);
  });
});
