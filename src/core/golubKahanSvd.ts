/**
 * The Golub-Kahan SVD path for a tall m x n matrix (m >= n): QR first when m is well above n
 * (Chan's R-SVD: the bidiagonalisation then works on the small n x n R), Householder
 * bidiagonalisation, explicit orthogonal factors, and the bidiagonal QR iteration.
 */
import { bidiagonalize, formPTransposed, formQTransposed } from './bidiagonalize';
import { bidiagonalSvd } from './bidiagonalQr';
import { columnReflectors, formFromReflectors } from './blockReflectors';
import { transposeInto } from './matrix';
import type { ProgressOptions } from './progress';
import { extractR, householderQrInPlace } from './qr';

/** m / n above which the QR factorisation is done first (LAPACK's dgesvd uses about 1.6). */
export const QR_FIRST_RATIO = 1.6;

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
  // U = Q [U_R; 0]: apply the QR reflectors to U_R padded with zero rows.
  const u = new Float64Array(m * n);
  u.set(core.u);
  formFromReflectors(columnReflectors(f.a, m, n, n), f.tau, m, n, 0, n, u);
  return { s: core.s, u, v: core.v };
}

function bidiagonalPath(a: Float64Array, m: number, n: number, vectors: boolean, options: ProgressOptions): TallSvd {
  const b = bidiagonalize(a, m, n, options);
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
