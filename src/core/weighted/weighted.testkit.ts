/**
 * Test helpers (not exported by the barrel): the numpy fixtures of
 * scripts/fixtures/make_weighted_fixtures.py (JSON has no NaN, so missing entries are stored as
 * null) and small seeded problems.
 */
import { createRandom, type Random } from '../dense/random';
import type { Matrix } from '../dense/matrix';
import stored from '../__fixtures__/weighted_numpy.json';

type Entries = (number | null)[];

export interface ConvergedCase {
  name: string; rows: number; cols: number; k: number;
  a: Entries; w: Entries; objective: number; svdObjective: number; approximation: Entries;
}

export interface WeightedFixtures {
  converged: ConvergedCase[];
  localMinima: { rows: number; cols: number; k: number; a: Entries; w: Entries; starts: { x: Entries; y: Entries; objective: number }[] };
  fwsvd: {
    rows: number; cols: number; k: number; a: Entries; rowWeights: number[]; approximation: Entries;
    objective: number; svdObjective: number; plainError: number; svdPlainError: number;
  };
  activationAware: {
    rows: number; cols: number; samples: number; k: number; a: Entries; inputs: Entries; approximation: Entries;
    dataError: number; plainError: number; svdDataError: number;
  };
}

export const fixtures = stored as unknown as WeightedFixtures;

/** A matrix from fixture entries, null read as NaN (missing). */
export function fixtureMatrix(rows: number, cols: number, entries: Entries): Matrix {
  return { rows, cols, data: Float64Array.from(entries, (v) => (v === null ? NaN : v)) };
}

/** A seeded rank-r matrix plus Gaussian noise of the given size. */
export function lowRankPlusNoise(m: number, n: number, r: number, noise: number, rng: Random): Matrix {
  const data = new Float64Array(m * n);
  const u = rng.fillNormal(new Float64Array(m * r));
  const v = rng.fillNormal(new Float64Array(n * r));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < r; p++) s += u[i * r + p] * v[j * r + p];
      data[i * n + j] = s + noise * rng.normal();
    }
  }
  return { rows: m, cols: n, data };
}

/** Seeded weights: uniform in [lo, hi), or 0 with probability `zeroFraction`. */
export function randomWeights(m: number, n: number, seed: number, lo = 0.1, hi = 2, zeroFraction = 0): Matrix {
  const rng = createRandom(seed);
  const data = new Float64Array(m * n);
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform() < zeroFraction ? 0 : lo + (hi - lo) * rng.uniform();
  return { rows: m, cols: n, data };
}

/** max |a_i - b_i|. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** The largest relative rise between consecutive objectives (0 when they never rise). */
export function largestRise(objectives: Float64Array): number {
  let rise = 0;
  for (let i = 1; i < objectives.length; i++) rise = Math.max(rise, (objectives[i] - objectives[i - 1]) / objectives[i - 1]);
  return rise;
}
