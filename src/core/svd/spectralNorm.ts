/** The spectral norm: the one matrix norm that needs an SVD. */
import type { Matrix } from '../dense/matrix';
import { svd } from './svd';

/**
 * The spectral norm ||A||_2 = sigma_1, from an SVD without vectors.
 *
 * @example
 * spectralNorm(fromArrays([[3, 0], [4, 5]])); // 3 sqrt 5 = 6.7082039...
 */
export function spectralNorm(a: Matrix): number {
  return svd(a, { vectors: false }).s[0];
}
