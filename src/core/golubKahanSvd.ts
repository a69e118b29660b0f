/**
 * Placeholder while the Golub-Kahan path is written: delegates to Jacobi.
 */
import { jacobiSvd, type JacobiResult } from './jacobiSvd';
import type { ProgressOptions } from './progress';

export function golubKahanSvd(w: Float64Array, m: number, n: number, vectors: boolean, options: ProgressOptions = {}): JacobiResult {
  return jacobiSvd(w, m, n, vectors, options);
}
