import { describe, expect, it } from 'vitest';
import { readArrays } from './read-arrays';
import { sniffFormat } from './sniff';
import { utf8Encode } from './text-codec';
import { FormatError } from './types';
import { writeSafetensors } from './safetensors-write';

// tsconfig.json checks test files without node types, so fs is typed here by hand.
const fs = (await import('node:fs' as string)) as { readFileSync(path: URL): Uint8Array };
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));

describe('sniffFormat', () => {
  it.each([
    ['renamed.bin', fixture('f32.npy'), 'npy'],
    ['archive', fixture('deflated.npz'), 'npz'],
    ['model.bin', fixture('all_dtypes.safetensors'), 'safetensors'],
    ['table.csv', utf8Encode('1,2'), 'csv'],
    ['table.TSV', utf8Encode('1\t2'), 'tsv'],
    ['notes.txt', utf8Encode('[1 2]'), 'text'],
    ['pasted', utf8Encode('1 2\n3 4'), 'text'],
    ['broken.npy', Uint8Array.of(0, 1, 2), 'npy'],
    ['photo.jpg', Uint8Array.of(0xff, 0xd8, 0xff, 0, 1), 'unknown'],
    ['empty', new Uint8Array(0), 'unknown'],
  ])('%s', (name, bytes, format) => {
    expect(sniffFormat(name, bytes)).toBe(format);
  });
});

describe('readArrays', () => {
  it('opens a .npy as one entry named after the file', () => {
    const file = readArrays('data/weights.npy', fixture('f32.npy'));
    expect(file.format).toBe('npy');
    expect(file.entries).toEqual([{ name: 'weights', shape: [3, 4], dtype: 'float32', byteLength: 48 }]);
    expect(file.load('weights').data).toHaveLength(12);
    expect(() => file.load('other')).toThrow(FormatError);
  });

  it('passes on npy warnings', () => {
    expect(readArrays('big.npy', fixture('i64_large.npy')).warnings).toHaveLength(1);
  });

  it('opens .npz and .safetensors with every entry', () => {
    expect(readArrays('a.npz', fixture('stored.npz')).entries.map((e) => e.name)).toEqual(['weights', 'bias', 'mask']);
    const st = readArrays('m.safetensors', writeSafetensors({ a: { shape: [1], data: [2] } }, { k: 'v' }));
    expect(st.metadata).toEqual({ k: 'v' });
    expect(Array.from(st.load('a').data)).toEqual([2]);
  });

  it('opens CSV with a BOM and a header row', () => {
    const file = readArrays('iris.csv', utf8Encode('\uFEFFa,b\n1,2\n3,4\n'));
    expect(file.columnNames).toEqual(['a', 'b']);
    expect(file.entries).toEqual([{ name: 'iris', shape: [2, 2], dtype: 'float64', byteLength: 32 }]);
    expect(Array.from(file.load('iris').data)).toEqual([1, 2, 3, 4]);
  });

  it('says what it reads when the format is unknown', () => {
    expect(() => readArrays('photo.jpg', Uint8Array.of(0xff, 0xd8, 0xff, 0))).toThrow(
      "file: 'photo.jpg' is not a format this app reads (.npy, .npz, .safetensors, .csv, .tsv or a text matrix)",
    );
  });

  it('refuses text that is not UTF-8', () => {
    expect(() => readArrays('x.csv', Uint8Array.of(0x31, 0x2c, 0xff))).toThrow(/not valid UTF-8 at byte 2/);
  });
});
