/**
 * The second half of a merge in the divide-and-conquer bidiagonal SVD (LAPACK's dlasd3): the roots
 * of the secular equation, a recomputed z (Gu & Eisenstat 1995), the singular vectors of the small
 * merged matrix M, and the update of the halves' vectors by them as matrix products.
 *
 * Why z is recomputed: the roots are exact for a slightly different z-hat, which Loewner's formula
 * gives from the roots and poles alone. Vectors built from z-hat and the accurately known
 * differences d_j - sigma_i are then numerically orthogonal, however close the roots are, with no
 * need for extra precision. The vector update is the GEMM-bound part, where divide and conquer
 * gets its speed: the deflation grouping lets each product skip the half where the vectors are zero.
 *
 * As in LAPACK, the node's own output rows serve as scratch until the products overwrite them
 * (their old contents were copied into the grouped arrays by deflation): rows 0..k-1 of ut first
 * hold d_j - sigma_i, then M's left vectors; those of vt hold d_j + sigma_i, then the right ones.
 */
import type { Deflation, MergeNode, MergeWorkspace } from './deflation';
import { gemm, type GemmOperand } from '../dense/gemm';
import { scaledNorm } from '../dense/householder';
import { secularRoot } from './secularEquation';

/**
 * Finishes the merge `node` after {@link deflate}: writes its first k singular values to d[0..k)
 * (ascending) and their vectors to rows 0..k-1 of node.ut and node.vt.
 *
 * @example
 * const deflation = deflate(node, ws);
 * solveMerged(node, ws, deflation); // node.d, node.ut, node.vt now hold the merged SVD
 */
export function solveMerged(node: MergeNode, ws: MergeWorkspace, { k, ctot }: Deflation): void {
  const { nl, nr, sqre, d, ut, vt, ld } = node;
  const n = nl + nr + 1;
  const m = n + sqre;
  const { z, dsigma, zSorted: zSigns, u2t, vt2, q, idxc } = ws;
  if (k === 1) {
    // Everything else deflated: M is the single entry z_0.
    d[0] = Math.abs(z[0]);
    vt.set(vt2.subarray(0, m), 0);
    const sign = z[0] > 0 ? 1 : -1;
    for (let i = 0; i < n; i++) ut[i] = sign * u2t[i];
    return;
  }
  for (let j = 0; j < k; j++) zSigns[j] = z[j];
  const norm = scaledNorm(z, 0, 1, k);
  for (let j = 0; j < k; j++) z[j] /= norm;
  const rho = norm * norm;
  for (let i = 0; i < k; i++) {
    d[i] = secularRoot(k, i, dsigma, z, rho, ut.subarray(i * ld, i * ld + k), vt.subarray(i * ld, i * ld + k));
  }
  recomputeZ(k, dsigma, ut, vt, ld, zSigns, z);
  // Root i's vectors of M: v_j = z_j / ((d_j - sigma_i)(d_j + sigma_i)), u_0 = -1, u_j = d_j v_j.
  for (let i = 0; i < k; i++) {
    const o = i * ld;
    for (let j = 0; j < k; j++) {
      const v = z[j] / ut[o + j] / vt[o + j];
      vt[o + j] = v;
      ut[o + j] = dsigma[j] * v;
    }
    ut[o] = -1;
  }

  // q's rows are M's vectors in grouped order: position 0 the centre, then ctot[0] LEFT,
  // ctot[1] RIGHT and ctot[2] DENSE vectors of the halves.
  const [c1, c2, c3] = ctot;
  const Q = (col: number): GemmOperand => ({ data: q, offset: col, ld: k, trans: false });
  const U2 = (row: number, col: number): GemmOperand => ({ data: u2t, offset: row * n + col, ld: n, trans: false });
  const V2 = (row: number, col: number): GemmOperand => ({ data: vt2, offset: row * m + col, ld: m, trans: false });
  const dense = 1 + c1 + c2;
  gatherNormalised(k, ut, ld, idxc, q);
  if (k === 2) {
    gemm(k, n, k, 1, Q(0), U2(0, 0), 0, ut, 0, ld);
  } else {
    // U^T: the left half's columns see only the LEFT and DENSE vectors, the right half's only the
    // RIGHT and DENSE ones, and the centre column only the centre direction.
    gemm(k, nl, c1, 1, Q(1), U2(1, 0), 0, ut, 0, ld);
    gemm(k, nl, c3, 1, Q(dense), U2(dense, 0), 1, ut, 0, ld);
    for (let i = 0; i < k; i++) ut[i * ld + nl] = q[i * k];
    gemm(k, nr, c2 + c3, 1, Q(1 + c1), U2(1 + c1, nl + 1), 0, ut, nl + 1, ld);
  }
  gatherNormalised(k, vt, ld, idxc, q);
  if (k === 2) {
    gemm(k, m, k, 1, Q(0), V2(0, 0), 0, vt, 0, ld);
    return;
  }
  // V^T: the same, except that the centre direction is dense in V, so it joins both products. For
  // the right half it moves next to the RIGHT group, into the last LEFT slot (unused there).
  gemm(k, nl + 1, 1 + c1, 1, Q(0), V2(0, 0), 0, vt, 0, ld);
  gemm(k, nl + 1, c3, 1, Q(dense), V2(dense, 0), 1, vt, 0, ld);
  if (c1 > 0) {
    for (let i = 0; i < k; i++) q[i * k + c1] = q[i * k];
    vt2.copyWithin(c1 * m + nl + 1, nl + 1, m);
  }
  gemm(k, m - nl - 1, k - c1, 1, Q(c1), V2(c1, nl + 1), 0, vt, nl + 1, ld);
}

/**
 * z-hat from Loewner's formula: z_i^2 = prod_j (sigma_j^2 - d_i^2) / prod_{j != i} (d_j^2 - d_i^2),
 * each factor formed from the accurate differences (row j of dif/sum: d_i -+ sigma_j), with the
 * sign of the original z_i.
 */
function recomputeZ(k: number, dsigma: Float64Array, dif: Float64Array, sum: Float64Array, ld: number, zSigns: Float64Array, z: Float64Array): void {
  const last = (k - 1) * ld;
  for (let i = 0; i < k; i++) {
    let zi = dif[last + i] * sum[last + i];
    const di = dsigma[i];
    for (let j = 0; j < i; j++) zi *= (dif[j * ld + i] * sum[j * ld + i]) / (di - dsigma[j]) / (di + dsigma[j]);
    for (let j = i; j < k - 1; j++) zi *= (dif[j * ld + i] * sum[j * ld + i]) / (di - dsigma[j + 1]) / (di + dsigma[j + 1]);
    z[i] = zSigns[i] >= 0 ? Math.sqrt(Math.abs(zi)) : -Math.sqrt(Math.abs(zi));
  }
}

/** q row i = row i of src (k entries) normalised, position j > 0 taken from src position idxc[j]. */
function gatherNormalised(k: number, src: Float64Array, ld: number, idxc: Int32Array, q: Float64Array): void {
  for (let i = 0; i < k; i++) {
    const o = i * ld;
    const norm = scaledNorm(src, o, 1, k);
    q[i * k] = src[o] / norm;
    for (let j = 1; j < k; j++) q[i * k + j] = src[o + idxc[j]] / norm;
  }
}
