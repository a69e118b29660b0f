import { describe, expect, it } from 'vitest';
import { bidiagonalize } from './bidiagonalize';
import { columnReflectors, formFromReflectors, rowReflectors } from '../dense/blockReflectors';
import { transpose, matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';
import { formTransposedFactor, leftReflectorRows, rightReflectorRows } from './transposedFactor';

/** The reference: Q formed by left updates (blockReflectors.ts), transposed. */
function referenceTransposed(v: Float64Array, tau: Float64Array, rows: number, count: number, shift: number, cols: number): Float64Array {
  return transpose(matrix(rows, cols, formFromReflectors(v, tau, rows, count, shift, cols))).data;
}

function maxDifference(x: Float64Array, y: Float64Array): number {
  expect(x.length).toBe(y.length);
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}

describe('formTransposedFactor', () => {
  it('forms the documented one-reflector example', () => {
    const q = formTransposedFactor(new Float64Array([1, 0.5]), new Float64Array([1.6]), 2, 1, 0, 2);
    expect(Array.from(q).map((x) => Number(x.toFixed(12)))).toEqual([-0.6, -0.8, -0.8, 0.6]);
  });

  // Odd and even reflector counts (the pairs and the leftover one), square and tall, both shifts.
  for (const [m, n] of [[1, 1], [2, 2], [3, 3], [7, 4], [16, 16], [33, 33], [50, 31], [64, 40]] as const) {
    it(`matches Q formed by left updates, transposed, for the reflectors of a ${m} x ${n} bidiagonalisation`, () => {
      const b = bidiagonalize(createRandom(m * 31 + n).fillNormal(new Float64Array(m * n)), m, n);
      const qt = formTransposedFactor(leftReflectorRows(b.a, m, n, n), b.tauQ, m, n, 0, n);
      expect(maxDifference(qt, referenceTransposed(columnReflectors(b.a, m, n, n), b.tauQ, m, n, 0, n))).toBeLessThan(1e-14);
      const count = Math.max(n - 1, 0);
      const pt = formTransposedFactor(rightReflectorRows(b.a, n), b.tauP, n, count, 1, n);
      expect(maxDifference(pt, referenceTransposed(rowReflectors(b.a, n), b.tauP, n, count, 1, n))).toBeLessThan(1e-14);
    });
  }

  it('skips reflectors with tau = 0 (a column that is already reduced)', () => {
    const v = new Float64Array([1, 0.5, 0.25, 0, 1, 2]);
    const tau = new Float64Array([0, 0.8]);
    const qt = formTransposedFactor(v, tau, 3, 2, 0, 3);
    expect(maxDifference(qt, referenceTransposed(transpose(matrix(2, 3, v)).data, tau, 3, 2, 0, 3))).toBeLessThan(1e-15);
  });
});
