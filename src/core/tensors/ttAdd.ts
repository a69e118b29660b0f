/**
 * The sum of two tensor trains of one shape, exactly, in TT form: the cores are block-diagonal
 * (first core side by side, last stacked), so the ranks add (Oseledets 2011, section 4.1).
 * Rounding the sum (ttRound) brings the ranks back down.
 */
import { LinalgError } from '../errors';
import { formatShape, tensor } from './tensor';
import { flattenTt } from './ttFull';
import type { TtTensor } from './types';

/**
 * A + B as a TT with ranks r_k(A) + r_k(B) inside (1 at the ends).
 *
 * @example
 * ttAdd(tt, tt).ranks; // [1, 2 r_1, ..., 2 r_{d-1}, 1]: the TT of 2 A, over-ranked
 */
export function ttAdd(a: TtTensor, b: TtTensor): TtTensor {
  const fa = flattenTt('ttAdd', a);
  const fb = flattenTt('ttAdd', b);
  const d = a.shape.length;
  if (b.shape.length !== d || b.shape.some((n, k) => n !== a.shape[k])) {
    throw new LinalgError(`ttAdd: shapes differ: ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  }
  const ranks = a.ranks.map((r, k) => (k === 0 || k === d ? 1 : r + b.ranks[k]));
  const cores = [];
  let oa = 0;
  let ob = 0;
  for (let k = 0; k < d; k++) {
    const [ra0, ra1, rb0, rb1] = [a.ranks[k], a.ranks[k + 1], b.ranks[k], b.ranks[k + 1]];
    const n = a.shape[k];
    const [r0, r1] = [ranks[k], ranks[k + 1]];
    const out = tensor([r0, n, r1]);
    const data = out.data as Float64Array;
    // A's block at (0, 0); B's at (ra0, ra1), except that the first core shares row 0 and the last column 0.
    const rowB = k === 0 ? 0 : ra0;
    const colB = k === d - 1 ? 0 : ra1;
    for (let i = 0; i < ra0; i++) for (let j = 0; j < n; j++) for (let l = 0; l < ra1; l++) {
      data[(i * n + j) * r1 + l] += fa[oa + (i * n + j) * ra1 + l];
    }
    for (let i = 0; i < rb0; i++) for (let j = 0; j < n; j++) for (let l = 0; l < rb1; l++) {
      data[((rowB + i) * n + j) * r1 + colB + l] += fb[ob + (i * n + j) * rb1 + l];
    }
    oa += ra0 * n * ra1;
    ob += rb0 * n * rb1;
    cores.push(out);
  }
  return { shape: a.shape.slice(), ranks, cores };
}
