import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { upgradeLegacyView } from './linkState';
import { decodeCompactHash, encodeCompactHash, quantise } from './compactForm';
import { decodeHumanHash } from './humanForm';
import fixtures from './__fixtures__/v1-links.json';

const matrix = (rows: number, cols: number, f: (k: number) => number) => ({ rows, cols, data: Float64Array.from({ length: rows * cols }, (_, k) => f(k)) });

describe('compact link form', () => {
  it('round-trips float64 exactly, with the view', async () => {
    const state = {
      matrix: matrix(13, 7, (k) => Math.sin(k) * 1e-3 + k), rank: 5, view: 'heatmaps' as const, of: 'columns' as const, step: 1.5,
      cam: [0.5, 2, -3] as [number, number, number],
      axes: [3, 0, 1] as [number, number, number], subspaces: false,
      method: { kind: 'randomized' as const, k: 5, oversample: 4, powerIterations: 0, seed: 2 },
      compare: { side: 'row' as const, level: 0.1, seed: 1 },
    };
    const { hash, maxError } = await encodeCompactHash(state, 'f64');
    expect(hash.startsWith('v1.')).toBe(true);
    expect(maxError).toBe(0);
    const decoded = await decodeCompactHash(`#${hash}`);
    expect(decoded).toEqual({ ok: true, value: state, title: undefined });
  });

  it('round-trips attention weights and a comparison matrix of files, by reference', async () => {
    const ref = (entry: string, c: string) => ({ file: 'gpt2.safetensors', size: 548105171, entry, slice: [], sha256: c.repeat(64) });
    const state = {
      matrix: matrix(13, 13, (k) => k), workspace: 'attention' as const,
      attentionFiles: { headSize: 64, head: 3, layout: 'x-times-w' as const, query: { ...ref('h.0.attn.c_attn.weight', 'a'), fused: true }, key: { ...ref('h.0.attn.c_attn.weight', 'a'), fused: true } },
      compareFile: { side: 'column' as const, second: ref('h.1.mlp.c_fc.weight', 'b') },
    };
    const decoded = await decodeCompactHash((await encodeCompactHash(state)).hash);
    expect(decoded).toEqual({ ok: true, value: state, title: undefined });
  });

  it('refuses to write a header it would refuse to read', async () => {
    const ref = (c: string) => ({ url: `https://example.org/${c.repeat(1900)}`, entry: 'w', slice: [], sha256: c.repeat(64) });
    const state = { matrix: matrix(13, 13, (k) => k), compareFile: { side: 'row' as const, second: ref('a') }, attentionFiles: { headSize: 1, head: 0, layout: 'x-times-w' as const, query: ref('b'), key: ref('c') } };
    await expect(encodeCompactHash(state)).rejects.toThrow(/at most 4096 fit/);
  });

  it('stores float32 and quantised bytes with the error they cost', async () => {
    const a = matrix(20, 20, (k) => Math.cos(k * 0.37) * 3);
    for (const precision of ['f32', 'q8'] as const) {
      const { hash, maxError } = await encodeCompactHash({ matrix: a }, precision);
      const decoded = await decodeCompactHash(hash);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) continue;
      const data = decoded.value.matrix!.data;
      let worst = 0;
      for (let k = 0; k < data.length; k++) worst = Math.max(worst, Math.abs(data[k] - a.data[k]));
      expect(worst).toBeCloseTo(maxError, 12);
      expect(maxError).toBeLessThan(precision === 'f32' ? 1e-6 : 3 / 254 + 1e-12);
    }
  });

  it('makes shorter links at lower precision', async () => {
    const a = matrix(30, 30, (k) => Math.sin(k * 1.3) + Math.cos(k * 0.7));
    const lengths = await Promise.all((['f64', 'f32', 'q8'] as const).map(async (p) => (await encodeCompactHash({ matrix: a }, p)).hash.length));
    expect(lengths[1]).toBeLessThan(lengths[0]);
    expect(lengths[2]).toBeLessThan(lengths[1]);
  });

  it('quantises zero to zero', () => {
    expect(quantise([0, 0], 'q8').maxError).toBe(0);
  });

  it.each([
    ['the smallest subnormal', [Number.MIN_VALUE, -Number.MIN_VALUE, 0, 0]],
    ['subnormals whose largest / 127 underflows to 0', [3e-322, -1e-322, 5e-324, 0]],
    ['subnormals whose largest / 127 rounds down', [1.5e-321, -7e-322, 3e-323, 1e-322]],
    ['entries just above the subnormals', [1e-306, -2.5e-307, 1e-310, 0]],
  ])('stores %s at q8 in a link that reads back within the stated error', async (_name, entries) => {
    const a = matrix(2, 2, (k) => entries[k]);
    const { hash, maxError } = await encodeCompactHash({ matrix: a }, 'q8');
    const decoded = await decodeCompactHash(hash);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const back = decoded.value.matrix!.data;
    const largest = Math.max(...entries.map(Math.abs));
    for (let k = 0; k < 4; k++) expect(Math.abs(back[k] - a.data[k])).toBeLessThanOrEqual(maxError);
    expect(maxError).toBeLessThanOrEqual(largest / 254 + Number.MIN_VALUE / 2);
    expect(Math.abs(back[entries.map(Math.abs).indexOf(largest)])).toBeGreaterThan(0);
  });

  it.each(Object.entries(fixtures))('still reads the released v1 link "%s"', async (_name, fixture) => {
    const decoded = await decodeCompactHash(fixture.hash);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.matrix!.rows).toBe(fixture.rows);
    expect(decoded.value.matrix!.cols).toBe(fixture.cols);
    expect(Array.from(decoded.value.matrix!.data)).toEqual(fixture.data);
    expect(decoded.value.rank).toBe('rank' in fixture ? fixture.rank : undefined);
    // Links made after the view keys grew (axes, method, analyses on arrays of files) keep them.
    // Links made before workspaces (`view: 'attention'`) open the attention workspace.
    if ('view' in fixture) expect(decoded.value).toMatchObject(upgradeLegacyView(fixture.view as Record<string, unknown>));
  });

  it.each([
    ['#v1.', /not valid base64url/],
    ['#v1.@@@', /not valid base64url/],
    ['#v1.AAAA', /damaged/],
  ])('refuses %s', async (hash, message) => {
    const decoded = await decodeCompactHash(hash);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems.join(' ')).toMatch(message);
  });

  /** Hand-made links: `v1.` + base64url(deflate-raw(bytes)). */
  async function link(bytes: Uint8Array): Promise<string> {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (const b of packed) binary += String.fromCharCode(b);
    return `v1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }

  function payload(header: object, dataBytes: number): Uint8Array {
    const json = new TextEncoder().encode(JSON.stringify(header));
    const bytes = new Uint8Array(4 + json.length + dataBytes);
    new DataView(bytes.buffer).setUint32(0, json.length, true);
    bytes.set(json, 4);
    return bytes;
  }

  it.each([
    [{ rows: 3, cols: 3, dtype: 'f64' }, 32, /needs 72 bytes of data, it has 32/],
    [{ rows: 0, cols: 3, dtype: 'f64' }, 0, /rows must be at least 1/],
    [{ rows: 2, cols: 2, dtype: 'f16' }, 8, /dtype must be one of f64, f32, q8/],
    [{ rows: 2, cols: 2, dtype: 'f64', script: '<b>' }, 32, /header has unknown keys script/],
    [{ rows: 2, cols: 2, dtype: 'q8' }, 4, /bytes but no scale/],
  ])('refuses the lying header %j', async (header, dataBytes, message) => {
    const decoded = await decodeCompactHash(await link(payload(header, dataBytes)));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems.join(' ')).toMatch(message);
  });

  it('refuses NaN entries and a compression bomb', async () => {
    const nan = payload({ rows: 1, cols: 1, dtype: 'f64' }, 8);
    new DataView(nan.buffer).setFloat64(nan.length - 8, NaN, true);
    const decodedNan = await decodeCompactHash(await link(nan));
    expect(decodedNan.ok).toBe(false);
    // 20 MB of zeros packs into a few KB: inflating must stop at the bound.
    const bomb = await decodeCompactHash(await link(new Uint8Array(20 * 1024 * 1024)));
    expect(bomb.ok).toBe(false);
    if (!bomb.ok) expect(bomb.problems[0]).toMatch(/more than/);
  });

  it('refuses links and matrices beyond its bounds before decoding them', async () => {
    // Over 2,000,000 characters: refused by length, before base64 or inflating.
    const long = await decodeCompactHash(`#v1.${'A'.repeat(2_000_001)}`);
    expect(long).toEqual({ ok: false, problems: ['The link is 2000001 characters long; at most 2000000 are read.'] });
    // A header claiming 2048 x 2048 entries (over 2^21) is refused before its data is read.
    const huge = await decodeCompactHash(await link(payload({ rows: 2048, cols: 2048, dtype: 'q8', scale: 1 }, 0)));
    expect(huge).toEqual({ ok: false, problems: ["The link's matrix has 4194304 entries; at most 2097152 are read."] });
  });

  it('round-trips random small matrices: f64 exactly, f32 as Math.fround, q8 within its stated error', async () => {
    const entries = (min: number, max: number) => fc.array(fc.double({ min, max, noNaN: true }), { minLength: 36, maxLength: 36 });
    const shape = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }));
    const decodedData = async (hash: string) => {
      const decoded = await decodeCompactHash(hash);
      if (!decoded.ok) throw new Error(decoded.problems.join(' '));
      return decoded.value;
    };
    await fc.assert(
      fc.asyncProperty(shape, entries(-Number.MAX_VALUE, Number.MAX_VALUE), fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), async ([rows, cols], pool, rank) => {
        const a = matrix(rows, cols, (k) => pool[k]);
        const state = rank === undefined ? { matrix: a } : { matrix: a, rank };
        const { hash, maxError } = await encodeCompactHash(state, 'f64');
        expect(maxError).toBe(0);
        // toEqual tells -0 from 0: the bytes come back exactly.
        expect(await decodedData(hash)).toEqual(state);
      }),
      { seed: 20261123, numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(shape, entries(-1e30, 1e30), async ([rows, cols], pool) => {
        const a = matrix(rows, cols, (k) => pool[k]);
        const { hash, maxError } = await encodeCompactHash({ matrix: a }, 'f32');
        const back = (await decodedData(hash)).matrix!;
        expect([back.rows, back.cols]).toEqual([rows, cols]);
        expect(Array.from(back.data)).toEqual(Array.from(a.data, Math.fround));
        expect(maxError).toBe(Math.max(0, ...Array.from(a.data, (x) => Math.abs(Math.fround(x) - x))));
      }),
      { seed: 20261124, numRuns: 200 },
    );
    // Subnormal entries included: a matrix whose entries are all tiny still makes a link that reads back.
    await fc.assert(
      fc.asyncProperty(shape, entries(-1e6, 1e6), async ([rows, cols], pool) => {
        const a = matrix(rows, cols, (k) => pool[k]);
        const { hash, maxError } = await encodeCompactHash({ matrix: a }, 'q8');
        const back = (await decodedData(hash)).matrix!;
        const largest = Math.max(...Array.from(a.data, Math.abs));
        let worst = 0;
        for (let k = 0; k < a.data.length; k++) worst = Math.max(worst, Math.abs(back.data[k] - a.data[k]));
        expect(worst).toBeLessThanOrEqual(maxError * (1 + 1e-12));
        // Rounding to the nearest of 255 levels: at most half a step, (largest / 127) / 2, where a
        // step can be no finer than the spacing of subnormal doubles (Number.MIN_VALUE).
        expect(maxError).toBeLessThanOrEqual((largest / 254) * (1 + 1e-12) + Number.MIN_VALUE / 2);
        // The largest entry is a level itself (127 steps), so it comes back to rounding.
        const top = Array.from(a.data, Math.abs).indexOf(largest);
        expect(Math.abs(back.data[top])).toBeCloseTo(largest, 6);
      }),
      { seed: 20261125, numRuns: 200 },
    );
  });

  it('survives 10,000 random and mutated links: no exception, and every verdict is well formed', async () => {
    const valid = await Promise.all([
      encodeCompactHash({ matrix: matrix(5, 4, (k) => k / 3), rank: 2 }, 'f64'),
      encodeCompactHash({ matrix: matrix(16, 16, (k) => Math.sin(k)) }, 'q8'),
    ]);
    const sha = 'ab'.repeat(32);
    const human = [
      'm=3,0;4,5&r=1', 'p=random&size=20x10&seed=3&view=cloud&axes=1,3,2&sub=0&svd=rand,5,10,2,1',
      `src=https%3A%2F%2Fx.org%2Fm.safetensors&entry=w&slice=2&sha256=${sha}&view=attention&att=file,64,1,xw&qfile=a.npy&qsize=9&qentry=q&qsha256=${sha}&qfused=1&ksrc=http%3A%2F%2Fy%2Fk.npy&kentry=k&ksha256=${sha}&cmp=row,file&bfile=b.npy&bentry=B&bsha256=${sha}`,
    ];
    const samples = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 200 }).map((s) => `#v1.${s}`),
        fc.string({ maxLength: 200 }).map((s) => `#${s}`),
        fc.tuple(fc.constantFrom(...valid.map((v) => v.hash), ...human), fc.nat(), fc.integer({ min: 0, max: 63 }), fc.constantFrom('flip', 'cut', 'insert')).map(
          ([hash, at, c, how]) => {
            const i = at % Math.max(1, hash.length);
            const ch = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[c];
            if (how === 'cut') return `#${hash.slice(0, i)}`;
            if (how === 'insert') return `#${hash.slice(0, i)}${ch}${hash.slice(i)}`;
            return `#${hash.slice(0, i)}${ch}${hash.slice(i + 1)}`;
          },
        ),
      ),
      { seed: 20261123, numRuns: 10_000 },
    );
    let refused = 0;
    for (const hash of samples) {
      const result = hash.startsWith('#v1.') ? await decodeCompactHash(hash) : decodeHumanHash(hash);
      if (result === null) continue; // an empty hash: nothing to read
      if (result.ok) {
        expect(result.value).toBeTypeOf('object');
      } else {
        refused++;
        // A refusal says why, in words.
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) expect(problem).toMatch(/\w/);
      }
    }
    // Random text and mutated links are mostly refused, not silently read as something.
    expect(refused).toBeGreaterThan(samples.length / 2);
  });
});
