import { describe, expect, it } from 'vitest';
import expected from './__fixtures__/expected.json';
import { decodeSafetensorsTensor, parseSafetensorsHeader, readSafetensors, readSafetensorsHeader, safetensorsHeaderLength } from './safetensors-read';
import { writeSafetensors } from './safetensors-write';
import { utf8Encode } from './text-codec';
import { FormatError } from './types';

// tsconfig.json checks test files without node types, so fs is typed here by hand.
const fs = (await import('node:fs' as string)) as { readFileSync(path: URL): Uint8Array };
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
const golden = expected as Record<string, { shape: number[]; dtype: string; values: (number | string)[] }>;

/** Builds a file from a header object and a data buffer, unpadded. */
function build(header: unknown, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const json = utf8Encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('readSafetensors on a file with every dtype', () => {
  const file = readSafetensors(fixture('all_dtypes.safetensors'));
  const names = Object.keys(golden).filter((k) => k.startsWith('st:')).map((k) => k.slice(3));

  it.each(names)('%s', (name) => {
    const array = file.load(name);
    const want = golden[`st:${name}`];
    expect(array.shape).toEqual(want.shape);
    expect(array.dtype).toBe(want.dtype);
    expect(Array.from(array.data)).toEqual(want.values.map(Number));
  });

  it('reads metadata and reports no warnings', () => {
    expect(file.metadata).toEqual({ format: 'pt', source: 'make-io-fixtures.py' });
    expect(file.warnings).toEqual([]);
  });

  it('works from the header bytes alone, with absolute ranges', () => {
    const bytes = fixture('all_dtypes.safetensors');
    const n = safetensorsHeaderLength(bytes.subarray(0, 8));
    const header = parseSafetensorsHeader(bytes.subarray(8, 8 + n), bytes.length);
    const entry = header.entries.find((e) => e.name === 't_3d');
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(entry.end - entry.begin).toBe(96);
    const array = decodeSafetensorsTensor(entry, bytes.slice(entry.begin, entry.end));
    expect(Array.from(array.data)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(readSafetensorsHeader(bytes.subarray(0, 8 + n)).entries.length).toBe(header.entries.length);
  });
});

describe('writeSafetensors', () => {
  it('round-trips float32 and float64 tensors with metadata', () => {
    const bytes = writeSafetensors(
      { U: { shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) }, s: { shape: [2], data: [0.1, 1e300] }, z: { shape: [], data: [5] } },
      { note: 'ünïcode' },
    );
    const file = readSafetensors(bytes);
    expect(file.metadata).toEqual({ note: 'ünïcode' });
    expect(file.load('U')).toEqual({ shape: [2, 3], dtype: 'float32', data: new Float32Array([1, 2, 3, 4, 5, 6]) });
    expect(file.load('s')).toEqual({ shape: [2], dtype: 'float64', data: new Float64Array([0.1, 1e300]) });
    expect(file.load('z').shape).toEqual([]);
    expect(file.dataStart % 8).toBe(0);
    expect(file.warnings).toEqual([]);
  });

  it('forces a dtype when asked', () => {
    const bytes = writeSafetensors({ a: { shape: [1], data: new Float64Array([0.5]) } }, undefined, 'float32');
    expect(readSafetensors(bytes).entries[0].dtype).toBe('float32');
  });
});

describe('readSafetensors on broken files', () => {
  const good = fixture('all_dtypes.safetensors');
  const tensor = (dtype: string, shape: unknown, offsets: unknown): unknown => ({ dtype, shape, data_offsets: offsets });

  it('refuses truncation at every offset', () => {
    for (let cut = 0; cut < good.length; cut++) {
      expect(() => readSafetensors(good.subarray(0, cut)), `cut at ${cut}`).toThrow(FormatError);
    }
    expect(() => readSafetensors(good.subarray(0, good.length - 1))).toThrow(/ends at byte 1,676 but the file has 1,675 bytes \(truncated\?\)/);
  });

  it.each([
    ['an unknown dtype', { a: tensor('F8', [1], [0, 1]) }, 1, /tensor 'a' has dtype "F8", which is not one of/],
    ['a prototype key as dtype', { a: tensor('toString', [1], [0, 1]) }, 1, /has dtype "toString"/],
    ['a negative shape', { a: tensor('U8', [-1], [0, 1]) }, 1, /shape entry 0 = -1/],
    ['a fractional shape', { a: tensor('U8', [1.5], [0, 1]) }, 1, /shape entry 0 = 1.5/],
    ['a shape/offset mismatch', { a: tensor('F32', [2], [0, 4]) }, 4, /shape \[2\] of F32 = 8 bytes but data_offsets \[0, 4\] span 4/],
    ['reversed offsets', { a: tensor('U8', [0], [4, 0]) }, 4, /data_offsets \[4,0\]/],
    ['offsets past the end', { a: tensor('U8', [8], [0, 8]) }, 4, /ends at byte .* \(truncated\?\)/],
    ['overlapping tensors', { a: tensor('U8', [4], [0, 4]), b: tensor('U8', [4], [2, 6]) }, 6, /tensors 'a' and 'b' overlap/],
    ['a huge declared shape', { a: tensor('F64', [1e6, 1e6], [0, 8e12]) }, 0, /more than the limit/],
    ['non-object metadata', { __metadata__: 'x' }, 0, /'__metadata__' must be an object/],
    ['a non-object header', [1, 2], 0, /not a JSON object/],
  ])('refuses %s', (_what, header, dataBytes, message) => {
    expect(() => readSafetensors(build(header, new Uint8Array(dataBytes)))).toThrow(message);
  });

  it('refuses a lying or huge header length', () => {
    const lying = good.slice();
    lying[0] = 0xff;
    lying[1] = 0xff;
    expect(() => readSafetensors(lying)).toThrow(/header length 65,\d{3} is more than the/);
    const huge = good.slice();
    huge[7] = 1;
    expect(() => readSafetensors(huge)).toThrow(/exceeds the limit of 100,000,000 bytes/);
  });

  it('refuses a header that is not JSON or not UTF-8', () => {
    const bad = build({});
    bad[8] = 0x7b; // '{' stays, then break the closing brace
    bad[9] = 0x41;
    expect(() => readSafetensors(bad)).toThrow(/header is not valid JSON/);
    const latin = build({ a: 1 });
    latin[10] = 0xe9;
    expect(() => readSafetensors(latin)).toThrow(/not valid UTF-8 at byte 2/);
  });

  it('tolerates gaps and trailing bytes, with warnings', () => {
    const file = readSafetensors(build({ a: tensor('U8', [2], [2, 4]), __metadata__: { n: 1, ok: 'y' } }, Uint8Array.of(0, 0, 7, 9, 0)));
    expect(Array.from(file.load('a').data)).toEqual([7, 9]);
    expect(file.metadata).toEqual({ ok: 'y' });
    expect(file.warnings).toEqual([
      "safetensors: metadata 'n' is not a string and was skipped",
      "safetensors: 2 unindexed bytes before tensor 'a'",
      'safetensors: 1 unindexed bytes after the last tensor',
    ]);
  });

  it('accepts empty tensors sharing an offset', () => {
    const file = readSafetensors(build({ a: tensor('F32', [0, 3], [0, 0]), b: tensor('U8', [1], [0, 1]) }, Uint8Array.of(3)));
    expect(file.load('a').shape).toEqual([0, 3]);
    expect(Array.from(file.load('b').data)).toEqual([3]);
  });
});

describe('readSafetensors bounds', () => {
  it('refuses more than 64 dimensions', () => {
    const header = { a: { dtype: 'U8', shape: new Array(65).fill(1), data_offsets: [0, 1] } };
    expect(() => readSafetensors(build(header, Uint8Array.of(1)))).toThrow(/65 dimensions, more than the limit of 64/);
  });
});
