import { describe, expect, it } from 'vitest';
import { createRandom, randomMatrix, svd } from '../core';
import type { SvdResult } from '../state/svdSlice';
import { cloudCoordinates, createKeptEnergy, residualShareOf, residualShares } from './cloudMath';

function resultOf(m: number, n: number, seed: number): { a: Float64Array; result: SvdResult } {
  const a = randomMatrix(m, n, createRandom(seed));
  const f = svd(a);
  const p = f.s.length;
  const energy = (factor: Float64Array, count: number) =>
    Float64Array.from({ length: count }, (_, i) => {
      let sum = 0;
      for (let j = 0; j < p; j++) sum += (f.s[j] * factor[i * p + j]) ** 2;
      return sum;
    });
  return {
    a: a.data,
    result: { rows: m, cols: n, p, complete: true, method: { kind: 'exact' as const }, frobeniusSquared: 0, errorBound: null, u: f.u.data, s: f.s, v: f.v.data, map: null, rowEnergy: energy(f.u.data, m), colEnergy: energy(f.v.data, n), pooled: { rows: 0, cols: 0, original: new Float64Array(0), u: new Float64Array(0), v: new Float64Array(0) }, elapsedMs: 0 },
  };
}

describe('point cloud numbers', () => {
  const { a, result } = resultOf(30, 12, 5);

  it('places each row at its coordinates along the chosen right singular vectors', () => {
    const out = new Float32Array(30 * 3);
    cloudCoordinates(result, 'rows', [0, 1, 2], 12, 1, out);
    // Row i of A dotted with v_j is sigma_j u_ij.
    for (const i of [0, 13, 29]) {
      for (let axis = 0; axis < 3; axis++) {
        let dot = 0;
        for (let c = 0; c < 12; c++) dot += a[i * 12 + c] * result.v[c * result.p + axis];
        expect(out[3 * i + axis]).toBeCloseTo(dot, 4);
      }
    }
  });

  it('drops the coordinates of directions beyond the rank', () => {
    const out = new Float32Array(30 * 3);
    cloudCoordinates(result, 'rows', [0, 1, 5], 2, 1, out);
    expect(out[2]).toBe(0);
    expect(out[3 * 7 + 2]).toBe(0);
    expect(out[0]).not.toBe(0);
  });

  it('gives the share of each point lost at rank k, as projecting it directly does', () => {
    const k = 4;
    for (const i of [0, 9, 29]) {
      // ||a_i - P_k a_i|| with P_k the projector onto span(v_1..v_k).
      const row = Array.from({ length: 12 }, (_, c) => a[i * 12 + c]);
      const projected = new Array(12).fill(0);
      for (let j = 0; j < k; j++) {
        let dot = 0;
        for (let c = 0; c < 12; c++) dot += row[c] * result.v[c * result.p + j];
        for (let c = 0; c < 12; c++) projected[c] += dot * result.v[c * result.p + j];
      }
      const lost = Math.hypot(...row.map((x, c) => x - projected[c]));
      expect(residualShareOf(result, 'rows', k, i)).toBeCloseTo(lost / Math.hypot(...row), 10);
    }
    expect(residualShareOf(result, 'rows', 12, 3)).toBeCloseTo(0, 6);
  });

  it('updates the shares as the rank moves, term by term, matching a fresh computation', () => {
    const cache = createKeptEnergy();
    const updated = new Float32Array(30);
    const fresh = new Float32Array(30);
    // Up, down a little (terms taken away), down a lot (rebuilt), past p, and onto the columns.
    for (const [of, k] of [['rows', 3], ['rows', 4], ['rows', 9], ['rows', 7], ['rows', 1], ['rows', 40], ['columns', 5], ['columns', 2]] as const) {
      residualShares(result, of, k, updated, cache);
      residualShares(result, of, k, fresh);
      const count = of === 'rows' ? 30 : 12;
      for (let i = 0; i < count; i++) {
        expect(updated[i]).toBeCloseTo(fresh[i], 6);
        expect(fresh[i]).toBeCloseTo(residualShareOf(result, of, k, i), 6);
      }
      expect(cache.rank).toBe(Math.min(k, result.p));
    }
  });
});
