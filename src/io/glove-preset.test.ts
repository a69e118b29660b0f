/** The committed GloVe preset (public/data) must open with our own reader and match its word list. */
import { describe, expect, it } from 'vitest';
import { readNpy } from './npy-read';

// tsconfig.json checks test files without node types, so fs is typed here by hand.
const fs = (await import('node:fs' as string)) as { readFileSync(path: URL, encoding?: 'utf8'): Uint8Array & string };
const dataDir = new URL('../../public/data/', import.meta.url);

describe('public/data GloVe preset', () => {
  it('has one float32 row of 100 values per word', () => {
    const about = JSON.parse(fs.readFileSync(new URL('glove-subset.words.json', dataDir), 'utf8')) as { rows: number; dimensions: number; words: string[] };
    const array = readNpy(new Uint8Array(fs.readFileSync(new URL('glove-subset.npy', dataDir))));
    expect(array.shape).toEqual([about.words.length, 100]);
    expect(about.rows).toBe(about.words.length);
    expect(new Set(about.words).size).toBe(about.words.length);
    expect(about.words.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    expect(about.words.slice(0, 3)).toEqual(['the', 'of', 'to']);
    expect(array.data[0]).toBeCloseTo(-0.038194, 6); // 'the', first value, as in the package
  });
});
