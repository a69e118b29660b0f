import { describe, expect, it } from 'vitest';
import { createRandom, matmul, matrixWithSpectrum, randomizedSvd, svd } from '../index';
import { orthogonalityResidual, reconstructionResidual } from './residuals';

/** n singular values spread evenly from `top` down to `top / condition`. */
function spread(n: number, top: number, condition: number): number[] {
  return Array.from({ length: n }, (_, i) => top * (1 - ((1 - 1 / condition) * i) / Math.max(1, n - 1)));
}

// The Gram-sketch path (p < 2 q l) factors Y = A Z with one CholeskyQR pass when cond(Y) <= 4 and
// with two otherwise; the CholeskyQR2 path orthonormalises the power iterates. With k = min(m, n)
// the sketch is exact, so both must reproduce the full SVD to working precision.
describe('randomizedSvd numerical paths', () => {
  const shapes: [number, number][] = [[900, 24], [24, 900]];

  for (const condition of [1.5, 3.9, 4.2, 50, 1e5]) {
    it(`k = min(m, n), cond(A) = ${condition}: same values as svd, orthonormal factors, exact reconstruction`, () => {
      for (const [m, n] of shapes) {
        const p = Math.min(m, n);
        const a = matrixWithSpectrum(m, n, spread(p, 3, condition), createRandom(m + n + condition));
        const r = randomizedSvd(a, p, { seed: 2 });
        const exact = svd(a, { vectors: false }).s;
        for (let i = 0; i < p; i++) expect(Math.abs(r.s[i] - exact[i])).toBeLessThan(1e-13 * exact[0]);
        expect(orthogonalityResidual(r.u)).toBeLessThan(30);
        expect(orthogonalityResidual(r.v)).toBeLessThan(30);
        expect(reconstructionResidual(a, r)).toBeLessThan(30);
        expect(r.errorEstimate.bound).toBeLessThan(1e-12 * exact[0]);
      }
    });
  }

  it('truncated, well-conditioned sketch (one pass): consistent factors whatever the sketch quality', () => {
    // A Gaussian-like spectrum: cond(Y) is small, and the top values are only approximated.
    const a = matrixWithSpectrum(3000, 60, spread(60, 2, 1.5), createRandom(31));
    const k = 10;
    const r = randomizedSvd(a, k, { seed: 4 });
    const exact = svd(a, { vectors: false }).s;
    expect(orthogonalityResidual(r.u)).toBeLessThan(30);
    expect(orthogonalityResidual(r.v)).toBeLessThan(30);
    // U^T A V = diag(s) to rounding, and compressions can not exceed the true values.
    const core = matmul(matmul(r.u, a, { transA: true }), r.v);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) expect(Math.abs(core.data[i * k + j] - (i === j ? r.s[i] : 0))).toBeLessThan(1e-13 * exact[0]);
      expect(r.s[i]).toBeLessThanOrEqual(exact[i] * (1 + 1e-12));
    }
    expect(r.errorEstimate.bound).toBeGreaterThanOrEqual(exact[k]);
  });
});
