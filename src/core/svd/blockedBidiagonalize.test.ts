/**
 * The blocked bidiagonalisation (panels + GEMM trailing updates) on shapes around and across the
 * block size and the crossover: LAPACK-style residuals of A = Q B P^T, orthogonality of Q and P
 * formed from the compact reflectors, and the bidiagonal's singular values against the unblocked
 * reduction's. Structured inputs hit the reflectors with tau = 0 (columns already reduced).
 */
import { describe, expect, it } from 'vitest';
import {
  BIDIAGONAL_BLOCKING, bidiagonalize, formPTransposed, formQTransposed, type Bidiagonal, type BidiagonalBlocking,
} from './bidiagonalize';
import { bidiagonalSvd } from './bidiagonalQr';
import { createRandom, matrix, matrixWithSpectrum, randomMatrix, transpose, type Matrix } from '../index';
import { orthogonalityResidual, reconstructionResidual } from './residuals';
import { EPS } from '../dense/scalar';

const UNBLOCKED: BidiagonalBlocking = { blockSize: 1, crossover: Infinity };

/** Q B (m x n) and P (n x n) from a reduction, so that A = (Q B) I P^T. */
function factors(b: Bidiagonal): { qb: Matrix; q: Matrix; p: Matrix } {
  const { m, n, d, e } = b;
  const q = transpose(matrix(n, m, formQTransposed(b)));
  const p = transpose(matrix(n, n, formPTransposed(b)));
  const qb = matrix(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      qb.data[i * n + j] = q.data[i * n + j] * d[j] + (j > 0 ? q.data[i * n + j - 1] * e[j - 1] : 0);
    }
  }
  return { qb, q, p };
}

function singularValues(b: Bidiagonal): Float64Array {
  const d = b.d.slice();
  bidiagonalSvd(d, b.e.slice(), { vt: null, widthV: 0, ut: null, widthU: 0 });
  return d;
}

/** Residuals below 30 and the same singular values (to 30 max(m, n) eps s_1) as the unblocked reduction. */
function expectAccurate(a: Matrix, blocking: BidiagonalBlocking): void {
  const { rows: m, cols: n } = a;
  const b = bidiagonalize(a.data.slice(), m, n, {}, blocking);
  const { qb, q, p } = factors(b);
  if (a.data.some((x) => x !== 0)) {
    expect(reconstructionResidual(a, { rows: m, cols: n, u: qb, s: new Float64Array(n).fill(1), v: p })).toBeLessThan(30);
  } else {
    expect([...b.d, ...b.e].every((x) => x === 0)).toBe(true);
  }
  expect(orthogonalityResidual(q)).toBeLessThan(30);
  expect(orthogonalityResidual(p)).toBeLessThan(30);
  const s = singularValues(b);
  const ref = singularValues(bidiagonalize(a.data.slice(), m, n, {}, UNBLOCKED));
  for (let i = 0; i < n; i++) expect(Math.abs(s[i] - ref[i])).toBeLessThanOrEqual(30 * Math.max(m, n) * EPS * ref[0]);
}

const SHAPES: [number, number][] = [[1, 1], [2, 2], [5, 3], [9, 9], [40, 33], [129, 128], [300, 200], [257, 257]];
const BLOCKINGS: BidiagonalBlocking[] = [
  BIDIAGONAL_BLOCKING,
  { blockSize: 1, crossover: 0 },
  { blockSize: 2, crossover: 0 },
  { blockSize: 3, crossover: 4 },
  { blockSize: 16, crossover: 16 },
  { blockSize: 32, crossover: 128 },
];

describe('blocked bidiagonalisation', () => {
  for (const blocking of BLOCKINGS) {
    it(`Gaussian matrices, block size ${blocking.blockSize}, crossover ${blocking.crossover}`, () => {
      for (const [m, n] of SHAPES) expectAccurate(randomMatrix(m, n, createRandom(m * 1000 + n)), blocking);
    });
  }

  it('graded and rank-deficient matrices', () => {
    const blocking = { blockSize: 8, crossover: 8 };
    const graded = Array.from({ length: 100 }, (_, i) => 10 ** (-i / 7));
    expectAccurate(matrixWithSpectrum(150, 100, graded, createRandom(1)), blocking);
    expectAccurate(matrixWithSpectrum(150, 100, graded.slice(0, 30), createRandom(2)), blocking);
  });

  it('columns that need no reflector (tau = 0): zero, identity, upper triangular, zero columns', () => {
    const blocking = { blockSize: 4, crossover: 4 };
    const n = 37;
    expectAccurate(matrix(45, n), blocking);
    const eye = matrix(45, n);
    for (let i = 0; i < n; i++) eye.data[i * n + i] = 1;
    expectAccurate(eye, blocking);
    const r = randomMatrix(n, n, createRandom(3));
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) r.data[i * n + j] = 0;
    expectAccurate(r, blocking);
    const holes = randomMatrix(60, n, createRandom(4));
    for (let i = 0; i < 60; i++) for (let j = 10; j < 20; j++) holes.data[i * n + j] = 0;
    expectAccurate(holes, blocking);
  });

  it('matches the unblocked reduction entry by entry on a well-conditioned matrix', () => {
    const a = randomMatrix(90, 70, createRandom(5));
    const b = bidiagonalize(a.data.slice(), 90, 70, {}, { blockSize: 8, crossover: 16 });
    const u = bidiagonalize(a.data.slice(), 90, 70, {}, UNBLOCKED);
    for (let i = 0; i < 70; i++) {
      expect(b.d[i]).toBeCloseTo(u.d[i], 10);
      expect(b.tauQ[i]).toBeCloseTo(u.tauQ[i], 10);
      expect(b.tauP[i]).toBeCloseTo(u.tauP[i], 10);
    }
    for (let i = 0; i < 69; i++) expect(b.e[i]).toBeCloseTo(u.e[i], 10);
    for (let i = 0; i < a.data.length; i++) expect(b.a[i]).toBeCloseTo(u.a[i], 10);
  });

  it('reports progress and stops when cancelled between panels', () => {
    const a = randomMatrix(300, 300, createRandom(6));
    const fractions: number[] = [];
    bidiagonalize(a.data.slice(), 300, 300, { onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(5);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]);
    let checks = 0;
    expect(() => bidiagonalize(a.data.slice(), 300, 300, { shouldCancel: () => ++checks > 3 })).toThrow('svd: cancelled');
  });
});
