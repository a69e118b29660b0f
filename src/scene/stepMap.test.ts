/**
 * The animated map at each step, against hand-computed matrices: x, V^T x, S V^T x and A x at steps
 * 0 to 3, rotations half way by half the angle, scalings linear per axis, and a reflection squashed
 * through a plane.
 */
import { Matrix4, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { createStepMap, type SvdFactors } from './stepMap';

const r2 = Math.SQRT1_2;
const r10 = 1 / Math.sqrt(10);

/** The 3 x 3 block of a three.js Matrix4 (column-major), row-major, and checks the fourth row and column are (0, 0, 0, 1). */
function block(m: Matrix4): number[] {
  const e = m.elements;
  [e[3], e[7], e[11], e[12], e[13], e[14]].forEach((x) => expect(Math.abs(x)).toBeLessThan(1e-15));
  expect(e[15]).toBe(1);
  return [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => e[j * 4 + i]));
}

function expectBlock(m: Matrix4, expected: number[][], tolerance = 1e-14) {
  const actual = block(m);
  expected.flat().forEach((x, k) => expect(Math.abs(actual[k] - x), `entry ${k}`).toBeLessThanOrEqual(tolerance));
}

const at = (f: SvdFactors, t: number) => createStepMap(f).at(t, new Matrix4());

describe('createStepMap', () => {
  // [[3, 0], [4, 5]] = U S V^T with U = [[-1, 3], [-3, -1]] / sqrt 10, S = diag(3 sqrt 5, sqrt 5),
  // V = [[-1, 1], [-1, -1]] / sqrt 2 (both rotations), embedded in 3D with z left alone.
  const a: SvdFactors = { n: 2, u: [-r10, 3 * r10, -3 * r10, -r10], s: [3 * Math.sqrt(5), Math.sqrt(5)], v: [-r2, r2, -r2, -r2], reflection: false };
  const h = Math.sqrt(2.5); // sqrt 5 / sqrt 2

  it('is I, V^T, S V^T and A at steps 0, 1, 2 and 3', () => {
    expectBlock(at(a, 0), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expectBlock(at(a, 1), [[-r2, -r2, 0], [r2, -r2, 0], [0, 0, 1]]);
    expectBlock(at(a, 2), [[-3 * h, -3 * h, 0], [h, -h, 0], [0, 0, 1]]);
    expectBlock(at(a, 3), [[3, 0, 0], [4, 5, 0], [0, 0, 1]]);
  });

  it('moves a point x to x, V^T x, S V^T x and A x', () => {
    const x = () => new Vector3(1, 2, 0.5);
    const seen = [0, 1, 2, 3].map((t) => x().applyMatrix4(at(a, t)).toArray());
    const expected = [[1, 2, 0.5], [-3 * r2, -r2, 0.5], [-9 * h, -h, 0.5], [3, 14, 0.5]];
    seen.forEach((p, k) => p.forEach((c, i) => expect(Math.abs(c - expected[k][i])).toBeLessThan(1e-13)));
  });

  it('clamps t to [0, 3] and writes into the matrix it is given', () => {
    const map = createStepMap(a);
    const out = new Matrix4();
    expect(map.at(-1, out)).toBe(out);
    expectBlock(out, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expectBlock(map.at(7, out), [[3, 0, 0], [4, 5, 0], [0, 0, 1]]);
  });

  it('turns by half the angle half way, and scales each axis linearly', () => {
    // V^T = rotation by 90 degrees, S = diag(3, 1), U = I.
    const f: SvdFactors = { n: 2, u: [1, 0, 0, 1], s: [3, 1], v: [0, 1, -1, 0], reflection: false };
    expectBlock(at(f, 0.5), [[r2, -r2, 0], [r2, r2, 0], [0, 0, 1]]);
    expectBlock(at(f, 1), [[0, -1, 0], [1, 0, 0], [0, 0, 1]]);
    expectBlock(at(f, 1.5), [[0, -2, 0], [1, 0, 0], [0, 0, 1]]);
    expectBlock(at(f, 2.5), [[0, -3, 0], [1, 0, 0], [0, 0, 1]]);
  });

  it('squashes an unavoidable reflection through a plane: half way, one axis is flat', () => {
    // The swap [[0, 1], [1, 0]] = U with U = R(90 deg) diag(1, -1); S = V = I.
    const f: SvdFactors = { n: 2, u: [0, 1, 1, 0], s: [1, 1], v: [1, 0, 0, 1], reflection: true };
    expectBlock(at(f, 2), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    // R(45 deg) diag(1, 0): the second axis passes through zero.
    expectBlock(at(f, 2.5), [[r2, 0, 0], [r2, 0, 0], [0, 0, 1]]);
    expectBlock(at(f, 3), [[0, 1, 0], [1, 0, 0], [0, 0, 1]]);
  });

  it('rotates a 3 x 3 U about its axis: the cycle x -> y -> z is 120 degrees about (1, 1, 1)', () => {
    const f: SvdFactors = { n: 3, u: [0, 0, 1, 1, 0, 0, 0, 1, 0], s: [3, 2, 1], v: [1, 0, 0, 0, 1, 0, 0, 0, 1], reflection: false };
    expectBlock(at(f, 2), [[3, 0, 0], [0, 2, 0], [0, 0, 1]]);
    // 60 degrees about (1, 1, 1) / sqrt 3: cos I + sin [k]x + (1 - cos) k k^T = I / 2 + K / 2 + J / 6.
    const r60 = [[2 / 3, -1 / 3, 2 / 3], [2 / 3, 2 / 3, -1 / 3], [-1 / 3, 2 / 3, 2 / 3]];
    expectBlock(at(f, 2.5), r60.map((row) => row.map((x, j) => x * [3, 2, 1][j])));
    expectBlock(at(f, 3), [[0, 0, 1], [3, 0, 0], [0, 2, 0]]);
  });
});
