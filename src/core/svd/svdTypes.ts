/**
 * The types of SVD results and options, shared by the drivers and the functions that read results.
 */
import type { Matrix } from '../dense/matrix';
import type { ProgressOptions } from '../progress';

/**
 * A thin SVD A = U diag(s) V^T of an m x n matrix, p = min(m, n): `u` is m x p, `v` is n x p (both
 * with orthonormal columns, row-major), `s` descending and non-negative. `u` and `v` are null when
 * vectors were not requested.
 */
export interface SvdResult {
  rows: number;
  cols: number;
  u: Matrix | null;
  s: Float64Array;
  v: Matrix | null;
}

/** An SVD with its singular vectors present. */
export interface SvdWithVectors extends SvdResult {
  u: Matrix;
  v: Matrix;
}

/** Options of {@link svd}. */
export interface SvdOptions extends ProgressOptions {
  /** Compute U and V (default true). Without them the result's u and v are null. */
  vectors?: boolean;
  /**
   * Force an algorithm (for tests and comparisons): 'jacobi' (one-sided Jacobi) or 'golub-kahan'
   * (QR-first when tall, bidiagonalisation, bidiagonal QR iteration). Default 'auto': Jacobi up to
   * 12 columns, Golub-Kahan above.
   */
  method?: 'auto' | 'jacobi' | 'golub-kahan';
}
