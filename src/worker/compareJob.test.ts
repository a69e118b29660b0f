/**
 * The compare job against scipy: explicit A, B and A's basis from src/worker/__fixtures__/compare_angles.json
 * (written by scripts/fixtures/make_compare_fixtures.py), B handed to the job as an opened .npy file,
 * and the job's principal angles compared to scipy.linalg.subspace_angles. The noise path (B drawn
 * in the job with the app's generator) is checked for its noise norm and its limits.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core';
import { writeNpy } from '../io/npy-write';
import { runCompareJob, type CompareJobInput } from './compareJob';
import { runOpenFileJob } from './fileJobs';
import { QUIET_CONTEXT } from './protocol';
import fixture from './__fixtures__/compare_angles.json';

const context = QUIET_CONTEXT;

type Side = 'row' | 'column';
type Case = (typeof fixture.cases)[number];

const matrixOf = (rows: number, cols: number, data: number[]) => ({ rows, cols, data: Float64Array.from(data) });
/** A's top-k basis on a side, from numpy's SVD: n x k for the row space, m x k for the column space. */
const basisOf = (c: Case, side: Side) => matrixOf(side === 'row' ? c.cols : c.rows, c.k, c.sides[side].basisA);

/**
 * Angles from the SVD of Q_A^T Q_B (cosines) and of the residual (sines), as scipy does, are
 * accurate to about eps relative to 1, and B's singular subspace to eps * ||B|| / gap (gap >= 0.14
 * here): so 1e-10 relative, with 1e-14 absolute for angles that are zero up to rounding (two planes
 * in R^3 always share a line).
 */
function expectAngles(actual: Float64Array, expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((theta, i) => expect(Math.abs(actual[i] - theta)).toBeLessThanOrEqual(1e-10 * theta + 1e-14));
}

let nextId = 700;
async function openAsFile(b: { rows: number; cols: number; data: Float64Array }): Promise<{ fileId: number; entry: string; slice: number[] }> {
  const fileId = nextId++;
  const bytes = writeNpy({ shape: [b.rows, b.cols], data: b.data }, 'float64');
  await runOpenFileJob({ fileId, name: 'b.npy', file: new Blob([bytes as Uint8Array<ArrayBuffer>]) }, context);
  return { fileId, entry: 'b', slice: [] };
}

describe('compare subspaces job, against scipy.linalg.subspace_angles', () => {
  it.each(fixture.cases.flatMap((c) => (['row', 'column'] as const).map((side) => [c.name, side, c] as const)))(
    '%s: %s space',
    async (_name, side, c) => {
      const a = matrixOf(c.rows, c.cols, c.a);
      const ref = await openAsFile(matrixOf(c.rows, c.cols, c.b));
      const input: CompareJobInput = { a, aRevision: nextId++, basis: basisOf(c, side), side, second: { kind: 'file', ref } };
      const { output } = await runCompareJob(input, context);
      expectAngles(output.angles, c.sides[side].angles);
      expect(Math.abs(output.relativeDifference - c.relativeDifference)).toBeLessThanOrEqual(1e-13 * c.relativeDifference);
      expect(Math.abs(output.gap - c.gap)).toBeLessThanOrEqual(1e-13 * c.gap);
      expect(output.secondHash).toMatch(/^[0-9a-f]{64}$/);
      const dim = side === 'row' ? c.cols : c.rows;
      if (dim > 3) {
        expect(output.basisB).toBeNull();
        return;
      }
      // Small spaces get B's basis to draw: orthonormal columns spanning numpy's subspace (the
      // projectors Q Q^T agree whatever the signs).
      const q = output.basisB!;
      const ref2 = c.sides[side].basisB;
      expect(q).toHaveLength(dim * c.k);
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j < dim; j++) {
          let p = 0;
          let pRef = 0;
          for (let l = 0; l < c.k; l++) {
            p += q[i * c.k + l] * q[j * c.k + l];
            pRef += ref2[i * c.k + l] * ref2[j * c.k + l];
          }
          expect(Math.abs(p - pRef)).toBeLessThan(1e-13);
        }
      }
    },
  );

  it('measures a larger perturbation as larger angles, all at most pi / 2', () => {
    const [small, large] = fixture.cases.map((c) => c.sides.row.angles);
    expect(Math.max(...large)).toBeGreaterThan(10 * Math.max(...small));
    expect(Math.max(...large)).toBeLessThanOrEqual(Math.PI / 2);
  });
});

describe('compare subspaces job, with noise drawn in the job', () => {
  const c = fixture.cases[0];
  const setup = (level: number, seed: number, revision: number): CompareJobInput => ({
    a: matrixOf(c.rows, c.cols, c.a),
    aRevision: revision,
    basis: basisOf(c, 'row'),
    side: 'row',
    second: { kind: 'noise', level, seed },
  });

  it('finds zero angles when B equals A', async () => {
    const { output } = await runCompareJob(setup(0, 2, 1), context);
    expect(output.angles).toHaveLength(3);
    expect(Math.max(...output.angles)).toBeLessThan(1e-7);
    expect(output.relativeDifference).toBe(0);
  });

  it('adds noise N with ||N||_F = level ||A||_F sqrt(mean g^2) over its seeded normals g', async () => {
    // The job scales N (entries scale * g_i) so that ||N||_F^2 = level^2 ||A||_F^2 sum(g_i^2) / mn.
    const n = c.rows * c.cols;
    const rng = createRandom(2);
    let sumSquares = 0;
    for (let i = 0; i < n; i++) sumSquares += rng.normal() ** 2;
    const rms = Math.sqrt(sumSquares / n);
    // 600 standard normals: sqrt(mean g^2) is 1 within a few times 1 / sqrt(2 * 600) = 0.029.
    expect(Math.abs(rms - 1)).toBeLessThan(0.15);
    for (const [level, revision] of [[0.01, 2], [0.3, 3]]) {
      const { output } = await runCompareJob(setup(level, 2, revision), context);
      expect(Math.abs(output.relativeDifference - level * rms)).toBeLessThanOrEqual(1e-12 * level);
      expect(Math.max(...output.angles)).toBeGreaterThan(0);
      expect(Math.max(...output.angles)).toBeLessThanOrEqual(Math.PI / 2);
    }
  });

  it('refuses a noise level out of range', async () => {
    await expect(runCompareJob(setup(20, 2, 4), context)).rejects.toThrow(/noise level must be from 0 to 10/);
  });
});

describe('a second matrix whose exact SVD is over the time budget', () => {
  it('is compared through its top k + 1 by the randomized SVD: the planted subspace comes out at angles near 0', async () => {
    // A = X Yᵀ of rank 3 (4096 x 4096; its exact SVD would take minutes), with a known column space.
    const n = 4096;
    const k = 3;
    const rng = createRandom(5);
    const x = Float64Array.from({ length: n * k }, () => rng.normal());
    const y = Float64Array.from({ length: n * k }, () => rng.normal());
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) data[i * n + j] = x[i * k] * y[j * k] * 3 + x[i * k + 1] * y[j * k + 1] * 2 + x[i * k + 2] * y[j * k + 2];
    }
    // An orthonormal basis of span(X) by Gram-Schmidt: the subspace the comparison must find.
    const basis = new Float64Array(n * k);
    for (let c = 0; c < k; c++) {
      const v = Float64Array.from({ length: n }, (_, i) => x[i * k + c]);
      for (let d = 0; d < c; d++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += v[i] * basis[i * k + d];
        for (let i = 0; i < n; i++) v[i] -= dot * basis[i * k + d];
      }
      const norm = Math.hypot(...v);
      for (let i = 0; i < n; i++) basis[i * k + c] = v[i] / norm;
    }
    const input: CompareJobInput = { a: { rows: n, cols: n, data }, aRevision: 4096, basis: { rows: n, cols: k, data: basis }, side: 'column', second: { kind: 'noise', level: 0, seed: 1 } };
    const { output } = await runCompareJob(input, QUIET_CONTEXT);
    expect(Math.max(...output.angles)).toBeLessThan(1e-6);
    // sigma_4 of a rank-3 matrix is 0: the gap is sigma_3 itself.
    expect(output.gap).toBeGreaterThan(0);
    expect(output.relativeDifference).toBe(0);
  });
});
