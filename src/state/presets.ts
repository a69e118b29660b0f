/**
 * Matrices to start from, each explained in one line. Small ones are built here; the seeded random
 * matrix with a chosen spectrum can be large, so the worker builds it (job 'randomSpectrum'); the
 * word embeddings are fetched from the app's own static files.
 */
import { matrixWithSpectrumFlops } from '../core';
import type { DocMatrix } from './documentSlice';

export type SpectrumShape = 'geometric' | 'linear' | 'power';

export interface RandomSpectrumParams {
  rows: number;
  cols: number;
  shape: SpectrumShape;
  /** geometric: sigma_p / sigma_1; linear: ignored; power: the exponent. */
  decay: number;
  seed: number;
}

export interface SmallPreset {
  id: string;
  title: string;
  line: string;
  build(): DocMatrix;
}

function dense(rows: number, cols: number, values: number[]): DocMatrix {
  return { rows, cols, data: Float64Array.from(values) };
}

const c30 = Math.cos(Math.PI / 6);
const s30 = Math.sin(Math.PI / 6);

export const SMALL_PRESETS: SmallPreset[] = [
  { id: 'rotation', title: 'Rotation', line: 'Turns the plane by 30°: both singular values are 1, the circle maps to itself.', build: () => dense(2, 2, [c30, -s30, s30, c30]) },
  { id: 'reflection', title: 'Reflection', line: 'Mirrors the plane in the line at 30°: det = −1, so U or V must reflect.', build: () => dense(2, 2, [Math.cos(Math.PI / 3), Math.sin(Math.PI / 3), Math.sin(Math.PI / 3), -Math.cos(Math.PI / 3)]) },
  { id: 'shear', title: 'Shear', line: 'Slides each row sideways: a square becomes a parallelogram, the circle an ellipse with σ₁σ₂ = 1.', build: () => dense(2, 2, [1, 1, 0, 1]) },
  { id: 'projection', title: 'Projection', line: 'Projects 3D onto the xy-plane: σ = (1, 1, 0), the sphere flattens to a disc and z is the null space.', build: () => dense(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 0]) },
  { id: 'rank-1', title: 'Rank 1', line: 'An outer product u vᵀ: every input lands on one line, σ₂ = σ₃ = 0.', build: () => dense(3, 3, [1, 2, 2, 2, 4, 4, 0.5, 1, 1]) },
  { id: 'rank-deficient', title: 'Rank-deficient 3 × 3', line: 'The rows 1 2 3 / 4 5 6 / 7 8 9 are dependent: rank 2, the sphere becomes a flat ellipse.', build: () => dense(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]) },
  {
    id: 'hilbert',
    title: 'Hilbert 8 × 8',
    line: 'H_ij = 1/(i+j−1): famously ill-conditioned, its singular values fall by about 10× per index.',
    build: () => dense(8, 8, Array.from({ length: 64 }, (_, k) => 1 / (Math.floor(k / 8) + (k % 8) + 1))),
  },
  {
    id: 'tall',
    title: 'A 3 × 2 map',
    line: 'From the plane into space: the circle becomes an ellipse tilted in 3D, and the left null space is a line.',
    build: () => dense(3, 2, [1, 0.5, 0.2, 1, 0.8, -0.6]),
  },
];

export const DEFAULT_RANDOM: RandomSpectrumParams = { rows: 200, cols: 120, shape: 'geometric', decay: 1e-3, seed: 42 };

/** Bounds on generated matrices: big enough for GPT-2 shapes, small enough for a laptop's memory. */
export const RANDOM_LIMITS = { maxDimension: 100_000, maxEntries: 4096 * 4096 } as const;

/**
 * The share of the device's measured GEMM rate that building a random matrix sustains (its QRs and
 * their Q are blocked but panel-bound): 0.70 at 1024 x 1024 and 0.79 at 2048 x 2048 measured here.
 */
const GENERATION_EFFICIENCY = 0.75;

/** Seconds the worker needs to build a random-spectrum matrix at `flopRate` (a 4096 x 4096 one takes minutes). */
export function randomMatrixSeconds(params: Pick<RandomSpectrumParams, 'rows' | 'cols'>, flopRate: number): number {
  const k = Math.min(params.rows, params.cols);
  return matrixWithSpectrumFlops(params.rows, params.cols, k) / (flopRate * GENERATION_EFFICIENCY);
}

/** The singular values a random-spectrum preset prescribes, descending from 1. */
export function prescribedSpectrum(p: number, shape: SpectrumShape, decay: number): Float64Array {
  const s = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const t = p === 1 ? 0 : i / (p - 1);
    if (shape === 'geometric') s[i] = decay ** t;
    else if (shape === 'linear') s[i] = 1 - t * (1 - 1 / p);
    else s[i] = (i + 1) ** -decay;
  }
  return s;
}

/** Checks the parameters of a random preset; returns messages for each problem. */
export function checkRandomParams(params: RandomSpectrumParams): string[] {
  const problems: string[] = [];
  for (const [name, value] of [['rows', params.rows], ['columns', params.cols]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > RANDOM_LIMITS.maxDimension) {
      problems.push(`The number of ${name} must be a whole number from 1 to ${RANDOM_LIMITS.maxDimension}; got ${value}.`);
    }
  }
  if (params.rows * params.cols > RANDOM_LIMITS.maxEntries) problems.push(`${params.rows} × ${params.cols} is too many entries.`);
  if (!Number.isInteger(params.seed) || params.seed < 0 || params.seed > 2 ** 32 - 1) problems.push(`The seed must be a whole number from 0 to 4294967295; got ${params.seed}.`);
  if (params.shape === 'geometric' && !(params.decay > 0 && params.decay <= 1)) problems.push(`A geometric spectrum needs σ_min/σ_max in (0, 1]; got ${params.decay}.`);
  if (params.shape === 'power' && !(params.decay >= 0 && params.decay <= 10)) problems.push(`The power-law exponent must be from 0 to 10; got ${params.decay}.`);
  return problems;
}
