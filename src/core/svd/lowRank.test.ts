import { describe, expect, it } from 'vitest';
import {
  breakEvenRank, compressionFactor, createRandom, fromArrays, LinalgError, lowRank, randomMatrix, svd,
  toArrays, truncationError, updateLowRank,
} from '../index';

describe('lowRank and truncationError on the reference matrix', () => {
  const f = svd(fromArrays([[3, 0], [4, 5]]));

  it('rank-1 truncation is [[1.5, 1.5], [4.5, 4.5]] with error sqrt 5', () => {
    const a1 = toArrays(lowRank(f, 1));
    [[1.5, 1.5], [4.5, 4.5]].forEach((row, i) => row.forEach((x, j) => expect(a1[i][j]).toBeCloseTo(x, 14)));
    const e = truncationError(f, 1);
    expect(e.frobenius).toBeCloseTo(Math.sqrt(5), 14);
    expect(e.spectral).toBeCloseTo(Math.sqrt(5), 14);
    expect(e.relativeSpectral).toBeCloseTo(1 / 3, 14);
    expect(e.energyCaptured).toBeCloseTo(0.9, 14);
  });

  it('rank 0 and full rank are the extremes', () => {
    expect(truncationError(f, 2)).toEqual({ frobenius: 0, spectral: 0, relativeFrobenius: 0, relativeSpectral: 0, energyCaptured: 1 });
    expect(truncationError(f, 0).relativeFrobenius).toBeCloseTo(1, 15);
    expect(Array.from(lowRank(f, 0).data)).toEqual([0, 0, 0, 0]);
  });

  it('accepts singular values alone and checks k', () => {
    expect(truncationError({ s: new Float64Array([2, 1]) }, 1).spectral).toBe(1);
    expect(() => truncationError(f, 3)).toThrow('truncationError: k must be an integer in [0, 2], got 3');
    expect(() => lowRank(svd(fromArrays([[1, 2]]), { vectors: false }), 1)).toThrow(LinalgError);
  });

  it('reads a partial spectrum against ||A||_F^2, with sigma_{k+1} unknown at the last value', () => {
    const full = truncationError(f, 1);
    const partial = truncationError({ s: f.s.slice(0, 1) }, 1, { frobeniusSquared: 50 });
    expect(partial.frobenius).toBeCloseTo(full.frobenius, 13);
    expect(partial.relativeFrobenius).toBeCloseTo(full.relativeFrobenius, 13);
    expect(partial.energyCaptured).toBeCloseTo(full.energyCaptured, 13);
    expect(partial.spectral).toBeNaN();
    // Known where the values reach: sigma_2 of a 2-value prefix of a longer spectrum.
    const s = new Float64Array([4, 3, 2, 1]);
    const head = truncationError({ s: s.slice(0, 2) }, 1, { frobeniusSquared: 30 });
    expect(head).toEqual(truncationError({ s }, 1));
    // A complete spectrum given with its own total has sigma_{p+1} = 0, whatever the rounding.
    expect(truncationError(f, 2, { frobeniusSquared: 50 * (1 + 1e-16) }).spectral).toBe(0);
    expect(() => truncationError(f, 1, { frobeniusSquared: NaN })).toThrow(/frobeniusSquared/);
  });

  it('does not overflow near 1e300', () => {
    const e = truncationError({ s: new Float64Array([1e300, 1e300]) }, 1);
    expect(e.frobenius).toBe(1e300);
    expect(e.energyCaptured).toBeCloseTo(0.5, 15);
  });
});

describe('updateLowRank', () => {
  it('walks up and down the ranks and matches lowRank', () => {
    const f = svd(randomMatrix(30, 20, createRandom(2)));
    const approx = lowRank(f, 5);
    for (const [from, to] of [[5, 9], [9, 2], [2, 20], [20, 11]]) {
      updateLowRank(approx, f, from, to);
      const ref = lowRank(f, to);
      for (let i = 0; i < ref.data.length; i++) expect(Math.abs(approx.data[i] - ref.data[i])).toBeLessThan(1e-13 * f.s[0]);
    }
  });

  it('checks shapes', () => {
    const f = svd(randomMatrix(4, 3, createRandom(2)));
    expect(() => updateLowRank(lowRank(svd(randomMatrix(3, 3, createRandom(1))), 1), f, 1, 2)).toThrow('updateLowRank: the previous approximation is 3 x 3');
  });
});

describe('storage', () => {
  it('compression factor and break-even rank (math.md values)', () => {
    expect(compressionFactor(768, 768, 64)).toBe(6);
    expect(compressionFactor(768, 3072, 64)).toBeCloseTo(9.6, 12);
    expect(breakEvenRank(768, 768)).toBe(384);
    expect(breakEvenRank(768, 3072)).toBeCloseTo(614.4, 12);
    expect(breakEvenRank(50257, 768)).toBeCloseTo(756.44, 2);
    expect(() => compressionFactor(3, 4, 0)).toThrow(LinalgError);
  });
});
