/**
 * TT rounding and sums: an over-ranked TT recovers its minimal ranks, eps rounding keeps the error
 * within eps of the input TT and reports it exactly, without forming the full tensor.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../dense/random';
import { tensor, type Tensor } from './tensor';
import { ttAdd, ttRound, ttSvd, ttToFull, type TtTensor } from './index';
import { entries, gridTensor, relativeDifference } from './tensors.testkit';

const randomTensor = (shape: number[], seed: number): Tensor =>
  tensor(shape, createRandom(seed).fillNormal(new Float64Array(shape.reduce((a, b) => a * b, 1))));

/** A random TT with the given ranks (its full tensor generically has exactly these ranks). */
function randomTt(shape: number[], ranks: number[], seed: number): TtTensor {
  const rng = createRandom(seed);
  const cores = shape.map((n, k) => tensor([ranks[k], n, ranks[k + 1]], rng.fillNormal(new Float64Array(ranks[k] * n * ranks[k + 1]))));
  return { shape, ranks, cores };
}

describe('ttAdd', () => {
  it('adds exactly, ranks adding up', () => {
    const a = randomTt([3, 4, 5, 2], [1, 2, 3, 2, 1], 1);
    const b = randomTt([3, 4, 5, 2], [1, 3, 1, 2, 1], 2);
    const s = ttAdd(a, b);
    expect(s.ranks).toEqual([1, 5, 4, 4, 1]);
    const want = entries(ttToFull(a)).map((x, i) => x + entries(ttToFull(b))[i]);
    expect(relativeDifference(tensor([3, 4, 5, 2], want), ttToFull(s))).toBeLessThan(1e-14);
  });

  it('rejects different shapes', () => {
    expect(() => ttAdd(randomTt([3, 4], [1, 2, 1], 1), randomTt([4, 3], [1, 2, 1], 1))).toThrow(/shapes differ: \[3, 4\] and \[4, 3\]/);
  });
});

describe('ttRound', () => {
  it('recovers the minimal ranks of an over-ranked TT (a TT added to itself)', () => {
    const tt = randomTt([4, 5, 6, 3], [1, 3, 4, 2, 1], 3);
    const doubled = ttAdd(tt, tt);
    expect(doubled.ranks).toEqual([1, 6, 8, 4, 1]);
    const r = ttRound(doubled, {});
    expect(r.ranks).toEqual([1, 3, 4, 2, 1]);
    const want = tensor(tt.shape, entries(ttToFull(tt)).map((x) => 2 * x));
    expect(relativeDifference(want, ttToFull(r))).toBeLessThan(1e-13);
    expect(r.relativeError).toBeLessThan(1e-13);
  });

  it('drops ranks above the bounds of a padded TT (r_{k-1} > n_k r_k)', () => {
    const padded = randomTt([2, 2, 2], [1, 5, 5, 1], 4);
    const r = ttRound(padded, {});
    expect(r.ranks).toEqual([1, 2, 2, 1]);
    expect(relativeDifference(ttToFull(padded), ttToFull(r))).toBeLessThan(1e-13);
  });

  it('with eps: error <= eps, reported exactly, ranks no larger than TT-SVD of the full tensor at the same eps', () => {
    const t = gridTensor([6, 7, 8, 5], ([i, j, k, l]) => Math.exp(-0.1 * (i + j)) * Math.cos(0.3 * k * l) + 0.01 * Math.sin(i * j * k + l));
    const exact = ttSvd(t);
    for (const eps of [1e-2, 1e-1, 0.3]) {
      const r = ttRound(exact, { eps });
      expect(r.relativeError).toBeLessThanOrEqual(eps * (1 + 1e-12));
      expect(relativeDifference(ttToFull(exact), ttToFull(r))).toBeCloseTo(r.relativeError, 10);
      const direct = ttSvd(t, { eps });
      r.ranks.forEach((rk, k) => expect(rk).toBeLessThanOrEqual(direct.ranks[k] + 1));
      expect(r.parameters).toBe(r.cores.reduce((a, c) => a + c.data.length, 0));
    }
  });

  it('with maxRank: the caps, the spectra per bond, TT shape checks', () => {
    const tt = ttSvd(randomTensor([5, 6, 7], 6));
    const r = ttRound(tt, { maxRank: 2 });
    expect(r.ranks).toEqual([1, 2, 2, 1]);
    expect(r.singularValues.length).toBe(2);
    expect(r.discarded[0].length).toBe(r.singularValues[0].length - 2);
    const broken = { ...tt, ranks: [1, 3, 3, 1] };
    expect(() => ttRound(broken, {})).toThrow(/core 0 must have shape \[1, 5, 3\]/);
  });
});
