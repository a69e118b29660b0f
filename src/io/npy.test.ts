import { describe, expect, it } from 'vitest';
import expected from './__fixtures__/expected.json';
import { readNpy, readNpyHeader } from './npy-read';
import { writeNpy } from './npy-write';
import { FormatError, type NdArray } from './types';

// tsconfig.json checks test files without node types, so fs is typed here by hand.
const fs = (await import('node:fs' as string)) as { readFileSync(path: URL): Uint8Array };
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));

type Expected = { shape: number[]; dtype: string; values: (number | string)[] };
const golden = expected as Record<string, Expected>;

/** Compares decoded values with the numpy golden values (NaN/Infinity stored as strings). */
function expectValues(array: NdArray, want: Expected): void {
  expect(array.shape).toEqual(want.shape);
  expect(array.dtype).toBe(want.dtype);
  expect(Array.from(array.data)).toEqual(want.values.map(Number));
}

describe('readNpy on files numpy wrote', () => {
  const names = Object.keys(golden).filter((k) => k.endsWith('.npy'));
  it.each(names)('%s', (name) => {
    expectValues(readNpy(fixture(name)), golden[name]);
  });

  it('stores small dtypes as Float32Array and wide ones as Float64Array', () => {
    expect(readNpy(fixture('u8.npy')).data).toBeInstanceOf(Float32Array);
    expect(readNpy(fixture('f16.npy')).data).toBeInstanceOf(Float32Array);
    expect(readNpy(fixture('i32.npy')).data).toBeInstanceOf(Float64Array);
    expect(readNpy(fixture('f64.npy')).data).toBeInstanceOf(Float64Array);
  });

  it('warns when int64 values exceed 2^53', () => {
    expect(readNpy(fixture('i64_large.npy')).warnings?.[0]).toMatch(/2 int64 value\(s\) lie beyond/);
    expect(readNpy(fixture('i64.npy')).warnings).toBeUndefined();
    expect(readNpy(fixture('u64_large.npy')).warnings?.[0]).toMatch(/uint64/);
  });

  it('reads the header alone', () => {
    const header = readNpyHeader(fixture('fortran_3d.npy'));
    expect(header).toMatchObject({ version: '1.0', dtype: 'float32', fortranOrder: true, shape: [2, 3, 4], byteLength: 96 });
    expect(readNpyHeader(fixture('version3.npy')).version).toBe('3.0');
  });

  it.each([
    ['reject_complex.npy', /complex numbers/],
    ['reject_structured.npy', /structured \(record\) dtypes/],
    ['reject_object.npy', /Python objects/],
  ])('refuses %s with a message', (name, message) => {
    expect(() => readNpy(fixture(name))).toThrow(message);
  });
});

describe('writeNpy', () => {
  it.each([
    [[], [7.5]],
    [[3], [1, -2, 3]],
    [[2, 3], [1, 2, 3, 4, 5, 6]],
    [[2, 0, 4], []],
    [[2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]],
  ])('round-trips shape %j as float64 and float32', (shape, values) => {
    const f64 = readNpy(writeNpy({ shape, data: new Float64Array(values) }));
    expect(f64).toEqual({ shape, dtype: 'float64', data: new Float64Array(values) });
    const f32 = readNpy(writeNpy({ shape, data: new Float32Array(values) }));
    expect(f32).toEqual({ shape, dtype: 'float32', data: new Float32Array(values) });
  });

  it('aligns data to 64 bytes like numpy', () => {
    const bytes = writeNpy({ shape: [2], data: [1, 2] }, 'float32');
    expect(readNpyHeader(bytes).dataOffset % 64).toBe(0);
    expect(bytes.length).toBe(128 + 8);
  });

  it('refuses data that disagrees with the shape', () => {
    expect(() => writeNpy({ shape: [2, 2], data: [1, 2, 3] })).toThrow(FormatError);
  });
});

describe('readNpy on broken files', () => {
  const good = fixture('f64.npy');
  const withHeader = (dict: string, data = new Uint8Array(0)): Uint8Array => {
    const header = dict.padEnd(118, ' ') + '\n';
    const out = new Uint8Array(10 + header.length + data.length);
    out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
    for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
    out.set(data, 10 + header.length);
    return out;
  };

  it('names a truncation at every offset', () => {
    for (let cut = 0; cut < good.length; cut++) {
      expect(() => readNpy(good.subarray(0, cut)), `cut at ${cut}`).toThrow(FormatError);
    }
    expect(() => readNpy(good.subarray(0, good.length - 8))).toThrow(/needs 96 data bytes but the file has 88 \(truncated\?\)/);
  });

  it('names extra bytes', () => {
    const longer = new Uint8Array(good.length + 3);
    longer.set(good);
    expect(() => readNpy(longer)).toThrow(/3 extra bytes/);
  });

  it.each([
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 2), }", /shape entry 0 = -1/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }", /more than the limit/],
    ["{'descr': '<f8', 'fortran_order': False, }", /no 'shape' key/],
    ["{'descr': '<f8', 'fortran_order': 1, 'shape': (), }", /'fortran_order' must be True or False/],
    ["{'descr': '<x3', 'fortran_order': False, 'shape': (), }", /unsupported dtype '<x3'/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': __import__('os'), }", /not a valid Python literal/],
    ["{'descr': '<f8' 'fortran_order': False}", /expected ',' or '}'/],
    ["[1, 2]", /not a dict/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,), }", /not a valid Python literal/],
  ])('refuses header %s', (dict, message) => {
    expect(() => readNpy(withHeader(dict))).toThrow(message);
  });

  it('accepts Python 2 long integers in the shape', () => {
    const array = readNpy(withHeader("{'descr': '|u1', 'fortran_order': False, 'shape': (2L,), }", Uint8Array.of(4, 5)));
    expect(Array.from(array.data)).toEqual([4, 5]);
  });

  it('refuses a wrong magic and a lying header length', () => {
    expect(() => readNpy(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))).toThrow(/magic bytes/);
    const lying = good.slice();
    lying[8] = 0xff;
    lying[9] = 0xff;
    expect(() => readNpy(lying)).toThrow(/header claims 65,535 bytes/);
  });

  it('honours maxElements', () => {
    expect(() => readNpy(good, { maxElements: 11 })).toThrow(/shape \[3, 4\] = 12 elements, more than the limit of 11/);
  });
});
