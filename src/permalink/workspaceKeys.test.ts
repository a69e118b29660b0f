/**
 * The weighted and tensor workspaces' link keys: both forms round-trip them exactly, every bound
 * is checked, and malformed keys are refused with a message that names the key.
 */
import { describe, expect, it } from 'vitest';
import { decodeHumanHash, encodeHumanHash, type LinkState } from './humanForm';
import { decodeCompactHash, encodeCompactHash } from './compactForm';

const sha = 'c'.repeat(64);

function roundTrip(state: LinkState): LinkState | null {
  const decoded = decodeHumanHash(`#${encodeHumanHash(state)}`);
  return decoded?.ok ? decoded.value : null;
}

function problems(hash: string): string[] {
  const decoded = decodeHumanHash(hash);
  if (!decoded || decoded.ok) throw new Error(`expected ${hash} to be refused`);
  return decoded.problems;
}

describe('weighted low-rank keys', () => {
  const base: LinkState = { workspace: 'weighted', matrix: { rows: 2, cols: 2, data: [3, 0, 4, 5] } };

  it('round-trip every weight source', () => {
    const sources: LinkState['weighted'][] = [
      { rank: 1, methods: ['em'], init: 'svd', maxIter: 200, seed: 1, weights: { source: 'uniform' } },
      { rank: 2, methods: ['em', 'als', 'gd'], init: 'random', maxIter: 50, seed: 9, weights: { source: 'rows', seed: 4 } },
      { rank: 1, methods: ['als'], init: 'zero', maxIter: 1, seed: 0, weights: { source: 'random-mask', seed: 2, density: 0.25 } },
      { rank: 1, methods: ['gd', 'em'], init: 'fwsvd', maxIter: 7, seed: 3, weights: { source: 'block', block: [0, 1, 1, 2, 20] }, paint: [[0, 1, 0, 0.5], [1, 1, 3, 12]] },
      { rank: 3, methods: ['em'], init: 'svd', maxIter: 10, seed: 1, weights: { source: 'fisher', perRow: true, file: { file: 'grads.npy', size: 10, entry: 'g', slice: [], sha256: sha } } },
      { rank: 3, methods: ['em'], init: 'svd', maxIter: 10, seed: 1, weights: { source: 'file', file: { url: 'https://example.org/w.npy', entry: 'w', slice: [2], sha256: sha } } },
    ];
    for (const weighted of sources) expect(roundTrip({ ...base, weighted })).toEqual({ ...base, weighted });
  });

  it('write rows and columns from 1 in the link', () => {
    const hash = encodeHumanHash({ ...base, weighted: { rank: 1, methods: ['em'], init: 'svd', maxIter: 5, seed: 1, weights: { source: 'block', block: [0, 1, 1, 2, 20] }, paint: [[0, 1, 0, 0.5]] } });
    expect(hash).toContain('wts=block,1,1,2,2,20');
    expect(hash).toContain('paint=1:2:0:0.5');
  });

  it('refuse malformed and out-of-bound keys, naming them', () => {
    expect(problems('#w=weighted&m=1,2;3,4&wl=0,em,svd,5,1')[0]).toMatch(/"wl=0,em,svd,5,1" must be at least 1/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,newton,svd,5,1')[0]).toMatch(/"wl=1,newton,svd,5,1" must be rank,methods/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em+em,svd,5,1')[0]).toMatch(/names a method twice/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,5,1&wts=heavy')[0]).toMatch(/"wts=heavy" must be one of uniform/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,5,1&wts=block,1,2')[0]).toMatch(/needs first row, last row/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,5,1&wts=random-mask,1,2')[0]).toMatch(/must be at most 1/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,5,1&paint=1:2')[0]).toMatch(/"paint=1:2" must be strokes/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,5,1&wts=file')[0]).toMatch(/"gentry" names no array of the file/);
  });

  it('travel in the compact form with a big matrix', async () => {
    const weighted: LinkState['weighted'] = { rank: 4, methods: ['em', 'als'], init: 'svd', maxIter: 100, seed: 2, weights: { source: 'columns', seed: 5 }, paint: [[3, 4, 1, 9]] };
    const state = { workspace: 'weighted' as const, matrix: { rows: 20, cols: 13, data: Float64Array.from({ length: 260 }, (_, k) => Math.cos(k)) }, weighted };
    const decoded = await decodeCompactHash((await encodeCompactHash(state)).hash);
    expect(decoded).toEqual({ ok: true, value: state, title: undefined });
  });
});

describe('tensor keys', () => {
  it('round-trip presets, files, shapes and truncations', () => {
    const tensors: LinkState['tensor'][] = [
      { source: { preset: 'sine', seed: 1 } },
      { source: { preset: 'video', seed: 3 }, shape: [40, 48, 8, 8], eps: 0.1, maxRank: [4, 8, 2], show: 'tucker', cpRank: 5 },
      { source: { preset: 'embeddings', seed: 1 }, mode: 'rows', shape: [4, 5, 5], maxRank: [2, 2] },
      { source: { preset: 'gaussian-table', seed: 7 }, mode: 'tensor', row: 41, shape: [8, 8, 12] },
      { source: { file: { file: 'video.npy', size: 14745728, entry: 'video.npy', slice: [], sha256: sha } }, eps: 0.05 },
    ];
    for (const tensor of tensors) expect(roundTrip({ workspace: 'tensor', tensor })).toEqual({ workspace: 'tensor', tensor });
  });

  it('need no matrix: the workspace link is the tensor', () => {
    expect(decodeHumanHash('#w=tensor&tt=sine,1')).toEqual({ ok: true, value: { workspace: 'tensor', tensor: { source: { preset: 'sine', seed: 1 } } } });
  });

  it('refuse what does not describe a tensor', () => {
    expect(problems('#w=tensor&tt=cube,1')[0]).toMatch(/"tt=cube,1" must be one of low-rank/);
    expect(problems('#w=tensor&tt=sine,1&shape=8x8x')[0]).toMatch(/"shape=8x8x" must be sizes separated by x/);
    expect(problems('#w=tensor&tt=sine,1&eps=1.5')[0]).toMatch(/must be at most 0.999/);
    expect(problems('#w=tensor&tt=sine,1&ranks=0x2')[0]).toMatch(/must be at least 1/);
    expect(problems('#w=tensor&tt=sine,1&row=0')[0]).toMatch(/"row=0" must be a row counted from 1/);
    expect(problems('#w=tensor&tt=sine,1&show=svd')[0]).toMatch(/"show=svd" must be tt, tucker or cp/);
  });

  it('are not taken for a preset\'s parameters', () => {
    const decoded = decodeHumanHash('#p=random&size=4x4&seed=1&w=tensor&tt=sine,1&shape=8x96');
    expect(decoded?.ok && decoded.value.preset?.params).toEqual({ size: '4x4', seed: '1' });
  });
});
