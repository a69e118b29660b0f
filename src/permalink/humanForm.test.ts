import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHumanHash, encodeHumanHash } from './humanForm';

describe('human link form', () => {
  it('reads the example of the issue', () => {
    expect(decodeHumanHash('#m=3,0;4,5')).toEqual({ ok: true, value: { matrix: { rows: 2, cols: 2, data: [3, 0, 4, 5] } } });
  });

  it('treats an empty hash as no link', () => {
    expect(decodeHumanHash('')).toBeNull();
    expect(decodeHumanHash('#')).toBeNull();
  });

  it('accepts exponents, signs and %-escapes', () => {
    const decoded = decodeHumanHash('#m=-1.5e-3,%2B2;.5,7.');
    expect(decoded).toEqual({ ok: true, value: { matrix: { rows: 2, cols: 2, data: [-0.0015, 2, 0.5, 7] } } });
  });

  it.each([
    ['#m=3,0;4', /Row 2 .* has 1 entries, but row 1 has 2/],
    ['#m=3,x;4,5', /Entry \(1, 2\).*"x".*not a number/],
    ['#m=1e999,0;0,1', /Entry \(1, 1\).*too large/],
    ['#m=NaN,0;0,1', /not a number/],
    ['#m=', /no matrix after it/],
    ['#r=1', /has no matrix/],
    ['#m=%E0%A4%A', /broken %-escape/],
    [`#m=${'1;'.repeat(13)}1`, /14 rows.*at most 12/],
    [`#m=${'1,'.repeat(12)}1`, /13 columns.*at most 12/],
    [`#m=${'1'.repeat(30_000)}`, /characters long/],
  ])('refuses %s with a readable problem', (hash, message) => {
    const decoded = decodeHumanHash(hash);
    expect(decoded?.ok).toBe(false);
    if (decoded && !decoded.ok) expect(decoded.problems.join(' ')).toMatch(message);
  });

  it('reads presets, rank and view keys', () => {
    expect(decodeHumanHash('#p=random&size=768x768&spectrum=geometric&decay=0.001&seed=42&r=64&view=heatmaps')).toEqual({
      ok: true,
      value: { preset: { id: 'random', params: { size: '768x768', spectrum: 'geometric', decay: '0.001', seed: '42' } }, rank: 64, view: 'heatmaps' },
    });
    expect(decodeHumanHash('#m=1,2;3,4&r=1&of=columns&step=1.5')).toEqual({
      ok: true,
      value: { matrix: { rows: 2, cols: 2, data: [1, 2, 3, 4] }, rank: 1, of: 'columns', step: 1.5 },
    });
  });

  it.each([
    ['#m=1&r=0', /"r=0" must be at least 1/],
    ['#m=1&r=x', /rank/],
    ['#m=1&view=sideways', /"view=sideways" must be one of map/],
    ['#m=1&step=4', /"step=4" must be at most 3/],
    ['#m=1&of=diagonals', /rows or columns/],
    ['#m=1&cam=1,2', /three numbers/],
    ['#m=1&axes=0,1,2', /"axes=0,1,2" must be three singular directions/],
    ['#m=1&axes=1,2', /three singular directions/],
    // Axes and the head are written from 1, so their bounds are too.
    ['#m=1&axes=1,1,65537', /"axes=1,1,65537" must be at most 65536\./],
    ['#m=1&att=64,1,16,0,xw', /"att=64,1,16,0,xw" must be at least 1\./],
    ['#m=1&att=64,1,16,4098,xw', /must be at most 4097\./],
    ['#m=1&sub=yes', /"sub=yes" must be 0 or 1/],
    ['#m=1&svd=rand,0,10,2,1', /"svd=rand,0,10,2,1" must be at least 1/],
    ['#m=1&svd=rand,5,10,11,1', /must be at most 10/],
    ['#m=1&svd=exact', /"svd=exact" must be rand,k/],
    ['#m=1&att=1,2,3', /attention settings/],
    ['#m=1&cmp=row,99,1', /"cmp=row,99,1" must be at most 10/],
    // The row of a table is written from 1, so its bound is too.
    ['#w=tensor&tt=gaussian-table,1&tmode=tensor&row=1000000002', /"row=1000000002" must be at most 1000000001\./],
    ['#m=1&cmp=row,file&bentry=w&bsha256=abc', /"bsha256=abc" is not a SHA-256/],
    ['#m=1&cmp=row,file&bsrc=ftp://x&bentry=w&bsha256=' + 'a'.repeat(64), /"bsrc=ftp:\/\/x" is not an http or https URL/],
    ['#m=1&att=file,64,1,xw&qfile=a.npy&qentry=w&qsha256=' + 'a'.repeat(64), /"kentry" names no array/],
    ['#m=1&att=file,64,1,xw&qfile=a/b.npy&qentry=w&qsize=x', /"qsize=x" must be a whole number of bytes/],
    ['#src=https://x.org/a&entry=w&sha256=' + 'a'.repeat(64) + '&slice=1,x', /"slice=1,x" must be indices/],
    ['#file=../etc&entry=w&sha256=' + 'a'.repeat(64), /"file=..\/etc" is a path/],
    ['#p=<script>', /not a preset name/],
    ['#p=random&size=<b>', /parameter/],
  ])('refuses bad keys in %s', (hash, message) => {
    const decoded = decodeHumanHash(hash);
    expect(decoded?.ok).toBe(false);
    if (decoded && !decoded.ok) expect(decoded.problems.join(' ')).toMatch(message);
  });

  it('round-trips the whole link state', () => {
    const state = {
      matrix: { rows: 1, cols: 3, data: [0.1, -2, 3e-7] }, rank: 2, view: 'cloud' as const, of: 'columns' as const, step: 0.25,
      cam: [1.5, -2, 3.25] as [number, number, number],
      axes: [0, 4, 2] as [number, number, number], subspaces: false,
      method: { kind: 'randomized' as const, k: 64, oversample: 10, powerIterations: 2, seed: 9 },
      attention: { dModel: 64, seed: 3, headSize: 16, head: 2, layout: 'w-times-x' as const },
      compare: { side: 'column' as const, level: 0.25, seed: 7 },
    };
    expect(decodeHumanHash(`#${encodeHumanHash(state)}`)).toEqual({ ok: true, value: state });
    const preset = { preset: { id: 'random', params: { size: '20x10', seed: '3' } }, rank: 4 };
    expect(decodeHumanHash(`#${encodeHumanHash(preset)}`)).toEqual({ ok: true, value: preset });
  });

  it('reads back the longest noise level it writes (a float64 with an exponent)', () => {
    const state = { matrix: { rows: 1, cols: 1, data: [1] }, compare: { side: 'row' as const, level: 1.2345678901234566e-7, seed: 1 } };
    const text = encodeHumanHash(state);
    expect(text).toContain('cmp=row,1.2345678901234566e-7,1');
    expect(decodeHumanHash(`#${text}`)).toEqual({ ok: true, value: state });
  });

  it('round-trips attention weights and a comparison matrix of files, by reference', () => {
    const sha = (c: string) => c.repeat(64);
    const state = {
      ref: { url: 'https://example.org/model.safetensors?x=1&y=2', entry: 'h.0.mlp.c_fc.weight', slice: [], sha256: sha('a') },
      attentionFiles: {
        headSize: 64, head: 11, layout: 'x-times-w' as const,
        query: { file: 'gpt2 weights, layer 0.npz', size: 1234, entry: 'h.0.attn.c_attn.weight', slice: [2], sha256: sha('b'), fused: true },
        key: { url: 'http://127.0.0.1:8/k.npy', entry: 'k', slice: [0, 1], sha256: sha('c') },
      },
      compareFile: { side: 'column' as const, second: { file: 'B.npy', entry: 'B', slice: [], sha256: sha('d') } },
    };
    const hash = encodeHumanHash(state);
    expect(hash).toContain('att=file,64,12,xw');
    expect(hash).toContain('cmp=column,file');
    expect(decodeHumanHash(`#${hash}`)).toEqual({ ok: true, value: state });
    // A generated preset with analyses on files: the reference keys are not preset parameters.
    const preset = { preset: { id: 'random', params: { size: '20x10', seed: '3' } }, attentionFiles: state.attentionFiles, compareFile: state.compareFile };
    expect(decodeHumanHash(`#${encodeHumanHash(preset)}`)).toEqual({ ok: true, value: preset });
  });

  it('round-trips every finite float64 exactly', () => {
    const entry = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.array(entry, { minLength: 16, maxLength: 16 }), (rows, cols, pool) => {
        const data = pool.slice(0, rows * cols).map((x) => (Object.is(x, -0) ? 0 : x));
        const decoded = decodeHumanHash(`#${encodeHumanHash({ matrix: { rows, cols, data } })}`);
        expect(decoded).toEqual({ ok: true, value: { matrix: { rows, cols, data } } });
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const decoded = decodeHumanHash(`#m=${text}`);
        expect(decoded === null || typeof decoded.ok === 'boolean').toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
