/**
 * The benchmark cases and their seeded input matrices. Every library (core, ml-matrix, numpy)
 * factors exactly these matrices: the orchestrator writes them to raw float64 files for numpy.
 */
import { createRandom, randomMatrix, type Matrix } from '../src/core';

export type CaseKind = 'svd' | 'randomized' | 'rank-change';

export interface BenchCase {
  /** Short id used by --sizes filtering, e.g. "64", "2048x256", "rand-768x3072". */
  id: string;
  kind: CaseKind;
  rows: number;
  cols: number;
  /** Target rank of the randomized and rank-change cases. */
  k?: number;
  /** Timed repetitions for the core and numpy; ml-matrix uses mlReps. */
  reps: number;
  mlReps: number;
}

const square = (n: number, reps: number, mlReps: number): BenchCase => ({ id: String(n), kind: 'svd', rows: n, cols: n, reps, mlReps });

/**
 * All cases, smallest first (so the JIT is warm before the big ones). Small cases repeat enough to
 * spread their runs over about a second: the shared machine's speed drifts by +-30% over seconds,
 * and a median over 0.1 s (300 runs of 32 x 32) measured whichever state the machine was in then.
 */
export const CASES: BenchCase[] = [
  square(8, 20000, 20000),
  square(32, 3000, 1000),
  square(64, 600, 150),
  square(128, 60, 15),
  square(256, 7, 3),
  square(512, 3, 1),
  square(1024, 2, 1),
  { id: '2048x256', kind: 'svd', rows: 2048, cols: 256, reps: 3, mlReps: 1 },
  { id: '768x3072', kind: 'svd', rows: 768, cols: 3072, reps: 2, mlReps: 1 },
  { id: 'rand-768x3072', kind: 'randomized', rows: 768, cols: 3072, k: 64, reps: 5, mlReps: 0 },
  { id: 'rand-50000x100', kind: 'randomized', rows: 50000, cols: 100, k: 64, reps: 5, mlReps: 0 },
  { id: 'rank-change-768', kind: 'rank-change', rows: 768, cols: 768, k: 64, reps: 30, mlReps: 0 },
];

/** Randomized SVD settings shared by the core and the numpy reference implementation. */
export const RANDOMIZED = { oversample: 10, powerIterations: 2, seed: 7 };

/** The seeded Gaussian input of a case (seed derived from the shape, so filtering changes nothing). */
export function caseMatrix(c: BenchCase): Matrix {
  return randomMatrix(c.rows, c.cols, createRandom(c.rows * 100003 + c.cols));
}

/**
 * Keeps the cases named in a comma-separated filter ("64,256,rand-768x3072"); all when empty.
 *
 * @example selectCases('64,2048x256').map((c) => c.id); // ['64', '2048x256']
 */
export function selectCases(filter: string | undefined): BenchCase[] {
  if (!filter) return CASES;
  const wanted = new Set(filter.split(',').map((s) => s.trim()).filter(Boolean));
  const unknown = [...wanted].filter((id) => !CASES.some((c) => c.id === id));
  if (unknown.length) throw new Error(`unknown case(s) ${unknown.join(', ')}; known: ${CASES.map((c) => c.id).join(', ')}`);
  return CASES.filter((c) => wanted.has(c.id));
}
