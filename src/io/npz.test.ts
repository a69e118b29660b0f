import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import expected from './__fixtures__/expected.json';
import { readNpz } from './npz';
import { writeNpy } from './npy-write';
import { FormatError } from './types';

// tsconfig.json checks test files without node types, so fs is typed here by hand.
const fs = (await import('node:fs' as string)) as { readFileSync(path: URL): Uint8Array };
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
const golden = expected as Record<string, { shape: number[]; dtype: string; values: number[] }>;

describe('readNpz on files numpy wrote', () => {
  it.each(['stored.npz', 'deflated.npz'])('%s lists and loads every member', (file) => {
    const archive = readNpz(fixture(file));
    expect(archive.entries).toEqual([
      { name: 'weights', shape: [3, 4], dtype: 'float32', byteLength: 48 },
      { name: 'bias', shape: [3], dtype: 'float64', byteLength: 24 },
      { name: 'mask', shape: [3, 4], dtype: 'bool', byteLength: 12 },
    ]);
    for (const { name } of archive.entries) {
      const array = archive.load(name);
      const want = golden[`npz:${name}`];
      expect(array.shape).toEqual(want.shape);
      expect(Array.from(array.data)).toEqual(want.values);
    }
    expect(archive.warnings).toEqual([]);
  });

  it('names the members when asked for a missing one', () => {
    expect(() => readNpz(fixture('stored.npz')).load('nope')).toThrow("no array named 'nope' (the archive has 'weights', 'bias', 'mask')");
  });
});

describe('readNpz on other zips', () => {
  const npy = writeNpy({ shape: [2, 2], data: new Float64Array([1, 2, 3, 4]) });

  it('skips members that are not .npy, with a warning', () => {
    const archive = readNpz(zipSync({ 'a.npy': npy, 'notes.txt': Uint8Array.of(65) }));
    expect(archive.entries.map((e) => e.name)).toEqual(['a']);
    expect(archive.warnings[0]).toMatch(/'notes.txt' is not a .npy file/);
  });

  it('lists a large deflated member without inflating all of it', () => {
    const big = writeNpy({ shape: [300, 300], data: new Float64Array(90000).fill(1) });
    const archive = readNpz(zipSync({ 'big.npy': [big, { level: 6 }] }));
    expect(archive.entries[0]).toEqual({ name: 'big', shape: [300, 300], dtype: 'float64', byteLength: 720000 });
  });

  it('lists a member that would inflate beyond maxBytes, and refuses to load it from its header sizes', () => {
    const zeros = writeNpy({ shape: [256, 256], data: new Float64Array(65536) });
    const bytes = zipSync({ 'zeros.npy': [zeros, { level: 9 }] });
    expect(bytes.length).toBeLessThan(2000); // 512 KiB of zeros deflate to about 0.5 KiB
    const archive = readNpz(bytes, { maxBytes: 100_000 });
    expect(archive.entries).toEqual([{ name: 'zeros', shape: [256, 256], dtype: 'float64', byteLength: 524288 }]);
    expect(() => archive.load('zeros')).toThrow(/member 'zeros.npy' would inflate from [\d,]+ to 524,416 bytes, over the bound of 100,000; it was not inflated/);
    expect(readNpz(bytes, { maxBytes: 600_000 }).load('zeros').data.length).toBe(65536);
  });

  it('refuses truncated archives at every offset', () => {
    const good = fixture('deflated.npz');
    for (let cut = 0; cut < good.length; cut++) {
      expect(() => {
        const archive = readNpz(good.subarray(0, cut));
        for (const entry of archive.entries) archive.load(entry.name);
      }, `cut at ${cut}`).toThrow(FormatError);
    }
  });

  it('detects a corrupted member through its CRC', () => {
    const bytes = fixture('stored.npz').slice();
    bytes[200] ^= 0xff; // inside the data of the first member
    const archive = readNpz(bytes);
    expect(() => archive.load('weights')).toThrow(/member 'weights.npy' is corrupt/);
  });

  it('says plainly when the bytes are not a zip', () => {
    expect(() => readNpz(new Uint8Array(100))).toThrow(/not a zip archive/);
  });
});
