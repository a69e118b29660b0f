/**
 * TT on real data from ../shared/data (skipped, named, where that folder is absent): GPT-2 small's
 * position embeddings compressed row by row (TensorGPT) and the 90 x 128 x 160 lobby video at
 * eps 0.1, against numpy (src/core/__fixtures__/tt_numpy.json). Files are read with src/io.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// A test may read files through io/ (the layer rule is about what the core ships): the brief's real-data check.
// eslint-disable-next-line no-restricted-imports
import { readNpy } from '../../io';
import { matrix } from '../dense/matrix';
import { tensor } from './tensor';
import { ttCompressRows, ttSvd, ttToFull } from './index';
import { fixtures, maxDiff, relativeDifference } from './tensors.testkit';

const DATA = new URL('../../../../shared/data/', import.meta.url);
const WPE = 'gpt2-small/wpe.npy';
const VIDEO = 'tensors/video_lobby_90x128x160.npy';
const load = (file: string) => readNpy(new Uint8Array(readFileSync(new URL(file, DATA))));

describe.skipIf(!existsSync(new URL(WPE, DATA)))(`${WPE} per row (skipped where ../shared/data is absent)`, () => {
  it('1024 x 768 at (8, 8, 12), ranks capped at 4 and 8: numpy\'s errors, every row within its error', () => {
    const a = load(WPE);
    expect(a.shape).toEqual([1024, 768]);
    const e = matrix(1024, 768, Float64Array.from(a.data));
    const ref = fixtures[WPE]!;
    const r = ttCompressRows(e, ref.shape, { maxRank: ref.maxRank });
    expect(r.parameters).toBe(1024 * 208);
    expect(r.relativeError).toBeCloseTo(ref.relativeError, 10);
    expect(maxDiff(r.rowErrors.subarray(0, 16), ref.firstRowErrors)).toBeLessThan(1e-10);
    expect(Math.max(...r.rowErrors)).toBeCloseTo(ref.maxRowError, 10);
    let diff = 0;
    let norm = 0;
    for (let i = 0; i < e.data.length; i++) {
      diff += (e.data[i] - r.reconstruction.data[i]) ** 2;
      norm += e.data[i] ** 2;
    }
    expect(Math.sqrt(diff / norm)).toBeCloseTo(r.relativeError, 10);
    const eight = ttCompressRows(e, [8, 8, 12], { maxRank: 8 });
    expect(eight.relativeError).toBeLessThan(r.relativeError);
    const byEps = ttCompressRows(e, [8, 8, 12], { eps: 0.3 });
    for (const x of byEps.rowErrors) expect(x).toBeLessThanOrEqual(0.3);
  });
});

describe.skipIf(!existsSync(new URL(VIDEO, DATA)))(`${VIDEO} (skipped where ../shared/data is absent)`, () => {
  it("TT-SVD at eps 0.1: numpy's ranks and error, error <= eps, equal to the reconstruction's", () => {
    const a = load(VIDEO);
    const t = tensor(a.shape, a.data);
    const ref = fixtures[VIDEO]!;
    const r = ttSvd(t, { eps: 0.1 });
    expect(r.ranks).toEqual(ref.ranks);
    expect(r.relativeError).toBeLessThanOrEqual(0.1);
    expect(r.relativeError).toBeCloseTo(ref.relativeError, 10);
    r.singularValues.forEach((s, k) => {
      const lead = ref.leadingSingularValues[k];
      expect(maxDiff(s.subarray(0, lead.length), lead)).toBeLessThan(1e-9 * lead[0]);
    });
    expect(relativeDifference(t, ttToFull(r))).toBeCloseTo(r.relativeError, 10);
  });
});
