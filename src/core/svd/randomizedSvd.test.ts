import { describe, expect, it } from 'vitest';
import { createRandom, LinalgError, matrixWithSpectrum, randomizedSvd, randomMatrix, svd } from '../index';
import { orthogonalityResidual } from './residuals';

describe('randomizedSvd', () => {
  const sig = Array.from({ length: 60 }, (_, i) => 10 * 0.8 ** i);
  const a = matrixWithSpectrum(200, 60, sig, createRandom(3));

  it('recovers the leading singular values and orthonormal factors', () => {
    const r = randomizedSvd(a, 5, { seed: 11 });
    for (let i = 0; i < 5; i++) expect(Math.abs(r.s[i] - sig[i]) / sig[i]).toBeLessThan(1e-8);
    expect(r.u.cols).toBe(5);
    expect(r.v.rows).toBe(60);
    expect(orthogonalityResidual(r.u)).toBeLessThan(100);
    expect(orthogonalityResidual(r.v)).toBeLessThan(100);
  });

  it('is deterministic for a seed and reports the probe bound', () => {
    const r1 = randomizedSvd(a, 4, { seed: 5, probes: 6 });
    const r2 = randomizedSvd(a, 4, { seed: 5, probes: 6 });
    expect(Array.from(r1.s)).toEqual(Array.from(r2.s));
    expect(r1.errorEstimate.probes).toBe(6);
    expect(r1.errorEstimate.failureProbability).toBeCloseTo(1e-6, 20);
    // The bound can not be below the best possible error sigma_{k+1}.
    expect(r1.errorEstimate.bound).toBeGreaterThanOrEqual(sig[4]);
  });

  it('with k = min(m, n) equals the full SVD', () => {
    const b = randomMatrix(30, 12, createRandom(8));
    const r = randomizedSvd(b, 12, { seed: 1 });
    const s = svd(b, { vectors: false }).s;
    for (let i = 0; i < 12; i++) expect(Math.abs(r.s[i] - s[i])).toBeLessThan(1e-12 * s[0]);
    expect(r.errorEstimate.bound).toBeLessThan(1e-12 * s[0]);
  });

  it('small-side Gram path (p < 2 q l): tall, wide and rank-deficient agree with the full SVD', () => {
    const spectrum = Array.from({ length: 30 }, (_, i) => 0.5 ** i);
    const cases = [
      matrixWithSpectrum(400, 30, spectrum, createRandom(21)),
      matrixWithSpectrum(30, 400, spectrum, createRandom(22)),
      // Rank 5 < l: the Cholesky of the sketch fails and the Householder fallback takes over.
      matrixWithSpectrum(400, 30, spectrum.slice(0, 5), createRandom(23)),
    ];
    for (const b of cases) {
      const r = randomizedSvd(b, 8, { seed: 3, oversample: 7 });
      const exact = svd(b, { vectors: false }).s;
      for (let i = 0; i < 8; i++) expect(Math.abs(r.s[i] - exact[i])).toBeLessThan(1e-10 * exact[0]);
      expect(orthogonalityResidual(r.u)).toBeLessThan(100);
      expect(orthogonalityResidual(r.v)).toBeLessThan(100);
      expect(r.errorEstimate.bound).toBeGreaterThanOrEqual(exact[8] * (1 - 1e-9));
    }
  });

  it('checks its arguments and can be cancelled', () => {
    expect(() => randomizedSvd(a, 0)).toThrow(LinalgError);
    expect(() => randomizedSvd(a, 61)).toThrow('randomizedSvd: k must be an integer in [1, 60], got 61');
    expect(() => randomizedSvd(a, 3, { shouldCancel: () => true })).toThrow('randomizedSvd: cancelled');
  });
});
