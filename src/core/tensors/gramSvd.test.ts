/**
 * The Gram + Jacobi SVD of small unfoldings and its symmetric eigen-solver: singular values of
 * graded spectra against numpy, orthonormal factors, exact reconstruction, canonical signs.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../dense/random';
import { svd } from '../svd/svd';
import { matrix } from '../dense/matrix';
import { matrixWithSpectrum } from '../dense/spectrum';
import { GramSvd } from './gramSvd';
import { LargeSvd } from './largeSvd';
import { symmetricEigen } from './symmetricEigen';
import { fixtures, maxDiff } from './tensors.testkit';

/** U (m x p), S V^T (p x n) of a factor, and its reconstruction U S V^T. */
function parts(f: GramSvd | LargeSvd, m: number, n: number) {
  const p = Math.min(m, n);
  const u = new Float64Array(m * p);
  const c = new Float64Array(p * n);
  f.writeLeft(p, u, 0);
  f.writeCarry(p, c, 0);
  const a = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let k = 0; k < p; k++) for (let j = 0; j < n; j++) a[i * n + j] += u[i * p + k] * c[k * n + j];
  let ortho = 0;
  for (let x = 0; x < p; x++) for (let y = 0; y < p; y++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += u[i * p + x] * u[i * p + y];
    ortho = Math.max(ortho, Math.abs(s - (x === y ? 1 : 0)));
  }
  return { u, c, a, ortho };
}

describe('GramSvd', () => {
  for (const g of fixtures.graded) {
    it(`${g.rows} x ${g.cols}, spectrum graded over ${Math.round(-Math.log10(g.s[g.s.length - 1]))} decades: numpy's values to eps sigma_1`, () => {
      const f = new GramSvd();
      const x = Float64Array.from(g.data);
      f.factor(x, 0, g.rows, g.cols);
      // Absolute accuracy eps sigma_1 (a few ulps), the accuracy of a backward-stable SVD.
      expect(maxDiff(f.s, g.s)).toBeLessThan(50 * Number.EPSILON * g.s[0]);
      const { a, ortho } = parts(f, g.rows, g.cols);
      expect(maxDiff(a, x)).toBeLessThan(1e-14);
      expect(ortho).toBeLessThan(1e-13);
    });
  }

  it('agrees with the core svd (values, vectors with the same sign rule) on random blocks, both orientations', () => {
    const rng = createRandom(8);
    const f = new GramSvd();
    for (const [m, n] of [[8, 96], [64, 12], [7, 7], [1, 9], [9, 1], [30, 31]]) {
      const x = rng.fillNormal(new Float64Array(m * n));
      f.factor(x, 0, m, n);
      const ref = new LargeSvd();
      ref.factor(x, 0, m, n);
      expect(maxDiff(f.s, ref.s)).toBeLessThan(1e-13 * ref.s[0]);
      const mine = parts(f, m, n);
      const theirs = parts(ref, m, n);
      expect(maxDiff(mine.u, theirs.u)).toBeLessThan(1e-10);
      expect(maxDiff(mine.c, theirs.c)).toBeLessThan(1e-10);
    }
  });

  it('each refinement path (none, one lazy pass, repeated passes, one-sided fallback) keeps the accuracy', () => {
    const rng = createRandom(12);
    const paths = new Set<string>();
    for (const [m, n, decades] of [[20, 300, 1], [20, 300, 5], [300, 20, 5], [20, 300, 14], [6, 40, 0]] as const) {
      const p = Math.min(m, n);
      const sigmas = Array.from({ length: p }, (_, i) => 10 ** ((-decades * i) / (p - 1)));
      const a = decades === 0 ? matrix(m, n, new Float64Array(m * n).fill(1)) : matrixWithSpectrum(m, n, sigmas, rng);
      const f = new GramSvd();
      f.factor(a.data, 0, m, n);
      const { a: back, ortho } = parts(f, m, n);
      paths.add((f as unknown as { lazy: boolean }).lazy ? 'lazy' : 'eager');
      expect(ortho).toBeLessThan(1e-13);
      expect(maxDiff(back, a.data)).toBeLessThan(1e-14);
      if (decades > 0) expect(maxDiff(f.s, sigmas)).toBeLessThan(50 * Number.EPSILON);
    }
    expect([...paths].sort()).toEqual(['eager', 'lazy']);
  });

  it('reads a block at an offset and leaves it unchanged; reuses its buffers across sizes', () => {
    const rng = createRandom(9);
    const x = rng.fillNormal(new Float64Array(200));
    const copy = x.slice();
    const f = new GramSvd();
    f.factor(x, 10, 4, 30);
    const s1 = f.s.slice();
    f.factor(x, 0, 12, 10);
    f.factor(x, 10, 4, 30);
    expect(Array.from(f.s)).toEqual(Array.from(s1));
    expect(x).toEqual(copy);
    const ref = svd(matrix(4, 30, x.slice(10, 130)), { vectors: false }).s;
    expect(maxDiff(f.s, ref)).toBeLessThan(1e-13 * ref[0]);
  });

  it('factors zero and rank-deficient blocks', () => {
    const f = new GramSvd();
    f.factor(new Float64Array(24), 0, 4, 6);
    expect(Array.from(f.s)).toEqual([0, 0, 0, 0]);
    const left = new Float64Array(4);
    f.writeLeft(1, left, 0);
    expect(Math.hypot(...left)).toBeCloseTo(1, 14);
    // Rank 1 in the tall orientation: one singular value, the rest at rounding level.
    const x = new Float64Array(30);
    for (let i = 0; i < 10; i++) for (let j = 0; j < 3; j++) x[i * 3 + j] = (i + 1) * (j + 2);
    f.factor(x, 0, 10, 3);
    expect(f.s[1]).toBeLessThan(1e-13 * f.s[0]);
    const { a } = parts(f, 10, 3);
    expect(maxDiff(a, x)).toBeLessThan(1e-12);
  });
});

describe('symmetricEigen', () => {
  it('diagonalises random symmetric matrices with orthonormal eigenvector rows, ascending', () => {
    const rng = createRandom(3);
    for (const n of [1, 2, 5, 12, 40]) {
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rng.normal();
      const v = a.slice();
      const d = new Float64Array(n);
      symmetricEigen(v, d, new Float64Array(n), n);
      for (let i = 1; i < n; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1]);
      let resid = 0;
      let ortho = 0;
      for (let q = 0; q < n; q++) {
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += a[i * n + j] * v[q * n + j];
          resid = Math.max(resid, Math.abs(s - d[q] * v[q * n + i]));
        }
        for (let r = 0; r < n; r++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += v[q * n + j] * v[r * n + j];
          ortho = Math.max(ortho, Math.abs(s - (q === r ? 1 : 0)));
        }
      }
      expect(resid).toBeLessThan(1e-12 * n);
      expect(ortho).toBeLessThan(1e-13 * n);
    }
  });

  it('handles diagonal, repeated and zero matrices', () => {
    const v = new Float64Array([3, 0, 0, 0, 1, 0, 0, 0, 1]);
    const d = new Float64Array(3);
    symmetricEigen(v, d, new Float64Array(3), 3);
    expect(Array.from(d)).toEqual([1, 1, 3]);
    const z = new Float64Array(9);
    symmetricEigen(z, d, new Float64Array(3), 3);
    expect(Array.from(d)).toEqual([0, 0, 0]);
    expect(Array.from(z)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});
