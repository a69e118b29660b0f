import { describe, expect, it } from 'vitest';
import { weightedIterationFlops } from './cost';

describe('weightedIterationFlops', () => {
  it('counts the products of each method on GPT-2\'s 768 x 768 W_Q at k = 64 (the bench case)', () => {
    // EM: three 768 x 768 x 64 products, 2 flops each: 226,492,416.
    expect(weightedIterationFlops('em', 768, 768, 64)).toBe(226_492_416);
    // GD: six of them.
    expect(weightedIterationFlops('gd', 768, 768, 64)).toBe(452_984_832);
    // ALS: Gram matrices 2·768²·64² = 4,831,838,208, Cholesky 1536·64³/3 = 134,217,728, plus EM's 226,492,416.
    expect(weightedIterationFlops('als', 768, 768, 64)).toBe(5_192_548_352);
  });
});
