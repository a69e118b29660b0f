import { describe, expect, it } from 'vitest';
import { createRandom, determinantSign, fromArrays, lowRank, orientSvd, properRotations, randomMatrix, svd } from '../index';
import { reconstructionResidual } from './residuals';

describe('orientSvd', () => {
  it('turns numpy\'s det(U) = det(V) = -1 on [[3, 0], [4, 5]] into two rotations', () => {
    const a = fromArrays([[3, 0], [4, 5]]);
    const o = orientSvd(svd(a));
    expect(o.reflection).toBe(false);
    expect(determinantSign(o.u)).toBe(1);
    expect(determinantSign(o.v)).toBe(1);
    expect(reconstructionResidual(a, o)).toBeLessThan(30);
  });

  it('reports an unavoidable reflection when det(A) < 0', () => {
    const a = fromArrays([[0, 1], [1, 0]]);
    const o = properRotations(svd(a));
    expect(o.reflection).toBe(true);
    expect(determinantSign(o.u) * determinantSign(o.v)).toBe(-1);
    expect(reconstructionResidual(a, o)).toBeLessThan(30);
  });

  it('uses the freedom of a zero singular value', () => {
    const a = fromArrays([[1, 1], [1, 1]]);
    const o = orientSvd(svd(a));
    expect(o.reflection).toBe(false);
    expect(determinantSign(o.u)).toBe(1);
    expect(determinantSign(o.v)).toBe(1);
    expect(Math.abs(lowRank(o, 2).data[1] - 1)).toBeLessThan(1e-15);
  });

  it('keeps random square matrices exact and leaves non-square ones alone', () => {
    const rng = createRandom(10);
    for (let t = 0; t < 10; t++) {
      const a = randomMatrix(3, 3, rng);
      const o = orientSvd(svd(a));
      expect(reconstructionResidual(a, o)).toBeLessThan(30);
      const detA = determinantSign(a);
      expect(o.reflection).toBe(detA < 0);
      if (!o.reflection) expect(determinantSign(o.u) + determinantSign(o.v)).toBe(2);
    }
    expect(orientSvd(svd(randomMatrix(3, 2, rng))).reflection).toBe(false);
  });
});
