/**
 * Cyclic two-sided Jacobi on a small symmetric positive semi-definite matrix H = B B^T whose rows of
 * B are nearly orthogonal, with a relative stopping test: the refinement stage of gramSvd.ts.
 *
 * Why on H and not one-sided on B: H = D (I + E) D with D the row norms and E the (small) cosines
 * between rows, and every computed entry h_ij carries an error of at most about L eps |b_i| |b_j|,
 * i.e. a small *relative* perturbation of I + E. Jacobi with the test |h_pq| <= tol sqrt(h_pp h_qq)
 * is relatively accurate on such matrices (Demmel & Veselic 1992): the eigenvalues come out with
 * relative accuracy, small ones included, exactly what one-sided Jacobi on the rows of B would
 * give, while each sweep costs p^3 instead of p^2 L. The accumulated rotation J is then applied
 * to B once (B' = J^T B, one GEMM). On the 90 x 20480 first unfolding of the video tensor this
 * took the refinement from about 450 ms (one-sided sweeps over rows of 20480) to about 40 ms.
 */

/** Sweeps allowed; the matrices arriving here are nearly diagonal, so 3 to 6 are typical. */
export const SCALED_JACOBI_MAX_SWEEPS = 30;

/**
 * Diagonalises the p x p symmetric `h` (full storage, row-major) in place and writes the
 * accumulated rotation's transpose into `jt` (rows of jt are the eigenvectors): J^T H J = diag.
 * A pair counts as converged when |h_pq| <= tol sqrt(h_pp h_qq). Returns the number of sweeps; if
 * the cap is reached the rotation so far is kept (it is orthogonal either way: only the last
 * digits of the smallest values are at stake).
 *
 * @example
 * const h = new Float64Array([4, 1e-9, 1e-9, 1e-12]), jt = new Float64Array(4);
 * scaledJacobi(h, jt, 2, 1e-15); // h diagonal: 4 and about 7.5e-13, both to relative accuracy
 */
export function scaledJacobi(h: Float64Array, jt: Float64Array, p: number, tol: number): number {
  jt.fill(0, 0, p * p);
  for (let i = 0; i < p; i++) jt[i * p + i] = 1;
  for (let sweep = 0; sweep < SCALED_JACOBI_MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let a = 0; a < p - 1; a++) {
      for (let b = a + 1; b < p; b++) {
        const hab = h[a * p + b];
        const haa = h[a * p + a];
        const hbb = h[b * p + b];
        if (hab === 0 || !(Math.abs(hab) > tol * Math.sqrt(Math.abs(haa * hbb)))) continue;
        rotated = true;
        // Rutishauser's formulas (Golub-Van Loan 8.5.2): the smaller rotation, t = tan(theta).
        const zeta = (hbb - haa) / (2 * hab);
        const az = Math.abs(zeta);
        const t = (zeta >= 0 ? 1 : -1) / (az > 1e150 ? 2 * az : az + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        const th = t * hab;
        h[a * p + a] = haa - th;
        h[b * p + b] = hbb + th;
        h[a * p + b] = 0;
        h[b * p + a] = 0;
        for (let k = 0; k < p; k++) {
          if (k !== a && k !== b) {
            const hka = h[k * p + a];
            const hkb = h[k * p + b];
            const na = c * hka - s * hkb;
            const nb = s * hka + c * hkb;
            h[k * p + a] = na;
            h[a * p + k] = na;
            h[k * p + b] = nb;
            h[b * p + k] = nb;
          }
          const ja = jt[a * p + k];
          const jb = jt[b * p + k];
          jt[a * p + k] = c * ja - s * jb;
          jt[b * p + k] = s * ja + c * jb;
        }
      }
    }
    if (!rotated) return sweep + 1;
  }
  return SCALED_JACOBI_MAX_SWEEPS;
}
