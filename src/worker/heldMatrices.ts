/**
 * Matrices the worker built or read (from a file, or a generated preset), kept here so the SVD job
 * can use them by key instead of receiving them again: posting a 300 MB matrix back to the worker
 * would copy it on the page's thread, a long freeze. The last two are kept; a restarted worker has
 * none, and the page then sends the data itself.
 */
import type { Matrix } from '../core';

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
  held.delete(key);
  held.set(key, { rows: matrix.rows, cols: matrix.cols, data: matrix.data.slice() });
  while (held.size > KEEP) held.delete(held.keys().next().value!);
  return key;
}

export function heldMatrix(key: string): Matrix {
  const matrix = held.get(key);
  if (!matrix) throw new NotHeldError(key);
  return matrix;
}
