/**
 * TT rounding (Oseledets 2011, Algorithm 2): recompress a TT whose ranks are larger than needed
 * (a sum of TTs, a product, an over-ranked input) without forming the full tensor.
 *
 * 1. Right-to-left orthogonalisation: core k's right unfolding r_{k-1} x (n_k r_k) = L Q with Q's
 *    rows orthonormal (from the SVD of its transpose, which also drops a rank above n_k r_k);
 *    core k becomes Q, L is multiplied into core k - 1. Then ||TT||_F = ||core 1||_F.
 * 2. Left-to-right truncation exactly as in the TT-SVD, on core k's left unfolding
 *    (r_{k-1} n_k) x r_k, with the same rule (eps / sqrt(d - 1) of the norm, caps, numerical zeros),
 *    S V^T multiplied into core k + 1. The right part being orthonormal, the tails are the error.
 *
 * Cost O(d n r^3), never the full tensor's size.
 */
import { gemm } from '../dense/gemm';
import { elementCount, tensor, type Tensor } from './tensor';
import { EPS } from '../dense/scalar';
import { GramSvd, type UnfoldingFactor } from './gramSvd';
import { GRAM_MAX_RANK, LargeSvd } from './largeSvd';
import { checkEps, chooseRank, resolveCaps, ttParameters, ttRankBounds, type RankChoice } from './ranks';
import { flattenTt } from './ttFull';
import type { TtRankCap, TtSvdResult, TtTensor } from './types';

/**
 * Rounds a TT to the smallest ranks meeting `eps` (relative to ||TT||_F) and/or `maxRank`; with
 * neither, to its exact minimal ranks (numerical zeros dropped). relativeError and errorBound are
 * ||TT_in - TT_out||_F / ||TT_in||_F.
 *
 * @example
 * const doubled = ttAdd(tt, tt); // ranks doubled (any sum of TTs)
 * ttRound(doubled, {}).ranks;   // the ranks of tt again
 */
export function ttRound(tt: TtTensor, options: { eps?: number; maxRank?: TtRankCap }): TtSvdResult {
  const flat = flattenTt('ttRound', tt);
  checkEps('ttRound', options?.eps);
  const shape = tt.shape.slice();
  const d = shape.length;
  const caps = resolveCaps('ttRound', options?.maxRank, ttRankBounds(shape));
  const cores: Float64Array[] = [];
  const ranks = tt.ranks.slice();
  let off = 0;
  for (let k = 0; k < d; k++) {
    const size = ranks[k] * shape[k] * ranks[k + 1];
    cores.push(flat.slice(off, off + size));
    off += size;
  }
  const work = { gram: new GramSvd(), large: null as LargeSvd | null };
  orthogonalizeRightToLeft(cores, shape, ranks, work);
  let normSquared = 0;
  for (const x of cores[0]) normSquared += x * x;
  const delta = options?.eps === undefined ? null : (options.eps / Math.sqrt(Math.max(d - 1, 1))) * Math.sqrt(normSquared);

  const singularValues: Float64Array[] = [];
  const discarded: Float64Array[] = [];
  const choice: RankChoice = { rank: 1, reason: 'bound', tailSquared: 0 };
  let tail = 0;
  for (let k = 0; k < d - 1; k++) {
    const m = ranks[k] * shape[k];
    const n = ranks[k + 1];
    const f = factor(work, cores[k], m, n);
    const s = f.s;
    chooseRank(s, caps[k], delta, Math.max(m, n) * EPS * s[0], choice);
    const r = choice.rank;
    singularValues.push(s.slice());
    discarded.push(s.slice(r));
    tail += choice.tailSquared;
    const left = new Float64Array(m * r);
    f.writeLeft(r, left, 0);
    const carry = new Float64Array(r * n);
    f.writeCarry(r, carry, 0);
    // Core k + 1 <- (S V^T) core k + 1, as r x (n_{k+1} r_{k+2}).
    const cols = shape[k + 1] * ranks[k + 2];
    const next = new Float64Array(r * cols);
    gemm(r, cols, n, 1, { data: carry, offset: 0, ld: n, trans: false }, { data: cores[k + 1], offset: 0, ld: cols, trans: false }, 0, next, 0, cols);
    cores[k] = left;
    cores[k + 1] = next;
    ranks[k + 1] = r;
  }
  const tensors: Tensor[] = cores.map((c, k) => tensor([ranks[k], shape[k], ranks[k + 1]], c));
  const relative = normSquared === 0 ? 0 : Math.sqrt(tail / normSquared);
  const parameters = ttParameters(shape, ranks);
  return {
    shape,
    ranks,
    cores: tensors,
    relativeError: relative,
    errorBound: relative,
    discarded,
    singularValues,
    parameters,
    compressionFactor: elementCount(shape) / parameters,
  };
}

/**
 * Makes cores d .. 2 right-orthonormal (rows of each right unfolding orthonormal), pushing the
 * remainder into the core on the left; ranks may drop where r_{k-1} > n_k r_k.
 */
function orthogonalizeRightToLeft(cores: Float64Array[], shape: number[], ranks: number[], work: Work): void {
  for (let k = shape.length - 1; k >= 1; k--) {
    const rows = ranks[k];
    const cols = shape[k] * ranks[k + 1];
    // M = core k (rows x cols); factor M^T = U S V^T, so M = (V S) U^T: Q = U^T, L = V S.
    const mt = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mt[j * rows + i] = cores[k][i * cols + j];
    const f = factor(work, mt, cols, rows);
    const p = Math.min(rows, cols);
    const u = new Float64Array(cols * p);
    f.writeLeft(p, u, 0);
    const carry = new Float64Array(p * rows); // S V^T = L^T
    f.writeCarry(p, carry, 0);
    const q = new Float64Array(p * cols);
    for (let j = 0; j < cols; j++) for (let i = 0; i < p; i++) q[i * cols + j] = u[j * p + i];
    // Core k - 1 (as (r_{k-2} n_{k-1}) x rows) times L (rows x p), L = carry^T.
    const leftRows = ranks[k - 1] * shape[k - 1];
    const next = new Float64Array(leftRows * p);
    gemm(leftRows, p, rows, 1, { data: cores[k - 1], offset: 0, ld: rows, trans: false }, { data: carry, offset: 0, ld: rows, trans: true }, 0, next, 0, p);
    cores[k] = q;
    cores[k - 1] = next;
    ranks[k] = p;
  }
}

interface Work { gram: GramSvd; large: LargeSvd | null }

function factor(work: Work, x: Float64Array, m: number, n: number): UnfoldingFactor {
  if (Math.min(m, n) <= GRAM_MAX_RANK) {
    work.gram.factor(x, 0, m, n);
    return work.gram;
  }
  work.large ??= new LargeSvd();
  work.large.factor(x, 0, m, n);
  return work.large;
}
