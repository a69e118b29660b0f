/**
 * Cumulative energy of a spectrum: E[k] = sum_{i<=k} σ_i² / sum_i σ_i², for k = 0..p. For the top
 * values alone (a randomized SVD), pass the total ‖A‖_F² = sum of all σ_i²: the curve then ends
 * below 1, at the share the computed values hold.
 *
 * The squares are taken after dividing by the largest |σ|, so spectra near the overflow limit
 * (σ ~ 1e200, σ² = Infinity) still give proper fractions. Non-finite values count as zero.
 * Returns a Float64Array of length p + 1 with E[0] = 0, or all zeros when the total is zero.
 * @example cumulativeEnergy([3, 4]) // Float64Array [0, 0.36, 1]
 */
export function cumulativeEnergy(values: ArrayLike<number>, totalSquared?: number): Float64Array {
  const p = values.length;
  const energy = new Float64Array(p + 1);
  let largest = 0;
  for (let i = 0; i < p; i++) {
    const v = Math.abs(values[i]);
    if (Number.isFinite(v) && v > largest) largest = v;
  }
  if (largest === 0) return energy;
  let sum = 0;
  for (let i = 0; i < p; i++) {
    const v = values[i] / largest;
    sum += Number.isFinite(v) ? v * v : 0;
    energy[i + 1] = sum;
  }
  const total = totalSquared !== undefined && Number.isFinite(totalSquared) ? Math.max(sum, totalSquared / largest / largest) : sum;
  for (let k = 1; k <= p; k++) energy[k] /= total;
  return energy;
}
