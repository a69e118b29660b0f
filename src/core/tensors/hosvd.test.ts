/**
 * Truncated HOSVD against numpy: factors (canonical signs), core, spectra, error; orthonormal
 * factors; the eps budget; checks.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../dense/random';
import { tensor } from './tensor';
import { hosvd, tuckerToFull } from './index';
import { caseTensor, entries, fixtures, maxDiff, relativeDifference } from './tensors.testkit';

describe('hosvd', () => {
  for (const c of fixtures.hosvd) {
    it(`${c.shape.join('x')} ranks ${c.ranks.join(',')}: numpy's factors, core and error`, () => {
      const r = hosvd(caseTensor(c), { ranks: c.ranks });
      expect(r.ranks).toEqual(c.ranks);
      r.factors.forEach((u, k) => {
        expect([u.rows, u.cols]).toEqual([c.factors[k].rows, c.factors[k].cols]);
        expect(maxDiff(u.data, c.factors[k].data)).toBeLessThan(1e-10);
        // Orthonormal columns.
        for (let a = 0; a < u.cols; a++) for (let b = 0; b < u.cols; b++) {
          let s = 0;
          for (let i = 0; i < u.rows; i++) s += u.data[i * u.cols + a] * u.data[i * u.cols + b];
          expect(Math.abs(s - (a === b ? 1 : 0))).toBeLessThan(1e-13);
        }
        expect(maxDiff(r.singularValues[k], c.singularValues[k])).toBeLessThan(1e-12 * c.singularValues[k][0]);
      });
      expect(r.core.shape).toEqual(c.ranks);
      expect(maxDiff(entries(r.core), c.core)).toBeLessThan(1e-10);
      expect(r.relativeError).toBeCloseTo(c.relativeError, 12);
      expect(relativeDifference(caseTensor(c), tuckerToFull(r))).toBeCloseTo(r.relativeError, 12);
      const n = c.shape;
      expect(r.parameters).toBe(c.ranks.reduce((a, b) => a * b, 1) + n.reduce((a, x, k) => a + x * c.ranks[k], 0));
      expect(r.compressionFactor).toBeCloseTo(n.reduce((a, b) => a * b, 1) / r.parameters, 12);
    });
  }

  it('eps splits the budget eps^2 / d over the modes: error <= eps, each mode tail <= eps ||A|| / sqrt(d)', () => {
    const c = fixtures.hosvd[1];
    const t = caseTensor(c);
    const norm = Math.sqrt(entries(t).reduce((a, x) => a + x * x, 0));
    for (const eps of [0.01, 0.05, 0.2, 0.5]) {
      const r = hosvd(t, { eps });
      expect(r.relativeError).toBeLessThanOrEqual(eps);
      r.singularValues.forEach((s, k) => {
        const budget = (eps / Math.sqrt(3)) * norm;
        const tail2 = Array.from(s.subarray(r.ranks[k])).reduce((a, x) => a + x * x, 0);
        expect(Math.sqrt(tail2)).toBeLessThanOrEqual(budget * (1 + 1e-12));
        // The smallest such rank: one less would exceed the budget.
        if (r.ranks[k] > 1) expect(Math.sqrt(tail2 + s[r.ranks[k] - 1] ** 2)).toBeGreaterThan(budget);
      });
    }
  });

  it('exact without options (round trip), clamps ranks, works on 4-way tensors', () => {
    const rng = createRandom(4);
    const t = tensor([3, 4, 2, 5], rng.fillNormal(new Float64Array(120)));
    const r = hosvd(t);
    expect(r.ranks).toEqual([3, 4, 2, 5]);
    expect(relativeDifference(t, tuckerToFull(r))).toBeLessThan(1e-13);
    expect(hosvd(t, { ranks: [9, 9, 9, 9] }).ranks).toEqual([3, 4, 2, 5]);
  });

  it('rejects vectors, wrong rank lists and NaN', () => {
    expect(() => hosvd(tensor([5]))).toThrow(/reshape a vector first/);
    expect(() => hosvd(tensor([2, 3]), { ranks: [1] })).toThrow(/one positive integer per mode \(2 for shape \[2, 3\]\)/);
    expect(() => hosvd(tensor([2, 3]), { ranks: [1, 0] })).toThrow(/rank of mode 1 must be a positive integer/);
    expect(() => hosvd(tensor([2, 2], [1, NaN, 0, 1]))).toThrow("'hosvd input' has NaN at index [0, 1]");
  });
});
