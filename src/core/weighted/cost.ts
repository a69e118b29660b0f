/**
 * Floating-point operations of one iteration of each weighted method on an m x n matrix at rank k,
 * from their implementations (see each stepper's header), so the page can say what a race costs
 * before it starts:
 *
 * - EM: one warm-started block power step, three m x n x k products: 6 m n k.
 * - ALS: the m + n weighted k x k Gram matrices (2 m n k^2), their Cholesky factorisations
 *   ((m + n) k^3 / 3), the right-hand sides and the new product (6 m n k).
 * - GD: six m x n x k products (gradient, the line search's two, the new product): 12 m n k.
 *
 * Measured on the bench machine (GPT-2 W_Q, 768 x 768, k = 64): EM 47.8 ms per iteration at a
 * measured GEMM rate of 4.8 Gflop/s (6 m n k = 0.23 Gflop), ALS about 1.3 s (5.2 Gflop: its Gram
 * matrices run below the GEMM rate), so times are these counts over 0.8 of the device's GEMM rate
 * (59 ms and 1.35 s predicted).
 *
 * @example
 * weightedIterationFlops('em', 768, 768, 64); // 226,492,416
 */
export type WeightedMethodName = 'em' | 'als' | 'gd';

export function weightedIterationFlops(method: WeightedMethodName, m: number, n: number, k: number): number {
  if (method === 'em') return 6 * m * n * k;
  if (method === 'gd') return 12 * m * n * k;
  return 2 * m * n * k * k + ((m + n) * k * k * k) / 3 + 6 * m * n * k;
}

/** The share of the device's GEMM rate the weighted iterations sustain (ALS's Gram matrices: less). */
export const WEIGHTED_RATE_FRACTION = 0.8;
