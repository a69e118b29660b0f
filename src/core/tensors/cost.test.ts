import { describe, expect, it } from 'vitest';
import { tensorJobFlops } from './cost';

describe('tensorJobFlops', () => {
  it('counts a Gram SVD per mode (HOSVD), twice the first (TT-SVD) and the CP sweeps', () => {
    // [8, 8, 12]: modes 8, 8 (8 x 96 unfoldings) and 12 (12 x 64); CP rank 4, 100 sweeps.
    const gram = (a: number, b: number) => 2 * Math.min(a, b) ** 2 * Math.max(a, b);
    const expected = gram(8, 96) * 2 + gram(12, 64) + 2 * gram(8, 96) + 100 * 3 * 2 * 768 * 4;
    expect(tensorJobFlops([8, 8, 12], 4, 100)).toBe(expected);
    expect(expected).toBeCloseTo(1.9e6, -5);
  });

  it('makes a square unfolding of a big array cost minutes: 4096 x 4096 as 1 x 4096 x 4096', () => {
    // Mode 2 and 3 unfoldings are 4096 x 4096: 2 * 4096^3 = 1.4e11 flops each, over 20 s at 5 Gflop/s.
    expect(tensorJobFlops([1, 4096, 4096], 2, 100)).toBeGreaterThan(2 * 2 * 4096 ** 3);
  });
});
