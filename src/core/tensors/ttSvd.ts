/**
 * TT-SVD of a dense tensor (Oseledets 2011), its step-by-step record, and the sequential unfoldings.
 */
import { LinalgError } from '../errors';
import type { Matrix } from '../dense/matrix';
import { checkTensor, elementCount, formatShape, tensor, type Tensor } from './tensor';
import { assertFiniteTensor, reshapeToMatrix } from './tensorOps';
import { checkEps, checkOrder, resolveCaps, ttParameters, ttRankBounds } from './ranks';
import { TtSweeper, type SweepRecord } from './ttSweep';
import type { TtSvdOptions, TtSvdResult, TtSvdStep } from './types';

/**
 * The TT decomposition of `t` by the left-to-right TT-SVD. With `eps` each bond drops the
 * smallest singular values whose tail is at most eps ||A||_F / sqrt(d - 1), so
 * ||A - TT||_F <= eps ||A||_F; `maxRank` caps the ranks (then the error can exceed eps). With
 * neither, the TT is exact: only singular values <= max(rows, cols) 2^-52 sigma_1 of their bond's
 * matrix are dropped (numerically zero). The error is computed from the dropped tails, which for
 * this algorithm equal the error of the full reconstruction (not just bound it).
 *
 * @example
 * const t = tensor([8, 8, 12], Float64Array.from({ length: 768 }, (_, n) => Math.floor(n / 96) + Math.floor(n / 12) % 8 + n % 12));
 * ttSvd(t).ranks; // [1, 2, 2, 1]: i + j + k has TT ranks 2; 72 parameters, compression factor 10.667
 */
export function ttSvd(t: Tensor, options: TtSvdOptions = {}): TtSvdResult {
  const { sweeper, data } = prepare('ttSvd', t, options);
  const record: SweepRecord = { steps: [] };
  const cores = new Float64Array(sweeper.maxCoreLength());
  sweeper.run(data, 0, cores, 0, record, options);
  return assemble(t.shape, sweeper, cores, record.steps);
}

/**
 * The TT-SVD as a lecture steps through it: per bond, the matrix factored, its spectrum, the rank
 * kept and why, the tail dropped and the threshold, the core formed and the factor carried on.
 * The same computation as {@link ttSvd}, with the same options.
 *
 * @example
 * ttSvdSteps(t, { eps: 0.1 }).map((s) => `${s.unfoldingRows} x ${s.unfoldingCols} -> r = ${s.keptRank}`);
 */
export function ttSvdSteps(t: Tensor, options: TtSvdOptions = {}): TtSvdStep[] {
  const { sweeper, data } = prepare('ttSvdSteps', t, options);
  const record: SweepRecord = { steps: [] };
  sweeper.run(data, 0, new Float64Array(sweeper.maxCoreLength()), 0, record, options);
  return record.steps;
}

/**
 * The k-th sequential unfolding (bond k, 1-based): the C-order reshape of t to
 * (n_1 ... n_k) x (n_{k+1} ... n_d). Its rank bounds r_k (ttRankBounds); for an exact TT-SVD it
 * has the same nonzero singular values as the matrix factored at bond k.
 *
 * @example
 * sequentialUnfolding(tensor([8, 8, 12]), 2); // 64 x 12
 */
export function sequentialUnfolding(t: Tensor, k: number): Matrix {
  checkTensor('sequentialUnfolding', t);
  const d = t.shape.length;
  if (!Number.isInteger(k) || k < 1 || k > d - 1) {
    throw new LinalgError(`sequentialUnfolding: bond k must be an integer in [1, ${d - 1}] for shape ${formatShape(t.shape)}, got ${k}`);
  }
  let rows = 1;
  for (let i = 0; i < k; i++) rows *= t.shape[i];
  return reshapeToMatrix(t, rows);
}

/** Checks and the float64 C-order copy every entry point starts from. */
function prepare(fn: string, t: Tensor, options: TtSvdOptions): { sweeper: TtSweeper; data: Float64Array } {
  checkTensor(fn, t);
  checkOrder(fn, t.shape);
  checkEps(fn, options.eps);
  const caps = resolveCaps(fn, options.maxRank, ttRankBounds(t.shape));
  assertFiniteTensor(t, `${fn} input`);
  // A C-order float64 copy (the first unfolding; also what a Float32 or strided view needs).
  const data = reshapeToMatrix(t, t.shape[0]).data;
  return { sweeper: new TtSweeper(t.shape, caps, options.eps), data };
}

/** Builds the result of a recorded sweep from the flat cores. */
export function assemble(shape: readonly number[], sweeper: TtSweeper, cores: Float64Array, steps: TtSvdStep[]): TtSvdResult {
  const d = shape.length;
  const ranks = Array.from(sweeper.ranks);
  const tensors: Tensor[] = [];
  let off = 0;
  for (let k = 0; k < d; k++) {
    const size = ranks[k] * shape[k] * ranks[k + 1];
    tensors.push(tensor([ranks[k], shape[k], ranks[k + 1]], cores.slice(off, off + size)));
    off += size;
  }
  let tail = 0;
  for (let k = 0; k < d - 1; k++) tail += sweeper.tails[k];
  const norm = Math.sqrt(sweeper.normSquared);
  const relative = norm === 0 ? 0 : Math.sqrt(tail) / norm;
  const parameters = ttParameters(shape, ranks);
  return {
    shape: shape.slice(),
    ranks,
    cores: tensors,
    relativeError: relative,
    errorBound: relative,
    discarded: steps.map((s) => s.singularValues.slice(s.keptRank)),
    singularValues: steps.map((s) => s.singularValues),
    parameters,
    compressionFactor: elementCount(shape) / parameters,
  };
}
