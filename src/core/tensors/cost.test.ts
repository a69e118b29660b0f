import { describe, expect, it } from 'vitest';
import { tensorJobFlops } from './cost';

describe('tensorJobFlops', () => {
  it('counts a Gram SVD per mode (HOSVD), twice the first (TT-SVD) and the CP sweeps', () => {
    // [8, 8, 12]: modes 8, 8 (8 x 96 unfoldings) and 12 (12 x 64); CP rank 4, 100 sweeps.
    // By hand: HOSVD 2·8²·96 + 2·8²·96 + 2·12²·64 = 43,008; TT-SVD 2 · 2·8²·96 = 24,576;
    // CP 100 sweeps · 3 modes · 2 · 768 · 4 = 1,843,200.
    expect(tensorJobFlops([8, 8, 12], 4, 100)).toBe(1_910_784);
  });

  it('makes a square unfolding of a big array cost minutes: 4096 x 4096 as 1 x 4096 x 4096', () => {
    // Mode 2 and 3 unfoldings are 4096 x 4096: 2 * 4096^3 = 1.4e11 flops each, over 20 s at 5 Gflop/s.
    expect(tensorJobFlops([1, 4096, 4096], 2, 100)).toBeGreaterThan(2 * 2 * 4096 ** 3);
  });
});
