/**
 * Mutation fuzzing: valid files of every binary format, damaged in many ways, must fail with a
 * FormatError or load cleanly, never with another exception and never hang.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { readArrays } from './read-arrays';
import { writeNpy } from './npy-write';
import { writeSafetensors } from './safetensors-write';
import { FormatError } from './types';

// tsconfig.json checks test files without node types, so fs is typed here by hand.
const fs = (await import('node:fs' as string)) as { readFileSync(path: URL): Uint8Array };
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));

const seeds: [string, Uint8Array][] = [
  ['a.npy', fixture('f16_big_endian.npy')],
  ['b.npy', fixture('fortran_3d.npy')],
  ['c.npy', fixture('version2.npy')],
  ['d.npz', fixture('deflated.npz')],
  ['e.npz', fixture('stored.npz')],
  ['f.npz', zipSync({ 'x.npy': [writeNpy({ shape: [4, 4], data: new Float64Array(16).fill(0.5) }), { level: 9 }] })],
  ['g.safetensors', fixture('all_dtypes.safetensors')],
  ['h.safetensors', writeSafetensors({ a: { shape: [2, 2], data: [1, 2, 3, 4] }, b: { shape: [3], data: new Float32Array(3) } })],
];

/** One damaging edit to a file. */
type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'overwrite32'; at: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  // Lying lengths, sizes and offsets: a 32-bit field replaced by an extreme or small value.
  fc.record({ kind: fc.constant('overwrite32' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0xfffe, 1e6) }),
);

function apply(bytes: Uint8Array, edit: Mutation): Uint8Array {
  const at = edit.at % (bytes.length + 1);
  switch (edit.kind) {
    case 'flip': {
      const out = bytes.slice();
      if (at < out.length) out[at] = edit.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'insert':
      return Uint8Array.from([...bytes.subarray(0, at), ...edit.bytes, ...bytes.subarray(at)]);
    case 'overwrite32': {
      const out = bytes.slice();
      if (at + 4 <= out.length) new DataView(out.buffer).setUint32(at, edit.value >>> 0, true);
      return out;
    }
  }
}

describe('damaged files throw only FormatError', () => {
  it.each(seeds)('%s', (name, good) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (edits) => {
        const bytes = edits.reduce(apply, good);
        try {
          const file = readArrays(name, bytes, { maxElements: 100_000 });
          for (const entry of file.entries) file.load(entry.name);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('garbage bytes under every binary extension', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('x.npy', 'x.npz', 'x.safetensors', 'x.csv', 'x'), (bytes, name) => {
        expect(() => {
          try {
            readArrays(name, bytes);
          } catch (error) {
            if (!(error instanceof FormatError)) throw error;
          }
        }).not.toThrow();
      }),
      { seed: 1, numRuns: 400 },
    );
  });
});
