/**
 * The scaled residuals LAPACK's SVD tests use (dbdt01/dort01 style): how far a computed SVD is from
 * reconstructing A and from orthonormal factors, in units of machine epsilon. Values below ~30 mean
 * "as accurate as the algorithm allows". Used by the tests and the benchmark.
 */
import { gemm } from '../dense/gemm';
import { scaledNorm } from '../dense/householder';
import type { Matrix } from '../dense/matrix';
import { EPS } from '../dense/scalar';
import type { SvdWithVectors } from './svdTypes';

/**
 * ||A - U S V^T||_F / (||A||_F max(m, n) eps), computed in a scaled copy so 1e300 entries are fine.
 *
 * @example
 * const a = fromArrays([[3, 0], [4, 5]]);
 * reconstructionResidual(a, svd(a)); // about 0.1
 */
export function reconstructionResidual(a: Matrix, f: SvdWithVectors): number {
  const { rows: m, cols: n } = a;
  const p = f.s.length;
  const norm = scaledNorm(a.data, 0, 1, a.data.length);
  if (norm === 0) return maxAbsOf(f.s) === 0 ? 0 : Infinity;
  const scale = 1 / norm;
  const us = new Float64Array(m * p);
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) us[i * p + j] = f.u.data[i * p + j] * (f.s[j] * scale);
  const diff = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) diff[i] = a.data[i] * scale;
  gemm(m, n, p, -1, { data: us, offset: 0, ld: p, trans: false }, { data: f.v.data, offset: 0, ld: p, trans: true }, 1, diff, 0, n);
  return scaledNorm(diff, 0, 1, diff.length) / (Math.max(m, n) * EPS);
}

/**
 * ||Q^T Q - I||_F / (p eps) for an m x p matrix Q with (supposedly) orthonormal columns.
 *
 * @example
 * orthogonalityResidual(identity(3)); // 0
 */
export function orthogonalityResidual(q: Matrix): number {
  const p = q.cols;
  const g = new Float64Array(p * p);
  gemm(p, p, q.rows, 1, { data: q.data, offset: 0, ld: p, trans: true }, { data: q.data, offset: 0, ld: p, trans: false }, 0, g, 0, p);
  for (let i = 0; i < p; i++) g[i * p + i] -= 1;
  return scaledNorm(g, 0, 1, g.length) / (p * EPS);
}

function maxAbsOf(x: Float64Array): number {
  let best = 0;
  for (let i = 0; i < x.length; i++) best = Math.max(best, Math.abs(x[i]));
  return best;
}
