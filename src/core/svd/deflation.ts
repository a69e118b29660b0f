/**
 * Deflation in the merge step of the divide-and-conquer bidiagonal SVD (LAPACK's dlasd2, Gu &
 * Eisenstat 1995). Merging two solved halves around a centre row gives the matrix
 *
 *   M = [z_0 z_1 ... z_{n-1}; 0 diag(d_1 .. d_{n-1})]
 *
 * whose singular values are the roots of a secular equation. Before solving it, two kinds of
 * direction are split off ("deflated"), because their roots are known to working accuracy and
 * would only spoil the root finder: a tiny z_j (then d_j is a singular value and its vectors stay),
 * and two nearly equal d_j (a rotation of their vectors zeroes one z_j, which is then tiny).
 * Deflation also groups the vectors by which half they live in, so that the vector update can skip
 * the zero blocks in its matrix products.
 */
import { hypot, EPS } from '../dense/scalar';

/**
 * One merge: two solved halves of an n x (n + sqre) upper bidiagonal around the centre row nl
 * (0-based), n = nl + nr + 1, as views of the global arrays. `ut` holds U^T (row j is the j-th left
 * singular vector) and `vt` V^T, both with leading dimension `ld`; the left half occupies rows and
 * columns 0..nl-1 of ut and 0..nl of vt, the right half rows and columns nl+1.. . `d` holds the
 * halves' singular values in positions 0..nl-1 and nl+1..n-1; `idxq` the permutation of each half
 * that sorts its values ascending. alpha and beta are the centre row's diagonal and superdiagonal.
 */
export interface MergeNode {
  nl: number;
  nr: number;
  sqre: number;
  d: Float64Array;
  ut: Float64Array;
  vt: Float64Array;
  ld: number;
  idxq: Int32Array;
  alpha: number;
  beta: number;
}

/** Scratch of a merge, allocated once for the largest merge and reused (LAPACK's WORK/IWORK). */
export interface MergeWorkspace {
  z: Float64Array;
  dsigma: Float64Array;
  zSorted: Float64Array;
  /** U2^T (n x n, leading dimension n) and VT2 (m x m, leading dimension m): the grouped vectors. */
  u2t: Float64Array;
  vt2: Float64Array;
  /** The singular vectors of the small merged matrix, one per row (k x k, leading dimension k). */
  q: Float64Array;
  idx: Int32Array;
  idxp: Int32Array;
  idxc: Int32Array;
  coltyp: Int32Array;
}

/**
 * Scratch for merges of size up to n.
 *
 * @example
 * const ws = createMergeWorkspace(1024);
 */
export function createMergeWorkspace(n: number): MergeWorkspace {
  const m = n + 1;
  return {
    z: new Float64Array(m),
    dsigma: new Float64Array(m),
    zSorted: new Float64Array(m),
    u2t: new Float64Array(n * n),
    vt2: new Float64Array(m * m),
    q: new Float64Array(n * n),
    idx: new Int32Array(m),
    idxp: new Int32Array(m),
    idxc: new Int32Array(m),
    coltyp: new Int32Array(m),
  };
}

/** What deflation leaves for the secular solver: k values remain; ctot counts the vector groups. */
export interface Deflation {
  k: number;
  /** Vectors nonzero only in the left half, only in the right half, in both, and deflated. */
  ctot: [number, number, number, number];
}

/** Group labels of dlasd2: 1 left half only, 2 right half only, 3 dense, 4 deflated. */
const LEFT = 1;
const RIGHT = 2;
const DENSE = 3;
const DEFLATED = 4;

/**
 * Deflates the merge `node` (dlasd2). On return ws.dsigma[0..k) are the remaining poles ascending
 * (dsigma[0] = 0), ws.z[0..k) the matching entries of z, ws.u2t / ws.vt2 rows 0..n-1 the vectors in
 * grouped order (row 0 the centre direction, then the groups LEFT, RIGHT, DENSE, DEFLATED), and
 * ws.idxc the map from grouped position to pole position. The deflated values and their vectors
 * are already final: d[k..n) and rows k..n-1 of node.ut and node.vt.
 *
 * @example
 * const { k, ctot } = deflate(node, ws); // then solve the k x k secular problem
 */
export function deflate(node: MergeNode, ws: MergeWorkspace): Deflation {
  const { nl, nr, sqre, d, ut, vt, ld, idxq, alpha, beta } = node;
  const n = nl + nr + 1;
  const m = n + sqre;
  const { z, dsigma, zSorted, u2t, vt2, idx, idxp, idxc, coltyp } = ws;

  // z is the centre row times blockdiag(V_left, V_right); the left values move one place back so
  // that position 0 is free for the centre.
  const z1 = alpha * vt[nl * ld + nl];
  z[0] = z1;
  for (let i = nl - 1; i >= 0; i--) {
    z[i + 1] = alpha * vt[i * ld + nl];
    d[i + 1] = d[i];
    idxq[i + 1] = idxq[i] + 1;
  }
  for (let i = nl + 1; i < m; i++) z[i] = beta * vt[i * ld + nl + 1];
  for (let i = 1; i <= nl; i++) coltyp[i] = LEFT;
  for (let i = nl + 1; i < n; i++) coltyp[i] = RIGHT;
  for (let i = nl + 1; i < n; i++) idxq[i] += nl + 1;

  // Sort d (with z and the labels) ascending by merging the two sorted halves.
  for (let i = 1; i < n; i++) {
    dsigma[i] = d[idxq[i]];
    zSorted[i] = z[idxq[i]];
    idxc[i] = coltyp[idxq[i]];
  }
  mergePermutation(nl, nr, dsigma, 1, 1, 1, idx, 1);
  for (let i = 1; i < n; i++) {
    const from = 1 + idx[i];
    d[i] = dsigma[from];
    z[i] = zSorted[from];
    coltyp[i] = idxc[from];
  }

  // Positions 1..n-1 now ascending; decide which deflate. Kept ones go to the front of idxp
  // (ascending), deflated ones to the back (so that part is descending).
  const tol = 8 * (EPS / 2) * Math.max(Math.abs(d[n - 1]), Math.abs(alpha), Math.abs(beta));
  let k = 1;
  let k2 = n;
  const keep = (j: number): void => {
    zSorted[k] = z[j];
    dsigma[k] = d[j];
    idxp[k] = j;
    k++;
  };
  let jprev = -1;
  for (let j = 1; j < n; j++) {
    if (Math.abs(z[j]) <= tol) {
      // A tiny z_j: d_j is already a singular value of M.
      idxp[--k2] = j;
      coltyp[j] = DEFLATED;
      continue;
    }
    if (jprev < 0) {
      jprev = j;
      continue;
    }
    if (Math.abs(d[j] - d[jprev]) <= tol) {
      // d_j and d_jprev agree to working accuracy: rotate their vectors so that z_jprev becomes 0.
      const r = hypot(z[j], z[jprev]);
      const c = z[j] / r;
      const s = -z[jprev] / r;
      z[j] = r;
      z[jprev] = 0;
      const a = vectorIndex(idxq[idx[jprev] + 1], nl);
      const b = vectorIndex(idxq[idx[j] + 1], nl);
      rotate(ut, a * ld, b * ld, n, c, s);
      rotate(vt, a * ld, b * ld, m, c, s);
      if (coltyp[j] !== coltyp[jprev]) coltyp[j] = DENSE;
      coltyp[jprev] = DEFLATED;
      idxp[--k2] = jprev;
    } else {
      keep(jprev);
    }
    jprev = j;
  }
  if (jprev >= 0) keep(jprev);

  // Group the vectors: LEFT, RIGHT, DENSE, DEFLATED, from position 1 on.
  const ctot: [number, number, number, number] = [0, 0, 0, 0];
  for (let j = 1; j < n; j++) ctot[coltyp[j] - 1]++;
  const psm = [0, 1, 1 + ctot[0], 1 + ctot[0] + ctot[1], 1 + ctot[0] + ctot[1] + ctot[2]];
  for (let j = 1; j < n; j++) idxc[psm[coltyp[idxp[j]]]++] = j;
  for (let j = 1; j < n; j++) {
    dsigma[j] = d[idxp[j]];
    const src = vectorIndex(idxq[idx[idxp[idxc[j]]] + 1], nl);
    u2t.set(ut.subarray(src * ld, src * ld + n), j * n);
    vt2.set(vt.subarray(src * ld, src * ld + m), j * m);
  }

  // The centre direction: pole 0 (dsigma[0] = 0) with z_0, which also absorbs the extra column's
  // entry z_{m-1} when the matrix is n x (n + 1).
  dsigma[0] = 0;
  const hlftol = tol / 2;
  if (Math.abs(dsigma[1]) <= hlftol) dsigma[1] = hlftol;
  let c = 1;
  let s = 0;
  if (m > n) {
    z[0] = hypot(z1, z[m - 1]);
    if (z[0] <= tol) {
      z[0] = tol;
    } else {
      c = z1 / z[0];
      s = z[m - 1] / z[0];
    }
  } else {
    z[0] = Math.abs(z1) <= tol ? tol : z1;
  }
  for (let j = 1; j < k; j++) z[j] = zSorted[j];
  u2t.fill(0, 0, n);
  u2t[nl] = 1;
  const centre = nl * ld;
  const last = (m - 1) * ld;
  if (m > n) {
    for (let i = 0; i <= nl; i++) {
      vt2[i] = c * vt[centre + i];
      vt[last + i] = -s * vt[centre + i];
    }
    for (let i = nl + 1; i < m; i++) {
      vt2[i] = s * vt[last + i];
      vt[last + i] = c * vt[last + i];
    }
  } else {
    vt2.set(vt.subarray(centre, centre + m), 0);
  }

  // Deflated values and vectors are final: store them at the back.
  for (let j = k; j < n; j++) {
    d[j] = dsigma[j];
    ut.set(u2t.subarray(j * n, j * n + n), j * ld);
    vt.set(vt2.subarray(j * m, j * m + m), j * ld);
  }
  return { k, ctot };
}

/** Position p of the shifted order (left values moved one back) to the row of its vector. */
function vectorIndex(p: number, nl: number): number {
  return p <= nl ? p - 1 : p;
}

/** Rows x' = c x + s y, y' = c y - s x of length len at offsets ox and oy. */
function rotate(a: Float64Array, ox: number, oy: number, len: number, c: number, s: number): void {
  for (let i = 0; i < len; i++) {
    const x = a[ox + i];
    const y = a[oy + i];
    a[ox + i] = c * x + s * y;
    a[oy + i] = c * y - s * x;
  }
}

/**
 * The permutation that merges two sorted runs of `a` into one ascending list (LAPACK's dlamrg):
 * the first run is a[off .. off+n1), the second a[off+n1 .. off+n1+n2), each ascending (stride 1)
 * or descending (-1). out[outOff + t] is the index, relative to off, of the t-th smallest value.
 *
 * @example
 * const out = new Int32Array(4);
 * mergePermutation(2, 2, new Float64Array([1, 4, 3, 2]), 0, 1, -1, out, 0); // out = [0, 3, 2, 1]
 */
export function mergePermutation(
  n1: number, n2: number, a: Float64Array, off: number, stride1: number, stride2: number, out: Int32Array, outOff: number,
): void {
  let i1 = stride1 > 0 ? 0 : n1 - 1;
  let i2 = stride2 > 0 ? n1 : n1 + n2 - 1;
  let left1 = n1;
  let left2 = n2;
  let t = outOff;
  while (left1 > 0 && left2 > 0) {
    if (a[off + i1] <= a[off + i2]) {
      out[t++] = i1;
      i1 += stride1;
      left1--;
    } else {
      out[t++] = i2;
      i2 += stride2;
      left2--;
    }
  }
  for (; left1 > 0; left1--, i1 += stride1) out[t++] = i1;
  for (; left2 > 0; left2--, i2 += stride2) out[t++] = i2;
}
