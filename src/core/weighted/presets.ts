/**
 * Weight matrices people start from: uniform, smooth importance per row or per column (FWSVD's
 * exact case), a block weighted differently, a random observation mask, the mask of a matrix's
 * missing entries, and Fisher-like importance from a second matrix.
 */
import { assertMatrix, LinalgError, shapeText } from '../errors';
import type { Matrix } from '../dense/matrix';
import { createRandom } from '../dense/random';

export type WeightPreset = 'uniform' | 'rows' | 'columns' | 'block' | 'random-mask' | 'missing' | 'fisher';

export interface WeightPresetOptions {
  /** Seed of 'rows', 'columns' and 'random-mask' (default 0). */
  seed?: number;
  /** Fraction of observed (weight 1) entries of 'random-mask', in (0, 1] (default 0.7). */
  density?: number;
  /** Rows [row0, row1) and columns [col0, col1) weigh `value`, the rest 1 (default: the top-left quarter, 10). */
  block?: { row0: number; row1: number; col0: number; col1: number; value: number };
  /** The matrix whose entry-wise squares are the importance ('fisher'). */
  importance?: Matrix;
  /** 'fisher': sum the importance per row and use it for the whole row (FWSVD's weights). */
  perRow?: boolean;
  /** The matrix whose NaN entries are missing ('missing'). */
  data?: Matrix;
}

/** Default 'random-mask' density: most entries observed, enough missing to matter. */
const DEFAULT_DENSITY = 0.7;
/** Default 'block' weight. */
const DEFAULT_BLOCK_VALUE = 10;

/**
 * A rows x cols weight matrix of the given kind. 'rows' / 'columns': a seeded smooth importance
 * profile (exp of a few low-frequency sines, weights within about e^-2..e^2), mean 1. 'missing': 0
 * where `data` is NaN, 1 elsewhere. 'fisher': entry-wise squares of `importance` (summed per row and
 * broadcast when `perRow`), scaled so the mean weight is 1.
 *
 * @example
 * weightPreset('block', 4, 4, { block: { row0: 0, row1: 2, col0: 0, col1: 2, value: 5 } });
 * // 5 in the top-left 2 x 2, 1 elsewhere
 */
export function weightPreset(kind: WeightPreset, rows: number, cols: number, options: WeightPresetOptions = {}): Matrix {
  const fn = 'weightPreset';
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new LinalgError(`${fn}: the shape must be positive integers, got ${rows} x ${cols}`);
  }
  const seed = options.seed ?? 0;
  const out = new Float64Array(rows * cols);
  switch (kind) {
    case 'uniform':
      out.fill(1);
      break;
    case 'rows': {
      const profile = smoothProfile(rows, seed);
      for (let i = 0; i < rows; i++) out.fill(profile[i], i * cols, (i + 1) * cols);
      break;
    }
    case 'columns': {
      const profile = smoothProfile(cols, seed);
      for (let i = 0; i < rows; i++) out.set(profile, i * cols);
      break;
    }
    case 'block':
      fillBlock(fn, out, rows, cols, options.block);
      break;
    case 'random-mask': {
      const density = options.density ?? DEFAULT_DENSITY;
      if (!(density > 0 && density <= 1)) throw new LinalgError(`${fn}: density must be in (0, 1], got ${density}`);
      const rng = createRandom(seed);
      for (let i = 0; i < out.length; i++) out[i] = rng.uniform() < density ? 1 : 0;
      break;
    }
    case 'missing': {
      const data = options.data;
      if (!data) throw new LinalgError(`${fn}: 'missing' needs the data matrix (options.data) whose NaN entries are missing`);
      sameShape(fn, data, rows, cols, 'data matrix');
      for (let i = 0; i < out.length; i++) out[i] = Number.isNaN(data.data[i]) ? 0 : 1;
      break;
    }
    case 'fisher': {
      const importance = options.importance;
      if (!importance) throw new LinalgError(`${fn}: 'fisher' needs the importance matrix (options.importance), e.g. saved gradients`);
      sameShape(fn, importance, rows, cols, 'importance matrix');
      return fisherWeights(importance, { perRow: options.perRow });
    }
    default:
      throw new LinalgError(`${fn}: unknown preset '${String(kind)}'`);
  }
  return { rows, cols, data: out };
}

/**
 * Fisher-like weights from gradients (or any importance): W = G o G entry by entry, or with
 * `perRow` each row's sum of squares for the whole row (FWSVD's row importance), scaled so the mean
 * weight is 1 (scaling changes no minimiser).
 *
 * @example
 * fisherWeights(fromArrays([[1, 3]])); // [[0.2, 1.8]]
 */
export function fisherWeights(gradientsOrImportance: Matrix, options: { perRow?: boolean } = {}): Matrix {
  const fn = 'fisherWeights';
  assertMatrix(fn, gradientsOrImportance, 'importance matrix');
  const { rows, cols, data } = gradientsOrImportance;
  // Squares are taken relative to the largest entry, so gradients near 1e-200 do not underflow to 0.
  let big = 0;
  for (let i = 0; i < data.length; i++) big = Math.max(big, Math.abs(data[i]));
  if (big === 0) throw new LinalgError(`${fn}: the ${shapeText(rows, cols)} importance matrix is all zero, so it gives no weights`);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = (data[i] / big) ** 2;
  if (options.perRow) {
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += out[i * cols + j];
      out.fill(sum, i * cols, (i + 1) * cols);
    }
  }
  let total = 0;
  for (let i = 0; i < out.length; i++) total += out[i];
  const toMeanOne = out.length / total;
  for (let i = 0; i < out.length; i++) out[i] *= toMeanOne;
  return { rows, cols, data: out };
}

/** exp of three seeded low-frequency sines over [0, 1], scaled to mean 1. */
function smoothProfile(length: number, seed: number): Float64Array {
  const rng = createRandom(seed);
  const terms = [1, 2, 3].map((frequency) => ({ frequency, amplitude: rng.normal() / frequency, phase: 2 * Math.PI * rng.uniform() }));
  const out = new Float64Array(length);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const t = length === 1 ? 0.5 : i / (length - 1);
    let log = 0;
    for (const { frequency, amplitude, phase } of terms) log += amplitude * Math.sin(Math.PI * frequency * t + phase);
    out[i] = Math.exp(log);
    sum += out[i];
  }
  for (let i = 0; i < length; i++) out[i] *= length / sum;
  return out;
}

function fillBlock(fn: string, out: Float64Array, rows: number, cols: number, block: WeightPresetOptions['block']): void {
  const { row0, row1, col0, col1, value } = block ?? {
    row0: 0, row1: Math.ceil(rows / 2), col0: 0, col1: Math.ceil(cols / 2), value: DEFAULT_BLOCK_VALUE,
  };
  const inRange = (lo: number, hi: number, size: number) => Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && lo < hi && hi <= size;
  if (!inRange(row0, row1, rows) || !inRange(col0, col1, cols)) {
    throw new LinalgError(`${fn}: the block rows [${row0}, ${row1}) and columns [${col0}, ${col1}) must be non-empty integer ranges inside ${shapeText(rows, cols)}`);
  }
  if (!(value >= 0 && value < Infinity)) throw new LinalgError(`${fn}: the block value is ${value}; weights must be finite and non-negative`);
  out.fill(1);
  for (let i = row0; i < row1; i++) out.fill(value, i * cols + col0, i * cols + col1);
}

function sameShape(fn: string, a: Matrix, rows: number, cols: number, what: string): void {
  if (!a || !(a.data instanceof Float64Array) || a.rows !== rows || a.cols !== cols || a.data.length !== rows * cols) {
    const shape = a && Number.isInteger(a.rows) ? shapeText(a.rows, a.cols) : 'not a matrix';
    throw new LinalgError(`${fn}: the ${what} is ${shape}; the weights are to be ${shapeText(rows, cols)}`);
  }
}
