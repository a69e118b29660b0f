/**
 * Spot values on the real weights in ../shared/data (outside the repository). Skipped, with a
 * note, when that folder is absent, so the suite still runs on a fresh clone.
 */
import { describe, expect, it } from 'vitest';
import { readArrays } from './read-arrays';

// tsconfig.json checks test files without node types, so fs is typed here by hand.
const fs = (await import('node:fs' as string)) as { readFileSync(path: URL): Uint8Array; existsSync(path: URL): boolean };
const dataDir = new URL('../../../shared/data/gpt2-small/', import.meta.url);
const present = fs.existsSync(dataDir);
if (!present) console.warn(`real-data tests skipped: ${dataDir.pathname} is absent (see /work/shared/data/README.md)`);

describe.skipIf(!present)('GPT-2 small weights from ../shared/data', () => {
  const open = (name: string) => readArrays(name, new Uint8Array(fs.readFileSync(new URL(name, dataDir))));
  const first3 = (data: ArrayLike<number>, offset = 0) => Array.from({ length: 3 }, (_, i) => data[offset + i]);

  it('wpe.npy[0, :3]', () => {
    const file = open('wpe.npy');
    expect(file.entries[0]).toMatchObject({ shape: [1024, 768], dtype: 'float32' });
    const values = first3(file.load('wpe').data);
    [-0.0188, -0.1974, 0.004].forEach((want, i) => expect(values[i]).toBeCloseTo(want, 4));
  });

  it('attn_Wq_layers_0_5_11.npy[0, 0, :3]', () => {
    const file = open('attn_Wq_layers_0_5_11.npy');
    expect(file.entries[0]).toMatchObject({ shape: [3, 768, 768], dtype: 'float32' });
    const values = first3(file.load('attn_Wq_layers_0_5_11').data);
    [-0.4738, -0.2614, -0.0978].forEach((want, i) => expect(values[i]).toBeCloseTo(want, 4));
  });
});
