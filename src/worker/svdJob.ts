/**
 * The 'svd' job: the thin SVD of a dense matrix, with singular vectors oriented for display.
 */
import { svd, matrix, orientSvd } from '../core';
import type { HandlerResult, JobContext } from './protocol';

export interface SvdJobInput {
  rows: number;
  cols: number;
  /** Row-major entries. */
  data: Float64Array;
}

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
  /**
   * For square maps: true when U S V^T cannot be written with U and V both rotations
   * (det A < 0), so one step of the animation is a reflection. False otherwise.
   */
  reflection: boolean;
  /** Time the core spent, in milliseconds. */
  elapsedMs: number;
}

export function runSvdJob(input: SvdJobInput, context: JobContext): HandlerResult<SvdJobOutput> {
  const started = performance.now();
  context.progress(0, 'SVD');
  const a = matrix(input.rows, input.cols, input.data);
  const { u, s, v, reflection } = orientSvd(svd(a, { vectors: true }));
  const output: SvdJobOutput = {
    rows: input.rows,
    cols: input.cols,
    p: s.length,
    u: u.data,
    s,
    v: v.data,
    reflection,
    elapsedMs: performance.now() - started,
  };
  return { output, transfer: [output.u.buffer, output.s.buffer, output.v.buffer] as ArrayBuffer[] };
}
