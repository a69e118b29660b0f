/**
 * Householder reflectors H = I - tau v v^T (v_0 = 1), the building block of QR and
 * bidiagonalisation. Everything works on row-major arrays with an explicit leading dimension and
 * allocates nothing: callers pass the scratch vectors in.
 */
import { hypot } from './scalar';

/**
 * Turns x = a[off + i*stride], i < len, into beta e_0 by a reflector: overwrites x_0 with beta and
 * x_1.. with v_1.. (v_0 = 1 implicit) and returns tau (0 when x is already a multiple of e_0).
 * Like LAPACK's dlarfg; the norm is computed with scaling so tiny entries do not underflow.
 *
 * @example
 * const x = new Float64Array([3, 4]);
 * makeReflector(x, 0, 1, 2); // returns 1.6; x = [-5, 0.5]: H [3, 4] = [-5, 0]
 */
export function makeReflector(a: Float64Array, off: number, stride: number, len: number): number {
  if (len <= 1) return 0;
  const alpha = a[off];
  const xnorm = scaledNorm(a, off + stride, stride, len - 1);
  if (xnorm === 0) return 0;
  const beta = -(alpha >= 0 ? 1 : -1) * hypot(alpha, xnorm);
  const tau = (beta - alpha) / beta;
  const f = 1 / (alpha - beta);
  for (let i = 1; i < len; i++) a[off + i * stride] *= f;
  a[off] = beta;
  return tau;
}

/**
 * Euclidean norm of a strided vector, scaled by its largest entry so that neither squares of tiny
 * entries underflow nor squares of huge ones overflow.
 *
 * @example
 * scaledNorm(new Float64Array([3e-200, 4e-200]), 0, 1, 2); // 5e-200
 */
export function scaledNorm(a: Float64Array, off: number, stride: number, len: number): number {
  let scale = 0;
  for (let i = 0; i < len; i++) {
    const x = Math.abs(a[off + i * stride]);
    if (x > scale) scale = x;
  }
  if (scale === 0) return 0;
  let sum = 0;
  if (scale > 1e-150 && scale < 1e150) {
    for (let i = 0; i < len; i++) {
      const x = a[off + i * stride];
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
  for (let i = 0; i < len; i++) {
    const x = a[off + i * stride] / scale;
    sum += x * x;
  }
  return scale * Math.sqrt(sum);
}

/**
 * Applies H = I - tau v v^T from the left to the block a[r0:r0+len, c0:c1] (row-major, leading
 * dimension ld): w = v^T A, then A -= tau v w^T. Both passes run along contiguous rows.
 * `v` holds len entries from vOff with v[vOff] = 1; `w` is scratch of at least c1 - c0.
 *
 * @example
 * // Reflect the 2 x 1 block [3; 4] with the reflector of makeReflector's example:
 * applyReflectorLeft(a, 1, 0, 2, 0, 1, new Float64Array([1, 0.5]), 0, 1.6, w); // a = [-5, 0]
 */
export function applyReflectorLeft(
  a: Float64Array, ld: number, r0: number, len: number, c0: number, c1: number,
  v: Float64Array, vOff: number, tau: number, w: Float64Array,
): void {
  if (tau === 0 || c1 <= c0) return;
  const width = c1 - c0;
  w.fill(0, 0, width);
  for (let i = 0; i < len; i++) {
    const vi = v[vOff + i];
    if (vi === 0) continue;
    const row = (r0 + i) * ld + c0;
    for (let j = 0; j < width; j++) w[j] += vi * a[row + j];
  }
  for (let i = 0; i < len; i++) {
    const f = tau * v[vOff + i];
    if (f === 0) continue;
    const row = (r0 + i) * ld + c0;
    for (let j = 0; j < width; j++) a[row + j] -= f * w[j];
  }
}

/**
 * Applies H = I - tau v v^T from the right to the block a[r0:r1, c0:c0+len]: for each row x,
 * x -= tau (x . v) v^T. Rows are contiguous, so each row is one dot product and one axpy.
 *
 * @example
 * applyReflectorRight(a, 2, 0, 1, 0, 2, new Float64Array([1, 0.5]), 0, 1.6); // row [3, 4] -> [-5, 0]
 */
export function applyReflectorRight(
  a: Float64Array, ld: number, r0: number, r1: number, c0: number, len: number,
  v: Float64Array, vOff: number, tau: number,
): void {
  if (tau === 0) return;
  for (let i = r0; i < r1; i++) {
    const row = i * ld + c0;
    let dot = 0;
    for (let j = 0; j < len; j++) dot += a[row + j] * v[vOff + j];
    const f = tau * dot;
    if (f === 0) continue;
    for (let j = 0; j < len; j++) a[row + j] -= f * v[vOff + j];
  }
}
