/**
 * The 'attentionHead' job: one attention head read as subspaces.
 *
 * A head's scores are x_i^T W_Q,h W_K,h^T x_j, a bilinear form of rank at most the head size, so
 * the spectrum of W_Q,h W_K,h^T drops to zero after d_head values. The query and key subspaces are
 * the column spaces of W_Q,h and W_K,h in the model's input space; their principal angles say how
 * aligned they are. Replacing (W_Q,h, W_K,h) by (W_Q,h R, W_K,h R^-T) for an invertible R changes
 * both bases but not one score: only the subspaces matter. The job checks that on random tokens.
 */
import { createRandom, matmul, matrix, numericalRank, principalAngles, qr, randomMatrix, svd, type Matrix, type Random } from '../core';
import { checkedWeight, type WeightRefLike } from './fileJobs';
import type { HandlerResult, JobContext } from './protocol';

export type WeightLayout = 'x-times-w' | 'w-times-x';

/**
 * An array of an open file. `fused` marks a fused query-key-value projection (GPT-2's c_attn,
 * d x 3d in the x W layout): the query is its first third of outputs, the key its second.
 */
export interface WeightRef extends WeightRefLike {
  fused?: boolean;
}

export type WeightSource =
  | { kind: 'file'; query: WeightRef; key: WeightRef }
  | { kind: 'synthetic'; dModel: number; seed: number };

export interface AttentionJobInput {
  source: WeightSource;
  /** 'x-times-w': q = x W (GPT-2 Conv1D, heads are column blocks); 'w-times-x': q = W x (PyTorch Linear, llama; heads are row blocks). */
  layout: WeightLayout;
  headSize: number;
  head: number;
  seed: number;
}

export interface AttentionJobOutput {
  dModel: number;
  heads: number;
  /** Singular values of W_Q,h W_K,h^T (d_model of them). */
  spectrum: Float64Array;
  /** Numerical rank of W_Q,h W_K,h^T: at most the head size. */
  rank: number;
  /** Principal angles (radians, ascending) between the query and key subspaces. */
  angles: Float64Array;
  invariance: {
    tokens: number;
    /** Largest |score(W_Q R, W_K R^-T) - score(W_Q, W_K)|. */
    maxScoreChange: number;
    /** Largest |score| for scale. */
    maxScore: number;
    /** ||W_Q,h R - W_Q,h||_F / ||W_Q,h||_F: how much the basis itself moved. */
    basisChange: number;
    /** Condition number of R. */
    conditionOfR: number;
  };
  /** SHA-256 of the query and key arrays as read (before a fused projection is split), for links; null for synthetic weights. */
  weightHashes: { query: string | null; key: string | null };
}

/**
 * The singular values of the d x d form Q K^T (Q, K: d x h) without forming it: with thin QRs
 * Q = U_Q R_Q and K = U_K R_K, Q K^T = U_Q (R_Q R_K^T) U_K^T, so its singular values are those of
 * the h x h core R_Q R_K^T, and the other d - h are exactly 0. O(d h^2) instead of the d x d SVD's
 * O(d^3) (minutes at d_model = 4096), and no rounding noise below the head size.
 */
function bilinearSpectrum(q: Matrix, k: Matrix): { s: Float64Array; rows: number; cols: number } {
  const d = q.rows;
  const core = matmul(qr(q).r, qr(k).r, { transB: true });
  const s = new Float64Array(d);
  s.set(svd(core, { vectors: false }).s);
  return { s, rows: d, cols: d };
}

/** Columns [c0, c0 + width) of a matrix. */
function columnBlock(a: Matrix, c0: number, width: number): Matrix {
  const out = matrix(a.rows, width);
  for (let i = 0; i < a.rows; i++) out.data.set(a.data.subarray(i * a.cols + c0, i * a.cols + c0 + width), i * width);
  return out;
}

function transposed(a: Matrix): Matrix {
  const out = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

/** A random invertible R = Q1 diag(d) Q2^T and its inverse transpose R^-T = Q1 diag(1/d) Q2^T. */
function randomInvertible(n: number, rng: Random): { r: Matrix; rInvT: Matrix; condition: number } {
  const q1 = qr(randomMatrix(n, n, rng)).q;
  const q2 = qr(randomMatrix(n, n, rng)).q;
  const d = Array.from({ length: n }, () => 0.5 + 1.5 * rng.uniform());
  const scaled = (f: (x: number) => number) => {
    const m = matrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.data[i * n + j] = q1.data[i * n + j] * f(d[j]);
    return matmul(m, q2, { transB: true });
  };
  return { r: scaled((x) => x), rInvT: scaled((x) => 1 / x), condition: Math.max(...d) / Math.min(...d) };
}

function frobenius(a: Matrix): number {
  let sum = 0;
  for (const x of a.data) sum += x * x;
  return Math.sqrt(sum);
}

function maxAbs(a: Matrix): number {
  let m = 0;
  for (const x of a.data) m = Math.max(m, Math.abs(x));
  return m;
}

/** The query (part 0) or key (part 1) third of a fused projection, in the given layout. */
function fusedPart(w: Matrix, part: 0 | 1, layout: WeightLayout): Matrix {
  const t = layout === 'w-times-x' ? transposed(w) : w;
  if (t.cols % 3 !== 0) throw new Error(`A fused query-key-value projection needs 3 d outputs; this one has ${t.cols}.`);
  const block = columnBlock(t, (part * t.cols) / 3, t.cols / 3);
  return layout === 'w-times-x' ? transposed(block) : block;
}

async function loadRef(ref: WeightRef, part: 0 | 1, layout: WeightLayout): Promise<{ w: Matrix; sha256: string | null }> {
  const { matrix: w, sha256 } = await checkedWeight(ref, part === 0 ? 'query projection' : 'key projection');
  return { w: ref.fused ? fusedPart(w, part, layout) : w, sha256 };
}

interface Weights {
  wq: Matrix;
  wk: Matrix;
  hashes: AttentionJobOutput['weightHashes'];
}

async function weights(input: AttentionJobInput): Promise<Weights> {
  const { source } = input;
  if (source.kind === 'synthetic') {
    const rng = createRandom(source.seed);
    const scale = 1 / Math.sqrt(source.dModel);
    const gaussian = () => {
      const m = randomMatrix(source.dModel, source.dModel, rng);
      for (let k = 0; k < m.data.length; k++) m.data[k] *= scale;
      return m;
    };
    return { wq: gaussian(), wk: gaussian(), hashes: { query: null, key: null } };
  }
  const query = await loadRef(source.query, 0, input.layout);
  const key = await loadRef(source.key, 1, input.layout);
  return { wq: query.w, wk: key.w, hashes: { query: query.sha256, key: key.sha256 } };
}

export async function runAttentionJob(input: AttentionJobInput, context: JobContext): Promise<HandlerResult<AttentionJobOutput>> {
  context.progress(0, 'reading the weights');
  const loaded = await weights(input);
  let { wq, wk } = loaded;
  // Work in the x W layout: rows index the model's input space, column blocks are heads.
  if (input.layout === 'w-times-x') {
    wq = transposed(wq);
    wk = transposed(wk);
  }
  if (wq.rows !== wk.rows || wq.cols !== wk.cols) {
    throw new Error(`The query weights are ${wq.rows} x ${wq.cols} but the key weights are ${wk.rows} x ${wk.cols}; they must have the same shape.`);
  }
  const { headSize, head } = input;
  if (!Number.isInteger(headSize) || headSize < 1 || wq.cols % headSize !== 0) {
    throw new Error(`The head size ${headSize} must divide the ${wq.cols} output dimensions of the projections.`);
  }
  const heads = wq.cols / headSize;
  if (!Number.isInteger(head) || head < 0 || head >= heads) throw new Error(`Head ${head + 1} does not exist: there are ${heads} heads of size ${headSize}.`);

  const qh = columnBlock(wq, head * headSize, headSize);
  const kh = columnBlock(wk, head * headSize, headSize);
  context.progress(0.2, 'spectrum of W_Q W_K^T');
  const spectrum = bilinearSpectrum(qh, kh);
  context.progress(0.7, 'principal angles');
  const { angles } = principalAngles(qh, kh);

  context.progress(0.85, 'checking the invariance');
  const rng = createRandom(input.seed);
  const { r, rInvT, condition } = randomInvertible(headSize, rng);
  const tokens = 16;
  const x = randomMatrix(tokens, wq.rows, rng);
  const scores = (q: Matrix, k: Matrix) => matmul(matmul(x, q), matmul(x, k), { transB: true });
  const qr2 = matmul(qh, r);
  const before = scores(qh, kh);
  const after = scores(qr2, matmul(kh, rInvT));
  let maxScoreChange = 0;
  for (let k = 0; k < before.data.length; k++) maxScoreChange = Math.max(maxScoreChange, Math.abs(after.data[k] - before.data[k]));
  const difference = matrix(qh.rows, qh.cols, qr2.data.map((v, k) => v - qh.data[k]));

  const output: AttentionJobOutput = {
    dModel: wq.rows,
    heads,
    spectrum: spectrum.s,
    rank: numericalRank(spectrum),
    angles,
    invariance: { tokens, maxScoreChange, maxScore: maxAbs(before), basisChange: frobenius(difference) / frobenius(qh), conditionOfR: condition },
    weightHashes: loaded.hashes,
  };
  return { output, transfer: [output.spectrum.buffer as ArrayBuffer, output.angles.buffer as ArrayBuffer] };
}
