/**
 * SVD of real model weights from ../shared/data (GPT-2 position embeddings, the stories260K model),
 * against numpy's singular values (src/core/__fixtures__/real_data_singular_values.json). Where the
 * data folder is absent, each case is reported as skipped (describe.skipIf), named after its file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromTypedArray, svd } from '../index';
import { orthogonalityResidual, reconstructionResidual } from './residuals';

const DATA = new URL('../../../../shared/data/', import.meta.url);
const present = existsSync(DATA);
const fixtures = JSON.parse(readFileSync(new URL('../__fixtures__/real_data_singular_values.json', import.meta.url), 'utf8')) as {
  cases: { file: string; layer: number | null; rows: number; cols: number; s: number[] }[];
};

/** A minimal .npy reader for the test: little-endian float32/float64, C order. */
function readNpy(path: URL): { shape: number[]; values: Float32Array | Float64Array } {
  const bytes = readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.subarray(10, 10 + headerLength).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '').split(',').filter((x) => x.trim()).map(Number);
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${path}: Fortran order is not supported`);
  const body = bytes.buffer.slice(bytes.byteOffset + 10 + headerLength, bytes.byteOffset + bytes.byteLength);
  if (descr === '<f4') return { shape, values: new Float32Array(body) };
  if (descr === '<f8') return { shape, values: new Float64Array(body) };
  throw new Error(`${path}: dtype ${descr} is not supported by the test reader`);
}

describe.skipIf(!present)('svd on real weights in ../shared/data (skipped where that folder is absent)', () => {
  for (const c of fixtures.cases) {
    it(`${c.file}${c.layer === null ? '' : `[${c.layer}]`} (${c.rows} x ${c.cols})`, () => {
      const { values } = readNpy(new URL(c.file, DATA));
      const offset = (c.layer ?? 0) * c.rows * c.cols;
      const a = fromTypedArray(c.rows, c.cols, values.subarray(offset, offset + c.rows * c.cols));
      const f = svd(a);
      const s1 = c.s[0];
      c.s.forEach((sigma, i) => expect(Math.abs(f.s[i] - sigma)).toBeLessThanOrEqual(1e-12 * Math.max(sigma, 1e-3 * s1)));
      expect(reconstructionResidual(a, f)).toBeLessThan(30);
      expect(orthogonalityResidual(f.u)).toBeLessThan(30);
      expect(orthogonalityResidual(f.v)).toBeLessThan(30);
    });
  }
});
