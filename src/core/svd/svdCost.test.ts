import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOP_RATE, exactSvdCost, measureFlopRate, randomizedSvdCost, suggestedRank, svdCost } from './svdCost';

/** The bench machine's GEMM rate (docs/benchmarks.md: about 6 GFLOP/s at 512 x 512). */
const BENCH_RATE = 6e9;
const randomized = (k: number) => ({ kind: 'randomized' as const, k, oversample: 10, powerIterations: 2 });
const within = (estimate: number, measured: number, factor: number) => {
  expect(estimate).toBeGreaterThan(measured / factor);
  expect(estimate).toBeLessThan(measured * factor);
};

describe('exactSvdCost', () => {
  it('grows with either dimension and does not depend on orientation', () => {
    const sizes = [16, 64, 200, 512, 1024, 3000, 8192];
    for (let i = 1; i < sizes.length; i++) {
      expect(exactSvdCost(sizes[i], 300, BENCH_RATE).seconds).toBeGreaterThan(exactSvdCost(sizes[i - 1], 300, BENCH_RATE).seconds);
      expect(exactSvdCost(300, sizes[i], BENCH_RATE).seconds).toBeGreaterThan(exactSvdCost(300, sizes[i - 1], BENCH_RATE).seconds);
      expect(exactSvdCost(sizes[i], sizes[i], BENCH_RATE).workingBytes).toBeGreaterThan(exactSvdCost(sizes[i - 1], sizes[i - 1], BENCH_RATE).workingBytes);
    }
    expect(exactSvdCost(768, 3072, BENCH_RATE)).toEqual(exactSvdCost(3072, 768, BENCH_RATE));
  });

  it('is continuous enough at the QR-first crossover (m = 1.6 n) not to jump by more than a third', () => {
    const below = exactSvdCost(1599, 1000, BENCH_RATE).seconds;
    const above = exactSvdCost(1600, 1000, BENCH_RATE).seconds;
    expect(Math.abs(above / below - 1)).toBeLessThan(1 / 3);
  });

  it('scales as m n^2: 4096 x 4096 is about 64 times 1024 x 1024', () => {
    const ratio = exactSvdCost(4096, 4096, BENCH_RATE).seconds / exactSvdCost(1024, 1024, BENCH_RATE).seconds;
    expect(ratio).toBeGreaterThan(55);
    expect(ratio).toBeLessThan(66);
  });

  it('is within 1.5x of the measured times of docs/benchmarks.md at that machine\'s GEMM rate', () => {
    within(exactSvdCost(768, 3072, BENCH_RATE).seconds, 3.198, 1.5);
    within(exactSvdCost(1024, 1024, BENCH_RATE).seconds, 2.426, 1.5);
    within(exactSvdCost(512, 512, BENCH_RATE).seconds, 0.318, 1.5);
    within(exactSvdCost(2048, 256, BENCH_RATE).seconds, 0.252, 1.5);
  });

  it('puts the 20 s budget between 1024 x 1024 and 4096 x 4096', () => {
    expect(exactSvdCost(1024, 1024, BENCH_RATE).seconds).toBeLessThan(20);
    expect(exactSvdCost(1500, 1200, BENCH_RATE).seconds).toBeLessThan(20);
    expect(exactSvdCost(4096, 4096, BENCH_RATE).seconds).toBeGreaterThan(60);
  });

  it('takes time inversely proportional to the flop rate', () => {
    const slow = exactSvdCost(2000, 1000, 1e9);
    const fast = exactSvdCost(2000, 1000, 4e9);
    expect(slow.seconds / fast.seconds).toBeCloseTo(4, 10);
    expect(slow.workingBytes).toBe(fast.workingBytes);
  });

  it('knows the measured working memory: 6 n^2 entries square, 2 m n + 3 n^2 tall (QR first)', () => {
    expect(exactSvdCost(4096, 4096, BENCH_RATE).workingBytes).toBe(6 * 8 * 4096 * 4096);
    expect(exactSvdCost(50257, 768, BENCH_RATE).workingBytes).toBe(8 * (2 * 50257 * 768 + 3 * 768 * 768));
    // 8192 x 8192 would need 3 GiB beyond the matrix.
    expect(exactSvdCost(8192, 8192, BENCH_RATE).workingBytes).toBe(3 * 2 ** 30);
  });

  it('costs a zero or rank-one matrix one pass, far below the general case', () => {
    const general = exactSvdCost(8192, 8192, BENCH_RATE);
    const zero = exactSvdCost(8192, 8192, BENCH_RATE, 'zero');
    expect(zero.seconds).toBeLessThan(2);
    expect(zero.seconds * 1000).toBeLessThan(general.seconds);
    expect(zero.workingBytes).toBe(8 * 2 * 8192 * 8192); // U and V only
  });
});

describe('randomizedSvdCost', () => {
  it('is within 1.5x of the measured randomized top-64 times', () => {
    within(randomizedSvdCost(768, 3072, randomized(64), BENCH_RATE).seconds, 0.356, 1.5);
    within(randomizedSvdCost(50000, 100, randomized(64), BENCH_RATE).seconds, 0.300, 1.5);
  });

  it('grows with k, the power iterations and the size, and stays far below the exact SVD of big matrices', () => {
    let last = 0;
    for (const k of [1, 8, 32, 100, 300]) {
      const s = randomizedSvdCost(4096, 4096, randomized(k), BENCH_RATE).seconds;
      expect(s).toBeGreaterThan(last);
      last = s;
    }
    expect(randomizedSvdCost(4096, 4096, { ...randomized(64), powerIterations: 4 }, BENCH_RATE).seconds)
      .toBeGreaterThan(randomizedSvdCost(4096, 4096, randomized(64), BENCH_RATE).seconds);
    const exact = exactSvdCost(4096, 4096, BENCH_RATE).seconds;
    expect(randomizedSvdCost(4096, 4096, randomized(100), BENCH_RATE).seconds * 20).toBeLessThan(exact);
    expect(randomizedSvdCost(4096, 4096, randomized(100), BENCH_RATE).workingBytes).toBeLessThan(64 * 2 ** 20);
  });

  it('is what svdCost gives for a randomized plan, and the exact cost when k covers min(m, n)', () => {
    expect(svdCost(3000, 500, randomized(50), BENCH_RATE)).toEqual(randomizedSvdCost(3000, 500, randomized(50), BENCH_RATE));
    expect(svdCost(300, 50, randomized(50), BENCH_RATE)).toEqual(exactSvdCost(300, 50, BENCH_RATE));
  });
});

describe('suggestedRank', () => {
  it('offers min(100, p / 4), smaller only when even that would be slow', () => {
    expect(suggestedRank(4096, 4096, BENCH_RATE)).toBe(100);
    expect(suggestedRank(200, 120, BENCH_RATE)).toBe(30);
    const huge = suggestedRank(100_000, 50_000, BENCH_RATE);
    expect(huge).toBeLessThan(100);
    expect(huge).toBeGreaterThanOrEqual(8);
  });
});

describe('measureFlopRate', () => {
  it('times a small GEMM with the given clock', () => {
    let t = 0;
    // A fake clock: every reading advances 1 ms, so each product "takes" 1 ms.
    const rate = measureFlopRate(() => (t += 1), 64, 3);
    expect(rate).toBeCloseTo((2 * 64 ** 3) / 1e-3, -3);
  });

  it('falls back to the default when the clock cannot resolve a product', () => {
    expect(measureFlopRate(() => 0, 32, 2)).toBe(DEFAULT_FLOP_RATE);
  });

  it('measures something plausible on this machine', () => {
    const rate = measureFlopRate(() => performance.now());
    expect(rate).toBeGreaterThan(1e8);
    expect(rate).toBeLessThan(1e12);
  });
});
