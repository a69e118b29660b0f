import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { matrixWithSpectrum, matrixWithSpectrumFlops } from './spectrum';
import { svd } from '../svd/svd';

describe('matrixWithSpectrum', () => {
  it('reports its stages in order, ending at the product, and builds the same matrix as without progress', () => {
    const seen: Array<[number, string]> = [];
    const watched = matrixWithSpectrum(200, 150, [3, 2, 1], createRandom(4), { onProgress: (fraction, stage) => seen.push([fraction, stage]) });
    const plain = matrixWithSpectrum(200, 150, [3, 2, 1], createRandom(4));
    expect(Array.from(watched.data)).toEqual(Array.from(plain.data));
    const fractions = seen.map(([fraction]) => fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((f) => f >= 0 && f < 1)).toBe(true);
    expect(seen.map(([, stage]) => stage)).toEqual(expect.arrayContaining(['orthonormal Q1', 'orthonormal Q2', 'the product Q1 diag(sigma) Q2^T']));
    expect(seen[seen.length - 1][1]).toBe('the product Q1 diag(sigma) Q2^T');
    expect(Array.from(svd(watched).s.slice(0, 4)).map((s) => Number(s.toFixed(12)))).toEqual([3, 2, 1, 0]);
  });

  it('stops with a cancellation error when asked to', () => {
    expect(() => matrixWithSpectrum(300, 300, new Float64Array(300).fill(1), createRandom(1), { shouldCancel: () => true })).toThrow(/cancelled/);
  });

  it('counts the flops of two QRs with their Q and the product', () => {
    // 2 x 2: 4(m + n)k² = 64 for the QRs and their Q, less 8k³/3 = 64/3, plus 2mnk = 16 for the product.
    expect(matrixWithSpectrumFlops(2, 2, 2)).toBeCloseTo(176 / 3, 12);
    // 4096 x 4096 with all singular values: 5.04e11 flops, minutes at a few Gflop/s (measured:
    // 2.3 s at 1024, 16.5 s at 2048 here, growing as n³).
    expect(matrixWithSpectrumFlops(4096, 4096, 4096) / 1e11).toBeCloseTo(5.0394, 3);
    expect(matrixWithSpectrumFlops(1024, 1024, 1024) / 1e9).toBeCloseTo(7.874, 2);
  });
});
