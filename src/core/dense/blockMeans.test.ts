import { describe, expect, it } from 'vitest';
import { blockMeans, blockStarts, rowBlockMeans } from './blockMeans';
import { fromArrays, toArrays } from './matrix';
import { createRandom, randomMatrix } from './random';

describe('block means', () => {
  it('splits n items into blocks whose sizes differ by at most one', () => {
    expect(Array.from(blockStarts(5, 2))).toEqual([0, 2, 5]);
    const starts = blockStarts(50257, 160);
    const sizes = Array.from({ length: 160 }, (_, b) => starts[b + 1] - starts[b]);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(starts[160]).toBe(50257);
  });

  it('averages blocks of rows, and of rows and columns', () => {
    expect(toArrays(rowBlockMeans(fromArrays([[1, 2], [3, 4], [5, 6]]), 2))).toEqual([[1, 2], [4, 5]]);
    expect(toArrays(blockMeans(fromArrays([[1, 2, 3, 4], [5, 6, 7, 8]]), 1, 2))).toEqual([[3.5, 5.5]]);
  });

  it('leaves a matrix smaller than the grid as it is', () => {
    const a = randomMatrix(7, 5, createRandom(3));
    expect(blockMeans(a, 160, 160)).toEqual(a);
  });

  it('matches the mean of each block computed directly', () => {
    const a = randomMatrix(23, 17, createRandom(4));
    const pooled = blockMeans(a, 5, 4);
    const rs = blockStarts(23, 5);
    const cs = blockStarts(17, 4);
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let i = rs[r]; i < rs[r + 1]; i++) for (let j = cs[c]; j < cs[c + 1]; j++) sum += a.data[i * 17 + j];
        expect(pooled.data[r * 4 + c]).toBeCloseTo(sum / ((rs[r + 1] - rs[r]) * (cs[c + 1] - cs[c])), 13);
      }
    }
  });

  it('refuses a grid of zero cells and NaN entries', () => {
    expect(() => rowBlockMeans(fromArrays([[1]]), 0)).toThrow(/cells must be an integer/);
    expect(() => blockMeans(fromArrays([[1, NaN]]), 1, 1)).toThrow(/NaN/);
  });
});
