/**
 * The tensor workspace's jobs on their own: the math.md reference tensors decompose to their known
 * TT ranks and parameter counts beside Tucker and CP; a reshape that does not hold the entries is
 * refused with the sizes; a table compressed row by row reports its compression factor and errors
 * per row, streams progress by blocks and stops at a cancel; the export writes the cores; a bond's
 * unfolding is a low-rank view of its leading triplets, kept across ε steps.
 */
import { describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import { createRandom, lowRank, matrixWithSpectrum, sequentialUnfolding, svd, tensor } from '../core';
import { approximationOf } from './lowRankView.testkit';
import { JobCancelled, QUIET_CONTEXT, type JobContext } from './protocol';
import { BOND_VIEW_TERMS, bondUnfolding, runTensorJob } from './tensorJob';
import { tensorPreset } from './tensorPresets';
import { runTtRowsJob } from './ttRowsJob';
import { runTtExportJob } from './ttExportJob';
import { readNpy } from '../io/npy-read';
import { writeNpy } from '../io/npy-write';
import { runOpenFileJob } from './fileJobs';
import { CodedJobError } from './protocol';

// The core's SVDs, counted: the tensor job calls them for a bond's unfolding only (TT-SVD, HOSVD and
// CP use the core's own modules), so the count says whether a job redid that SVD.
vi.mock('../core', async (importOriginal) => {
  const core = await importOriginal<typeof import('../core')>();
  return { ...core, svd: vi.fn(core.svd), randomizedSvd: vi.fn(core.randomizedSvd) };
});

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

  it('reads one rank cap as a cap on every bond, as a link writes it (ranks=1)', async () => {
    const { output } = await runTensorJob({ ...base, source: { kind: 'preset', preset: 'sine', seed: 1 }, maxRank: [1] }, QUIET_CONTEXT);
    expect(output.tt.ranks).toEqual([1, 1, 1, 1]);
    const rows = await runTtRowsJob({ table: { kind: 'gaussian', rows: 8, cols: 12, seed: 1 }, shape: [2, 2, 3], maxRank: [1], words: [], neighbours: 0 }, QUIET_CONTEXT);
    expect(rows.output.maxRanks).toEqual([1, 1, 1, 1]);
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

function maxDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}

function frobeniusOfDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i] - y[i]) ** 2;
  return Math.sqrt(sum);
}

describe("a bond's unfolding as a low-rank view", () => {
  const sine = { kind: 'preset' as const, preset: 'sine' as const, seed: 1 };
  const t = tensorPreset('sine', 1);

  it('holds the core SVD of the sequential unfolding (top p) and rebuilds it at p = min(rows, cols); the cloud is its U_3 S_3', async () => {
    for (const bond of [1, 2]) {
      const { output, transfer } = await runTensorJob({ ...base, bond, source: sine }, QUIET_CONTEXT);
      const view = bondUnfolding(t, bond)!.view;
      const posted = output.bondView!;
      const a = sequentialUnfolding(t, bond);
      const exact = svd(a);
      const p = Math.min(a.rows, a.cols, BOND_VIEW_TERMS);
      expect([view.bond, view.rows, view.cols, view.p, view.complete]).toEqual([bond, bond === 1 ? 8 : 64, bond === 1 ? 96 : 12, p, true]);
      expect(maxDifference(view.s, exact.s.subarray(0, p))).toBeLessThan(1e-12);
      expect(maxDifference(approximationOf(view), a.data)).toBeLessThan(1e-12);
      expect(view.frobeniusSquared).toBeCloseTo(a.data.reduce((sum, x) => sum + x * x, 0), 10);
      // Every row is shown (at most 4096): its first three coordinates are u_i s_i of the same SVD.
      const cloud = output.bondCloud!;
      expect(cloud.shown).toBe(a.rows);
      for (const i of [0, 3, a.rows - 1]) for (const j of [0, 1, 2]) expect(cloud.points[i * 3 + j]).toBeCloseTo(view.u[i * p + j] * view.s[j], 14);
      // The page gets the view's pooled part only (U and V grow with the tensor), moved, each buffer once.
      expect(posted).toEqual({ rows: view.rows, cols: view.cols, p: view.p, s: view.s, frobeniusSquared: view.frobeniusSquared, pooled: view.pooled, bond, complete: true });
      expect(new Set(transfer).size).toBe(transfer.length);
      for (const array of [posted.s, posted.pooled.original, posted.pooled.u, posted.pooled.v]) expect(transfer).toContain(array.buffer);
    }
  });

  it('cut at the kept rank, it leaves sqrt(sum of the discarded s^2), a lower bound of the train\'s error', async () => {
    // Capped at 1, bond 1 drops the second of its two directions.
    const { output } = await runTensorJob({ ...base, source: sine, maxRank: [1, 1] }, QUIET_CONTEXT);
    const view = bondUnfolding(t, 1)!.view;
    const kept = output.tt.ranks[1];
    expect(kept).toBe(1);
    const a = sequentialUnfolding(t, 1);
    const cut = approximationOf(view, kept);
    const discarded = Math.sqrt(view.s.subarray(kept).reduce((sum, x) => sum + x * x, 0));
    expect(discarded).toBeGreaterThan(1);
    expect(frobeniusOfDifference(a.data, cut)).toBeCloseTo(discarded, 10);
    expect(Math.sqrt(view.frobeniusSquared - view.s[0] ** 2)).toBeCloseTo(discarded, 10);
    // The train's unfolding at bond 1 has rank 1 too, so its error is at least this cut's.
    expect(output.tt.relativeError).toBeGreaterThanOrEqual(discarded / Math.sqrt(view.frobeniusSquared) - 1e-12);
  });

  it('keeps the leading 64 triplets of a wider spectrum, and is then not complete', async () => {
    // The synthetic video as 160 x 768: an exact SVD of 160 values, 64 of them in the view.
    const { output } = await runTensorJob({ ...base, source: { kind: 'preset', preset: 'video', seed: 2 }, shape: [160, 768] }, QUIET_CONTEXT);
    const a = sequentialUnfolding(tensor([160, 768], tensorPreset('video', 2).data), 1);
    const view = bondUnfolding(tensor([160, 768], a.data), 1)!.view;
    expect([output.bondView!.p, output.bondView!.complete]).toEqual([64, false]);
    const exact = svd(a);
    expect([view.p, view.complete, view.u.length, view.v.length]).toEqual([64, false, 160 * 64, 768 * 64]);
    expect(maxDifference(view.s, exact.s.subarray(0, 64))).toBeLessThan(1e-10 * exact.s[0]);
    expect(maxDifference(approximationOf(view), lowRank(exact, 64).data)).toBeLessThan(1e-10 * exact.s[0]);
    // The cloud keeps the whole exact spectrum. (The heatmaps of such a view: state/heatmapData.test.ts.)
    expect(output.bondCloud!.singularValues).toHaveLength(160);
  });

  it('takes the randomized SVD of the top 64 when both sides are over 512', () => {
    const sigmas = Float64Array.from({ length: 520 }, (_, i) => 0.8 ** i);
    const a = matrixWithSpectrum(600, 520, sigmas, createRandom(4));
    const unfolding = bondUnfolding(tensor([600, 520], a.data), 1)!;
    expect([unfolding.view.p, unfolding.view.complete]).toEqual([64, false]);
    expect(maxDifference(unfolding.view.s, sigmas.subarray(0, 64))).toBeLessThan(1e-10);
    expect(unfolding.cloud.singularValues).toHaveLength(64);
    expect(unfolding.view.frobeniusSquared).toBeCloseTo(sigmas.reduce((sum, x) => sum + x * x, 0), 10);
  });

  it("an ε step reuses the bond's SVD, and the page is sent a copy it can take", async () => {
    const counted = () => vi.mocked(svd).mock.calls.length;
    // Bond 2 after bond 1: the cache (one bond) misses, one SVD.
    await runTensorJob({ ...base, source: sine, bond: 1 }, QUIET_CONTEXT);
    const before = counted();
    const first = await runTensorJob({ ...base, source: sine, bond: 2, eps: 0.01 }, QUIET_CONTEXT);
    expect(counted()).toBe(before + 1);
    // Posting the result moves the buffers: the job's own arrays are emptied, the page's hold the view.
    const posted = structuredClone(first.output, { transfer: first.transfer });
    expect(first.output.bondView!.s.length).toBe(0);
    const second = await runTensorJob({ ...base, source: sine, bond: 2, eps: 0.001, maxRank: [2, 1] }, QUIET_CONTEXT);
    expect(counted()).toBe(before + 1);
    expect(second.output.bondView).toEqual(posted.bondView);
    expect(second.output.bondView!.pooled.u.buffer).not.toBe(posted.bondView!.pooled.u.buffer);
    // The kept rank follows the new settings; the rest of the cloud is the cached one.
    expect([posted.bondCloud!.keptRank, second.output.bondCloud!.keptRank]).toEqual([2, 1]);
    expect(second.output.bondCloud!.points).toEqual(posted.bondCloud!.points);
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
