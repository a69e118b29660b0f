/**
 * TT-SVD against numpy (src/core/__fixtures__/tt_numpy.json, scripts/fixtures/make_tt_fixtures.py),
 * math.md's (8, 8, 12) table, the error bookkeeping, rank bounds, round trips and input checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinalgError } from '../errors';
import { createRandom } from '../dense/random';
import { tensor, type Tensor } from './tensor';
import { reshapeToMatrix } from './tensorOps';
import { sequentialUnfolding, ttCompressionFactor, ttParameters, ttRankBounds, ttSvd, ttSvdSteps, ttToFull } from './index';
import { caseTensor, entries, fixtures, gridTensor, maxDiff, relativeDifference } from './tensors.testkit';

const randomTensor = (shape: number[], seed: number): Tensor =>
  tensor(shape, createRandom(seed).fillNormal(new Float64Array(shape.reduce((a, b) => a * b, 1))));

describe("math.md's (8, 8, 12) table", () => {
  const expected: Record<string, { ranks: number[]; parameters: number; cf: number }> = {
    'i+j+k': { ranks: [1, 2, 2, 1], parameters: 72, cf: 10.667 },
    'sin(i+j+k)': { ranks: [1, 2, 2, 1], parameters: 72, cf: 10.667 },
    ones: { ranks: [1, 1, 1, 1], parameters: 28, cf: 27.43 },
    generic: { ranks: [1, 8, 12, 1], parameters: 976, cf: 0.787 },
  };
  const built: Record<string, Tensor> = {
    'i+j+k': gridTensor([8, 8, 12], ([i, j, k]) => i + j + k),
    'sin(i+j+k)': gridTensor([8, 8, 12], ([i, j, k]) => Math.sin(i + j + k)),
    ones: gridTensor([8, 8, 12], () => 1),
    generic: randomTensor([8, 8, 12], 3),
  };
  for (const c of fixtures.table) {
    it(`${c.name}: ranks ${expected[c.name].ranks.join(',')}, ${expected[c.name].parameters} parameters`, () => {
      const want = expected[c.name];
      for (const t of [built[c.name], caseTensor(c)]) {
        const r = ttSvd(t);
        expect(r.ranks).toEqual(want.ranks);
        expect(r.ranks).toEqual(c.ranks);
        expect(r.parameters).toBe(want.parameters);
        expect(r.compressionFactor).toBeCloseTo(want.cf, 2);
        expect(ttParameters([8, 8, 12], r.ranks)).toBe(want.parameters);
        expect(relativeDifference(t, ttToFull(r))).toBeLessThan(1e-13);
        expect(r.relativeError).toBeLessThan(1e-13);
      }
    });
  }

  it('says a generic tensor is bigger as a full-rank TT (CF < 1)', () => {
    expect(ttCompressionFactor([8, 8, 12], [1, 8, 12, 1])).toBeCloseTo(768 / 976, 12);
    expect(ttRankBounds([8, 8, 12])).toEqual([8, 12]);
    expect(ttRankBounds([4, 8, 4, 6])).toEqual([4, 24, 6]);
  });
});

describe('TT-SVD against numpy with fixed ranks (TensorLy convention, canonical signs on both sides)', () => {
  for (const c of fixtures.fixedRanks) {
    it(c.name, () => {
      const r = ttSvd(caseTensor(c), { maxRank: c.maxRank! });
      expect(r.ranks).toEqual(c.ranks);
      expect(r.parameters).toBe(c.parameters);
      r.cores.forEach((core, k) => {
        expect(core.shape).toEqual([c.ranks[k], c.shape[k], c.ranks[k + 1]]);
        expect(maxDiff(entries(core), c.cores[k])).toBeLessThan(1e-10);
      });
      r.singularValues.forEach((s, k) => expect(maxDiff(s, c.singularValues[k])).toBeLessThan(1e-12 * c.singularValues[k][0]));
      expect(r.relativeError).toBeCloseTo(c.relativeError, 12);
      expect(r.errorBound).toBe(r.relativeError);
      // The tails are the error of the reconstruction, not only a bound on it.
      expect(relativeDifference(caseTensor(c), ttToFull(r))).toBeCloseTo(r.relativeError, 12);
      r.discarded.forEach((d, k) => expect(d.length).toBe(r.singularValues[k].length - r.ranks[k + 1]));
    });
  }

  it("accepts TensorLy's d + 1 rank list and one number for every bond", () => {
    const c = fixtures.fixedRanks[0];
    expect(ttSvd(caseTensor(c), { maxRank: [1, 3, 4, 1] }).ranks).toEqual([1, 3, 4, 1]);
    expect(ttSvd(caseTensor(c), { maxRank: 3 }).ranks).toEqual([1, 3, 3, 1]);
  });

  it('clamps caps above the bound', () => {
    const t = randomTensor([3, 4, 5], 1);
    expect(ttSvd(t, { maxRank: 100 }).ranks).toEqual([1, 3, 5, 1]);
  });
});

describe('TT-SVD with eps (Oseledets / ttpy rule)', () => {
  for (const c of fixtures.eps) {
    it(`${c.name}: numpy's ranks and error`, () => {
      const r = ttSvd(caseTensor(c), { eps: c.eps! });
      expect(r.ranks).toEqual(c.ranks);
      expect(r.relativeError).toBeCloseTo(c.relativeError, 12);
      expect(r.relativeError).toBeLessThanOrEqual(c.eps!);
      expect(relativeDifference(caseTensor(c), ttToFull(r))).toBeCloseTo(r.relativeError, 12);
    });
  }

  it('never exceeds eps, keeps ranks within the bounds and its error equals the reconstruction (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 3 }),
        (shape, eps, seed, lowRank) => {
          // Mix in some structure: a rank-1 part dominating the noise when lowRank > 0.
          const t = randomTensor(shape, seed);
          if (lowRank > 0) {
            const rng = createRandom(seed + 1);
            const vs = shape.map((n) => Array.from({ length: n }, () => rng.normal()));
            const d = t.data as Float64Array;
            const idx = shape.map(() => 0);
            for (let i = 0; i < d.length; i++) {
              d[i] = 10 ** lowRank * vs.reduce((p, v, k) => p * v[idx[k]], 1) + 1e-2 * d[i];
              for (let k = shape.length - 1; k >= 0 && ++idx[k] === shape[k]; k--) idx[k] = 0;
            }
          }
          const r = ttSvd(t, { eps });
          expect(r.relativeError).toBeLessThanOrEqual(eps * (1 + 1e-12) + 1e-15);
          const bounds = ttRankBounds(shape);
          bounds.forEach((b, k) => expect(r.ranks[k + 1]).toBeLessThanOrEqual(b));
          expect(Math.abs(relativeDifference(t, ttToFull(r)) - r.relativeError)).toBeLessThan(1e-12);
        },
      ),
      { seed: 20240501, numRuns: 150 },
    );
  });

  it('with a binding cap the error may exceed eps, and the step says why', () => {
    const t = randomTensor([6, 6, 6], 5);
    const steps = ttSvdSteps(t, { eps: 0.01, maxRank: 2 });
    expect(steps.map((s) => s.reason)).toEqual(['maxRank', 'maxRank']);
    expect(ttSvd(t, { eps: 0.01, maxRank: 2 }).relativeError).toBeGreaterThan(0.01);
  });
});

describe('round trips and inputs', () => {
  it('exact TT of any order round-trips (orders 2 to 5), Float32 and strided views included', () => {
    for (const shape of [[5, 7], [3, 4, 5], [2, 3, 2, 4], [2, 2, 3, 2, 2]]) {
      const t = randomTensor(shape, shape.length);
      const r = ttSvd(t);
      expect(relativeDifference(t, ttToFull(r))).toBeLessThan(1e-13);
      expect(r.ranks).toEqual([1, ...ttRankBounds(shape), 1]);
    }
    const base = randomTensor([4, 5, 6], 9);
    const f32 = tensor([4, 5, 6], Float32Array.from(base.data));
    expect(relativeDifference(f32, ttToFull(ttSvd(f32)))).toBeLessThan(1e-13);
    // The transpose view [6, 5, 4] of the same buffer.
    const view: Tensor = { shape: [6, 5, 4], strides: [1, 6, 30], data: base.data, offset: 0 };
    expect(relativeDifference(view, ttToFull(ttSvd(view)))).toBeLessThan(1e-13);
  });

  it('handles near-overflow and near-underflow entries by exact power-of-two scaling', () => {
    const t = randomTensor([4, 5, 6], 11);
    for (const scale of [1e-250, 1e250]) {
      const s = tensor([4, 5, 6], Float64Array.from(t.data, (x) => x * scale));
      const a = ttSvd(t, { maxRank: 3 });
      const b = ttSvd(s, { maxRank: 3 });
      expect(b.ranks).toEqual(a.ranks);
      expect(b.relativeError).toBeCloseTo(a.relativeError, 12);
      b.singularValues.forEach((sv, k) => expect(maxDiff(Array.from(sv, (x) => x / scale), a.singularValues[k])).toBeLessThan(1e-12 * a.singularValues[k][0]));
      expect(Number.isFinite(entries(ttToFull(b))[0])).toBe(true);
    }
  });

  it('unfoldings wider than GRAM_MAX_RANK go through the core svd with the same results', () => {
    const t = randomTensor([140, 3, 50], 12);
    const r = ttSvd(t, { eps: 0.3 });
    expect(r.relativeError).toBeLessThanOrEqual(0.3);
    expect(relativeDifference(t, ttToFull(r))).toBeCloseTo(r.relativeError, 12);
    const exact = ttSvd(t);
    expect(exact.ranks).toEqual([1, 140, 50, 1]);
    expect(relativeDifference(t, ttToFull(exact))).toBeLessThan(1e-13);
  });

  it('a zero tensor has ranks 1 and error 0', () => {
    const r = ttSvd(tensor([3, 4, 5]));
    expect(r.ranks).toEqual([1, 1, 1, 1]);
    expect(r.relativeError).toBe(0);
    expect(maxDiff(entries(ttToFull(r)), new Float64Array(60))).toBe(0);
  });

  it('rejects vectors, bad eps, bad ranks and non-finite entries with readable messages', () => {
    expect(() => ttSvd(tensor([768]))).toThrow(/order >= 2, got shape \[768\]: reshape a vector first/);
    const t = randomTensor([3, 4, 5], 1);
    expect(() => ttSvd(t, { eps: 1 })).toThrow(/eps must be a number in \[0, 1\), got 1/);
    expect(() => ttSvd(t, { eps: -0.1 })).toThrow(LinalgError);
    expect(() => ttSvd(t, { maxRank: 0 })).toThrow(/maxRank of bond 1 must be a positive integer, got 0/);
    expect(() => ttSvd(t, { maxRank: [2] })).toThrow(/maxRank must be a positive integer or 2 of them/);
    expect(() => ttSvd(t, { maxRank: 2.5 })).toThrow(LinalgError);
    const bad = tensor([3, 4, 5], Float64Array.from(t.data));
    (bad.data as Float64Array)[33] = NaN;
    expect(() => ttSvd(bad)).toThrow("'ttSvd input' has NaN at index [1, 2, 3]");
  });

  it('reports progress per bond and can be cancelled', () => {
    const seen: number[] = [];
    ttSvd(randomTensor([3, 4, 5, 6], 2), { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(() => ttSvd(randomTensor([3, 4, 5], 2), { shouldCancel: () => true })).toThrow('ttSvd: cancelled');
  });
});

describe('sequential unfoldings and the step-through', () => {
  it('unfolds (n_1..n_k) x (n_{k+1}..n_d) in C order', () => {
    const t = gridTensor([2, 3, 4], ([i, j, k]) => 100 * i + 10 * j + k);
    const m = sequentialUnfolding(t, 2);
    expect([m.rows, m.cols]).toEqual([6, 4]);
    expect(Array.from(m.data.subarray(4, 8))).toEqual([10, 11, 12, 13]);
    expect(() => sequentialUnfolding(t, 3)).toThrow(/bond k must be an integer in \[1, 2\]/);
  });

  it('records each bond: unfolding, spectrum, kept rank, tail, core and carried shapes', () => {
    const c = fixtures.eps[0];
    const steps = ttSvdSteps(caseTensor(c), { eps: c.eps! });
    const r = ttSvd(caseTensor(c), { eps: c.eps! });
    expect(steps.map((s) => [s.unfoldingRows, s.unfoldingCols])).toEqual([[6, 56], [3 * 7, 8]]);
    expect(steps.map((s) => s.keptRank)).toEqual(r.ranks.slice(1, -1));
    expect(steps.map((s) => s.coreShape)).toEqual([[1, 6, 3], [3, 7, 3]]);
    expect(steps.map((s) => s.carriedShape)).toEqual([[3, 56], [3, 8]]);
    const norm = Math.sqrt(entries(caseTensor(c)).reduce((a, x) => a + x * x, 0));
    for (const s of steps) {
      expect(s.delta).toBeCloseTo((c.eps! / Math.sqrt(2)) * norm, 12);
      expect(s.tailNorm).toBeLessThanOrEqual(s.delta);
      expect(s.reason).toBe('eps');
      const tail = Math.sqrt(Array.from(s.singularValues.subarray(s.keptRank)).reduce((a, x) => a + x * x, 0));
      expect(s.tailNorm).toBeCloseTo(tail, 12);
    }
    // Bond 1's matrix is the first sequential unfolding: the same spectrum as numpy's.
    expect(maxDiff(steps[0].singularValues, c.singularValues[0])).toBeLessThan(1e-12 * c.singularValues[0][0]);
  });

  it('the spectrum at bond 1 is that of the first sequential unfolding', () => {
    const t = randomTensor([4, 5, 6], 4);
    const steps = ttSvdSteps(t);
    const m = sequentialUnfolding(t, 1);
    expect(m.rows).toBe(steps[0].unfoldingRows);
    expect(reshapeToMatrix(t, 4).data).toEqual(m.data);
  });
});
