/**
 * The 'tensorDecompose' job: one tensor in Tensor-Train form (TT-SVD with ε and per-bond rank
 * caps), beside its Tucker (truncated HOSVD) and CP (ALS) forms with their parameter counts and
 * errors; for the page, each bond's spectrum with its cut, the step-through of TT-SVD, a slice of
 * the original, the reconstruction and the residual (3-way tensors), and one bond's unfolding as
 * a low-rank view (worker/lowRankView.ts: its heatmaps) with its rows as points in their top three
 * singular coordinates.
 *
 * The decompositions are kept by what they depend on: CP and the bond's unfolding do not change
 * with ε, so dragging the ε slider reruns only TT-SVD and HOSVD.
 */
import {
  columns, cpAls, hosvd, randomizedSvd, sequentialUnfolding, svd, svdCost, tensorJobFlops, ttSvd, ttSvdSteps, ttToFull, ttRankBounds,
  type CpResult, type Matrix, type SvdPlan, type Tensor, type TtSvdResult, type TtSvdStep, type TuckerResult,
} from '../core';
import { lowRankView, pooledView, viewBuffers, type LowRankView, type PooledView } from './lowRankView';
import { EXACT_SVD_TIME_BUDGET_SECONDS, formatSeconds } from './memoryBudget';
import { CodedJobError, type HandlerResult, type JobContext } from './protocol';
import { deviceFlopRate } from './svdJob';
import { capsPerBond, loadTensor, reshaped, type TensorSource } from './tensorSources';

export interface TensorJobInput {
  source: TensorSource;
  /** Reshape (C order) to this shape first; absent: the tensor's own shape. */
  shape?: number[];
  eps?: number;
  maxRank?: number[];
  cpRank: number;
  /** 0-based: the slice along mode 1 shown (3-way tensors). */
  sliceIndex: number;
  /** 1-based bond whose unfolding is drawn (its rows as a point cloud, its heatmaps). */
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
  /** The same bond's unfolding as a low-rank view of its leading triplets (see bondUnfolding). */
  bondView: BondView | null;
}

/**
 * The bond's sequential unfolding (rows n_1…n_b, columns n_{b+1}…n_d) as a low-rank view of its
 * leading p = min(rows, cols, BOND_VIEW_TERMS) singular triplets. `complete` when p is all of them
 * (then U diag(s) V^T is the unfolding itself).
 */
/** The bond's unfolding as the page gets it: the pooled part of its view (see PooledView). */
export type BondView = PooledView & { bond: number; complete: boolean };
/** The bond's unfolding as the worker keeps it: the whole view (the cloud comes from its U). */
export type BondUnfoldingView = LowRankView & { bond: number; complete: boolean };

/** CP-ALS's sweeps at most. */
const CP_ITERATIONS = 100;

/** Order-1 tensors have no bond; above this many entries the page asks for a smaller tensor. */
export const TENSOR_MAX_ENTRIES = 2 ** 25;
const CLOUD_POINTS = 4096;
/**
 * The bond's view keeps at most this many triplets: enough for the heatmaps' ranks and the cloud's
 * axes, and a message of (rows + cols) x 64 numbers however wide the spectrum is.
 */
export const BOND_VIEW_TERMS = 64;
/**
 * Up to this min(rows, cols) the unfolding's SVD is exact (Jacobi or Golub-Kahan: the cloud keeps
 * the whole spectrum, so the energy the kept rank holds is exact); above it, the randomized SVD of
 * the top BOND_VIEW_TERMS triplets (seeded, so the same tensor gives the same view), whose cost
 * grows with rows x cols x 64 instead of rows x cols x min(rows, cols).
 */
const BOND_EXACT_MAX = 512;
const BOND_SEED = 1;

type BondCloud = NonNullable<TensorJobOutput['bondCloud']>;
interface BondUnfolding {
  view: BondUnfoldingView;
  /** The cloud without the kept rank, which changes with ε. */
  cloud: Omit<BondCloud, 'keptRank'>;
}

let cpCache: { key: string; cp: CpResult } | null = null;
let ttCache: { key: string; tt: TtSvdResult; full: Tensor; steps: TtSvdStep[] } | null = null;
let bondCache: { key: string; unfolding: BondUnfolding | null } | null = null;

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

/** How the bond's unfolding is factored (and priced): exactly when its smaller side is at most BOND_EXACT_MAX; no error estimate (nothing reads it). */
function bondSvdPlan(rows: number, cols: number): SvdPlan {
  const p = Math.min(rows, cols);
  return p <= BOND_EXACT_MAX ? { kind: 'exact' } : { kind: 'randomized', k: Math.min(p, BOND_VIEW_TERMS), oversample: 10, powerIterations: 2, probes: 0 };
}

/** The leading p columns of a factor (the factor itself when it has no more). */
function leading(f: Matrix, p: number): Float64Array {
  return f.cols === p ? f.data : columns(f, 0, p).data;
}

/**
 * The bond's unfolding as a low-rank view (the shared builder: energies, pooled blocks for the
 * heatmaps) and, from the same SVD, its rows in their top three singular coordinates (U_3 S_3) at
 * every step-th row, up to CLOUD_POINTS of them: the cloud subsamples rows for drawing only.
 */
export function bondUnfolding(t: Tensor, bond: number): BondUnfolding | null {
  const d = t.shape.length;
  if (d < 2 || bond < 1 || bond > d - 1) return null;
  const a = sequentialUnfolding(t, bond);
  const plan = bondSvdPlan(a.rows, a.cols);
  const f = plan.kind === 'exact' ? svd(a) : randomizedSvd(a, plan.k, { oversample: plan.oversample, powerIterations: plan.powerIterations, probes: plan.probes, seed: BOND_SEED });
  const p = Math.min(f.s.length, BOND_VIEW_TERMS);
  const view: BondUnfoldingView = {
    ...lowRankView(a, leading(f.u, p), f.s.slice(0, p), leading(f.v, p), p),
    bond,
    complete: p === Math.min(a.rows, a.cols),
  };
  const step = Math.max(1, Math.ceil(a.rows / CLOUD_POINTS));
  const shown = Math.ceil(a.rows / step);
  const axes = Math.min(3, p);
  const points = new Float64Array(shown * 3);
  for (let i = 0; i < shown; i++) for (let j = 0; j < axes; j++) points[i * 3 + j] = view.u[i * step * p + j] * view.s[j];
  return { view, cloud: { bond, rows: a.rows, shown, points, singularValues: f.s } };
}

/** The bond's unfolding depends on the tensor and the bond, not on ε: an SVD of the unfolding spared per slider step. */
function cachedBondUnfolding(sourceKey: string, t: Tensor, bond: number): BondUnfolding | null {
  const key = JSON.stringify([sourceKey, bond]);
  if (bondCache?.key !== key) bondCache = { key, unfolding: bondUnfolding(t, bond) };
  return bondCache.unfolding;
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
  const bond = Math.max(1, Math.min(t.shape.length - 1, input.bond));
  const rate = deviceFlopRate();
  const bondRows = t.shape.slice(0, bond).reduce((x, y) => x * y, 1);
  const seconds = tensorJobFlops(t.shape, input.cpRank, CP_ITERATIONS) / rate + svdCost(bondRows, elements / bondRows, bondSvdPlan(bondRows, elements / bondRows), rate).seconds;
  if (!input.anyway && seconds > EXACT_SVD_TIME_BUDGET_SECONDS) {
    throw new CodedJobError(
      'over-budget',
      `Decomposing this ${t.shape.join(' × ')} tensor (TT-SVD, Tucker and CP of rank ${input.cpRank}) would take up to about ${formatSeconds(seconds)} on this device, over the ${EXACT_SVD_TIME_BUDGET_SECONDS} s budget, so it was not started. A reshape with a smaller first mode, a smaller CP rank or a slice of the array is faster.`,
    );
  }
  const options = { eps: input.eps, maxRank: capsPerBond(input.maxRank, t.shape.length - 1) };
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
  const unfolding = cachedBondUnfolding(sourceKey, t, bond);
  // The page is sent a copy of the view's pooled part (the heatmaps read no more; U and V grow with
  // the tensor), moved, not cloned on its thread; the cache keeps the view for the next ε step.
  const bondView: BondView | null = unfolding && { ...pooledView(unfolding.view), bond: unfolding.view.bond, complete: unfolding.view.complete };
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
    bondCloud: unfolding && { ...unfolding.cloud, keptRank: tt.ranks[bond] },
    bondView,
  };
  return { output, transfer: bondView ? viewBuffers(bondView) : [] };
}
