/**
 * Property tests (fast-check, fixed seed): invariants that must hold for every matrix.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, lowRank, matmul, matrix, matrixWithSpectrum, qr, randomizedSvd, svd, transpose, truncationError, type Matrix } from '../index';
import { frobeniusNorm } from '../dense/norms';
import { orthogonalityResidual, reconstructionResidual } from './residuals';

const SEED = 424242;
const RUNS = 40;

/** Matrices up to 40 x 40 with entries of mixed magnitude (so both SVD paths are exercised). */
const matrices = fc
  .record({ m: fc.integer({ min: 1, max: 40 }), n: fc.integer({ min: 1, max: 40 }), seed: fc.integer(), scale: fc.integer({ min: -20, max: 20 }) })
  .map(({ m, n, seed, scale }): Matrix => {
    const rng = createRandom(seed);
    const data = new Float64Array(m * n);
    for (let i = 0; i < data.length; i++) data[i] = rng.normal() * 2 ** scale;
    return matrix(m, n, data);
  });

function expectSameSingularValues(a: Matrix, b: Matrix): void {
  const sa = svd(a, { vectors: false }).s;
  const sb = svd(b, { vectors: false }).s;
  for (let i = 0; i < sa.length; i++) expect(Math.abs(sa[i] - sb[i])).toBeLessThan(1e-13 * sa[0] * Math.max(a.rows, a.cols));
}

function spectralNormOfDiff(a: Matrix, b: Matrix): number {
  const d = matrix(a.rows, a.cols, a.data.map((x, i) => x - b.data[i]));
  return svd(d, { vectors: false }).s[0];
}

describe('svd properties', () => {
  it('orthonormal factors, exact reconstruction, descending non-negative values', () => {
    fc.assert(
      fc.property(matrices, (a) => {
        const f = svd(a);
        expect(reconstructionResidual(a, f)).toBeLessThan(30);
        expect(orthogonalityResidual(f.u)).toBeLessThan(30);
        expect(orthogonalityResidual(f.v)).toBeLessThan(30);
        for (let i = 1; i < f.s.length; i++) expect(f.s[i]).toBeLessThanOrEqual(f.s[i - 1]);
        expect(f.s[f.s.length - 1]).toBeGreaterThanOrEqual(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('Eckart-Young: ||A - A_k||_2 = sigma_{k+1} and ||A - A_k||_F^2 = sum of the tail', () => {
    fc.assert(
      fc.property(matrices, fc.nat(), (a, kSeed) => {
        const f = svd(a);
        const p = f.s.length;
        const k = kSeed % (p + 1);
        const ak = lowRank(f, k);
        const err = truncationError(f, k);
        const diffF = frobeniusNorm(matrix(a.rows, a.cols, a.data.map((x, i) => x - ak.data[i])));
        const tol = 1e-12 * f.s[0] * Math.max(a.rows, a.cols);
        expect(Math.abs(diffF - err.frobenius)).toBeLessThan(tol + 1e-300);
        if (k < p) expect(Math.abs(spectralNormOfDiff(a, ak) - f.s[k])).toBeLessThan(tol + 1e-300);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('singular values are invariant under orthogonal transforms Q1 A Q2^T', () => {
    fc.assert(
      fc.property(matrices, fc.integer(), (a, seed) => {
        const rng = createRandom(seed);
        const q1 = qr(matrix(a.rows, a.rows, rng.fillNormal(new Float64Array(a.rows * a.rows)))).q;
        const q2 = qr(matrix(a.cols, a.cols, rng.fillNormal(new Float64Array(a.cols * a.cols)))).q;
        expectSameSingularValues(a, matmul(matmul(q1, a), q2, { transB: true }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the transpose has the same singular values', () => {
    fc.assert(fc.property(matrices, (a) => expectSameSingularValues(a, transpose(a))), { seed: SEED, numRuns: RUNS });
  });

  it('randomized SVD: the true error stays within the a posteriori bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 70 }), fc.integer({ min: 20, max: 70 }), fc.integer(), fc.integer({ min: 1, max: 8 }), (m, n, seed, k) => {
        // A slowly decaying spectrum is the hard case for sketching.
        const sig = Array.from({ length: Math.min(m, n) }, (_, i) => 0.7 ** i);
        const a = matrixWithSpectrum(m, n, sig, createRandom(seed));
        const r = randomizedSvd(a, k, { seed, powerIterations: 1, oversample: 5 });
        const approx = matmul(matmul(r.u, matrix(k, k, diag(r.s))), r.v, { transB: true });
        const trueError = spectralNormOfDiff(a, approx);
        expect(trueError).toBeLessThanOrEqual(r.errorEstimate.bound * (1 + 1e-12));
        expect(trueError).toBeGreaterThanOrEqual(sig[k] * (1 - 1e-10));
      }),
      { seed: SEED, numRuns: 15 },
    );
  });
});

function diag(s: Float64Array): Float64Array {
  const k = s.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) out[i * k + i] = s[i];
  return out;
}
