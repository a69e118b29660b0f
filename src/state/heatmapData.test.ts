/**
 * The heatmaps' A and A_k come from block means the worker computes with the SVD; A_k's are built
 * from the pooled factors for any rank. They must equal the block means of A and of lowRank(A, k).
 */
import { QUIET_CONTEXT } from '../worker/protocol';
import { describe, expect, it } from 'vitest';
import { blockMeans, createRandom, lowRank, matmul, randomMatrix, sequentialUnfolding, svd, tensor } from '../core';
import { tensorPreset } from '../worker/tensorPresets';
import { runSvdJob } from '../worker/svdJob';
import { runTensorJob } from '../worker/tensorJob';
import { HEATMAP_GRID, lowRankViewOfFactors } from '../worker/lowRankView';
import { pooledMatrices } from './heatmapData';

const context = QUIET_CONTEXT;

function maxDifference(x: Float64Array, y: Float64Array): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}

describe('pooled heatmap matrices', () => {
  const a = randomMatrix(400, 170, createRandom(9));
  const result = runSvdJob({ rows: 400, cols: 170, data: a.data.slice() }, context).output;
  const exact = svd(a);

  it('pools A on a grid of at most HEATMAP_GRID cells per side', () => {
    expect([result.pooled.rows, result.pooled.cols]).toEqual([HEATMAP_GRID, HEATMAP_GRID]);
    expect(maxDifference(result.pooled.original, blockMeans(a, HEATMAP_GRID, HEATMAP_GRID).data)).toBeLessThan(1e-15);
  });

  it('gives the block means of A_k for every rank, moving up and down term by term', () => {
    // Up and down from the current A_k, afresh from zero, and from A itself near full rank.
    for (const k of [1, 5, 4, 60, 20, 170, 150, 2, 169]) {
      const pooled = pooledMatrices(result, k);
      const expected = blockMeans(lowRank(exact, k), HEATMAP_GRID, HEATMAP_GRID).data;
      expect(pooled.rank).toBe(k);
      expect(maxDifference(pooled.reconstruction, expected)).toBeLessThan(1e-12);
      expect(pooled.blockRows).toBeCloseTo(400 / 160, 12);
    }
  });

  it("pools any low-rank view: a weighted method's X Y^T, whose full rank is not A", () => {
    const random = createRandom(3);
    const x = randomMatrix(400, 170, random);
    const y = randomMatrix(170, 170, random);
    const view = lowRankViewOfFactors(a, x, y);
    const expected = blockMeans(matmul(x, y, { transB: true }), HEATMAP_GRID, HEATMAP_GRID).data;
    const pooled = pooledMatrices(view, 170);
    // A is the data's; A_k is the product's, built from zero (a complete SVD's shortcut from A would be wrong here).
    expect(maxDifference(pooled.original, result.pooled.original)).toBe(0);
    expect(maxDifference(pooled.reconstruction, expected)).toBeLessThan(1e-10);
    // Each view keeps its own rank: the SVD's heatmaps are unchanged by it.
    expect(pooledMatrices(result, 169).rank).toBe(169);
    expect(maxDifference(pooledMatrices(view, 170).reconstruction, expected)).toBeLessThan(1e-10);
  });

  it("pools a truncated view, a TT bond's leading 64 triplets: not complete, so A_k is built from zero and stops at 64", async () => {
    const job = { cpRank: 1, sliceIndex: 0, bond: 1, source: { kind: 'preset' as const, preset: 'video' as const, seed: 2 } };
    // The synthetic video as a 160 x 768 matrix: 160 singular values, 64 in the view.
    const view = (await runTensorJob({ ...job, shape: [160, 768] }, context)).output.bondView!;
    const exact = svd(sequentialUnfolding(tensor([160, 768], tensorPreset('video', 2).data), 1));
    expect([view.p, view.complete]).toEqual([64, false]);
    for (const k of [64, 10, 200]) {
      const pooled = pooledMatrices(view, k);
      expect(pooled.rank).toBe(Math.min(k, 64));
      expect(maxDifference(pooled.reconstruction, blockMeans(lowRank(exact, pooled.rank), HEATMAP_GRID, HEATMAP_GRID).data)).toBeLessThan(1e-9 * exact.s[0]);
    }
    // A small bond fits the grid: the unfolding and its cut, cell by cell (sin(i + j + k) capped at rank 1).
    const sine = (await runTensorJob({ ...job, source: { kind: 'preset', preset: 'sine', seed: 1 }, maxRank: [1, 1] }, context)).output.bondView!;
    const unfolding = sequentialUnfolding(tensorPreset('sine', 1), 1);
    const pooled = pooledMatrices(sine, 1);
    expect([pooled.rows, pooled.cols, pooled.blockRows, pooled.blockCols]).toEqual([8, 96, 1, 1]);
    expect(maxDifference(pooled.original, unfolding.data)).toBe(0);
    expect(maxDifference(pooled.reconstruction, lowRank(svd(unfolding), 1).data)).toBeLessThan(1e-12);
  });

  it('shows a small matrix cell by cell', () => {
    const small = runSvdJob({ rows: 3, cols: 2, data: new Float64Array([1, 2, 3, 4, 5, 6]) }, context).output;
    const pooled = pooledMatrices(small, 2);
    expect([pooled.rows, pooled.cols, pooled.blockRows, pooled.blockCols]).toEqual([3, 2, 1, 1]);
    expect(maxDifference(pooled.reconstruction, new Float64Array([1, 2, 3, 4, 5, 6]))).toBeLessThan(1e-14);
  });
});
