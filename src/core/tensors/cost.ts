/**
 * Floating-point operations of decomposing one tensor of `shape` the way the tensor workspace does
 * (TT-SVD, Tucker by HOSVD, CP by ALS with up to `cpIterations` sweeps), an upper bound so the page
 * can refuse to start what would take minutes. Each SVD of an a x b unfolding goes through its Gram
 * matrix (gramSvd.ts): about 2 min(a, b)^2 max(a, b) flops. HOSVD takes one per mode; TT-SVD's first
 * is the mode-1 unfolding's, and its later ones are of smaller matrices (ranks at most the bounds),
 * bounded here by the same count again; CP's sweeps are d MTTKRPs of 2 N R each.
 *
 * @example
 * tensorJobFlops([8, 8, 12], 4, 100); // about 1.9e6
 */
export function tensorJobFlops(shape: readonly number[], cpRank: number, cpIterations: number): number {
  const total = shape.reduce((a, b) => a * b, 1);
  const gramSvd = (a: number, b: number) => 2 * Math.min(a, b) ** 2 * Math.max(a, b);
  let hosvd = 0;
  for (const n of shape) hosvd += gramSvd(n, total / n);
  const tt = 2 * gramSvd(shape[0], total / shape[0]);
  const cp = cpIterations * shape.length * 2 * total * cpRank;
  return hosvd + tt + cp;
}
