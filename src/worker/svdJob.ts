/**
 * The 'svd' job: the thin SVD of a dense matrix, plus, for matrices up to 3 x 3, the full SVD of the
 * matrix padded to a square (2 x 2 or 3 x 3) with its signs chosen for display, which the linear-map
 * view animates. The thin factors of small matrices then take the map's signs, so the panels and the
 * scene agree.
 */
import { svd, matrix } from '../core';
import { squareMapOf, type SquareMap } from './squareMap';
import type { HandlerResult, JobContext } from './protocol';

export interface SvdJobInput {
  rows: number;
  cols: number;
  /** Row-major entries. */
  data: Float64Array;
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
  /** Time the core spent, in milliseconds. */
  elapsedMs: number;
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
  const a = matrix(input.rows, input.cols, input.data);
  const thin = svd(a, { vectors: true });
  const map = a.rows <= MAP_MAX && a.cols <= MAP_MAX ? squareMapOf(thin) : null;
  const output: SvdJobOutput = {
    rows: input.rows,
    cols: input.cols,
    p: thin.s.length,
    u: map ? firstColumns(map.u, map.n, a.rows, thin.s.length) : thin.u.data,
    s: thin.s,
    v: map ? firstColumns(map.v, map.n, a.cols, thin.s.length) : thin.v.data,
    map,
    elapsedMs: performance.now() - started,
  };
  const transfer = [output.u.buffer, output.s.buffer, output.v.buffer];
  if (map) transfer.push(map.u.buffer, map.s.buffer, map.v.buffer);
  return { output, transfer: transfer as ArrayBuffer[] };
}
