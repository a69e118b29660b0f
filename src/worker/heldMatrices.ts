/**
 * Matrices the worker built or read (from a file, or a generated preset), kept here so the SVD job
 * can use them by key instead of receiving them again: posting a 300 MB matrix back to the worker
 * would copy it on the page's thread, a long freeze. The last two are kept; a restarted worker has
 * none, and the page then sends the data back in parts (`receiveMatrixPart`), each a short task on
 * the page: one 310 MB message measured a 1.3 s freeze.
 */
import type { Matrix } from '../core';
import type { HandlerResult } from './protocol';

const KEEP = 2;
const held = new Map<string, Matrix>();

export class NotHeldError extends Error {
  constructor(key: string) {
    super(`The worker no longer holds the matrix "${key}".`);
    this.name = 'NotHeldError';
  }
}

/** Keeps a copy (the original is usually transferred to the page) and returns its key. */
export function holdMatrix(key: string, matrix: Matrix): string {
  keep(key, { rows: matrix.rows, cols: matrix.cols, data: matrix.data.slice() });
  return key;
}

/** Holds `matrix` itself under `key`, as the newest, forgetting the oldest beyond KEEP. */
function keep(key: string, matrix: Matrix): void {
  held.delete(key);
  held.set(key, matrix);
  while (held.size > KEEP) held.delete(held.keys().next().value!);
}

export function heldMatrix(key: string): Matrix {
  const matrix = held.get(key);
  if (!matrix) throw new NotHeldError(key);
  return matrix;
}

/** A matrix arriving in parts: its buffer and how many entries have come. */
let incoming: { key: string; matrix: Matrix; received: number } | null = null;

/**
 * Stores entries [offset, offset + part.length) of the rows x cols matrix `key`; with the last part
 * the matrix is held under that key. A part at offset 0 starts over (and drops any other matrix
 * still arriving: only one is ever resent at a time). Returns whether the matrix is complete.
 *
 * @example
 * receiveMatrixPart('file:1', 2, 2, 0, new Float64Array([1, 2]));  // false
 * receiveMatrixPart('file:1', 2, 2, 2, new Float64Array([3, 4]));  // true: heldMatrix('file:1') is 2 x 2
 */
export function receiveMatrixPart(key: string, rows: number, cols: number, offset: number, part: Float64Array): boolean {
  const total = rows * cols;
  if (offset === 0 || !incoming || incoming.key !== key) {
    if (offset !== 0) throw new Error(`Part of "${key}" at ${offset} arrived before its start.`);
    incoming = { key, matrix: { rows, cols, data: new Float64Array(total) }, received: 0 };
  }
  const { matrix } = incoming;
  if (matrix.rows !== rows || matrix.cols !== cols || offset + part.length > total) {
    incoming = null;
    throw new Error(`Part of "${key}" does not fit a ${rows} x ${cols} matrix.`);
  }
  matrix.data.set(part, offset);
  incoming.received += part.length;
  if (incoming.received < total) return false;
  incoming = null;
  keep(key, matrix);
  return true;
}

/** The 'holdMatrixPart' job: one part of a matrix the page sends back after a worker restart. */
export interface HoldMatrixPartInput {
  key: string;
  rows: number;
  cols: number;
  /** Index of the part's first entry in the row-major data. */
  offset: number;
  data: Float64Array;
}

/** Whether the matrix is complete, and the part's buffer moved back for the page to fill again. */
export interface HoldMatrixPartOutput {
  complete: boolean;
  data: Float64Array;
}

export function runHoldMatrixPartJob(input: HoldMatrixPartInput): HandlerResult<HoldMatrixPartOutput> {
  const complete = receiveMatrixPart(input.key, input.rows, input.cols, input.offset, input.data);
  return { output: { complete, data: input.data }, transfer: [input.data.buffer as ArrayBuffer] };
}

