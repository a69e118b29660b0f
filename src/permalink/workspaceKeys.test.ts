/**
 * The workspaces' link keys (the entries of workspaceKeys.ts): both forms round-trip them exactly,
 * every bound is checked, malformed keys are refused with a message that names the key, and no two
 * entries claim the same key or field.
 */
import { describe, expect, it } from 'vitest';
import { decodeHumanHash, encodeHumanHash, type LinkState } from './humanForm';
import { decodeCompactHash, encodeCompactHash } from './compactForm';
import { REFERENCE_KEYS } from './humanSchema';
import { WORKSPACE_KEY_CODECS } from './workspaceKeys';

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

describe('the list of entries', () => {
  it('gives every key, reference prefix and field to one entry only', () => {
    const fields = WORKSPACE_KEY_CODECS.flatMap((codec) => Object.keys(codec.shape));
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).not.toContain('workspace');
    // The keys every link may have besides the entries': the workspace, and the document's.
    const keys = ['w', 'm', 'p', ...REFERENCE_KEYS];
    for (const codec of WORKSPACE_KEY_CODECS) keys.push(...new Set(Object.values(codec.keys)), ...Object.keys(codec.refs ?? {}).flatMap((prefix) => REFERENCE_KEYS.map((key) => `${prefix}${key}`)));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('read and write links as they always did, key for key', () => {
    const links = [
      'm=3,0;4,5&svd=rand,2,10,2,7&r=1&view=cloud&of=columns&step=1.5&axes=1,3,2&sub=0&cam=1.5,-2,3e-7',
      'p=random&size=20x10&spectrum=geometric&decay=0.001&seed=3&r=4&view=heatmaps&cmp=column,0.25,7',
      `src=https%3A%2F%2Fx.org%2Fa%26b.npy&size=12&entry=h.0&unfold=2&sha256=${sha}&nan=0&r=2`,
      'w=attention&att=96,1,16,2,wx',
      `w=attention&m=1,0;0,1&att=file,64,12,xw&qfile=wq.npy&qsize=10&qentry=wq&qslice=2&qsha256=${sha}&qfused=1&kfile=wk.npy&kentry=wk&ksha256=${sha}`,
      `m=1,0;0,1&cmp=row,file&bsrc=https%3A%2F%2Fx.org%2Fb.npy&bentry=B&breshape=4&bsha256=${sha}`,
      `w=weighted&m=3,0;4,5&wl=1,em+als,svd,300,1&wts=fisher,1&paint=1:2:0:0.5&gfile=g.npy&gentry=g&gsha256=${sha}`,
      `w=tensor&tt=file&tfile=video.npy&tentry=video&tsha256=${sha}&shape=40x48x64&eps=0.1&ranks=4x8&tmode=tensor&row=2&show=tucker&cp=5`,
    ];
    for (const link of links) {
      const decoded = decodeHumanHash(`#${link}`);
      expect(decoded?.ok, link).toBe(true);
      if (decoded?.ok) expect(encodeHumanHash(decoded.value)).toBe(link);
    }
  });

  it('name the key whose text holds a bad value', () => {
    expect(problems('#w=tensor&tt=sine,1&eps=1.5')).toEqual(['The link\'s "eps=1.5" must be at most 0.999.']);
    expect(problems('#w=tensor&tt=sine,1&ranks=0x2')).toEqual(['The link\'s "ranks=0x2" must be at least 1.']);
    expect(problems('#w=tensor&tt=sine,1&shape=8x0')[0]).toMatch(/^The link's "shape=8x0" must be at least 1/);
    expect(problems('#w=tensor&tt=sine,1&cp=4097')[0]).toMatch(/^The link's "cp=4097" must be at most 4096/);
    expect(problems('#w=tensor&tt=sine,1&tmode=rows&row=1000000002')[0]).toMatch(/^The link's "row=1000000002" must be at most/);
    expect(problems('#w=tensor&tt=sine,4294967296')[0]).toMatch(/^The link's "tt=sine,4294967296" must be at most/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,5,1&wts=random-mask,1,2')).toEqual(['The link\'s "wts=random-mask,1,2" must be at most 1.']);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,5,1&paint=1:1:5000:1')[0]).toMatch(/^The link's "paint=1:1:5000:1" must be at most 4096/);
    expect(problems('#w=weighted&m=1,2;3,4&wl=1,em,svd,0,1')[0]).toMatch(/^The link's "wl=1,em,svd,0,1" must be at least 1/);
    // The document's reference has no prefix: its URL is in `src=`, its refinements name src and file.
    expect(problems(`#src=ftp://x&entry=w&sha256=${sha}`)).toEqual(['The link\'s "src=ftp://x" is not an http or https URL.']);
    expect(problems(`#file=v.npy&entry=v&slice=1&unfold=2&sha256=${sha}`)).toEqual(['The link\'s "src" or "file" takes one of a slice, an unfolding or a reshape.']);
  });
});

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
