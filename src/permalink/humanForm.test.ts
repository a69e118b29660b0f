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
    ['#m=1&r=0', /rank "r=0"/],
    ['#m=1&r=x', /rank/],
    ['#m=1&view=sideways', /view "sideways"/],
    ['#m=1&step=4', /step "4"/],
    ['#m=1&of=diagonals', /rows or columns/],
    ['#m=1&cam=1,2', /three numbers/],
    ['#m=1&att=1,2,3', /attention settings/],
    ['#m=1&cmp=row,99,1', /comparison/],
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
      attention: { dModel: 64, seed: 3, headSize: 16, head: 2, layout: 'w-times-x' as const },
      compare: { side: 'column' as const, level: 0.25, seed: 7 },
    };
    expect(decodeHumanHash(`#${encodeHumanHash(state)}`)).toEqual({ ok: true, value: state });
    const preset = { preset: { id: 'random', params: { size: '20x10', seed: '3' } }, rank: 4 };
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
