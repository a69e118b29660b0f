/**
 * The SVD driver: checks the input, scales it by a power of two when its entries are near overflow
 * or underflow (as LAPACK's dgesvd does), works on the transpose of a wide matrix, picks the
 * algorithm by size, undoes the scaling and fixes canonical signs.
 */
import { assertMatrix } from '../errors';
import { jacobiSvd } from './jacobiSvd';
import { golubKahanSvd } from './golubKahanSvd';
import { transposeInto, type Matrix } from '../dense/matrix';
import { powerOfTwo } from '../dense/scalar';
import { canonicalizeSigns } from './signs';
import { structuredSvd } from './structure';
import type { SvdOptions, SvdResult, SvdWithVectors } from './svdTypes';

/** Above this many columns (of the tall orientation) the Golub-Kahan path is faster than Jacobi (measured: 16 columns 60 us vs 77 us, 32 columns 0.26 ms vs 0.5 ms). */
export const JACOBI_MAX_COLUMNS = 12;

/**
 * Thin SVD of any m x n matrix: A = U diag(s) V^T with s descending, U m x p, V n x p,
 * p = min(m, n). Signs follow the canonical rule of signs.ts (largest-magnitude entry of each u_i
 * positive). A zero matrix, and a rank-one matrix above 12 columns, are recognised in O(m n) and
 * factored without the general algorithm (structure.ts). Throws LinalgError for empty, NaN or infinite input, on cancellation, and when an
 * iteration cap is hit (the message gives the count).
 *
 * @example
 * const { u, s, v } = svd(fromArrays([[3, 0], [4, 5]]));
 * // s = [6.708203932499369, 2.23606797749979]  (3 sqrt 5, sqrt 5)
 * // u = [[0.3162, 0.9487], [0.9487, -0.3162]], v = [[0.7071, 0.7071], [0.7071, -0.7071]]
 */
export function svd(a: Matrix, options: SvdOptions & { vectors: false }): SvdResult;
export function svd(a: Matrix, options?: SvdOptions): SvdWithVectors;
export function svd(a: Matrix, options: SvdOptions = {}): SvdResult {
  assertMatrix('svd', a);
  const vectors = options.vectors ?? true;
  const { rows: m, cols: n } = a;
  const wide = m < n;
  const big = Math.max(m, n);
  const p = Math.min(m, n);

  // A zero matrix (any size) and, where Golub-Kahan would run, a rank-one matrix need no O(m n^2)
  // work (structure.ts). The zero matrix's factors are the identity's columns, as before and as numpy's.
  const structured = structuredSvd(a, { vectors, rankOne: p > JACOBI_MAX_COLUMNS });
  if (structured) {
    if (structured.u && structured.v) canonicalizeSigns(structured.u, structured.v);
    return structured;
  }

  const scaleExponent = chooseScaling(a.data);
  const method = options.method ?? 'auto';
  const useJacobi = method === 'jacobi' || (method === 'auto' && p <= JACOBI_MAX_COLUMNS);
  // Jacobi wants the transpose of the tall orientation (p x big, row r = column r of the tall
  // matrix, so rotations combine contiguous rows); Golub-Kahan wants the tall matrix itself.
  const w = new Float64Array(m * n);
  if (wide === useJacobi) w.set(a.data);
  else transposeInto(a.data, m, n, w);
  if (scaleExponent !== 0) {
    const f = powerOfTwo(-scaleExponent);
    for (let i = 0; i < w.length; i++) w[i] *= f;
  }
  options.onProgress?.(0, 'SVD');
  const core = useJacobi
    ? jacobiSvd(w, big, p, vectors, options)
    : golubKahanSvd(w, big, p, vectors, options);
  options.onProgress?.(1, 'SVD');

  const s = core.s;
  if (scaleExponent !== 0) {
    const f = powerOfTwo(scaleExponent);
    for (let i = 0; i < p; i++) s[i] *= f;
  }
  if (!vectors || !core.u || !core.v) return { rows: m, cols: n, u: null, s, v: null };
  // The core factored T = tall orientation = U_t S V_t^T; A = T (tall) or T^T = V_t S U_t^T (wide).
  const ut: Matrix = { rows: big, cols: p, data: core.u };
  const vt: Matrix = { rows: p, cols: p, data: core.v };
  const u = wide ? vt : ut;
  const v = wide ? ut : vt;
  canonicalizeSigns(u, v);
  return { rows: m, cols: n, u, s, v };
}

/**
 * The exponent e such that A / 2^e has entries of moderate size, or 0 when no scaling is needed.
 * Scaling by a power of two is exact, so it costs no accuracy.
 */
function chooseScaling(data: Float64Array): number {
  let maxAbs = 0;
  for (let i = 0; i < data.length; i++) {
    const x = Math.abs(data[i]);
    if (x > maxAbs) maxAbs = x;
  }
  if (maxAbs === 0 || (maxAbs > 2 ** -200 && maxAbs < 2 ** 200)) return 0;
  return Math.ceil(Math.log2(maxAbs));
}
