/**
 * The tensor workspace's jobs on their own: the math.md reference tensors decompose to their known
 * TT ranks and parameter counts beside Tucker and CP; a reshape that does not hold the entries is
 * refused with the sizes; a table compressed row by row reports its compression factor and errors
 * per row, streams progress by blocks and stops at a cancel; the export writes the cores.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { JobCancelled, QUIET_CONTEXT, type JobContext } from './protocol';
import { runTensorJob } from './tensorJob';
import { runTtRowsJob } from './ttRowsJob';
import { runTtExportJob } from './ttExportJob';
import { readNpy } from '../io/npy-read';
import { writeNpy } from '../io/npy-write';
import { runOpenFileJob } from './fileJobs';
import { CodedJobError } from './protocol';

const base = { cpRank: 2, sliceIndex: 0, bond: 1 };

describe('tensorDecompose', () => {
  it('sin(i + j + k) on 8 x 8 x 12: ranks (1, 2, 2, 1), 72 parameters, beside Tucker and CP', async () => {
    // sin(i + j + k) expands into four rank-1 terms (sin and cos of each index): CP rank 4 is exact.
    const { output } = await runTensorJob({ ...base, cpRank: 4, source: { kind: 'preset', preset: 'sine', seed: 1 } }, QUIET_CONTEXT);
    expect(output.tt.ranks).toEqual([1, 2, 2, 1]);
    expect(output.tt.parameters).toBe(72);
    expect(output.tt.compressionFactor).toBeCloseTo(10.667, 3);
    expect(output.tt.relativeError).toBeLessThan(1e-12);
    expect(output.tt.singularValues).toHaveLength(2);
    expect(output.tt.steps).toHaveLength(2);
    expect('error' in output.tucker ? null : output.tucker.ranks).toEqual([2, 2, 2]);
    expect('error' in output.cp ? null : output.cp.relativeError).toBeLessThan(1e-3);
    expect(output.slice?.rows).toBe(8);
    expect(output.bondCloud?.shown).toBe(8);
  });

  it('with ε keeps the error within it, and reshapes on request', async () => {
    const { output } = await runTensorJob({ ...base, source: { kind: 'preset', preset: 'video', seed: 2 }, eps: 0.1, shape: [40, 48, 8, 8] }, QUIET_CONTEXT);
    expect(output.shape).toEqual([40, 48, 8, 8]);
    expect(output.tt.relativeError).toBeLessThanOrEqual(0.1 + 1e-12);
    expect(output.tt.errorBound).toBeLessThanOrEqual(0.1 + 1e-12);
    expect(output.tt.compressionFactor).toBeGreaterThan(1);
  });

  it('prices a big array of a file before decomposing it: over the budget it is refused with a code, unless asked anyway', async () => {
    // 1 x 2048 x 4096: its 2048 x 4096 unfoldings take 2 * 2048^2 * 4096 = 34 Gflop each, with CP
    // rank 8 over 100 sweeps 20 Gflop more: well over 20 s at a few Gflop/s.
    const data = new Float32Array(2048 * 4096).map((_, k) => Math.sin(k));
    const file = new Blob([writeNpy({ shape: [1, 2048, 4096], data }, 'float32') as Uint8Array<ArrayBuffer>]);
    await runOpenFileJob({ fileId: 901, name: 'big.npy', file }, QUIET_CONTEXT);
    const refused = runTensorJob({ ...base, cpRank: 8, source: { kind: 'file', ref: { fileId: 901, entry: 'big' } }, shape: [2048, 4096] }, QUIET_CONTEXT);
    await expect(refused).rejects.toBeInstanceOf(CodedJobError);
    await expect(refused).rejects.toMatchObject({ code: 'over-budget', message: expect.stringMatching(/^Decomposing this 2048 × 4096 tensor \(TT-SVD, Tucker and CP of rank 8\) would take up to about .+ on this device, over the 20 s budget, so it was not started\./) });
  });

  it('refuses a shape that does not hold the entries, and a vector left unreshaped', async () => {
    await expect(runTensorJob({ ...base, source: { kind: 'preset', preset: 'sine', seed: 1 }, shape: [8, 8, 8] }, QUIET_CONTEXT)).rejects.toThrow(/holds 512 entries; the tensor has 768/);
    await expect(runTensorJob({ ...base, source: { kind: 'preset', preset: 'sine', seed: 1 }, shape: [768] }, QUIET_CONTEXT)).rejects.toThrow(/a vector of 768 entries: reshape it/);
  });

  it('exports its cores, each r_{k-1} x n_k x r_k', async () => {
    await runTensorJob({ ...base, source: { kind: 'preset', preset: 'sine', seed: 1 } }, QUIET_CONTEXT);
    const { output } = runTtExportJob({ what: 'tensor', format: 'npz', dtype: 'float64' }, QUIET_CONTEXT);
    const files = unzipSync(output.bytes);
    expect(Object.keys(files).sort()).toEqual(['core_1.npy', 'core_2.npy', 'core_3.npy', 'ranks.npy', 'shape.npy']);
    expect(readNpy(files['core_2.npy']).shape).toEqual([2, 8, 2]);
  });
});

describe('ttRows', () => {
  const table = { kind: 'gaussian' as const, rows: 5000, cols: 96, seed: 3 };

  it('compresses every row, with the compression factor, per-row errors and a Pareto front', async () => {
    const stages: number[] = [];
    const context: JobContext = { ...QUIET_CONTEXT, progress: (fraction) => stages.push(fraction) };
    const { output } = await runTtRowsJob({ table, shape: [4, 4, 6], maxRank: [2, 2], words: [], neighbours: 10 }, context);
    // Every Gaussian row reaches the caps: 1*4*2 + 2*4*2 + 2*6*1 = 36 numbers for 96.
    expect(output.parameters).toBe(5000 * 36);
    expect(output.compressionFactor).toBeCloseTo(96 / 36, 10);
    expect(output.rowErrors).toHaveLength(5000);
    expect(output.relativeError).toBeGreaterThan(0);
    expect(output.maxRanks).toEqual([1, 2, 2, 1]);
    expect(output.pareto.points.length).toBeGreaterThan(5);
    expect(stages.filter((f) => f > 0 && f < 1).length).toBeGreaterThanOrEqual(2);
    const { output: exported } = runTtExportJob({ what: 'rows', format: 'npz', dtype: 'float64' }, QUIET_CONTEXT);
    const files = unzipSync(exported.bytes);
    expect(readNpy(files['offsets.npy']).shape).toEqual([5001]);
  });

  it('stops between blocks when cancelled', async () => {
    let checks = 0;
    const context: JobContext = { ...QUIET_CONTEXT, isCancelled: () => ++checks >= 1 };
    await expect(runTtRowsJob({ table, shape: [4, 4, 6], words: [], neighbours: 10 }, context)).rejects.toBeInstanceOf(JobCancelled);
    expect(checks).toBe(1);
  });

  it('says which factorization is needed when the shape does not fit the rows', async () => {
    await expect(runTtRowsJob({ table, shape: [4, 4, 4], words: [], neighbours: 10 }, QUIET_CONTEXT)).rejects.toThrow(/Each row has 96 entries; the shape 4 × 4 × 4 holds 64/);
  });
});
