/**
 * TensorGPT-style per-row TT compression: numpy's per-row cores, math.md's parameter counts,
 * agreement with ttSvd row by row, the reconstruction, progress, cancellation and input checks.
 */
import { describe, expect, it } from 'vitest';
import { LinalgError } from '../errors';
import { matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';
import { tensor } from './tensor';
import { ttCompressRows, ttRowCores, ttSvd, ttToFull } from './index';
import { entries, fixtures, maxDiff } from './tensors.testkit';

const gaussian = (rows: number, cols: number, seed: number) => matrix(rows, cols, createRandom(seed).fillNormal(new Float64Array(rows * cols)));

describe('ttCompressRows', () => {
  it("matches numpy's per-row TT-SVD (cores, ranks, errors), a zero row included", () => {
    const f = fixtures.rows;
    const r = ttCompressRows(matrix(f.rows, f.cols, Float64Array.from(f.data)), f.shape, { maxRank: f.maxRank });
    expect(r.columns).toBe(24);
    f.perRow.forEach((want, i) => {
      expect(Array.from(r.ranks.subarray(i * 4, i * 4 + 4))).toEqual(want.ranks);
      const cores = r.coreData.subarray(r.coreOffsets[i], r.coreOffsets[i + 1]);
      expect(maxDiff(cores, want.cores)).toBeLessThan(1e-12);
      expect(r.rowErrors[i]).toBeCloseTo(want.error, 12);
    });
    expect(r.rowErrors[3]).toBe(0);
    expect(Array.from(r.ranks.subarray(12, 16))).toEqual([1, 1, 1, 1]);
  });

  it("the (8, 8, 12) rank-(1, 4, 4, 1) row stores 208 numbers: CF 3.6923 (math.md)", () => {
    const r = ttCompressRows(gaussian(20, 768, 1), [8, 8, 12], { maxRank: 4 });
    expect(r.parameters).toBe(20 * 208);
    expect(r.compressionFactor).toBeCloseTo(3.6923, 4);
    for (let i = 0; i < 20; i++) expect(Array.from(r.ranks.subarray(i * 4, i * 4 + 4))).toEqual([1, 4, 4, 1]);
    expect(Array.from(r.coreOffsets.subarray(0, 3))).toEqual([0, 208, 416]);
  });

  it('reshape (4, 8, 4, 6) capped at 4 stores 232 numbers per row (CF 3.31), capped at 2: 68 (CF 11.29)', () => {
    const e = gaussian(10, 768, 2);
    const four = ttCompressRows(e, [4, 8, 4, 6], { maxRank: 4 });
    expect(four.parameters / 10).toBe(232);
    expect(four.compressionFactor).toBeCloseTo(3.31, 2);
    const two = ttCompressRows(e, [4, 8, 4, 6], { maxRank: 2 });
    expect(two.parameters / 10).toBe(68);
    expect(two.compressionFactor).toBeCloseTo(11.29, 2);
  });

  it('every row equals ttSvd of that row: ranks, cores, errors; the reconstruction is ttToFull of its cores', () => {
    const e = gaussian(40, 120, 3);
    // Graded rows: row i scaled and partly low-rank, so eps cuts different ranks on different rows.
    for (let i = 0; i < 40; i++) for (let j = 0; j < 120; j++) e.data[i * 120 + j] = e.data[i * 120 + j] * 0.1 ** (i % 4) + Math.cos(j * (i % 5));
    for (const options of [{ eps: 0.2 }, { maxRank: 3 }, {}, { eps: 0.05, maxRank: [3, 5] }]) {
      const r = ttCompressRows(e, [4, 5, 6], options);
      let params = 0;
      let tail = 0;
      let norm = 0;
      for (let i = 0; i < 40; i++) {
        const row = tensor([4, 5, 6], e.data.slice(i * 120, (i + 1) * 120));
        const one = ttSvd(row, options);
        const cores = ttRowCores(r, i);
        expect(cores.ranks).toEqual(one.ranks);
        cores.cores.forEach((c, k) => expect(maxDiff(entries(c), entries(one.cores[k]))).toBeLessThan(1e-12));
        expect(r.rowErrors[i]).toBeCloseTo(one.relativeError, 12);
        expect(maxDiff(r.reconstruction.data.subarray(i * 120, (i + 1) * 120), entries(ttToFull(cores)))).toBeLessThan(1e-12);
        params += one.parameters;
        const n2 = entries(row).reduce((a, x) => a + x * x, 0);
        norm += n2;
        tail += one.relativeError ** 2 * n2;
      }
      expect(r.parameters).toBe(params);
      expect(r.coreData.length).toBe(params);
      expect(r.relativeError).toBeCloseTo(Math.sqrt(tail / norm), 12);
      let diff = 0;
      for (let k = 0; k < e.data.length; k++) diff += (e.data[k] - r.reconstruction.data[k]) ** 2;
      expect(Math.sqrt(diff / norm)).toBeCloseTo(r.relativeError, 12);
    }
  });

  it('reports progress about every 1% and polls cancellation', () => {
    const e = gaussian(1000, 24, 4);
    const fractions: number[] = [];
    ttCompressRows(e, [2, 3, 4], { maxRank: 2, onProgress: (f, stage) => { fractions.push(f); expect(stage).toBe('TT-SVD of rows'); } });
    expect(fractions.length).toBe(101);
    expect(fractions[fractions.length - 1]).toBe(1);
    let polls = 0;
    expect(() => ttCompressRows(e, [2, 3, 4], { shouldCancel: () => ++polls > 2 })).toThrow('ttCompressRows: cancelled');
    expect(polls).toBe(3);
  });

  it('checks the row shape against the columns, the order, eps, ranks and finiteness', () => {
    const e = gaussian(3, 768, 5);
    expect(() => ttCompressRows(e, [8, 8, 8])).toThrow('ttCompressRows: the row shape [8, 8, 8] has 512 entries but the table is 3 x 768 (768 columns)');
    expect(() => ttCompressRows(e, [768])).toThrow(/reshape a vector first/);
    expect(() => ttCompressRows(e, [8, 8, 12], { eps: 2 })).toThrow(LinalgError);
    expect(() => ttCompressRows(e, [8, 8, 12], { maxRank: -1 })).toThrow(LinalgError);
    e.data[770] = Infinity;
    expect(() => ttCompressRows(e, [8, 8, 12])).toThrow('ttCompressRows: entry (1, 2) is Infinity in a 3 x 768 table');
    expect(() => ttRowCores(ttCompressRows(gaussian(2, 24, 1), [2, 3, 4]), 2)).toThrow(/row must be an integer in \[0, 1\]/);
  });
});
