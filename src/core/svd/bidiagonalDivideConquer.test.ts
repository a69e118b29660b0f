/**
 * The divide-and-conquer bidiagonal SVD against the QR iteration (bidiagonalSvd), with LAPACK's
 * residual tests, on the cases that exercise its special paths: sizes across the leaf size, graded
 * entries, clustered and repeated values (deflation), zeros in d and e, extreme scaling.
 */
import { describe, expect, it } from 'vitest';
import { bidiagonalDivideConquer, LEAF_SIZE } from './bidiagonalDivideConquer';
import { bidiagonalize } from './bidiagonalize';
import { bidiagonalSvd } from './bidiagonalQr';
import { mergePermutation } from './deflation';
import {
  createRandom, identity, LinalgError, matrix, matrixWithSpectrum, randomMatrix, svd, transpose, type Matrix,
} from '../index';
import { orthogonalityResidual, reconstructionResidual } from './residuals';
import { powerOfTwo } from '../dense/scalar';
import { secularRoot } from './secularEquation';

interface Bidiag {
  d: Float64Array;
  e: Float64Array;
}

function dense({ d, e }: Bidiag): Matrix {
  const n = d.length;
  const b = matrix(n, n);
  for (let i = 0; i < n; i++) b.data[i * n + i] = d[i];
  for (let i = 0; i < n - 1; i++) b.data[i * n + i + 1] = e[i];
  return b;
}

/** Singular values by the QR iteration, computed at unit scale (exact power-of-two scaling). */
function reference({ d, e }: Bidiag): Float64Array {
  let big = 0;
  for (const x of [...d, ...e]) big = Math.max(big, Math.abs(x));
  if (big === 0) return new Float64Array(d.length);
  const k = Math.ceil(Math.log2(big));
  const f = powerOfTwo(-k);
  const ds = d.map((x) => x * f);
  const es = e.map((x) => x * f);
  bidiagonalSvd(ds, es, { vt: null, widthV: 0, ut: null, widthU: 0 });
  return ds.map((x) => x * powerOfTwo(k));
}

/** Values within 1e-13 s_1 of the QR iteration's, LAPACK's residual tests below 30. */
function expectAccurate(b: Bidiag): void {
  const n = b.d.length;
  const s = b.d.slice();
  const { ut, vt } = bidiagonalDivideConquer(s, b.e.slice());
  const ref = reference(b);
  for (let i = 0; i < n; i++) {
    expect(Math.abs(s[i] - ref[i])).toBeLessThanOrEqual(1e-13 * ref[0]);
    expect(s[i]).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
  }
  const u = transpose(matrix(n, n, ut));
  const v = transpose(matrix(n, n, vt));
  expect(orthogonalityResidual(u)).toBeLessThan(30);
  expect(orthogonalityResidual(v)).toBeLessThan(30);
  expect(reconstructionResidual(dense(b), { rows: n, cols: n, u, s, v })).toBeLessThan(30);
}

function randomBidiagonal(n: number, seed: number, entry: (i: number, rng: ReturnType<typeof createRandom>) => number = (_, r) => r.normal()): Bidiag {
  const rng = createRandom(seed);
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) d[i] = entry(i, rng);
  for (let i = 0; i < n - 1; i++) e[i] = entry(i, rng);
  return { d, e };
}

/** The bidiagonal that Golub-Kahan makes of a matrix: the realistic input. */
function bidiagonalOf(a: Matrix): Bidiag {
  const b = bidiagonalize(a.data.slice(), a.rows, a.cols);
  return { d: b.d, e: b.e };
}

describe('bidiagonalDivideConquer', () => {
  it(`random bidiagonals of sizes 1..300, across the leaf size ${LEAF_SIZE}`, () => {
    for (const n of [1, 2, 3, 5, 13, 24, 25, 26, 27, 40, 50, 51, 52, 53, 64, 77, 100, 101, 128, 150, 201, 256, 300]) {
      expectAccurate(randomBidiagonal(n, n));
    }
  });

  it('the bidiagonals of Gaussian matrices (little deflation)', () => {
    for (const n of [60, 130, 300]) expectAccurate(bidiagonalOf(randomMatrix(n, n, createRandom(n + 1))));
    expectAccurate(bidiagonalOf(randomMatrix(250, 170, createRandom(3))));
  });

  it('graded diagonals, growing and decaying', () => {
    for (const n of [30, 90, 200]) {
      expectAccurate(randomBidiagonal(n, 10 + n, (i, r) => r.normal() * 10 ** (-14 * i / n)));
      expectAccurate(randomBidiagonal(n, 20 + n, (i, r) => r.normal() * 10 ** (-14 * (n - i) / n)));
      expectAccurate(randomBidiagonal(n, 30 + n, (i) => 2 ** -i));
    }
  });

  it('clustered singular values (deflation of close poles)', () => {
    for (const n of [40, 120, 260]) {
      const rng = createRandom(n);
      const d = new Float64Array(n).fill(1);
      const e = new Float64Array(n - 1).map(() => 1e-9 * rng.normal());
      expectAccurate({ d, e });
      // Constant Toeplitz: values 2 cos(k pi / (2n + 1)), dense near 0 and 2.
      expectAccurate({ d: new Float64Array(n).fill(1), e: new Float64Array(n - 1).fill(1) });
      expectAccurate({ d: new Float64Array(n).map((_, i) => 1 + 1e-15 * i), e: new Float64Array(n - 1).map((_, i) => 1e-13 * (i % 3)) });
    }
  });

  it('repeated singular values (deflation of equal poles and tiny z)', () => {
    const rng = createRandom(77);
    for (const n of [64, 150]) {
      expectAccurate(bidiagonalOf(matrixWithSpectrum(n, n, Array.from({ length: n }, (_, i) => (i < n / 2 ? 2 : 1)), rng)));
      expectAccurate(bidiagonalOf(matrixWithSpectrum(n, n, Array.from({ length: n }, (_, i) => 1 + Math.floor(i / 10)), rng)));
      expectAccurate(bidiagonalOf(matrixWithSpectrum(n, n, Array.from({ length: n }, (_, i) => (i < n / 3 ? 1 : 0)), rng)));
    }
    // The identity: every superdiagonal is zero, every subproblem 1 x 1.
    expectAccurate({ d: new Float64Array(100).fill(1), e: new Float64Array(99) });
  });

  it('zeros in d and in e', () => {
    for (const n of [33, 100, 240]) {
      expectAccurate(randomBidiagonal(n, n, (i, r) => (i % 7 === 3 ? 0 : r.normal())));
      const b = randomBidiagonal(n, 2 * n);
      for (let i = 5; i < n - 1; i += 11) b.e[i] = 0;
      expectAccurate(b);
      for (let i = 0; i < n; i += 4) b.d[i] = 0;
      expectAccurate(b);
      b.e[n - 2] = 0; // the last row splits off as a 1 x 1 block
      b.d[n - 1] = -3;
      expectAccurate(b);
    }
  });

  it('entries near 1e-300 and 1e300', () => {
    for (const n of [10, 60, 200]) {
      for (const f of [1e-300, 1e300, 1e-305]) expectAccurate(randomBidiagonal(n, n, (_, r) => r.normal() * f));
    }
  });

  it('the zero matrix: zero values, identity factors', () => {
    for (const n of [1, 30, 100]) {
      const d = new Float64Array(n);
      const { ut, vt } = bidiagonalDivideConquer(d, new Float64Array(Math.max(n - 1, 0)));
      expect(Array.from(d)).toEqual(new Array(n).fill(0));
      expect(ut).toEqual(identity(n).data);
      expect(vt).toEqual(identity(n).data);
    }
  });

  it('a 1 x 1 negative value: |d| with a sign in one factor', () => {
    const d = new Float64Array([-2]);
    const { ut, vt } = bidiagonalDivideConquer(d, new Float64Array(0));
    expect(d[0]).toBe(2);
    expect(ut[0] * d[0] * vt[0]).toBe(-2);
  });

  it('stops when cancelled', () => {
    const b = randomBidiagonal(100, 1);
    expect(() => bidiagonalDivideConquer(b.d, b.e, { shouldCancel: () => true })).toThrow('svd: cancelled');
  });
});

describe('secularRoot', () => {
  /** Random problems with d_0 = 0 and unit z, as the merge produces them. */
  function problem(n: number, seed: number, gap: () => number) {
    const rng = createRandom(seed);
    const d = new Float64Array(n);
    for (let i = 1; i < n; i++) d[i] = d[i - 1] + gap();
    const z = new Float64Array(n).map(() => rng.normal());
    const norm = Math.hypot(...z);
    return { d, z: z.map((x) => x / norm), rho: 0.1 + 3 * rng.uniform() };
  }

  it('finds one root per interval, with small residual and accurate differences', () => {
    const rng = createRandom(5);
    for (const [n, gap] of [[2, 0.5], [3, 0.1], [40, 0.05], [40, 1e-9], [200, 1e-3]] as const) {
      const { d, z, rho } = problem(n, n, () => gap * (0.01 + rng.uniform()));
      const delta = new Float64Array(n);
      const work = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const sigma = secularRoot(n, i, d, z, rho, delta, work);
        expect(sigma).toBeGreaterThan(d[i]);
        expect(sigma).toBeLessThan(i < n - 1 ? d[i + 1] : Math.sqrt(d[n - 1] ** 2 + rho) * (1 + 1e-15));
        let f = 1 / rho;
        let size = 1 / rho;
        for (let j = 0; j < n; j++) {
          const t = (z[j] * z[j]) / (delta[j] * work[j]);
          f += t;
          size += Math.abs(t);
          expect(Math.abs(delta[j] - (d[j] - sigma))).toBeLessThanOrEqual(1e-15 * Math.max(d[j], sigma));
        }
        expect(Math.abs(f)).toBeLessThan(1e-13 * size);
      }
    }
  });

  it('handles a tiny pole with a tiny weight (the geometric-mean bisection)', () => {
    const d = new Float64Array([0, 1e-20, 1, 2, 3]);
    const z = new Float64Array([0.6, 1e-10, 0.5, 0.4, 0.48]);
    const norm = Math.hypot(...z);
    const zn = z.map((x) => x / norm);
    const delta = new Float64Array(5);
    const work = new Float64Array(5);
    const sigma = secularRoot(5, 1, d, zn, 1.5, delta, work);
    expect(sigma).toBeGreaterThan(1e-20);
    expect(sigma).toBeLessThan(1);
  });

  it('throws a LinalgError naming the count when its iteration cap is hit', () => {
    const { d, z, rho } = problem(30, 3, () => 0.1);
    const run = () => secularRoot(30, 12, d, z, rho, new Float64Array(30), new Float64Array(30), 1);
    expect(run).toThrow(LinalgError);
    expect(run).toThrow('svd: secular equation solver hit its cap of 1 iterations (root 12 of 30)');
  });
});

describe('mergePermutation', () => {
  it('merges an ascending and a descending run', () => {
    const out = new Int32Array(5);
    mergePermutation(2, 3, new Float64Array([1, 4, 5, 3, 2]), 0, 1, -1, out, 0);
    expect(Array.from(out)).toEqual([0, 4, 3, 1, 2]);
  });
});

describe('svd through divide and conquer (72 columns and more)', () => {
  const rng = createRandom(2027);
  const cases: { name: string; a: Matrix }[] = [];
  for (const [m, n] of [[96, 96], [120, 100], [170, 80], [80, 170]] as const) {
    const p = Math.min(m, n);
    cases.push({ name: `zero ${m}x${n}`, a: matrix(m, n) });
    cases.push({ name: `identity ${m}x${n}`, a: identity(m, n) });
    cases.push({ name: `geometric 1e15 ${m}x${n}`, a: matrixWithSpectrum(m, n, Array.from({ length: p }, (_, i) => 1e-15 ** (i / (p - 1))), rng) });
    cases.push({ name: `repeated ${m}x${n}`, a: matrixWithSpectrum(m, n, Array.from({ length: p }, (_, i) => (i < p / 2 ? 2 : 1)), rng) });
    cases.push({ name: `rank-deficient ${m}x${n}`, a: matrixWithSpectrum(m, n, Array.from({ length: p }, (_, i) => (i < p / 3 ? 1 / (1 + i) : 0)), rng) });
    const big = randomMatrix(m, n, rng);
    big.data.forEach((x, i) => (big.data[i] = x * 1e300));
    cases.push({ name: `near overflow ${m}x${n}`, a: big });
    const graded = randomMatrix(m, n, rng);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) graded.data[i * n + j] *= 10 ** (-12 * i / m);
    cases.push({ name: `graded rows ${m}x${n}`, a: graded });
  }
  it('gives the same singular vectors as one-sided Jacobi (up to sign, for separated values)', () => {
    for (const [m, n] of [[120, 90], [90, 120], [200, 100]] as const) {
      const p = Math.min(m, n);
      const sig = Array.from({ length: p }, (_, i) => 10 ** (-3 * i / (p - 1)));
      const a = matrixWithSpectrum(m, n, sig, createRandom(m + n));
      const f = svd(a);
      const g = svd(a, { method: 'jacobi' });
      for (let j = 0; j < p; j++) {
        const gap = Math.min(j > 0 ? sig[j - 1] - sig[j] : Infinity, j < p - 1 ? sig[j] - sig[j + 1] : Infinity);
        const tol = 1e-12 / gap;
        // Both results follow the canonical sign rule, so the vectors agree without a sign flip.
        for (let i = 0; i < m; i++) expect(Math.abs(f.u.data[i * p + j] - g.u.data[i * p + j])).toBeLessThan(tol);
        for (let i = 0; i < n; i++) expect(Math.abs(f.v.data[i * p + j] - g.v.data[i * p + j])).toBeLessThan(tol);
      }
    }
  });

  it('stops when cancelled at any of its late checks (merges, reflector applications)', () => {
    const a = randomMatrix(130, 100, createRandom(8));
    let checks = 0;
    const stages = new Set<string>();
    svd(a, { shouldCancel: () => (checks++, false), onProgress: (_, stage) => stages.add(stage) });
    expect(stages).toContain('divide and conquer');
    expect(stages).toContain('singular vectors');
    for (const last of [1, 2, 3]) {
      let seen = 0;
      expect(() => svd(a, { shouldCancel: () => ++seen > checks - last })).toThrow('svd: cancelled');
    }
  });

  for (const { name, a } of cases) {
    it(`${name}: scaled residuals < 30, values as without vectors`, () => {
      const f = svd(a);
      expect(reconstructionResidual(a, f)).toBeLessThan(30);
      expect(orthogonalityResidual(f.u)).toBeLessThan(30);
      expect(orthogonalityResidual(f.v)).toBeLessThan(30);
      const s = svd(a, { vectors: false }).s;
      for (let i = 0; i < s.length; i++) expect(Math.abs(f.s[i] - s[i])).toBeLessThanOrEqual(1e-13 * s[0]);
    });
  }
});
