/**
 * Tensors, mode unfoldings, folds, reshapes and mode products against numpy
 * (src/core/__fixtures__/tensor_numpy.json, from scripts/fixtures/make_tensor_fixtures.py), plus
 * one real tensor from ../shared/data (skipped where it is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assertFiniteTensor, assertOrder, cStrides, elementCount, fold, get, LinalgError, matrix, modeProduct,
  reshapeOptions, reshapeToMatrix, svd, tensor, transpose, unfold, unfoldedShape, type Matrix, type Tensor,
} from '../index';

interface Flat { rows: number; cols: number; data: number[] }
interface FixtureCase {
  name: string;
  shape: number[];
  data: number[];
  unfoldings: (Flat & { mode: number; s: number[] })[];
  modeProducts: { mode: number; matrix: Flat; shape: number[]; data: number[] }[];
  reshapes: (Flat & { split: number })[];
  view?: { of: string; strides: number[]; offset: number };
}
interface RealReference { shape: number[]; nonFinite: number; firstNonFinite: number[] | null; nanReplacedBy: number; s: number[][] }

const REAL = 'tensors/tensorly_il2_13x4x12x8.npy';
const fixtures = JSON.parse(readFileSync(new URL('../__fixtures__/tensor_numpy.json', import.meta.url), 'utf8')) as {
  cases: FixtureCase[];
  'tensors/tensorly_il2_13x4x12x8.npy'?: RealReference;
};
const byName = new Map<string, FixtureCase>(fixtures.cases.map((c) => [c.name, c]));

/** The fixture tensor: C-contiguous, or the numpy view into its base's data. */
function build(c: FixtureCase, as: 'f64' | 'f32' = 'f64'): Tensor {
  const conv = (x: number[]) => (as === 'f64' ? Float64Array.from(x) : Float32Array.from(x));
  if (!c.view) return tensor(c.shape, conv(c.data));
  const base = byName.get(c.view.of)!;
  return { shape: c.shape.slice(), strides: c.view.strides, data: conv(base.data), offset: c.view.offset };
}

const asMatrix = (f: Flat): Matrix => matrix(f.rows, f.cols, Float64Array.from(f.data));

describe('tensor: unfold, fold, reshape and mode product against numpy', () => {
  for (const c of fixtures.cases) {
    describe(`${c.name} ${JSON.stringify(c.shape)}`, () => {
      const t = build(c);

      it('reads every entry with get', () => {
        const index = c.shape.map(() => 0);
        for (let n = 0; n < c.data.length; n++) {
          expect(get(t, index)).toBe(c.data[n]);
          for (let k = index.length - 1; k >= 0 && ++index[k] === c.shape[k]; k--) index[k] = 0;
        }
      });

      it('unfolds at every mode exactly as np.moveaxis(t, mode, 0).reshape(shape[mode], -1)', () => {
        for (const u of c.unfoldings) {
          const m = unfold(t, u.mode);
          expect([m.rows, m.cols]).toEqual([u.rows, u.cols]);
          expect(unfoldedShape(c.shape, u.mode)).toEqual([u.rows, u.cols]);
          expect(Array.from(m.data)).toEqual(u.data);
        }
      });

      it('folds every unfolding back to the tensor (C-contiguous)', () => {
        for (const u of c.unfoldings) {
          const back = fold(unfold(t, u.mode), u.mode, c.shape);
          expect(back.shape).toEqual(c.shape);
          expect(back.strides).toEqual(cStrides(c.shape));
          expect(back.offset).toBe(0);
          expect(Array.from(back.data)).toEqual(c.data);
          expect(Array.from(fold(asMatrix(u), u.mode, c.shape).data)).toEqual(c.data);
        }
      });

      it("gives each unfolding numpy's singular values to 1e-12 sigma_1", () => {
        for (const u of c.unfoldings) {
          const s = svd(unfold(t, u.mode), { vectors: false }).s;
          expect(s.length).toBe(u.s.length);
          u.s.forEach((sigma, i) => expect(Math.abs(s[i] - sigma)).toBeLessThanOrEqual(1e-12 * u.s[0]));
        }
      });

      it('computes the mode products of np.moveaxis(np.tensordot(M, t, axes=(1, mode)), 0, mode)', () => {
        for (const p of c.modeProducts) {
          const r = modeProduct(t, asMatrix(p.matrix), p.mode);
          expect(r.shape).toEqual(p.shape);
          const scale = Math.max(...p.data.map(Math.abs));
          p.data.forEach((x, i) => expect(Math.abs(r.data[i] - x)).toBeLessThanOrEqual(1e-14 * scale));
        }
      });

      it('reshapes in C order at every split point', () => {
        expect(reshapeOptions(c.shape)).toEqual(c.reshapes.map(({ rows, cols, split }) => ({ rows, cols, split })));
        for (const r of c.reshapes) {
          const m = reshapeToMatrix(t, r.rows);
          expect([m.rows, m.cols]).toEqual([r.rows, r.cols]);
          expect(Array.from(m.data)).toEqual(r.data);
        }
      });

      it('unfolds Float32Array data to the float32-rounded values', () => {
        const t32 = build(c, 'f32');
        expect(t32.data).toBeInstanceOf(Float32Array);
        for (const u of c.unfoldings) {
          const m = unfold(t32, u.mode);
          expect(m.data).toBeInstanceOf(Float64Array);
          expect(Array.from(m.data)).toEqual(u.data.map(Math.fround));
        }
      });
    });
  }
});

describe('tensor: construction and shapes', () => {
  it('builds C-contiguous tensors, zeros by default, using typed arrays without a copy', () => {
    const data = new Float32Array(24);
    const t = tensor([2, 3, 4], data);
    expect(t.data).toBe(data);
    expect(t.strides).toEqual([12, 4, 1]);
    expect(t.offset).toBe(0);
    expect(tensor([2, 2]).data).toEqual(new Float64Array(4));
    expect(tensor([2], [1, 2]).data).toEqual(Float64Array.of(1, 2));
    expect(tensor([2], Uint8Array.of(3, 4)).data).toEqual(Float64Array.of(3, 4));
    expect(cStrides([90, 128, 160])).toEqual([20480, 160, 1]);
    expect(elementCount([100, 100, 198])).toBe(1980000);
    expect(unfoldedShape([100, 100, 198], 2)).toEqual([198, 10000]);
    expect(reshapeOptions([100, 100, 198])).toEqual([
      { rows: 100, cols: 19800, split: 1 },
      { rows: 10000, cols: 198, split: 2 },
    ]);
    expect(reshapeOptions([5])).toEqual([]);
  });

  it('rejects bad shapes, data lengths, modes, indices and reshapes with the shape in the message', () => {
    expect(() => tensor([4, 0, 3])).toThrow('tensor: invalid shape [4, 0, 3]: dimension 1 is 0, every dimension must be a positive integer');
    expect(() => tensor([2.5])).toThrow('tensor: invalid shape [2.5]: dimension 0 is 2.5');
    expect(() => tensor([-1, 2])).toThrow(LinalgError);
    expect(() => tensor([])).toThrow('tensor: invalid shape []: a tensor needs at least one dimension');
    expect(() => tensor([2, 3], [1, 2])).toThrow('tensor: shape [2, 3] needs 6 entries, got 2');
    expect(() => elementCount([2 ** 20, 2 ** 20, 2 ** 20])).toThrow(
      'elementCount: shape [1048576, 1048576, 1048576] has more than Number.MAX_SAFE_INTEGER entries',
    );
    expect(() => assertOrder('tucker', [4, 5], 3)).toThrow('tucker: expected a 3-way tensor, got shape [4, 5]');
    const t = tensor([2, 3, 4]);
    expect(() => unfold(t, 3)).toThrow('unfold: mode must be an integer in [0, 2] for a tensor of shape [2, 3, 4], got 3');
    expect(() => unfold(t, -1)).toThrow(LinalgError);
    expect(() => unfoldedShape([2, 3], 1.5)).toThrow('unfoldedShape: mode must be an integer in [0, 1]');
    expect(() => fold(matrix(4, 6), 1, [2, 3, 4])).toThrow('fold: shape [2, 3, 4] unfolds at mode 1 to 3 x 8, got a 4 x 6 matrix');
    expect(() => fold(matrix(3, 8), 3, [2, 3, 4])).toThrow('fold: mode must be an integer in [0, 2]');
    expect(() => reshapeToMatrix(t, 7)).toThrow(
      'reshapeToMatrix: rows must be a positive integer dividing the 24 entries of shape [2, 3, 4], got 7',
    );
    expect(() => reshapeToMatrix(t, 0)).toThrow(LinalgError);
    expect(() => get(t, [1, 3, 0])).toThrow('get: index [1, 3, 0] is out of range for shape [2, 3, 4]');
    expect(() => get(t, [1, 2])).toThrow('get: a 3-way tensor needs 3 indices, got [1, 2]');
    expect(() => modeProduct(t, matrix(2, 4), 1)).toThrow('modeProduct: the matrix is 2 x 4 but mode 1 of shape [2, 3, 4] has size 3');
    const outside: Tensor = { shape: [2, 3], strides: [3, 1], data: new Float64Array(5), offset: 0 };
    expect(() => unfold(outside, 0)).toThrow('unfold: shape [2, 3], strides [3, 1] and offset 0 address entries outside the 5 of the data');
    expect(() => unfold({ ...outside, strides: [1] }, 0)).toThrow('unfold: a tensor of shape [2, 3] needs 2 integer strides, got [1]');
  });

  it('names the first NaN or infinite entry by its multi-index', () => {
    const video = tensor([4, 8, 3]);
    video.data[3 * 24 + 7 * 3 + 2] = NaN;
    video.data[3 * 24 + 7 * 3 + 1 + 3] = Infinity; // later in C order: not the one reported
    expect(() => assertFiniteTensor(video, 'video')).toThrow("'video' has NaN at index [3, 7, 2]");
    const t = tensor([2, 3], [0, 1, 2, 3, -Infinity, 5]);
    expect(() => assertFiniteTensor(t, 'w')).toThrow("'w' has -Infinity at index [1, 1]");
    // In a transposed view the index is the view's own.
    expect(() => assertFiniteTensor({ ...t, shape: [3, 2], strides: [1, 3] }, 'wT')).toThrow("'wT' has -Infinity at index [1, 1]");
    expect(() => assertFiniteTensor({ ...t, shape: [3], strides: [1], offset: 3 }, 'row')).toThrow("'row' has -Infinity at index [1]");
    expect(() => assertFiniteTensor(tensor([2, 2], [1, 2, 3, 4]), 'ok')).not.toThrow();
    expect(() => modeProduct(t, matrix(1, 2, [1, 1]), 0)).toThrow('modeProduct: the tensor of shape [2, 3] has -Infinity at index [1, 1]');
    // unfold is a pure rearrangement: NaN passes through.
    expect(Array.from(unfold(tensor([1, 2], [NaN, 1]), 1).data)).toEqual([NaN, 1]);
  });

  it('treats 1-D and 2-D tensors as vectors and matrices', () => {
    const v = tensor([5], [1, 2, 3, 4, 5]);
    expect(unfold(v, 0)).toEqual(matrix(5, 1, [1, 2, 3, 4, 5]));
    expect(reshapeToMatrix(v, 1)).toEqual(matrix(1, 5, [1, 2, 3, 4, 5]));
    expect(Array.from(modeProduct(v, matrix(1, 5, [1, 1, 1, 1, 1]), 0).data)).toEqual([15]);
    const a = matrix(3, 4, Float64Array.from({ length: 12 }, (_, i) => i * i));
    const t = tensor([3, 4], a.data);
    expect(unfold(t, 0)).toEqual(a);
    expect(unfold(t, 1)).toEqual(transpose(a));
    expect(fold(transpose(a), 1, [3, 4]).data).toEqual(a.data);
    expect(reshapeToMatrix(t, 3)).toEqual(a);
    const b = matrix(2, 3, [1, 0, 2, 0, 1, 0]);
    expect(modeProduct(t, b, 0).data).toEqual(Float64Array.from(
      [0, 1, 4, 9].map((x, j) => x + 2 * a.data[8 + j]).concat([16, 25, 36, 49]),
    ));
    // Size-1 dimensions anywhere.
    const s = tensor([1, 3, 1], [7, 8, 9]);
    expect(unfold(s, 2)).toEqual(matrix(1, 3, [7, 8, 9]));
    expect(unfold(s, 0)).toEqual(matrix(1, 3, [7, 8, 9]));
    expect(unfold(s, 1)).toEqual(matrix(3, 1, [7, 8, 9]));
  });

  it('unfolds and folds video- and hyperspectral-sized tensors at every mode', () => {
    const sizes: [number[], (n: number) => Float32Array | Float64Array][] = [
      [[90, 128, 160], (n) => new Float32Array(n)],
      [[100, 100, 198], (n) => new Float64Array(n)],
    ];
    for (const [shape, alloc] of sizes) {
      const [n0, n1, n2] = shape;
      const t = tensor(shape, alloc(n0 * n1 * n2));
      for (let i = 0; i < t.data.length; i++) t.data[i] = i % 65521;
      for (let mode = 0; mode < 3; mode++) {
        const m = unfold(t, mode);
        expect([m.rows, m.cols]).toEqual(unfoldedShape(shape, mode));
        for (const index of [[0, 0, 0], [n0 - 1, n1 - 1, n2 - 1], [n0 >> 1, 3, n2 - 2], [1, n1 - 1, 5]]) {
          const others = index.filter((_, k) => k !== mode);
          const dims = shape.filter((_, k) => k !== mode);
          expect(m.data[index[mode] * m.cols + others[0] * dims[1] + others[1]]).toBe(get(t, index));
        }
        const back = fold(m, mode, shape).data;
        let mismatches = 0; // a loop: toEqual on millions of entries takes seconds
        for (let i = 0; i < back.length; i++) if (back[i] !== t.data[i]) mismatches++;
        expect(mismatches).toBe(0);
      }
    }
  });
});

/** A minimal .npy reader for the test (core may not import io/): little-endian f4/f8, C order. */
function readNpy(path: URL): { shape: number[]; values: Float32Array | Float64Array } {
  const bytes = readFileSync(path);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.subarray(start, start + headerLength).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '').split(',').filter((x) => x.trim()).map(Number);
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${path}: Fortran order is not supported`);
  const body = bytes.buffer.slice(bytes.byteOffset + start + headerLength, bytes.byteOffset + bytes.byteLength);
  if (descr === '<f4') return { shape, values: new Float32Array(body) };
  if (descr === '<f8') return { shape, values: new Float64Array(body) };
  throw new Error(`${path}: dtype ${descr} is not supported by the test reader`);
}

const REAL_URL = new URL(`../../../../shared/data/${REAL}`, import.meta.url);
const reference = fixtures[REAL];

describe(`tensor: real data ${REAL}`, () => {
  it.skipIf(!existsSync(REAL_URL) || !reference)('finds the first NaN and matches numpy on every unfolding (NaN -> 0)', () => {
    const { shape, values } = readNpy(REAL_URL);
    const ref = reference!;
    expect(shape).toEqual(ref.shape);
    const t = tensor(shape, values);
    if (ref.firstNonFinite) {
      expect(() => assertFiniteTensor(t, 'il2')).toThrow(`'il2' has NaN at index [${ref.firstNonFinite.join(', ')}]`);
    }
    const filled = tensor(shape, Float64Array.from(values, (x) => (Number.isFinite(x) ? x : ref.nanReplacedBy)));
    let bad = 0;
    for (const x of values) if (!Number.isFinite(x)) bad++;
    expect(bad).toBe(ref.nonFinite);
    ref.s.forEach((expected, mode) => {
      const s = svd(unfold(filled, mode), { vectors: false }).s;
      expect(s.length).toBe(expected.length);
      expected.forEach((sigma, i) => expect(Math.abs(s[i] - sigma)).toBeLessThanOrEqual(1e-12 * expected[0]));
    });
  });
});
