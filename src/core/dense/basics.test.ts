import { describe, expect, it } from 'vitest';
import {
  createRandom, frobeniusNorm, fromArrays, fromTypedArray, identity, LinalgError, matmul, matrix, maxAbs,
  qr, randomMatrix, spectralNorm, toArrays, transpose, zeros, type Matrix,
} from '../index';
import { gemm } from './gemm';
import { orthogonalityResidual } from '../svd/residuals';

function naive(a: Matrix, b: Matrix, ta: boolean, tb: boolean): Float64Array {
  const m = ta ? a.cols : a.rows;
  const k = ta ? a.rows : a.cols;
  const n = tb ? b.rows : b.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += (ta ? a.data[p * a.cols + i] : a.data[i * a.cols + p]) * (tb ? b.data[j * b.cols + p] : b.data[p * b.cols + j]);
      out[i * n + j] = sum;
    }
  }
  return out;
}

describe('matrix helpers', () => {
  it('build, convert and transpose', () => {
    const a = fromArrays([[1, 2, 3], [4, 5, 6]]);
    expect(toArrays(transpose(a))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(Array.from(fromTypedArray(1, 2, new Float32Array([0.5, 2])).data)).toEqual([0.5, 2]);
    expect(Array.from(identity(2, 3).data)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(zeros(2, 2).data.length).toBe(4);
    expect(() => fromArrays([[1, 2], [3]])).toThrow('fromArrays: row 1 has 1 entries, row 0 has 2');
    expect(() => fromTypedArray(1, 2, new Float32Array([1, NaN]))).toThrow('fromTypedArray: entry (0, 1) is NaN in a 1 x 2 matrix');
    expect(() => matrix(2, 2, [1])).toThrow(LinalgError);
  });

  it('norms', () => {
    const a = fromArrays([[3, 0], [4, 5]]);
    expect(frobeniusNorm(a)).toBeCloseTo(Math.sqrt(50), 14);
    expect(spectralNorm(a)).toBeCloseTo(3 * Math.sqrt(5), 14);
    expect(maxAbs(fromArrays([[1, -7]]))).toBe(7);
    expect(frobeniusNorm(fromArrays([[3e300, 4e300]]))).toBeCloseTo(5e300, -285);
  });
});

describe('GEMM kernel', () => {
  it('matches the naive triple loop for every transpose and awkward sizes', () => {
    const rng = createRandom(1);
    for (const [m, n, k] of [[1, 1, 1], [5, 7, 3], [67, 65, 300], [130, 9, 257], [3, 2100, 5]]) {
      for (const ta of [false, true]) {
        for (const tb of [false, true]) {
          const a = ta ? randomMatrix(k, m, rng) : randomMatrix(m, k, rng);
          const b = tb ? randomMatrix(n, k, rng) : randomMatrix(k, n, rng);
          const c = matmul(a, b, { transA: ta, transB: tb });
          const ref = naive(a, b, ta, tb);
          for (let i = 0; i < ref.length; i++) expect(Math.abs(c.data[i] - ref[i])).toBeLessThan(1e-12 * k);
        }
      }
    }
  });

  it('accumulates with alpha, beta and offsets', () => {
    const c = new Float64Array([1, 1, 1, 1, 9]);
    gemm(2, 2, 1, 2, { data: new Float64Array([0, 1, 2]), offset: 1, ld: 1, trans: false }, { data: new Float64Array([3, 4]), offset: 0, ld: 2, trans: false }, 0.5, c, 0, 2);
    expect(Array.from(c)).toEqual([6.5, 8.5, 12.5, 16.5, 9]);
  });

  it('rejects mismatched inner dimensions', () => {
    expect(() => matmul(zeros(2, 3), zeros(2, 3))).toThrow('matmul: inner dimensions differ: op(A) is 2 x 3, op(B) is 2 x 3');
  });
});

describe('qr', () => {
  it('thin and complete factorisations reconstruct A with orthonormal Q and non-negative diag(R)', () => {
    const rng = createRandom(4);
    for (const [m, n] of [[7, 4], [4, 7], [5, 5], [1, 3], [3, 1]]) {
      const a = randomMatrix(m, n, rng);
      for (const mode of ['thin', 'complete'] as const) {
        const { q, r } = qr(a, { mode });
        expect(orthogonalityResidual(q)).toBeLessThan(30);
        const back = matmul(q, r);
        for (let i = 0; i < a.data.length; i++) expect(Math.abs(back.data[i] - a.data[i])).toBeLessThan(1e-14 * 10);
        for (let i = 0; i < Math.min(r.rows, n); i++) {
          expect(r.data[i * n + i]).toBeGreaterThanOrEqual(0);
          for (let j = 0; j < Math.min(i, n); j++) expect(r.data[i * n + j]).toBe(0);
        }
      }
    }
  });
});

describe('seeded random', () => {
  it('is reproducible, uniform in [0, 1) and roughly standard normal', () => {
    const a = createRandom(123);
    const b = createRandom(123);
    const xs = Array.from({ length: 20000 }, () => a.normal());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.normal()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const u = createRandom(9);
    for (let i = 0; i < 1000; i++) {
      const x = u.uniform();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(createRandom(1).uniform()).not.toBe(createRandom(2).uniform());
    expect(() => createRandom(NaN)).toThrow(LinalgError);
  });
});
