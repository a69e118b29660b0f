/**
 * Matrices the worker built or read (from a file, or a generated preset), kept here so the SVD job
 * can use them by key instead of receiving them again: posting a 300 MB matrix back to the worker
 * would copy it on the page's thread, a long freeze. The last two are kept; a restarted worker has
 * none, and the page then sends the data back in parts (`receiveMatrixPart`), each a short task on
 * the page: one 310 MB message measured a 1.3 s freeze.
 */
import type { Matrix } from '../core';
import { CodedJobError, type HandlerResult } from './protocol';
import { WORKER_MEMORY_BUDGET } from './memoryBudget';

const KEEP = 2;
const held = new Map<string, Matrix>();

export class NotHeldError extends CodedJobError {
  constructor(key: string) {
    super('matrix-not-held', `The worker no longer holds the matrix "${key}".`);
    this.name = 'NotHeldError';
  }
}

/**
 * Tells this worker instance apart: the page keeps keys across worker restarts (to send a matrix
 * back under its key) and in saved work and undo history, while a new worker counts its files and
 * presets from 1 again. Without this, a key from an earlier worker could name a different matrix
 * of this one, and the SVD would silently use it.
 */
const INSTANCE = Array.from(crypto.getRandomValues(new Uint32Array(2)), (x) => x.toString(36)).join('');

/**
 * Keeps a copy (the original is usually transferred to the page) under a key made from `name` and
 * this worker instance, and returns the key.
 */
export function holdMatrix(name: string, matrix: Matrix): string {
  const key = `${name}@${INSTANCE}`;
  keep(key, { rows: matrix.rows, cols: matrix.cols, data: matrix.data.slice() });
  return key;
}

/** Holds `matrix` itself under `key`, as the newest, forgetting the oldest beyond KEEP or beyond the memory budget. */
function keep(key: string, matrix: Matrix): void {
  held.delete(key);
  held.set(key, matrix);
  while (held.size > KEEP || (held.size > 1 && heldBytes() > WORKER_MEMORY_BUDGET)) held.delete(held.keys().next().value!);
}

/** Bytes of the matrices held, and of those still arriving in parts. */
export function heldBytes(): number {
  let bytes = 0;
  for (const matrix of held.values()) bytes += matrix.data.byteLength;
  for (const { matrix } of incoming.values()) bytes += matrix.data.byteLength;
  return bytes;
}

/**
 * Forgets held matrices, oldest first and never `keepKey`, until `bytes` more fit in the memory
 * budget beside them (or none is left to forget): a big operation should not fail, or the tab
 * die, for matrices the page can send back. Returns the bytes still held.
 */
export function makeRoom(bytes: number, keepKey?: string): number {
  for (const key of [...held.keys()]) {
    if (heldBytes() + bytes <= WORKER_MEMORY_BUDGET) break;
    if (key !== keepKey) held.delete(key);
  }
  return heldBytes();
}

export function heldMatrix(key: string): Matrix {
  const matrix = held.get(key);
  if (!matrix) throw new NotHeldError(key);
  return matrix;
}

/** Matrices arriving in parts, by key: the buffer and how many entries have come. */
const incoming = new Map<string, { matrix: Matrix; received: number }>();

/**
 * Stores entries [offset, offset + part.length) of the rows x cols matrix `key`; with the last part
 * the matrix is held under that key. A part at offset 0 starts that key over; at most KEEP matrices
 * arrive at once (an older unfinished one is dropped). Returns whether the matrix is complete.
 *
 * @example
 * receiveMatrixPart('file:1', 2, 2, 0, new Float64Array([1, 2]));  // false
 * receiveMatrixPart('file:1', 2, 2, 2, new Float64Array([3, 4]));  // true: heldMatrix('file:1') is 2 x 2
 */
export function receiveMatrixPart(key: string, rows: number, cols: number, offset: number, part: Float64Array): boolean {
  const total = rows * cols;
  if (offset === 0) {
    incoming.delete(key);
    incoming.set(key, { matrix: { rows, cols, data: new Float64Array(total) }, received: 0 });
    while (incoming.size > KEEP) incoming.delete(incoming.keys().next().value!);
  }
  const arriving = incoming.get(key);
  if (!arriving) throw new Error(`Part of "${key}" at ${offset} arrived before its start.`);
  const { matrix } = arriving;
  if (matrix.rows !== rows || matrix.cols !== cols || offset + part.length > total) {
    incoming.delete(key);
    throw new Error(`Part of "${key}" does not fit a ${rows} x ${cols} matrix.`);
  }
  matrix.data.set(part, offset);
  arriving.received += part.length;
  if (arriving.received < total) return false;
  incoming.delete(key);
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

