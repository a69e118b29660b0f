/**
 * The 'weightedRace' job: the best rank-k approximation of A under entry weights W, by several
 * methods from the same start, side by side with plain SVD and FWSVD (core/weighted).
 *
 * The methods race: the job steps each one in turn and streams what each iteration reached (its
 * weighted objective and plain error) every few tens of milliseconds, yielding to the worker's
 * event loop between steps so that a cancel arrives at once. Pausing is cancelling: the solvers
 * stay here under the race's id, and a job with `resume` carries on where they stopped. A
 * restarted worker has forgotten them; the race then starts again and says so (`restarted`).
 */
import {
  compressionFactor, createWeightedSolver, fwsvd, lowRank, principalAngles, qr, rowBlockMeans, rowWeightsOf, svd, svdRisk,
  weightedObjective, weightPreset, activationAwareSvd, activationDataError, gramOf, matmul, transpose,
  type Matrix, type SvdRisk, type WeightedMethod, type WeightedSolver, type WeightedStop, type WeightPreset,
} from '../core';
import { checkedWeight, type WeightRefLike } from './fileJobs';
import { heldMatrix } from './heldMatrices';
import { letMessagesIn } from './letMessagesIn';
import { lowRankViewOfFactors, summarize, viewBuffers, type LowRankView } from './lowRankView';
import { JobCancelled, type HandlerResult, type JobContext } from './protocol';

export type WeightSourceKind = WeightPreset | 'file';
export type WeightedInitKind = 'svd' | 'fwsvd' | 'random' | 'zero';

export interface WeightsSpec {
  source: WeightSourceKind;
  seed?: number;
  density?: number;
  /** Rows [r0, r1), columns [c0, c1) and their weight; the rest weigh 1. */
  block?: [number, number, number, number, number];
  perRow?: boolean;
  /** The weights themselves (source 'file') or the matrix whose squares are the importance ('fisher'). */
  file?: WeightRefLike;
}

/** [row, column, radius, value]: the square of half-width radius around (row, column) set to value. */
export type PaintStroke = [number, number, number, number];

export interface WeightedJobInput {
  a: { rows: number; cols: number; data?: Float64Array; heldKey?: string };
  weights: WeightsSpec;
  paint: PaintStroke[];
  rank: number;
  methods: WeightedMethod[];
  init: WeightedInitKind;
  maxIter: number;
  seed: number;
  /** Inputs X for the activation-aware SVD (min ||(A - B) X||_F), from a file. */
  inputs?: { ref: WeightRefLike; layout: 'rows-are-samples' | 'columns-are-samples' };
  raceId: string;
  resume: boolean;
}

/** One method's standing: its curve so far and, for spaces of at most 3 dimensions, what it looks like. */
export interface MethodStanding {
  method: WeightedMethod;
  objectives: Float64Array;
  plainErrors: Float64Array;
  iterations: number;
  stopped: WeightedStop | null;
  /** Principal angles (radians, ascending) between its column space and the SVD's rank-k one. */
  angles: Float64Array;
  /** Its approximation when A is at most 3 x 3 (the scene draws it). */
  approximation: Float64Array | null;
  /** An orthonormal basis of its column space when A has at most 3 rows. */
  basis: Float64Array | null;
}

export interface ClosedFormResult {
  objective: number;
  plainError: number;
  approximation: Float64Array | null;
  basis: Float64Array | null;
  angles: Float64Array;
}

export interface WeightedBaseline {
  rows: number;
  cols: number;
  rank: number;
  svd: ClosedFormResult;
  /** FWSVD with each row weighted by its row sum of W (exact when W is constant along rows). */
  fwsvd: ClosedFormResult;
  rowWeightsExact: boolean;
  compressionFactor: number;
  /** The weights as drawn: all of them up to 512 x 512, else row-block means (see `weightsRows`). */
  weights: { rows: number; cols: number; data: Float64Array; min: number; max: number; mean: number; zeros: number; exact: boolean };
  /** SHA-256 of the weight or importance file, for links. */
  fileHash: string | null;
  activationAware: { dataError: number; svdDataError: number; plainError: number; ridgeUsed: number; samples: number } | null;
}

export interface WeightedPartial {
  baseline?: WeightedBaseline;
  standings: MethodStanding[];
}

export interface WeightedJobOutput {
  baseline: WeightedBaseline;
  standings: MethodStanding[];
  risk: SvdRisk;
  /** The race had to start again (the worker no longer held the paused one). */
  restarted: boolean;
  /**
   * Where each approximation ended, as low-rank views for the heatmaps and the spectrum: FWSVD's and
   * each method's, in the order of `standings` (plain SVD's is the SVD job's). Only in the final
   * result: two factors per method are too much to stream every 80 ms.
   */
  views: { fwsvd: LowRankView; methods: LowRankView[] };
}

/** Weighted matrices up to this many entries: a 2048 x 2048 EM iteration takes seconds already. */
export const WEIGHTED_MAX_ENTRIES = 2048 * 2048;
/** Between two streamed updates. */
const STREAM_MS = 80;
const SMALL = 3;

interface Race {
  key: string;
  a: Matrix;
  w: Matrix;
  solvers: WeightedSolver[];
  records: { objectives: number[]; plainErrors: number[] }[];
  baseline: WeightedBaseline;
  /** FWSVD's factors, for its view in the final result. */
  fwsvd: { x: Matrix; y: Matrix };
  svdBasis: Matrix;
  svd: ReturnType<typeof svd>;
}

/** The paused (or last) race, by id: one at a time, it holds two m x k factors per method. */
let paused: { id: string; race: Race } | null = null;

/** The last race (paused, cancelled or finished), for the export job: its A, W and each method's factors. */
export function lastRace(): { a: Matrix; w: Matrix; methods: Array<{ method: WeightedMethod; x: Matrix; y: Matrix }> } | null {
  if (!paused) return null;
  const { a, w, solvers } = paused.race;
  return { a, w, methods: solvers.map((s) => ({ method: s.method, ...s.factors() })) };
}


async function dataOf(input: WeightedJobInput): Promise<Matrix> {
  const { rows, cols } = input.a;
  if (rows * cols > WEIGHTED_MAX_ENTRIES) {
    throw new Error(`A is ${rows} x ${cols}; the weighted methods here take matrices of up to ${WEIGHTED_MAX_ENTRIES.toLocaleString('en-US')} entries (2048 x 2048), whose iterations already take seconds each.`);
  }
  if (input.a.data) return { rows, cols, data: input.a.data };
  if (input.a.heldKey) return heldMatrix(input.a.heldKey);
  throw new Error('The weighted job got no matrix.');
}

/** W from its spec, with the brush strokes painted over it. */
export async function buildWeights(spec: WeightsSpec, paint: readonly PaintStroke[], a: Matrix): Promise<{ w: Matrix; fileHash: string | null }> {
  const { rows, cols } = a;
  let w: Matrix;
  let fileHash: string | null = null;
  if (spec.source === 'missing' && spec.file) {
    // A's own array with its NaN kept (A has them as 0): weight 0 there, 1 elsewhere.
    const { matrix } = await checkedWeight({ ...spec.file, sha256: undefined }, 'array with missing entries', false, 'keep');
    if (matrix.rows !== rows || matrix.cols !== cols) throw new Error(`The array with missing entries is ${matrix.rows} x ${matrix.cols}; A is ${rows} x ${cols}.`);
    w = weightPreset('missing', rows, cols, { data: matrix });
  } else if (spec.source === 'file' || spec.source === 'fisher') {
    if (!spec.file) throw new Error(spec.source === 'file' ? 'Choose the array of weights from an opened file.' : 'Choose the matrix whose squares give the importance (for example saved gradients) from an opened file.');
    const { matrix, sha256 } = await checkedWeight(spec.file, spec.source === 'file' ? 'weight array' : 'importance matrix');
    if (matrix.rows !== rows || matrix.cols !== cols) {
      throw new Error(`The ${spec.source === 'file' ? 'weights are' : 'importance matrix is'} ${matrix.rows} x ${matrix.cols}; they must have the shape of A, ${rows} x ${cols}.`);
    }
    fileHash = sha256;
    w = spec.source === 'file' ? matrix : weightPreset('fisher', rows, cols, { importance: matrix, perRow: spec.perRow });
  } else {
    const block = spec.block && { row0: spec.block[0], row1: Math.min(rows, spec.block[1]), col0: spec.block[2], col1: Math.min(cols, spec.block[3]), value: spec.block[4] };
    w = weightPreset(spec.source, rows, cols, { seed: spec.seed, density: spec.density, block, data: a });
  }
  if (paint.length > 0) {
    w = { rows, cols, data: w.data.slice() };
    for (const [i, j, radius, value] of paint) {
      for (let r = Math.max(0, i - radius); r <= Math.min(rows - 1, i + radius); r++) {
        for (let c = Math.max(0, j - radius); c <= Math.min(cols - 1, j + radius); c++) w.data[r * cols + c] = value;
      }
    }
  }
  return { w, fileHash };
}

function weightsPreview(w: Matrix): WeightedBaseline['weights'] {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  for (const x of w.data) {
    min = Math.min(min, x);
    max = Math.max(max, x);
    sum += x;
    if (x === 0) zeros++;
  }
  const exact = w.rows <= 512 && w.cols <= 512;
  const shown = exact ? { rows: w.rows, data: w.data.slice() } : rowBlockMeans(w, 512);
  return { rows: shown.rows, cols: w.cols, data: shown.data, min, max, mean: sum / w.data.length, zeros, exact };
}

function plainError(a: Matrix, approx: Matrix): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = a.data[i] - approx.data[i];
    if (Number.isFinite(d)) sum += d * d;
  }
  return Math.sqrt(sum);
}

/** An orthonormal basis of the column space of X (m x k). */
function columnBasis(x: Matrix): Matrix {
  return qr(x).q;
}

function closedForm(a: Matrix, w: Matrix, approx: Matrix, x: Matrix, svdBasis: Matrix): ClosedFormResult {
  const small = a.rows <= SMALL && a.cols <= SMALL;
  const basis = columnBasis(x);
  return {
    objective: weightedObjective(a, w, approx),
    plainError: plainError(a, approx),
    approximation: small ? approx.data.slice() : null,
    basis: a.rows <= SMALL ? basis.data.slice() : null,
    angles: principalAngles(svdBasis, basis).angles,
  };
}

/** Below this many entries the streamed updates carry each method's angles too (cheap there). */
const LIVE_GEOMETRY_ENTRIES = 200 * 200;

/**
 * One method's standing, with its records from `since` on. The angles (a QR and a small SVD) and
 * the approximation cost a few GEMMs: streamed updates of big matrices leave them out (`geometry`
 * false: empty angles), the final result always has them.
 */
function standing(race: Race, index: number, since: number, geometry: boolean): MethodStanding {
  const solver = race.solvers[index];
  const record = race.records[index];
  const small = race.a.rows <= SMALL && race.a.cols <= SMALL;
  let angles: Float64Array = new Float64Array(0);
  let basis: Float64Array | null = null;
  let approximation: Float64Array | null = null;
  if (geometry) {
    const { x, y } = solver.factors();
    const q = columnBasis(x);
    angles = principalAngles(race.svdBasis, q).angles;
    if (race.a.rows <= SMALL) basis = q.data;
    if (small) approximation = matmul(x, transpose(y)).data;
  }
  return {
    method: solver.method,
    objectives: Float64Array.from(record.objectives.slice(since)),
    plainErrors: Float64Array.from(record.plainErrors.slice(since)),
    iterations: record.objectives.length - 1,
    stopped: solver.stopped,
    angles,
    approximation,
    basis,
  };
}

async function activationAware(input: WeightedJobInput, a: Matrix, k: number, svdApprox: Matrix): Promise<WeightedBaseline['activationAware']> {
  if (!input.inputs) return null;
  const { matrix: x } = await checkedWeight(input.inputs.ref, 'input matrix');
  const samples = input.inputs.layout === 'rows-are-samples' ? x.rows : x.cols;
  const width = input.inputs.layout === 'rows-are-samples' ? x.cols : x.rows;
  if (width !== a.cols) throw new Error(`The inputs have ${width} features; A has ${a.cols} columns, and it acts on inputs of that size (A x).`);
  const gram = gramOf(x, input.inputs.layout);
  const result = activationAwareSvd(a, gram, k);
  // Plain SVD measured the same way, so the two data errors compare.
  return { dataError: result.dataError, svdDataError: activationDataError(a, svdApprox, gram), plainError: result.plainError, ridgeUsed: result.ridgeUsed, samples };
}

async function startRace(input: WeightedJobInput, context: JobContext, key: string): Promise<Race> {
  const a = await dataOf(input);
  const k = input.rank;
  const p = Math.min(a.rows, a.cols);
  if (!Number.isInteger(k) || k < 1 || k > p) throw new Error(`The rank must be a whole number from 1 to ${p}; got ${k}.`);
  context.progress(0, 'building the weights');
  const { w, fileHash } = await buildWeights(input.weights, input.paint, a);
  context.progress(0.1, 'plain SVD and FWSVD');
  const f = svd(a);
  const svdApprox = lowRank(f, k);
  const uk: Matrix = { rows: a.rows, cols: k, data: new Float64Array(a.rows * k) };
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < k; j++) uk.data[i * k + j] = f.u.data[i * f.u.cols + j];
  const rowSums = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) rowSums[i] += w.data[i * a.cols + j];
  const exactRows = rowWeightsOf(w);
  const fw = fwsvd(a, exactRows ?? rowSums.map((s) => s / a.cols), k);
  const baseline: WeightedBaseline = {
    rows: a.rows,
    cols: a.cols,
    rank: k,
    svd: closedForm(a, w, svdApprox, uk, uk),
    fwsvd: closedForm(a, w, fw.approximation, fw.x, uk),
    rowWeightsExact: exactRows !== null,
    compressionFactor: compressionFactor(a.rows, a.cols, k),
    weights: weightsPreview(w),
    fileHash,
    activationAware: await activationAware(input, a, k, svdApprox),
  };
  const solvers = input.methods.map((method) => createWeightedSolver(a, w, k, { method, init: input.init, maxIter: input.maxIter, seed: input.seed, svd: f }));
  const records = solvers.map((s) => ({ objectives: [s.start.objective], plainErrors: [s.start.plainError] }));
  return { key, a, w, solvers, records, baseline, fwsvd: { x: fw.x, y: fw.y }, svdBasis: uk, svd: f };
}

/** FWSVD's and each method's approximation in SVD form; the views share one summary of A (one copy in the message). */
function finalViews(race: Race): WeightedJobOutput['views'] {
  const summary = summarize(race.a);
  return {
    fwsvd: lowRankViewOfFactors(race.a, race.fwsvd.x, race.fwsvd.y, summary),
    methods: race.solvers.map((solver) => {
      const { x, y } = solver.factors();
      return lowRankViewOfFactors(race.a, x, y, summary);
    }),
  };
}

/**
 * What a paused race must match to be resumed: its settings and the matrix's shape. The data itself
 * needs no check: the page starts a race with a new id for every change of the matrix.
 */
function raceKey(input: WeightedJobInput): string {
  const { a, resume: _resume, ...rest } = input;
  return JSON.stringify({ ...rest, rows: a.rows, cols: a.cols, heldKey: a.heldKey ?? null });
}

export async function runWeightedJob(input: WeightedJobInput, context: JobContext<WeightedPartial>): Promise<HandlerResult<WeightedJobOutput>> {
  const key = raceKey(input);
  let restarted = false;
  let race: Race;
  if (input.resume && paused?.id === input.raceId && paused.race.key === key) {
    race = paused.race;
  } else {
    restarted = input.resume;
    paused = null;
    race = await startRace(input, context, key);
    context.partial({ baseline: race.baseline, standings: race.solvers.map((_, i) => standing(race, i, 0, true)) });
  }
  paused = { id: input.raceId, race };
  const sent = race.records.map((r) => r.objectives.length);
  const liveGeometry = race.a.data.length <= LIVE_GEOMETRY_ENTRIES;
  let lastPost = performance.now();
  const post = () => {
    context.partial({ standings: race.solvers.map((_, i) => standing(race, i, sent[i], liveGeometry)) });
    race.records.forEach((r, i) => (sent[i] = r.objectives.length));
    lastPost = performance.now();
  };
  while (race.solvers.some((s) => !s.done)) {
    for (let i = 0; i < race.solvers.length; i++) {
      const solver = race.solvers[i];
      if (solver.done) continue;
      const record = solver.step();
      race.records[i].objectives.push(record.objective);
      race.records[i].plainErrors.push(record.plainError);
    }
    const total = race.solvers.reduce((sum, s, i) => sum + (s.done ? input.maxIter : race.records[i].objectives.length - 1), 0);
    context.progress(total / (input.maxIter * race.solvers.length), 'iterating');
    if (performance.now() - lastPost > STREAM_MS) {
      post();
      await letMessagesIn();
      if (context.isCancelled()) throw new JobCancelled();
    }
  }
  let best = Math.min(race.baseline.fwsvd.objective, race.baseline.svd.objective);
  for (const r of race.records) for (const value of r.objectives) best = Math.min(best, value);
  const standings = race.solvers.map((_, i) => standing(race, i, 0, true));
  const views = finalViews(race);
  return {
    output: { baseline: race.baseline, standings, risk: svdRisk(race.a, race.w, input.rank, best, { svd: race.svd }), restarted, views },
    transfer: viewBuffers(views.fwsvd, ...views.methods),
  };
}
