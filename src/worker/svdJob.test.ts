import { describe, expect, it } from 'vitest';
import { createRandom, matrixWithSpectrum, randomMatrix } from '../core';
import { runSvdJob } from './svdJob';
import { holdMatrix } from './heldMatrices';
import type { JobContext } from './protocol';

const context: JobContext = { progress: () => undefined, isCancelled: () => false };

describe('svd job', () => {
  const a = randomMatrix(40, 25, createRandom(11));

  it('returns each row and column energy: the squared lengths of A', () => {
    const { output } = runSvdJob({ rows: 40, cols: 25, data: a.data.slice() }, context);
    for (let i = 0; i < 40; i++) {
      let norm = 0;
      for (let j = 0; j < 25; j++) norm += a.data[i * 25 + j] ** 2;
      expect(output.rowEnergy[i]).toBeCloseTo(norm, 10);
    }
    for (let j = 0; j < 25; j++) {
      let norm = 0;
      for (let i = 0; i < 40; i++) norm += a.data[i * 25 + j] ** 2;
      expect(output.colEnergy[j]).toBeCloseTo(norm, 10);
    }
  });

  it('computes the top k by the randomized SVD, with the exact ||A||_F^2 and an error bound', () => {
    const spectrum = Array.from({ length: 60 }, (_, i) => 0.8 ** i);
    const b = matrixWithSpectrum(200, 60, spectrum, createRandom(5));
    const method = { kind: 'randomized' as const, k: 8, oversample: 10, powerIterations: 2, seed: 3 };
    const { output } = runSvdJob({ rows: 200, cols: 60, data: b.data.slice(), method }, context);
    expect(output).toMatchObject({ p: 8, complete: false, method });
    expect(output.u.length).toBe(200 * 8);
    expect(output.v.length).toBe(60 * 8);
    output.s.forEach((x, i) => expect(x).toBeCloseTo(spectrum[i], 8));
    expect(output.frobeniusSquared).toBeCloseTo(spectrum.reduce((sum, x) => sum + x * x, 0), 12);
    expect(output.errorBound!.bound).toBeGreaterThanOrEqual(spectrum[8] * (1 - 1e-9));
    // k >= min(m, n) has nothing to save, and small matrices (under 10,000 entries) take no time:
    // the exact SVD runs.
    const all = runSvdJob({ rows: 200, cols: 60, data: b.data.slice(), method: { ...method, k: 60 } }, context).output;
    expect(all).toMatchObject({ p: 60, complete: true, method: { kind: 'exact' }, errorBound: null });
    const small = runSvdJob({ rows: 40, cols: 25, data: a.data.slice(), method }, context).output;
    expect(small).toMatchObject({ p: 25, complete: true, method: { kind: 'exact' } });
  });

  it('uses a held matrix by key, and says when it is gone', () => {
    const key = holdMatrix('test:a', a);
    const byKey = runSvdJob({ rows: 40, cols: 25, heldKey: key }, context).output;
    const byData = runSvdJob({ rows: 40, cols: 25, data: a.data.slice() }, context).output;
    expect(Array.from(byKey.s)).toEqual(Array.from(byData.s));
    expect(() => runSvdJob({ rows: 40, cols: 25, heldKey: 'test:gone' }, context)).toThrow(/no longer holds/);
  });
});
