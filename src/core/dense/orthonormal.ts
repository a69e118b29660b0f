/**
 * Completing a set of orthonormal columns to a larger orthonormal set. Needed wherever a basis must
 * have full size although the data did not determine it: the U columns of zero singular values,
 * and the left null space of a rank-deficient matrix.
 */

/**
 * Fills columns [r, p) of the m x p row-major `q` (whose first r columns are orthonormal) with unit
 * vectors orthogonal to all previous columns. Candidates are the standard basis vectors e_0, e_1, ...
 * orthogonalised twice by modified Gram-Schmidt ("twice is enough", Kahan/Parlett); a candidate is
 * kept only if at least half of it survives, so the result is orthonormal to working precision.
 *
 * @example
 * const q = new Float64Array([1, 0, 0, 0]); // 2 x 2, column 0 = e_0, column 1 empty
 * completeOrthonormalColumns(q, 2, 2, 1);   // column 1 becomes e_1
 */
export function completeOrthonormalColumns(q: Float64Array, m: number, p: number, r: number): void {
  const x = new Float64Array(m);
  let candidate = 0;
  for (let col = r; col < p; col++) {
    for (; candidate < m; candidate++) {
      x.fill(0);
      x[candidate] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < col; j++) {
          let dot = 0;
          for (let i = 0; i < m; i++) dot += q[i * p + j] * x[i];
          for (let i = 0; i < m; i++) x[i] -= dot * q[i * p + j];
        }
      }
      let norm = 0;
      for (let i = 0; i < m; i++) norm += x[i] * x[i];
      norm = Math.sqrt(norm);
      if (norm > 0.5) {
        for (let i = 0; i < m; i++) q[i * p + col] = x[i] / norm;
        candidate++;
        break;
      }
    }
  }
}
