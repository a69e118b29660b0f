/**
 * The 'compareSubspaces' job: principal angles between the top-k singular subspace of the current
 * matrix A and the same subspace of a second matrix B, where B is A plus seeded Gaussian noise (how
 * far does a perturbation turn the subspace?) or an array of an opened file of the same shape (two
 * layers, two checkpoints). A's basis comes from the SVD the page already holds.
 */
import { createRandom, exactSvdCost, principalAngles, randomizedSvd, svd, type Matrix } from '../core';
import { EXACT_SVD_TIME_BUDGET_SECONDS } from './memoryBudget';
import { deviceFlopRate } from './svdJob';
import { checkedWeight, type WeightRefLike } from './fileJobs';
import type { HandlerResult, JobContext } from './protocol';

export type SecondMatrix = { kind: 'noise'; level: number; seed: number } | { kind: 'file'; ref: WeightRefLike };

export interface CompareJobInput {
  a: { rows: number; cols: number; data: Float64Array };
  /** Identifies A (the document revision): B's SVD is reused while A and the second matrix stay. */
  aRevision: number;
  /** Orthonormal basis of A's subspace (k columns), from the cached SVD. */
  basis: { rows: number; cols: number; data: Float64Array };
  side: 'row' | 'column';
  second: SecondMatrix;
}

export interface CompareJobOutput {
  angles: Float64Array;
  /** sigma_1 of B, and ||B - A||_F / ||A||_F, to put the angles in context. */
  relativeDifference: number;
  /** The gap sigma_k - sigma_{k+1} of B: small gaps let subspaces turn easily (Davis-Kahan, Wedin). */
  gap: number;
  /** B's basis (rows x k, row-major) when the space is at most 3-dimensional, to draw it. */
  basisB: Float64Array | null;
  /** SHA-256 of the second matrix when it is an array of a file, for links. */
  secondHash: string | null;
}

async function secondMatrix(input: CompareJobInput): Promise<{ b: Matrix; sha256: string | null }> {
  const { a, second } = input;
  if (second.kind === 'file') {
    const { matrix: b, sha256 } = await checkedWeight(second.ref, 'second matrix');
    if (b.rows !== a.rows || b.cols !== a.cols) throw new Error(`The second matrix is ${b.rows} x ${b.cols}; it must have the shape of A, ${a.rows} x ${a.cols}.`);
    return { b, sha256 };
  }
  if (!(second.level >= 0 && second.level <= 10)) throw new Error(`The noise level must be from 0 to 10; got ${second.level}.`);
  let norm = 0;
  for (const x of a.data) norm += x * x;
  // Noise of Frobenius norm level * ||A||_F, spread evenly over the entries.
  const scale = (second.level * Math.sqrt(norm)) / Math.sqrt(a.data.length);
  const rng = createRandom(second.seed);
  const data = a.data.map((x) => x + scale * rng.normal());
  return { b: { rows: a.rows, cols: a.cols, data }, sha256: null };
}

/**
 * The second matrix's singular triplets the comparison needs: all of them by the exact SVD when it
 * fits the time budget, else the top k + 1 by the randomized SVD (the subspace and the gap
 * sigma_k - sigma_{k+1} are all the comparison reads), so a 4096 x 4096 second matrix takes seconds,
 * not minutes.
 */
function tripletsOf(b: Matrix, k: number): { u: Matrix; v: Matrix; s: Float64Array; complete: boolean } {
  const p = Math.min(b.rows, b.cols);
  if (exactSvdCost(b.rows, b.cols, deviceFlopRate()).seconds <= EXACT_SVD_TIME_BUDGET_SECONDS) return { ...svd(b), complete: true };
  const r = randomizedSvd(b, Math.min(p, k + 1), { seed: 1 });
  return { u: r.u, v: r.v, s: r.s, complete: false };
}

/** The last second matrix and its SVD: moving the rank only needs new angles, not a new SVD. */
let cached: { key: string; b: Matrix; sha256: string | null; f: ReturnType<typeof tripletsOf> } | null = null;

export async function runCompareJob(input: CompareJobInput, context: JobContext): Promise<HandlerResult<CompareJobOutput>> {
  const k = input.basis.cols;
  const key = `${input.aRevision}|${JSON.stringify(input.second)}`;
  // A partial SVD serves ranks up to the one it was computed for.
  if (cached?.key !== key || (!cached.f.complete && cached.f.s.length < Math.min(k + 1, input.a.rows, input.a.cols))) {
    context.progress(0, 'SVD of the second matrix');
    const { b, sha256 } = cached?.key === key ? cached : await secondMatrix(input);
    cached = { key, b, sha256, f: tripletsOf(b, k) };
  }
  const { b, f, sha256 } = cached;
  const factor = input.side === 'row' ? f.v : f.u;
  const p = factor.cols;
  const basisB = { rows: factor.rows, cols: k, data: new Float64Array(factor.rows * k) };
  for (let i = 0; i < factor.rows; i++) basisB.data.set(factor.data.subarray(i * p, i * p + k), i * k);
  context.progress(0.9, 'principal angles');
  const { angles } = principalAngles(input.basis, basisB);
  let difference = 0;
  let norm = 0;
  for (let i = 0; i < b.data.length; i++) {
    difference += (b.data[i] - input.a.data[i]) ** 2;
    norm += input.a.data[i] ** 2;
  }
  const basisForScene = basisB.rows <= 3 ? basisB.data : null;
  const output = { angles, relativeDifference: Math.sqrt(difference / (norm || 1)), gap: f.s[k - 1] - (f.s[k] ?? 0), basisB: basisForScene, secondHash: sha256 };
  return { output, transfer: [angles.buffer as ArrayBuffer] };
}
