/**
 * The 'svd' job: the thin SVD of a dense matrix, plus, for matrices up to 3 x 3, the full SVD of the
 * matrix padded to a square (2 x 2 or 3 x 3) with its signs chosen for display, which the linear-map
 * view animates. The thin factors of small matrices then take the map's signs, so the panels and the
 * scene agree. With the randomized method it computes only the top k triplets (Halko-Martinsson-
 * Tropp), for matrices whose exact SVD takes too long, and reports ||A||_F^2 so that errors stay exact.
 */
import { blockMeans, randomizedSvd, rowBlockMeans, svd, matrix, type Matrix } from '../core';
import { squareMapOf, type SquareMap } from './squareMap';
import { heldMatrix } from './heldMatrices';
import type { HandlerResult, JobContext } from './protocol';
import { EXACT, methodFor, type SvdMethod } from './svdMethod';

export type { SvdMethod };

export interface SvdJobInput {
  rows: number;
  cols: number;
  /** Row-major entries; or, instead, the key of a matrix the worker holds. */
  data?: Float64Array;
  heldKey?: string;
  /** Exact when absent. */
  method?: SvdMethod;
}

export type { SquareMap };

export interface SvdJobOutput {
  rows: number;
  cols: number;
  /** The number of triplets computed: min(rows, cols), or k for the randomized method. */
  p: number;
  /** Whether all min(rows, cols) triplets were computed. */
  complete: boolean;
  /** The method that ran (a randomized request with k >= min(rows, cols) runs exactly). */
  method: SvdMethod;
  /** ||A||_F^2, so that truncation errors stay exact when only the top k values are known. */
  frobeniusSquared: number;
  /** The randomized SVD's a posteriori bound on ||A - U S V^T||_2, holding with probability 1 - failureProbability. */
  errorBound: { bound: number; failureProbability: number } | null;
  /** rows x p, row-major. */
  u: Float64Array;
  /** Singular values, descending. */
  s: Float64Array;
  /** cols x p, row-major. */
  v: Float64Array;
  /** For matrices up to 3 x 3: the padded square SVD the linear-map view animates. */
  map: SquareMap | null;
  /** Squared length of each row (m) and column (n) of A: what the cloud's colours are shares of. */
  rowEnergy: Float64Array;
  colEnergy: Float64Array;
  /** A and the factors as block means on the heatmaps' grid, so the page never reads all of A or U. */
  pooled: PooledFactors;
  /** Time the core spent, in milliseconds. */
  elapsedMs: number;
}

/** The heatmaps show at most this many rows and columns of cells (block means beyond that). */
export const HEATMAP_GRID = 160;

/**
 * A, U and V as block means on a grid of rows x cols cells (at most HEATMAP_GRID each): the pooled
 * A_k for any rank is u_k diag(s) v_k^T of the pooled factors (block means are linear). Pooling
 * GPT-2's 50257 x 768 embedding table and its U on the page took 263 ms of its thread.
 */
export interface PooledFactors {
  rows: number;
  cols: number;
  /** rows x cols block means of A. */
  original: Float64Array;
  /** rows x p and cols x p block means of the rows of U and V. */
  u: Float64Array;
  v: Float64Array;
}

function poolFactors(a: Matrix, u: Float64Array, v: Float64Array, p: number): PooledFactors {
  const original = blockMeans(a, HEATMAP_GRID, HEATMAP_GRID);
  return {
    rows: original.rows,
    cols: original.cols,
    original: original.data,
    u: rowBlockMeans(matrix(a.rows, p, u), HEATMAP_GRID).data,
    v: rowBlockMeans(matrix(a.cols, p, v), HEATMAP_GRID).data,
  };
}

/** Squared lengths of the rows and of the columns of A, and their sum ||A||_F^2. */
function energies(a: Matrix): { rowEnergy: Float64Array; colEnergy: Float64Array; total: number } {
  const rowEnergy = new Float64Array(a.rows);
  const colEnergy = new Float64Array(a.cols);
  let total = 0;
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let j = 0, k = i * a.cols; j < a.cols; j++, k++) {
      const x2 = a.data[k] * a.data[k];
      sum += x2;
      colEnergy[j] += x2;
    }
    rowEnergy[i] = sum;
    total += sum;
  }
  return { rowEnergy, colEnergy, total };
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

export function runSvdJob(input: SvdJobInput, context: JobContext): HandlerResult<SvdJobOutput> {
  const started = performance.now();
  context.progress(0, 'SVD');
  const a = input.data ? matrix(input.rows, input.cols, input.data) : heldMatrix(input.heldKey ?? '');
  if (a.rows !== input.rows || a.cols !== input.cols) throw new Error(`The held matrix is ${a.rows} x ${a.cols}, not ${input.rows} x ${input.cols}.`);
  const result = decompose(a, methodFor(input.method ?? EXACT, a.rows, a.cols), context);
  const p = result.s.length;
  const map = a.rows <= MAP_MAX && a.cols <= MAP_MAX ? squareMapOf({ rows: a.rows, cols: a.cols, s: result.s, u: matrix(a.rows, p, result.u), v: matrix(a.cols, p, result.v) }) : null;
  const u = map ? firstColumns(map.u, map.n, a.rows, p) : result.u;
  const v = map ? firstColumns(map.v, map.n, a.cols, p) : result.v;
  const { rowEnergy, colEnergy, total } = energies(a);
  const output: SvdJobOutput = {
    rows: input.rows,
    cols: input.cols,
    p,
    complete: p === Math.min(a.rows, a.cols),
    method: result.method,
    frobeniusSquared: total,
    errorBound: result.errorBound,
    u,
    s: result.s,
    v,
    map,
    rowEnergy,
    colEnergy,
    pooled: poolFactors(a, u, v, p),
    elapsedMs: performance.now() - started,
  };
  const { pooled } = output;
  const transfer = [output.u.buffer, output.s.buffer, output.v.buffer, output.rowEnergy.buffer, output.colEnergy.buffer, pooled.original.buffer, pooled.u.buffer, pooled.v.buffer];
  if (map) transfer.push(map.u.buffer, map.s.buffer, map.v.buffer);
  return { output, transfer: transfer as ArrayBuffer[] };
}
