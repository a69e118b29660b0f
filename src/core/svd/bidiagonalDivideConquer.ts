/**
 * Divide-and-conquer SVD of an upper bidiagonal matrix with singular vectors (Gu & Eisenstat 1995;
 * LAPACK's dbdsdc with compq = 'I', dlasd0, dlasd1, dlasdt). B is cut at a middle row into two
 * halves, each solved recursively; the centre row then couples them through a rank-one change
 * whose singular values are the roots of a secular equation (deflation.ts, secularEquation.ts,
 * secularUpdate.ts). Pieces of at most 25 rows are solved by the QR iteration of bidiagonalQr.ts.
 *
 * Why: the QR iteration spends about 11 n^3 flops on plane rotations of the vectors, which cannot
 * run faster than memory allows; here the vector work is about (8/3) n^3 flops of matrix products
 * through the core's GEMM kernel, and deflation usually removes a good part of it.
 */
import { bidiagonalSvd, makePositiveAndSort } from './bidiagonalQr';
import { createMergeWorkspace, deflate, mergePermutation, type MergeNode, type MergeWorkspace } from './deflation';
import { identity } from '../dense/matrix';
import { checkCancel, type ProgressOptions } from '../progress';
import { RotationQueue } from './rotationQueue';
import { givens, type Givens } from './rotations2x2';
import { EPS } from '../dense/scalar';
import { solveMerged } from './secularUpdate';

/** Pieces up to this many rows go to the QR iteration (LAPACK's SMLSIZ, ilaenv(9) = 25). */
export const LEAF_SIZE = 25;

/** The factors of B = U diag(d) V^T, transposed: row i of `ut` is u_i, row i of `vt` is v_i (n x n). */
export interface BidiagonalFactors {
  ut: Float64Array;
  vt: Float64Array;
}

/** Everything the recursion shares: the whole problem's arrays and the merge scratch. */
interface Problem {
  d: Float64Array;
  e: Float64Array;
  ut: Float64Array;
  vt: Float64Array;
  n: number;
  idxq: Int32Array;
  ws: MergeWorkspace;
  merged: number;
  options: ProgressOptions;
}

/**
 * SVD of the n x n upper bidiagonal matrix with diagonal d and superdiagonal e (both overwritten;
 * on return d holds the singular values, descending). Throws a LinalgError on cancellation or when
 * an iteration cap is hit (the message gives the count).
 *
 * @example
 * const d = new Float64Array([3, 5]), e = new Float64Array([4]);  // [[3, 4], [0, 5]]
 * const { ut, vt } = bidiagonalDivideConquer(d, e);  // d = [6.7082..., 2.2360...]
 * // B = U diag(d) V^T with U = ut^T, V = vt^T
 */
export function bidiagonalDivideConquer(d: Float64Array, e: Float64Array, options: ProgressOptions = {}): BidiagonalFactors {
  const n = d.length;
  const ut = identity(n).data;
  const vt = identity(n).data;
  // Merge scratch is needed only above the leaf size; allocated once for the largest merge.
  const ws = createMergeWorkspace(n > LEAF_SIZE ? n : 0);
  const p: Problem = { d, e, ut, vt, n, idxq: new Int32Array(n), ws, merged: 0, options };
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) scale = Math.max(scale, Math.abs(e[i]));
  if (scale === 0) return { ut, vt };
  // Work at unit scale (dividing, so that even a subnormal scale cannot overflow a reciprocal).
  for (let i = 0; i < n; i++) d[i] /= scale;
  for (let i = 0; i < n - 1; i++) e[i] /= scale;
  if (n <= LEAF_SIZE) {
    solveLeaf(p, 0, n, 0);
    for (let i = 0; i < n; i++) d[i] *= scale;
    return { ut, vt };
  }
  // As dbdsdc: diagonal entries below eps become +-eps and superdiagonals below eps split the
  // problem. Both change B by at most eps ||B||, and they keep every merge's poles away from zero.
  const tiny = 0.9 * (EPS / 2);
  for (let i = 0; i < n; i++) if (Math.abs(d[i]) < tiny) d[i] = d[i] < 0 ? -tiny : tiny;
  let start = 0;
  for (let i = 0; i < n - 1; i++) {
    const split = Math.abs(e[i]) < tiny;
    if (!split && i < n - 2) continue;
    let size = i - start + 1;
    if (i === n - 2) {
      if (!split) size = n - start;
      else if (d[n - 1] < 0) {
        // The last row on its own: a 1 x 1 block.
        d[n - 1] = -d[n - 1];
        ut[n * n - 1] = -1;
      }
    }
    solveNode(p, start, size, 0);
    start = i + 1;
  }
  for (let i = 0; i < n; i++) d[i] *= scale;
  makePositiveAndSort(d, { vt, widthV: n, ut, widthU: n });
  return { ut, vt };
}

/**
 * The rows start .. start+size-1 as an size x (size + sqre) upper bidiagonal (dlasd0): split at
 * the middle row as dlasdt does, solve both halves (the left one always has the extra column, the
 * centre), then merge. Recursion depth is log2(n / 25).
 */
function solveNode(p: Problem, start: number, size: number, sqre: number): void {
  if (size <= LEAF_SIZE) {
    solveLeaf(p, start, size, sqre);
    // The leaf's values are descending; idxq lists them ascending for the merge.
    for (let j = 0; j < size; j++) p.idxq[start + j] = size - 1 - j;
    return;
  }
  const nl = Math.floor(size / 2);
  const nr = size - nl - 1;
  solveNode(p, start, nl, 1);
  solveNode(p, start + nl + 1, nr, sqre);
  merge(p, start, nl, nr, sqre);
}

/** dlasd1: scale the merged problem to unit size, deflate, solve, unscale and sort it. */
function merge(p: Problem, start: number, nl: number, nr: number, sqre: number): void {
  const { d, e, ut, vt, n: ld, options } = p;
  checkCancel('svd', options);
  const n = nl + nr + 1;
  const ic = start + nl;
  const dv = d.subarray(start, start + n);
  let alpha = d[ic];
  let beta = e[ic];
  let scale = Math.max(Math.abs(alpha), Math.abs(beta));
  dv[nl] = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(dv[i]));
  for (let i = 0; i < n; i++) dv[i] /= scale;
  alpha /= scale;
  beta /= scale;
  const off = start * ld + start;
  const node: MergeNode = {
    nl, nr, sqre, d: dv, ut: ut.subarray(off), vt: vt.subarray(off), ld, idxq: p.idxq.subarray(start, start + n), alpha, beta,
  };
  const deflation = deflate(node, p.ws);
  solveMerged(node, p.ws, deflation);
  for (let i = 0; i < n; i++) dv[i] *= scale;
  // Kept values come out ascending, deflated ones descending: one merge sorts them for the parent.
  mergePermutation(deflation.k, n - deflation.k, dv, 0, 1, -1, node.idxq, 0);
  p.merged += n;
  options.onProgress?.(0.5 + 0.3 * Math.min(1, p.merged / (p.n * Math.log2(p.n / LEAF_SIZE))), 'divide and conquer');
}

/**
 * A piece of at most LEAF_SIZE rows, size x (size + sqre), by the QR iteration (dlasdq). With the
 * extra column (sqre = 1) right rotations first turn it into a square lower bidiagonal, left
 * rotations then into an upper one; the rotations start the vectors.
 */
function solveLeaf(p: Problem, start: number, size: number, sqre: number): void {
  const { d, e, ut, vt, n: ld, options } = p;
  const m = size + sqre;
  const dd = d.slice(start, start + size);
  const ee = e.slice(start, start + Math.max(size - 1, 0));
  const lu = identity(size).data;
  const lv = identity(m).data;
  if (sqre === 1) {
    const g: Givens = { c: 0, s: 0, r: 0 };
    const right = new RotationQueue(lv, m, size);
    chase(dd, ee, g, right);
    givens(dd[size - 1], e[start + size - 1], g); // the extra column's entry
    dd[size - 1] = g.r;
    right.push(size - 1, g.c, g.s);
    right.flush();
    const left = new RotationQueue(lu, size, size);
    chase(dd, ee, g, left);
    left.flush();
  }
  bidiagonalSvd(dd, ee, { vt: lv, widthV: m, ut: lu, widthU: size }, options);
  d.set(dd, start);
  for (let i = 0; i < size; i++) ut.set(lu.subarray(i * size, i * size + size), (start + i) * ld + start);
  for (let i = 0; i < m; i++) vt.set(lv.subarray(i * m, i * m + m), (start + i) * ld + start);
}

/**
 * One pass of rotations (i, i+1) that zero ee[i] against dd[i] and move the fill to the other side
 * of the diagonal: upper bidiagonal to lower with right rotations, lower to upper with left ones.
 */
function chase(dd: Float64Array, ee: Float64Array, g: Givens, queue: RotationQueue): void {
  for (let i = 0; i < ee.length; i++) {
    givens(dd[i], ee[i], g);
    dd[i] = g.r;
    ee[i] = g.s * dd[i + 1];
    dd[i + 1] *= g.c;
    queue.push(i, g.c, g.s);
  }
}
