/**
 * The 'tensorDecompose' job: one tensor in Tensor-Train form (TT-SVD with ε and per-bond rank
 * caps), beside its Tucker (truncated HOSVD) and CP (ALS) forms with their parameter counts and
 * errors; for the page, each bond's spectrum with its cut, the step-through of TT-SVD, a slice of
 * the original, the reconstruction and the residual (3-way tensors), and the rows of one bond's
 * unfolding as points in their top three singular coordinates.
 *
 * The decompositions are kept by what they depend on: CP does not change with ε, so dragging
 * the ε slider reruns only TT-SVD and HOSVD.
 */
import {
  cpAls, hosvd, randomizedSvd, sequentialUnfolding, svd, tensorJobFlops, ttSvd, ttSvdSteps, ttToFull, ttRankBounds,
  type CpResult, type Matrix, type Tensor, type TtSvdResult, type TtSvdStep, type TuckerResult,
} from '../core';
import { EXACT_SVD_TIME_BUDGET_SECONDS, formatSeconds } from './memoryBudget';
import { CodedJobError, type HandlerResult, type JobContext } from './protocol';
import { deviceFlopRate } from './svdJob';
import { loadTensor, reshaped, type TensorSource } from './tensorSources';

export interface TensorJobInput {
  source: TensorSource;
  /** Reshape (C order) to this shape first; absent: the tensor's own shape. */
  shape?: number[];
  eps?: number;
  maxRank?: number[];
  cpRank: number;
  /** 0-based: the slice along mode 1 shown (3-way tensors). */
  sliceIndex: number;
  /** 1-based bond whose unfolding's rows are drawn as a point cloud. */
  bond: number;
  /** Run even when the estimate is over the time budget (the person asked). */
  anyway?: boolean;
}

export interface DecompositionSummary {
  parameters: number;
  compressionFactor: number;
  relativeError: number;
}

export interface TensorJobOutput {
  title: string;
  description: string;
  originalShape: number[];
  shape: number[];
  elements: number;
  sha256: string | null;
  tt: DecompositionSummary & {
    ranks: number[];
    bounds: number[];
    errorBound: number;
    singularValues: Float64Array[];
    steps: TtSvdStep[];
  };
  tucker: (DecompositionSummary & { ranks: number[] }) | { error: string };
  cp: (DecompositionSummary & { rank: number; fits: Float64Array; iterations: number; stopped: CpResult['stopped'] }) | { error: string };
  slice: { index: number; of: number; rows: number; cols: number; original: Float64Array; tt: Float64Array; residual: Float64Array } | null;
  bondCloud: { bond: number; rows: number; shown: number; points: Float64Array; singularValues: Float64Array; keptRank: number } | null;
}

/** CP-ALS's sweeps at most. */
const CP_ITERATIONS = 100;

/** Order-1 tensors have no bond; above this many entries the page asks for a smaller tensor. */
export const TENSOR_MAX_ENTRIES = 2 ** 25;
const CLOUD_POINTS = 4096;

let cpCache: { key: string; cp: CpResult } | null = null;
let ttCache: { key: string; tt: TtSvdResult; full: Tensor; steps: TtSvdStep[] } | null = null;
let cloudCache: { key: string; cloud: TensorJobOutput['bondCloud'] } | null = null;

/** The last tensor train computed, for the export job. */
export function lastTensorTrain(): TtSvdResult | null {
  return ttCache?.tt ?? null;
}

function summary(r: { parameters: number; compressionFactor: number; relativeError: number }): DecompositionSummary {
  return { parameters: r.parameters, compressionFactor: r.compressionFactor, relativeError: r.relativeError };
}

function failure(error: unknown): { error: string } {
  return { error: error instanceof Error ? error.message : String(error) };
}

/** Mode-1 slice `index` of a C-contiguous 3-way tensor, as rows x cols. */
function slice3(t: Tensor, index: number): Float64Array {
  const [, rows, cols] = t.shape;
  const start = index * rows * cols;
  return Float64Array.from(t.data.subarray(start, start + rows * cols));
}

/** The rows of the bond's unfolding in its top three singular coordinates (U_3 S_3), up to CLOUD_POINTS rows. */
function bondCloud(t: Tensor, bond: number, keptRank: number): TensorJobOutput['bondCloud'] {
  const d = t.shape.length;
  if (d < 2 || bond < 1 || bond > d - 1) return null;
  const full = sequentialUnfolding(t, bond);
  const step = Math.max(1, Math.ceil(full.rows / CLOUD_POINTS));
  const shown = Math.ceil(full.rows / step);
  const m: Matrix = { rows: shown, cols: full.cols, data: new Float64Array(shown * full.cols) };
  for (let i = 0; i < shown; i++) m.data.set(full.data.subarray(i * step * full.cols, (i * step + 1) * full.cols), i * full.cols);
  const p = Math.min(m.rows, m.cols);
  const f = p <= 512 ? svd(m) : randomizedSvd(m, 3, { seed: 1 });
  const points = new Float64Array(shown * 3);
  for (let i = 0; i < shown; i++) for (let j = 0; j < Math.min(3, f.s.length); j++) points[i * 3 + j] = f.u.data[i * f.u.cols + j] * f.s[j];
  return { bond, rows: full.rows, shown, points, singularValues: f.s, keptRank };
}

/** The bond's cloud depends on the tensor and the bond, not on ε: an SVD of the unfolding spared per slider step. */
function cachedCloud(sourceKey: string, t: Tensor, bond: number, keptRank: number): TensorJobOutput['bondCloud'] {
  const key = JSON.stringify([sourceKey, bond]);
  if (cloudCache?.key !== key) cloudCache = { key, cloud: bondCloud(t, bond, keptRank) };
  return cloudCache.cloud && { ...cloudCache.cloud, keptRank };
}

export async function runTensorJob(input: TensorJobInput, context: JobContext): Promise<HandlerResult<TensorJobOutput>> {
  context.progress(0, 'reading the tensor');
  const loaded = await loadTensor(input.source, context);
  const t = reshaped(loaded.tensor, input.shape);
  const elements = t.data.length;
  if (elements > TENSOR_MAX_ENTRIES) throw new Error(`The tensor has ${elements.toLocaleString('en-US')} entries; the tensor workspace takes up to ${TENSOR_MAX_ENTRIES.toLocaleString('en-US')}.`);
  if (t.shape.length < 2) {
    throw new Error(`The tensor is a vector of ${t.shape[0]} entries: reshape it into a tensor of two or more modes first (for example ${t.shape[0] === 768 ? '8 × 8 × 12' : 'one of the factorizations listed'}).`);
  }
  // Priced before anything is computed: a big array of a file can take minutes (docs/reliability.md).
  const seconds = tensorJobFlops(t.shape, input.cpRank, CP_ITERATIONS) / deviceFlopRate();
  if (!input.anyway && seconds > EXACT_SVD_TIME_BUDGET_SECONDS) {
    throw new CodedJobError(
      'over-budget',
      `Decomposing this ${t.shape.join(' × ')} tensor (TT-SVD, Tucker and CP of rank ${input.cpRank}) would take up to about ${formatSeconds(seconds)} on this device, over the ${EXACT_SVD_TIME_BUDGET_SECONDS} s budget, so it was not started. A reshape with a smaller first mode, a smaller CP rank or a slice of the array is faster.`,
    );
  }
  const options = { eps: input.eps, maxRank: input.maxRank };
  const sourceKey = JSON.stringify([input.source, t.shape]);
  const ttKey = JSON.stringify([sourceKey, options]);
  context.progress(0.1, 'TT-SVD');
  if (ttCache?.key !== ttKey) {
    const tt = ttSvd(t, options);
    ttCache = { key: ttKey, tt, full: ttToFull(tt), steps: ttSvdSteps(t, options) };
  }
  const { tt, full, steps } = ttCache;
  context.progress(0.4, 'Tucker (HOSVD)');
  let tucker: TensorJobOutput['tucker'];
  try {
    const ranks = input.maxRank ? t.shape.map((n, k) => Math.min(n, input.maxRank![Math.min(k, input.maxRank!.length - 1)])) : undefined;
    const r: TuckerResult = input.eps !== undefined && input.eps > 0 && !ranks ? hosvd(t, { eps: input.eps }) : hosvd(t, { ranks: ranks ?? t.shape.slice() });
    tucker = { ...summary(r), ranks: r.ranks };
  } catch (error) {
    tucker = failure(error);
  }
  context.progress(0.6, 'CP (ALS)');
  let cp: TensorJobOutput['cp'];
  try {
    const cpKey = JSON.stringify([sourceKey, input.cpRank]);
    if (cpCache?.key !== cpKey) cpCache = { key: cpKey, cp: cpAls(t, input.cpRank, { maxIter: CP_ITERATIONS, tol: 1e-7, seed: 1 }) };
    const r = cpCache.cp;
    cp = { ...summary(r), rank: input.cpRank, fits: r.fits, iterations: r.iterations, stopped: r.stopped };
  } catch (error) {
    cp = failure(error);
  }
  context.progress(0.9, 'slices and the bond\'s geometry');
  let slice: TensorJobOutput['slice'] = null;
  if (t.shape.length === 3) {
    const index = Math.max(0, Math.min(t.shape[0] - 1, input.sliceIndex));
    const original = slice3(t, index);
    const approx = slice3(full, index);
    slice = { index, of: t.shape[0], rows: t.shape[1], cols: t.shape[2], original, tt: approx, residual: original.map((x, i) => x - approx[i]) };
  }
  const bond = Math.max(1, Math.min(t.shape.length - 1, input.bond));
  const output: TensorJobOutput = {
    title: loaded.title,
    description: loaded.description,
    originalShape: loaded.tensor.shape.slice(),
    shape: t.shape.slice(),
    elements,
    sha256: loaded.sha256,
    tt: { ...summary(tt), ranks: tt.ranks.slice(), bounds: ttRankBounds(t.shape), errorBound: tt.errorBound, singularValues: tt.singularValues, steps },
    tucker,
    cp,
    slice,
    bondCloud: cachedCloud(sourceKey, t, bond, tt.ranks[bond]),
  };
  return { output, transfer: [] };
}
