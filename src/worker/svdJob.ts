/**
 * The 'svd' job: the thin SVD of a dense matrix, plus, for matrices up to 3 x 3, the full SVD of the
 * matrix padded to a square (2 x 2 or 3 x 3) with its signs chosen for display, which the linear-map
 * view animates. The thin factors of small matrices then take the map's signs, so the panels and the
 * scene agree.
 */
import { svd, matrix } from '../core';
import { squareMapOf, type SquareMap } from './squareMap';
import { heldMatrix } from './heldMatrices';
import type { HandlerResult, JobContext } from './protocol';

export interface SvdJobInput {
  rows: number;
  cols: number;
  /** Row-major entries; or, instead, the key of a matrix the worker holds. */
  data?: Float64Array;
  heldKey?: string;
}

export type { SquareMap };

export interface SvdJobOutput {
  rows: number;
  cols: number;
  /** min(rows, cols) */
  p: number;
  /** rows x p, row-major. */
  u: Float64Array;
  /** Singular values, descending. */
  s: Float64Array;
  /** cols x p, row-major. */
  v: Float64Array;
  /** For matrices up to 3 x 3: the padded square SVD the linear-map view animates. */
  map: SquareMap | null;
  /** Squared length of each row (m) and column (n) of A, sum_j sigma_j^2 u_ij^2: what the cloud's colours are shares of. */
  rowEnergy: Float64Array;
  colEnergy: Float64Array;
  /** Time the core spent, in milliseconds. */
  elapsedMs: number;
}

/** sum_j sigma_j^2 f_ij^2 for each row i of a factor (U or V, p columns). */
function energies(factor: Float64Array, count: number, p: number, s: Float64Array): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let j = 0; j < p; j++) {
      const c = s[j] * factor[i * p + j];
      sum += c * c;
    }
    out[i] = sum;
  }
  return out;
}

const MAP_MAX = 3;

/** The leading rows x p block of an n x n matrix: the thin factor, with the map's signs. */
function firstColumns(q: Float64Array, n: number, rows: number, p: number): Float64Array {
  const out = new Float64Array(rows * p);
  for (let i = 0; i < rows; i++) for (let j = 0; j < p; j++) out[i * p + j] = q[i * n + j];
  return out;
}

export function runSvdJob(input: SvdJobInput, context: JobContext): HandlerResult<SvdJobOutput> {
  const started = performance.now();
  context.progress(0, 'SVD');
  const a = input.data ? matrix(input.rows, input.cols, input.data) : heldMatrix(input.heldKey ?? '');
  if (a.rows !== input.rows || a.cols !== input.cols) throw new Error(`The held matrix is ${a.rows} x ${a.cols}, not ${input.rows} x ${input.cols}.`);
  const thin = svd(a, { vectors: true });
  const map = a.rows <= MAP_MAX && a.cols <= MAP_MAX ? squareMapOf(thin) : null;
  const p = thin.s.length;
  const u = map ? firstColumns(map.u, map.n, a.rows, p) : thin.u.data;
  const v = map ? firstColumns(map.v, map.n, a.cols, p) : thin.v.data;
  const output: SvdJobOutput = {
    rows: input.rows,
    cols: input.cols,
    p,
    u,
    s: thin.s,
    v,
    map,
    rowEnergy: energies(u, a.rows, p, thin.s),
    colEnergy: energies(v, a.cols, p, thin.s),
    elapsedMs: performance.now() - started,
  };
  const transfer = [output.u.buffer, output.s.buffer, output.v.buffer, output.rowEnergy.buffer, output.colEnergy.buffer];
  if (map) transfer.push(map.u.buffer, map.s.buffer, map.v.buffer);
  return { output, transfer: transfer as ArrayBuffer[] };
}
