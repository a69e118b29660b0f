/**
 * The 'randomSpectrum' job: a seeded random m x n matrix with prescribed singular values,
 * A = Q1 diag(sigma) Q2^T with Haar-random orthonormal Q1, Q2. Built here because the QR factorisations
 * behind Q1 and Q2 take too long for the page's thread at large sizes.
 */
import { createRandom, matrixWithSpectrum } from '../core';
import type { HandlerResult, JobContext } from './protocol';
import { holdMatrix } from './heldMatrices';

export interface RandomSpectrumJobInput {
  rows: number;
  cols: number;
  /** min(rows, cols) singular values, descending. */
  sigmas: Float64Array;
  seed: number;
}

export interface MatrixJobOutput {
  rows: number;
  cols: number;
  data: Float64Array;
  /** Optional label per row (words of an embedding). */
  rowLabels?: string[];
  /** When the worker keeps a copy: its key, for the SVD job. */
  heldKey?: string;
}

let generated = 0;

export function runRandomSpectrumJob(input: RandomSpectrumJobInput, context: JobContext): HandlerResult<MatrixJobOutput> {
  context.progress(0, 'orthonormal Q1');
  // Progress goes out as the QRs run; a cancel during them arrives as the client's hard cancel.
  const a = matrixWithSpectrum(input.rows, input.cols, input.sigmas, createRandom(input.seed), {
    onProgress: (fraction, stage) => context.progress(fraction, stage),
    shouldCancel: () => context.isCancelled(),
  });
  const heldKey = holdMatrix(`random:${++generated}`, a);
  return { output: { rows: a.rows, cols: a.cols, data: a.data, heldKey }, transfer: [a.data.buffer as ArrayBuffer] };
}
