/**
 * Which SVD the 'svd' job computes, and the rule for when the randomized one applies. It imports
 * nothing, so the page can share the rule with the worker without bundling the worker's job.
 */
/** How the SVD is computed: all p = min(m, n) triplets exactly, or the top k by the randomized SVD. */
export type SvdMethod =
  | { kind: 'exact' }
  | { kind: 'randomized'; k: number; oversample: number; powerIterations: number; seed: number };

export const EXACT: SvdMethod = { kind: 'exact' };

/** Smaller matrices always get the exact SVD (well under a second); the page offers the randomized one from here. */
export const RANDOMIZED_MIN_ENTRIES = 10_000;

/** The method that runs for an m x n matrix: the randomized one only when it is big enough and k < min(m, n). */
export function methodFor(method: SvdMethod, rows: number, cols: number): SvdMethod {
  const useful = method.kind === 'randomized' && rows * cols >= RANDOMIZED_MIN_ENTRIES && method.k < Math.min(rows, cols);
  return useful ? method : EXACT;
}
