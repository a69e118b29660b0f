/**
 * The Golub-Kahan SVD path for a tall m x n matrix (m >= n): QR first when m is well above n
 * (Chan's R-SVD: the bidiagonalisation then works on the small n x n R), Householder
 * bidiagonalisation, then the SVD of the bidiagonal B = U_B S V_B^T: for small n by the QR
 * iteration applied to explicit Q^T and P^T, for larger n by divide and conquer followed by
 * U = Q U_B and V = P V_B, both by applying the stored reflectors (GEMM-bound, compact WY).
 */
import { bidiagonalDivideConquer, type BidiagonalFactors } from './bidiagonalDivideConquer';
import { bidiagonalize, formPTransposed, formQTransposed, type Bidiagonal } from './bidiagonalize';
import { bidiagonalSvd } from './bidiagonalQr';
import { columnReflectors, columnReflectorsInPlace, formFromReflectors, rowReflectors } from '../dense/blockReflectors';
import { transposeInto } from '../dense/matrix';
import { checkCancel, type ProgressOptions } from '../progress';
import { extractR, householderQrInPlace } from '../dense/qr';

/** m / n above which the QR factorisation is done first (LAPACK's dgesvd uses about 1.6). */
export const QR_FIRST_RATIO = 1.6;

/**
 * From this many columns on, singular vectors come from divide and conquer. Measured on Gaussian
 * matrices, whole SVD, QR iteration : divide and conquer, fastest of 40 interleaved rounds (the
 * machine's noise is +-30% between runs), three seeds: 56 x 56 1.00-1.02; 64 x 64 0.87-0.90;
 * 72 x 72 0.94-1.04; 80 x 80 1.03-1.04; 96 x 96 1.15; 128 x 128 1.24; 96 x 64 1.05-1.07. Below,
 * the QR iteration's rotations on small matrices are cheaper than the merges' set-up and the
 * reflector applications. (Before Q^T and P^T were formed row-wise, transposedFactor.ts, the two
 * broke even at 64.)
 */
export const DIVIDE_CONQUER_MIN_COLUMNS = 72;

/** Singular values (descending) with U (m x n) and V (n x n) row-major, or null without vectors. */
export interface TallSvd {
  s: Float64Array;
  u: Float64Array | null;
  v: Float64Array | null;
}

/**
 * SVD of the tall m x n row-major `a` (m >= n; overwritten).
 *
 * @example
 * golubKahanSvd(new Float64Array([3, 0, 4, 5]), 2, 2, true).s; // [6.7082..., 2.2360...]
 */
export function golubKahanSvd(a: Float64Array, m: number, n: number, vectors: boolean, options: ProgressOptions = {}): TallSvd {
  if (m < QR_FIRST_RATIO * n) return bidiagonalPath(a, m, n, vectors, options);
  const f = householderQrInPlace(a, m, n, options);
  const r = extractR(f, n);
  const core = bidiagonalPath(r, n, n, vectors, options);
  if (!vectors || !core.u) return core;
  // U = Q [U_R; 0]: apply the QR reflectors to U_R padded with zero rows. R has been copied out,
  // so the reflectors are made explicit in place (unit diagonal, zeros above) instead of in a
  // copy: at 50257 x 768 that copy was another 309 MB at the SVD's peak.
  const u = new Float64Array(m * n);
  u.set(core.u);
  formFromReflectors(columnReflectorsInPlace(f.a, m, n), f.tau, m, n, 0, n, u);
  return { s: core.s, u, v: core.v };
}

function bidiagonalPath(a: Float64Array, m: number, n: number, vectors: boolean, options: ProgressOptions): TallSvd {
  const b = bidiagonalize(a, m, n, options);
  if (vectors && n >= DIVIDE_CONQUER_MIN_COLUMNS) return divideAndConquer(b, options);
  const ut = vectors ? formQTransposed(b) : null;
  const vt = vectors ? formPTransposed(b) : null;
  bidiagonalSvd(b.d, b.e, { vt, widthV: n, ut, widthU: m }, options);
  if (!ut || !vt) return { s: b.d, u: null, v: null };
  const u = new Float64Array(m * n);
  transposeInto(ut, n, m, u);
  const v = new Float64Array(n * n);
  transposeInto(vt, n, n, v);
  return { s: b.d, u, v };
}

/**
 * B = U_B S V_B^T by divide and conquer, then U = Q [U_B; 0] and V = P V_B by applying the stored
 * reflectors in compact-WY blocks. That costs 4 m n^2 - 2 n^3 flops for U against 4/3 n^3 + 2 m n^2
 * for forming Q and multiplying, and measured faster too (1024 x 1024: 0.8 s against 1.4 s).
 */
function divideAndConquer(b: Bidiagonal, options: ProgressOptions): TallSvd {
  const { m, n, a } = b;
  const factors: Partial<BidiagonalFactors> = bidiagonalDivideConquer(b.d, b.e, options);
  const u = reflect(factors.ut!, m, n, columnReflectors(a, m, n, n), b.tauQ, n, 0, 0.8, options);
  // U_B is no longer needed: dropping it before V is formed lowers the peak by n^2 entries
  // (measured: 6 to 5 times the matrix at 1024 x 1024, see svdCost.ts).
  delete factors.ut;
  const v = reflect(factors.vt!, n, n, rowReflectors(a, n), b.tauP, n - 1, 1, 0.9, options);
  return { s: b.d, u, v };
}

/** H_0 ... H_{count-1} [X; 0] (rows x n) for X = xt^T, xt n x n: a factor of B taken back to A's side. */
function reflect(
  xt: Float64Array, rows: number, n: number, reflectors: Float64Array, tau: Float64Array, count: number, shift: number,
  fraction: number, options: ProgressOptions,
): Float64Array {
  checkCancel('svd', options);
  options.onProgress?.(fraction, 'singular vectors');
  const x = new Float64Array(rows * n);
  transposeInto(xt, n, n, x);
  return formFromReflectors(reflectors, tau, rows, count, shift, n, x);
}
