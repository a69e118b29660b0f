import { describe, expect, it } from 'vitest';
import { fromArrays, LinalgError, matrix, svd, toArrays } from './index';

describe('svd on the reference 2 x 2', () => {
  it('returns (3 sqrt 5, sqrt 5) with canonical signs', () => {
    const { u, s, v } = svd(fromArrays([[3, 0], [4, 5]]));
    expect(s[0]).toBeCloseTo(3 * Math.sqrt(5), 14);
    expect(s[1]).toBeCloseTo(Math.sqrt(5), 14);
    expect(toArrays(u)[1][0]).toBeGreaterThan(0);
    expect(v.rows).toBe(2);
  });

  it('rejects NaN with the position and the shape', () => {
    const a = matrix(4, 5);
    a.data[2 * 5 + 3] = NaN;
    expect(() => svd(a)).toThrow(LinalgError);
    expect(() => svd(a)).toThrow('svd: entry (2, 3) is NaN in a 4 x 5 matrix');
  });

  it('rejects empty matrices', () => {
    expect(() => svd(matrix(0, 3))).toThrow('svd: the matrix is empty (0 x 3)');
  });
});
