import { describe, expect, it } from 'vitest';
import { createRandom, matrix, matrixWithSpectrum, randomMatrix, svd, type Matrix } from '../index';
import { orthogonalityResidual, reconstructionResidual } from './residuals';

function expectAccurate(a: Matrix, method: 'jacobi' | 'golub-kahan'): Float64Array {
  const f = svd(a, { method });
  expect(reconstructionResidual(a, f)).toBeLessThan(30);
  expect(orthogonalityResidual(f.u)).toBeLessThan(30);
  expect(orthogonalityResidual(f.v)).toBeLessThan(30);
  for (let i = 1; i < f.s.length; i++) expect(f.s[i]).toBeLessThanOrEqual(f.s[i - 1]);
  return f.s;
}

// One-sided Jacobi keeps squared column norms updated through each sweep (re-measured when a norm
// shrinks by half or more) and pivots the largest column first; these cases stress both.
describe('jacobiSvd (through svd with method "jacobi")', () => {
  it('nearly parallel columns: accurate factors, values agreeing with Golub-Kahan', () => {
    const rng = createRandom(5);
    for (const gap of [1e-3, 1e-8, 1e-13]) {
      const base = randomMatrix(9, 6, rng);
      const a = matrix(9, 6);
      for (let i = 0; i < 9; i++) {
        for (let j = 0; j < 6; j++) {
          // Columns 1..5 are column 0 plus a small independent part.
          const x = base.data[i * 6];
          a.data[i * 6 + j] = j === 0 ? x : x + gap * base.data[i * 6 + j];
        }
      }
      const sj = expectAccurate(a, 'jacobi');
      const sg = expectAccurate(a, 'golub-kahan');
      for (let i = 0; i < 6; i++) expect(Math.abs(sj[i] - sg[i])).toBeLessThan(1e-14 * sj[0]);
    }
  });

  it('known spectra over many magnitudes, square and tall', () => {
    for (const [m, n] of [[8, 8], [12, 12], [30, 7], [5, 11]]) {
      const p = Math.min(m, n);
      const sigmas = Array.from({ length: p }, (_, i) => 10 ** (-i * (10 / p)));
      const a = matrixWithSpectrum(m, n, sigmas, createRandom(m * 31 + n));
      const s = expectAccurate(a, 'jacobi');
      for (let i = 0; i < p; i++) expect(Math.abs(s[i] - sigmas[i])).toBeLessThan(1e-13);
    }
  });

  it('repeated and zero singular values', () => {
    const a = matrixWithSpectrum(10, 10, [2, 2, 2, 1, 1, 0.5, 0, 0, 0, 0], createRandom(9));
    const s = expectAccurate(a, 'jacobi');
    const expected = [2, 2, 2, 1, 1, 0.5, 0, 0, 0, 0];
    for (let i = 0; i < 10; i++) expect(Math.abs(s[i] - expected[i])).toBeLessThan(1e-14 * 2 * 10);
  });
});
