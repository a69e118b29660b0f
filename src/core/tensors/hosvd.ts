/**
 * Truncated HOSVD (De Lathauwer, De Moor, Vandewalle 2000): a Tucker decomposition whose factor
 * U_k holds the leading left singular vectors of the mode-k unfolding (TensorLy's unfold), and
 * whose core is A x_1 U_1^T ... x_d U_d^T. Not the best Tucker approximation (HOOI iterates
 * towards that), but within sqrt(d) of it, and its error is bounded by the mode tails:
 * ||A - Â||_F^2 <= sum_k (dropped tail of mode k)^2.
 */
import { LinalgError } from '../errors';
import type { Matrix } from '../dense/matrix';
import { EPS } from '../dense/scalar';
import { checkTensor, elementCount, formatShape, type Tensor } from './tensor';
import { assertFiniteTensor, modeProduct, reshapeToMatrix, unfold } from './tensorOps';
import { GramSvd, type UnfoldingFactor } from './gramSvd';
import { GRAM_MAX_RANK, LargeSvd } from './largeSvd';
import { checkEps, checkOrder, chooseRank, type RankChoice } from './ranks';
import type { TuckerResult } from './types';

/**
 * Truncated HOSVD with fixed `ranks` (one per mode, clamped to min(n_k, prod of the others)) or a
 * relative accuracy `eps`, split evenly over the modes: mode k drops the smallest singular values
 * whose tail is at most eps ||A||_F / sqrt(d), so ||A - Â||_F <= eps ||A||_F. With both, the ranks
 * cap the eps choice; with neither, only numerically zero values are dropped. Signs: the
 * largest-magnitude entry of every factor column is positive. relativeError is computed from the
 * reconstruction.
 *
 * @example
 * hosvd(tensor([8, 8, 12], data), { ranks: [2, 2, 2] }).parameters; // 8 + 16 + 16 + 24 = 64
 */
export function hosvd(t: Tensor, options: { ranks?: number[]; eps?: number } = {}): TuckerResult {
  const fn = 'hosvd';
  checkTensor(fn, t);
  checkOrder(fn, t.shape);
  checkEps(fn, options.eps);
  assertFiniteTensor(t, `${fn} input`);
  const shape = t.shape.slice();
  const d = shape.length;
  const count = elementCount(shape);
  const caps = modeCaps(fn, shape, options.ranks);
  const a: Tensor = { shape, strides: t.strides, data: t.data, offset: t.offset };
  let normSquared = 0;
  for (const x of reshapeToMatrix(a, 1).data) normSquared += x * x;
  const delta = options.eps === undefined ? null : (options.eps / Math.sqrt(d)) * Math.sqrt(normSquared);

  const gram = new GramSvd();
  let large: LargeSvd | null = null;
  const choice: RankChoice = { rank: 1, reason: 'bound', tailSquared: 0 };
  const factors: Matrix[] = [];
  const ranks: number[] = [];
  const singularValues: Float64Array[] = [];
  for (let k = 0; k < d; k++) {
    const m = unfold(a, k);
    let f: UnfoldingFactor;
    if (Math.min(m.rows, m.cols) <= GRAM_MAX_RANK) {
      gram.factor(m.data, 0, m.rows, m.cols);
      f = gram;
    } else {
      large ??= new LargeSvd();
      large.factor(m.data, 0, m.rows, m.cols);
      f = large;
    }
    chooseRank(f.s, caps[k], delta, Math.max(m.rows, m.cols) * EPS * f.s[0], choice);
    const r = choice.rank;
    const u = new Float64Array(m.rows * r);
    f.writeLeft(r, u, 0);
    factors.push({ rows: m.rows, cols: r, data: u });
    ranks.push(r);
    singularValues.push(f.s.slice());
  }
  let core: Tensor = a;
  for (let k = 0; k < d; k++) core = modeProduct(core, transposeOf(factors[k]), k);
  const approx = tuckerToFull({ core, factors });
  const flat = reshapeToMatrix(a, 1).data;
  let err = 0;
  for (let i = 0; i < count; i++) {
    const diff = flat[i] - approx.data[i];
    err += diff * diff;
  }
  let parameters = ranks.reduce((p, r) => p * r, 1);
  for (let k = 0; k < d; k++) parameters += shape[k] * ranks[k];
  return {
    core,
    factors,
    ranks,
    relativeError: normSquared === 0 ? 0 : Math.sqrt(err / normSquared),
    parameters,
    compressionFactor: count / parameters,
    singularValues,
  };
}

/**
 * The full tensor of a Tucker decomposition: core x_1 U_1 ... x_d U_d.
 *
 * @example
 * tuckerToFull(hosvd(t, { eps: 0 })); // t up to rounding
 */
export function tuckerToFull(r: { core: Tensor; factors: Matrix[] }): Tensor {
  checkTensor('tuckerToFull', r.core);
  const d = r.core.shape.length;
  if (!Array.isArray(r.factors) || r.factors.length !== d) {
    throw new LinalgError(`tuckerToFull: a core of shape ${formatShape(r.core.shape)} needs ${d} factors, got ${r.factors?.length}`);
  }
  let out = r.core;
  for (let k = 0; k < d; k++) out = modeProduct(out, r.factors[k], k);
  return out;
}

function transposeOf(m: Matrix): Matrix {
  const out = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out[j * m.rows + i] = m.data[i * m.cols + j];
  return { rows: m.cols, cols: m.rows, data: out };
}

/** Per-mode caps: the given ranks clamped to min(n_k, prod of the others), or those bounds. */
function modeCaps(fn: string, shape: number[], ranks: number[] | undefined): number[] {
  const count = elementCount(shape);
  const bounds = shape.map((n) => Math.min(n, count / n));
  if (ranks === undefined) return bounds;
  if (!Array.isArray(ranks) || ranks.length !== shape.length) {
    throw new LinalgError(`${fn}: ranks must list one positive integer per mode (${shape.length} for shape ${formatShape(shape)}), got ${JSON.stringify(ranks)}`);
  }
  return ranks.map((r, k) => {
    if (!Number.isInteger(r) || r < 1) throw new LinalgError(`${fn}: the rank of mode ${k} must be a positive integer, got ${r}`);
    return Math.min(r, bounds[k]);
  });
}
