import { describe, expect, it } from 'vitest';
import { createRandom, matrixWithSpectrum, svd } from '../core';
import { runCompareJob, type CompareJobInput } from './compareJob';
import type { JobContext } from './protocol';

const context: JobContext = { progress: () => undefined, isCancelled: () => false };

function setup(level: number, revision: number): CompareJobInput {
  const sigmas = Float64Array.from({ length: 20 }, (_, i) => 0.7 ** i);
  const a = matrixWithSpectrum(30, 20, sigmas, createRandom(4));
  const f = svd(a);
  const k = 3;
  const basis = { rows: 20, cols: k, data: new Float64Array(20 * k) };
  for (let i = 0; i < 20; i++) basis.data.set(f.v.data.subarray(i * 20, i * 20 + k), i * k);
  return { a, aRevision: revision, basis, side: 'row', second: { kind: 'noise', level, seed: 2 } };
}

describe('compare subspaces job', () => {
  it('finds zero angles when B equals A', async () => {
    const { output } = await runCompareJob(setup(0, 1), context);
    expect(output.angles).toHaveLength(3);
    expect(Math.max(...output.angles)).toBeLessThan(1e-7);
    expect(output.relativeDifference).toBe(0);
  });

  it('turns the subspace further as the noise grows', async () => {
    const small = (await runCompareJob(setup(0.01, 2), context)).output;
    const large = (await runCompareJob(setup(0.3, 3), context)).output;
    expect(small.relativeDifference).toBeCloseTo(0.01, 2); // 600 Gaussian entries: the norm is exact only on average
    expect(Math.max(...small.angles)).toBeGreaterThan(0);
    expect(Math.max(...large.angles)).toBeGreaterThan(Math.max(...small.angles));
    expect(Math.max(...large.angles)).toBeLessThanOrEqual(Math.PI / 2);
  });

  it('refuses a noise level out of range', async () => {
    await expect(runCompareJob(setup(20, 4), context)).rejects.toThrow(/noise level must be from 0 to 10/);
  });
});
