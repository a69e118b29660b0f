/**
 * The 'svd' job: the thin SVD of a dense matrix, plus, for matrices up to 3 x 3, the full SVD of the
 * matrix padded to a square (2 x 2 or 3 x 3) with its signs chosen for display, which the linear-map
 * view animates. The thin factors of small matrices then take the map's signs, so the panels and the
 * scene agree. With the randomized method it computes only the top k triplets (Halko-Martinsson-
 * Tropp), for matrices whose exact SVD takes too long, and reports ||A||_F^2 so that errors stay exact.
 *
 * Before it starts, the job estimates the SVD's time (from this device's GEMM speed, measured once)
 * and working memory (core/svd/svdCost.ts). An exact SVD over the memory budget, or, when the page asks
 * (`askAboveSeconds`), over the time budget, is not started: the job answers with the estimate and
 * the randomized SVD it suggests instead (`SvdDeclined`), and the page asks the person.
 */
import {
  matrixStructure, measureFlopRate, randomizedSvd, suggestedRank, svd, svdCost, matrix,
  type Matrix, type SvdCost,
} from '../core';
import { lowRankView, viewBuffers, type LowRankView } from './lowRankView';
import { squareMapOf, type SquareMap } from './squareMap';
import { heldMatrix, makeRoom } from './heldMatrices';
import type { HandlerResult, JobContext } from './protocol';
import { EXACT, methodFor, type SvdMethod } from './svdMethod';
import { formatBytes, WORKER_MEMORY_BUDGET } from './memoryBudget';

export type { SvdMethod };

export interface SvdJobInput {
  rows: number;
  cols: number;
  /** Row-major entries; or, instead, the key of a matrix the worker holds. */
  data?: Float64Array;
  heldKey?: string;
  /** Exact when absent. */
  method?: SvdMethod;
  /**
   * Whether the job may answer with an estimate instead of the SVD (SvdDeclined): for an exact SVD
   * over the worker's memory budget, and over `aboveSeconds` (the page sends its time budget until
   * the person says "compute it anyway", then null). Absent: the job computes, or throws when the
   * SVD would not fit the memory budget.
   */
  ask?: { aboveSeconds: number | null };
}

/** What the job expects an SVD to cost on this device. */
export interface SvdEstimate {
  seconds: number;
  /** Peak bytes of typed arrays beyond the matrix itself. */
  workingBytes: number;
  /** The matrix as float64. */
  matrixBytes: number;
  /** This device's GEMM speed the estimate assumed, flop/s. */
  flopRate: number;
}

/** The job's answer when it did not start an exact SVD: why, what it would cost, and what it suggests instead. */
export interface SvdDeclined {
  declined: {
    /** 'time': over the page's time budget (the person may still ask for it); 'memory': over the worker's memory budget (refused). */
    reason: 'time' | 'memory';
    rows: number;
    cols: number;
    exact: SvdEstimate;
    /** The randomized SVD suggested instead, or null when the matrix is too small or too thin for one. */
    randomized: (SvdEstimate & { k: number }) | null;
    memoryBudget: number;
  };
}

/** Whether the job declined (answered with an estimate) rather than computing the SVD. */
export function isDeclined(output: SvdJobOutput): output is SvdDeclined {
  return 'declined' in output;
}

/** This device's GEMM speed, measured at the first SVD job of this worker (a few milliseconds). */
let flopRate: number | null = null;

export function deviceFlopRate(): number {
  flopRate ??= measureFlopRate(() => performance.now());
  return flopRate;
}

/**
 * Refines the rate from an SVD that took long enough to time well (half a second): the geometric
 * mean of the rate and the one the SVD showed, so real work corrects the micro-benchmark without
 * one noisy run taking over. Runs more than 4x off the estimate (a matrix of special structure the
 * estimate did not know of) are ignored.
 */
function noteElapsed(estimatedSeconds: number, elapsedSeconds: number): void {
  if (flopRate === null || elapsedSeconds < 0.5 || !(estimatedSeconds > 0)) return;
  const observed = (flopRate * estimatedSeconds) / elapsedSeconds;
  if (observed > flopRate / 4 && observed < flopRate * 4) flopRate = Math.sqrt(flopRate * observed);
}

function estimateOf(cost: SvdCost, rows: number, cols: number): SvdEstimate {
  return { seconds: cost.seconds, workingBytes: cost.workingBytes, matrixBytes: 8 * rows * cols, flopRate: cost.flopRate };
}

export type { SquareMap };

/** The job's answer: the SVD, or (see SvdDeclined) an estimate instead. */
export type SvdJobOutput = SvdFactors | SvdDeclined;

/** The SVD as the job computed it: its low-rank view (U, s, V, A's energies, the pooled factors) and how it was made. */
export interface SvdFactors extends LowRankView {
  /** Whether all min(rows, cols) triplets were computed (p is min(rows, cols), or k for the randomized method). */
  complete: boolean;
  /** The method that ran (a randomized request with k >= min(rows, cols) runs exactly). */
  method: SvdMethod;
  /** The randomized SVD's a posteriori bound on ||A - U S V^T||_2, holding with probability 1 - failureProbability. */
  errorBound: { bound: number; failureProbability: number } | null;
  /** For matrices up to 3 x 3: the padded square SVD the linear-map view animates. */
  map: SquareMap | null;
  /** Time the core spent, in milliseconds. */
  elapsedMs: number;
  /** What the job expected it to cost (to compare with elapsedMs, and for the page's next estimates). */
  estimate?: SvdEstimate;
}

const MAP_MAX = 3;

/** The leading rows x p block of an n x n matrix: the thin factor, with the map's signs. */
function firstColumns(q: Float64Array, n: number, rows: number, p: number): Float64Array {
  const out = new Float64Array(rows * p);
  for (let i = 0; i < rows; i++) for (let j = 0; j < p; j++) out[i * p + j] = q[i * n + j];
  return out;
}

/** The decomposition itself, by the requested method. */
function decompose(a: Matrix, method: SvdMethod, context: JobContext) {
  if (method.kind === 'randomized') {
    const { k, oversample, powerIterations, seed } = method;
    const r = randomizedSvd(a, k, { oversample, powerIterations, seed, onProgress: (f) => context.progress(f, 'randomized SVD') });
    const errorBound = { bound: r.errorEstimate.bound, failureProbability: r.errorEstimate.failureProbability };
    return { u: r.u.data, s: r.s, v: r.v.data, method, errorBound };
  }
  // The core reports its stages (QR, bidiagonalisation, divide and conquer, singular vectors): a
  // 50257 x 768 SVD takes long enough that the page should say how far it is.
  const thin = svd(a, { vectors: true, onProgress: context.progress });
  return { u: thin.u.data, s: thin.s, v: thin.v.data, method: EXACT, errorBound: null };
}

/**
 * The cost of `method` on `a`, and whether to decline it. The structure check (zero, rank one: an
 * O(m n) SVD) runs only when the general estimate is over a budget.
 */
function plan(a: Matrix, method: SvdMethod, askAboveSeconds: number | null): { cost: SvdCost; declined: SvdDeclined | null } {
  const rate = deviceFlopRate();
  const { rows: m, cols: n } = a;
  let cost = svdCost(m, n, method, rate);
  const overTime = (c: SvdCost) => method.kind === 'exact' && askAboveSeconds !== null && c.seconds > askAboveSeconds;
  const overMemory = (c: SvdCost) => c.workingBytes > WORKER_MEMORY_BUDGET;
  if (method.kind === 'exact' && (overTime(cost) || overMemory(cost))) {
    cost = svdCost(m, n, method, rate, matrixStructure(a, { rankOne: Math.min(m, n) > 12 }));
  }
  if (overMemory(cost) && method.kind === 'randomized') {
    throw new Error(
      `The randomized SVD with k = ${method.k} of this ${m} × ${n} matrix would need about ${formatBytes(cost.workingBytes)} of working memory, over the worker's budget of ${formatBytes(WORKER_MEMORY_BUDGET)}, so it was not started: choose a smaller k.`,
    );
  }
  if (!overMemory(cost) && !overTime(cost)) return { cost, declined: null };
  const k = suggestedRank(m, n, rate);
  const offer = methodFor({ kind: 'randomized', k, oversample: 10, powerIterations: 2, seed: 1 }, m, n);
  const randomized = offer.kind === 'randomized' ? { k, ...estimateOf(svdCost(m, n, offer, rate), m, n) } : null;
  return {
    cost,
    declined: { declined: { reason: overMemory(cost) ? 'memory' : 'time', rows: m, cols: n, exact: estimateOf(cost, m, n), randomized, memoryBudget: WORKER_MEMORY_BUDGET } },
  };
}

/** Without `ask` the job always computes (or throws when the SVD would not fit the memory budget). */
export function runSvdJob(input: SvdJobInput & { ask?: undefined }, context: JobContext): HandlerResult<SvdFactors>;
export function runSvdJob(input: SvdJobInput, context: JobContext): HandlerResult<SvdJobOutput>;
export function runSvdJob(input: SvdJobInput, context: JobContext): HandlerResult<SvdJobOutput> {
  const started = performance.now();
  context.progress(0, 'SVD');
  const a = input.data ? matrix(input.rows, input.cols, input.data) : heldMatrix(input.heldKey ?? '');
  if (a.rows !== input.rows || a.cols !== input.cols) throw new Error(`The held matrix is ${a.rows} x ${a.cols}, not ${input.rows} x ${input.cols}.`);
  const method = methodFor(input.method ?? EXACT, a.rows, a.cols);
  const { cost, declined } = plan(a, method, input.ask ? input.ask.aboveSeconds : null);
  if (declined && input.ask) return { output: declined, transfer: [] };
  if (declined) {
    const { exact, memoryBudget } = declined.declined;
    throw new Error(
      `The exact SVD of this ${a.rows} × ${a.cols} matrix would need about ${formatBytes(exact.workingBytes)} of working memory, over the worker's budget of ${formatBytes(memoryBudget)}, so it was not started: use the randomized SVD (Top k) or a smaller slice.`,
    );
  }
  // Older held matrices give way to the working memory (the page sends them back when needed).
  makeRoom(cost.workingBytes, input.heldKey);
  const computing = performance.now();
  const result = decompose(a, method, context);
  noteElapsed(cost.seconds, (performance.now() - computing) / 1000);
  const p = result.s.length;
  const map = a.rows <= MAP_MAX && a.cols <= MAP_MAX ? squareMapOf({ rows: a.rows, cols: a.cols, s: result.s, u: matrix(a.rows, p, result.u), v: matrix(a.cols, p, result.v) }) : null;
  const u = map ? firstColumns(map.u, map.n, a.rows, p) : result.u;
  const v = map ? firstColumns(map.v, map.n, a.cols, p) : result.v;
  const output: SvdFactors = {
    ...lowRankView(a, u, result.s, v, p),
    complete: p === Math.min(a.rows, a.cols),
    method: result.method,
    errorBound: result.errorBound,
    map,
    elapsedMs: performance.now() - started,
    estimate: estimateOf(cost, a.rows, a.cols),
  };
  const transfer = viewBuffers(output);
  if (map) transfer.push(map.u.buffer as ArrayBuffer, map.s.buffer as ArrayBuffer, map.v.buffer as ArrayBuffer);
  return { output, transfer };
}
