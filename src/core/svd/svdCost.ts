/**
 * What an SVD will cost before it runs: its time, from the flop counts of the algorithms in
 * docs/numerics.md and this device's measured GEMM speed, and its working memory, from the arrays
 * the implementation allocates (measured, see docs/numerics.md "Cost estimates"). The app uses it
 * to ask before an exact SVD that would take minutes, and the worker to refuse work that would not
 * fit its memory budget.
 *
 * The model counts "GEMM-equivalent" flops: phases that run at the speed of the GEMM kernel count
 * their flops, the Householder bidiagonalisation (half matrix-vector work, memory-bound in V8)
 * counts BIDIAGONAL_SLOWDOWN times its flops. Divided by the measured GEMM rate it gives seconds.
 */
import { gemm } from '../dense/gemm';
import { QR_FIRST_RATIO } from './golubKahanSvd';
import { JACOBI_MAX_COLUMNS } from './svd';

/** How an SVD is computed (structurally the worker's SvdMethod: the seed is not needed here). */
export type SvdPlan =
  | { kind: 'exact' }
  | { kind: 'randomized'; k: number; oversample: number; powerIterations: number; probes?: number };

/** What the matrix is known to be: zero and rank-one matrices have an SVD in O(m n). */
export type MatrixStructure = 'zero' | 'rank-one' | 'general';

export interface SvdCost {
  /** GEMM-equivalent floating-point operations. */
  flops: number;
  /** Estimated wall-clock time at `flopRate`. */
  seconds: number;
  /** Peak bytes of typed arrays the computation allocates, beyond the input matrix itself. */
  workingBytes: number;
  /** The flop rate the estimate assumed (GEMM flop/s). */
  flopRate: number;
}

/**
 * Time of the Householder bidiagonalisation relative to its flop count at GEMM speed: half of its
 * work is matrix-vector products, bound by memory. Fitted to the core's own phase timings
 * (1024 x 1024: 2.9 GFLOP in 1.3 s at a GEMM rate of about 5-6 GFLOP/s).
 */
export const BIDIAGONAL_SLOWDOWN = 2.7;

/** Divide and conquer's merges, about this many n^3 flops of GEMM after deflation (measured 13-19% of a 1024 x 1024 SVD). */
export const DIVIDE_CONQUER_CUBE = 2;

/**
 * The tall QR path's GEMM-bound phases run below the square GEMM rate (thin panels, long columns):
 * the QR at about 1 / 1.5 of it, U = Q [U_R; 0] at about 1 / 1.3 (768 x 3072: QR 21-25%, U 35-39%
 * of 3.2-3.6 s at a measured 5.9 GFLOP/s).
 */
export const QR_SLOWDOWN = 1.5;
export const TALL_APPLY_SLOWDOWN = 1.3;

/** Per-entry work outside the factorisation (checks, the scaling copy, energies, pooling, transfers), in GEMM-equivalent flops per entry. */
const PASSES_PER_ENTRY = 40;

/**
 * The flop rate assumed before this device has been measured: on the slow side of what the core's
 * GEMM reaches (about 5-6 GFLOP/s on the bench machine), so a first estimate errs long.
 */
export const DEFAULT_FLOP_RATE = 3e9;

/**
 * Big products run below the best rate of the small calibration product (it fits in cache; the
 * SVD's panels and long columns do not): measured 0.83-0.97 of it at 1024 x 1024 and 3072 x 768.
 */
export const SUSTAINED_FRACTION = 0.85;

/** Bytes per float64 entry. */
const F64 = 8;

function checkShape(m: number, n: number): void {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && n >= 1)) throw new RangeError(`svdCost: invalid shape ${m} x ${n}`);
}

/** GEMM-equivalent flops of the Golub-Kahan SVD with vectors of a tall m x n matrix (m >= n) without the QR step. */
function bidiagonalPathFlops(m: number, n: number): number {
  const n3 = n * n * n;
  const bidiagonalise = (4 * m * n * n - (4 / 3) * n3) * BIDIAGONAL_SLOWDOWN;
  const formU = 4 * m * n * n - 2 * n3; // n reflectors of length m applied to [U_B; 0]
  const formV = 2 * n3;
  return bidiagonalise + DIVIDE_CONQUER_CUBE * n3 + formU + formV;
}

/**
 * The exact thin SVD with vectors of an m x n matrix.
 *
 * Flops (tall orientation, m >= n): with m >= 1.6 n, QR 2 m n^2 - 2n^3/3 (counted QR_SLOWDOWN
 * times), the SVD of R, and U = Q [U_R; 0] 4 m n^2 - 2 n^3 (TALL_APPLY_SLOWDOWN times); otherwise bidiagonalisation 4 m n^2 - 4 n^3 / 3 (counted
 * BIDIAGONAL_SLOWDOWN times), divide and conquer about 2 n^3, U = Q U_B 4 m n^2 - 2 n^3 and
 * V = P V_B 2 n^3. Memory (entries beyond A, measured): QR path max(m n + 6 n^2, 2 m n + 3 n^2),
 * otherwise max(m n + 5 n^2, 3 m n + 2 n^2); zero and rank-one matrices only U and V.
 *
 * @example
 * exactSvdCost(1024, 1024, 5e9).seconds;      // about 2.7 (measured 2.4-2.7 s)
 * exactSvdCost(4096, 4096, 5e9).workingBytes; // 805306368: 6 x 128 MiB
 */
export function exactSvdCost(m: number, n: number, flopRate: number, structure: MatrixStructure = 'general'): SvdCost {
  checkShape(m, n);
  const big = Math.max(m, n);
  const p = Math.min(m, n);
  const entries = m * n;
  const perEntry = PASSES_PER_ENTRY;
  if (structure !== 'general') {
    // One pass to recognise it, one more for a rank-one's vectors, and U, V written out.
    const flops = 8 * entries + 2 * (m + n) * p;
    return { flops, seconds: (flops + perEntry * entries) / flopRate, workingBytes: F64 * (m + n) * p, flopRate };
  }
  let flops: number;
  let working: number;
  const p2 = p * p;
  if (p <= JACOBI_MAX_COLUMNS) {
    // One-sided Jacobi: a handful of sweeps of p^2 / 2 rotations over columns of length big.
    flops = 10 * 3 * big * p2;
    working = 3 * big * p + 2 * p2;
  } else if (big >= QR_FIRST_RATIO * p) {
    flops = (2 * big * p2 - (2 / 3) * p2 * p) * QR_SLOWDOWN + bidiagonalPathFlops(p, p) + (4 * big * p2 - 2 * p2 * p) * TALL_APPLY_SLOWDOWN;
    working = Math.max(big * p + 6 * p2, 2 * big * p + 3 * p2);
  } else {
    flops = bidiagonalPathFlops(big, p);
    working = Math.max(big * p + 5 * p2, 3 * big * p + 2 * p2);
  }
  return { flops, seconds: (flops + perEntry * entries) / (flopRate * SUSTAINED_FRACTION), workingBytes: F64 * working, flopRate };
}

/**
 * The randomized top-k SVD (randomizedSvd's algorithm): with l = k + oversample columns, q power
 * iterations and r probes, 2q passes of 2 m n l flops (or the small-side Gram matrix, m n p flops,
 * when p < 2 q l), the last product with A (2 m n (l + r)) and the thin factorisations of the
 * big-side b x l block (about 4 b l^2).
 *
 * @example
 * randomizedSvdCost(768, 3072, { kind: 'randomized', k: 64, oversample: 10, powerIterations: 2 }, 5e9).seconds; // about 0.37 (measured 0.36 s)
 */
export function randomizedSvdCost(m: number, n: number, plan: Extract<SvdPlan, { kind: 'randomized' }>, flopRate: number): SvdCost {
  checkShape(m, n);
  const big = Math.max(m, n);
  const p = Math.min(m, n);
  const l = Math.min(plan.k + plan.oversample, p);
  const k = Math.min(plan.k, l);
  const r = plan.probes ?? 10;
  const q = plan.powerIterations;
  const mn = m * n;
  const gram = q > 0 && p < 2 * q * l;
  const flops = gram
    ? mn * p + 2 * mn * (k + r) + 2 * p * p * l * (q + 1)
    : 4 * q * mn * l + 2 * mn * (l + r) + 4 * big * l * l + 4 * q * p * l * l;
  const working = 3 * big * (l + r) + 4 * p * l + (gram ? p * p : 0) + 4 * l * l;
  const perEntry = PASSES_PER_ENTRY;
  return { flops, seconds: (flops + perEntry * mn) / (flopRate * SUSTAINED_FRACTION), workingBytes: F64 * working, flopRate };
}

/** The cost of the SVD `plan` of an m x n matrix; a randomized plan with k >= min(m, n) runs exactly. */
export function svdCost(m: number, n: number, plan: SvdPlan, flopRate: number, structure: MatrixStructure = 'general'): SvdCost {
  if (plan.kind === 'randomized' && plan.k < Math.min(m, n) && structure === 'general') return randomizedSvdCost(m, n, plan, flopRate);
  return exactSvdCost(m, n, flopRate, structure);
}

/**
 * The rank a randomized SVD should offer for an m x n matrix: min(100, p / 4), halved (down to 8)
 * while its estimate is above `targetSeconds`.
 *
 * @example
 * suggestedRank(4096, 4096, 5e9); // 100: about 4 s
 */
export function suggestedRank(m: number, n: number, flopRate: number, targetSeconds = 10): number {
  const p = Math.min(m, n);
  let k = Math.max(1, Math.min(100, Math.floor(p / 4)));
  const plan = (rank: number) => ({ kind: 'randomized' as const, k: rank, oversample: 10, powerIterations: 2 });
  while (k > 8 && randomizedSvdCost(m, n, plan(k), flopRate).seconds > targetSeconds) k = Math.max(8, Math.floor(k / 2));
  return k;
}

/**
 * This device's GEMM speed in flop/s: the best of three 160 x 160 products (8 MFLOP each, about
 * 1.5 ms at 5 GFLOP/s) after twenty 64 x 64 products have warmed the kernel up (a cold first call
 * runs in V8's interpreter, 20-50 times slower: the browser measured 0.2 GFLOP/s without the
 * warm-up). About 15-25 ms in all. `now` is a millisecond clock (performance.now in the worker); the core
 * itself has none.
 *
 * @example
 * measureFlopRate(() => performance.now()); // about 6e9 on the bench machine
 */
export function measureFlopRate(now: () => number, size = 160, runs = 3): number {
  const product = (n: number) => {
    const a = new Float64Array(n * n);
    const b = new Float64Array(n * n);
    for (let i = 0; i < a.length; i++) {
      a[i] = ((i * 7919) % 1000) / 1000 - 0.5;
      b[i] = ((i * 104729) % 1000) / 1000 - 0.5;
    }
    const c = new Float64Array(n * n);
    const A = { data: a, offset: 0, ld: n, trans: false };
    const B = { data: b, offset: 0, ld: n, trans: false };
    return () => gemm(n, n, n, 1, A, B, 0, c, 0, n);
  };
  // Warm-up: V8 runs the first calls interpreted, then in a baseline tier (about 2 GFLOP/s here),
  // and the optimised kernel only from about the tenth call: 20 small products (0.5 MFLOP each).
  const warm = product(64);
  for (let i = 0; i < 20; i++) warm();
  const run = product(size);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = now();
    run();
    best = Math.min(best, now() - t);
  }
  const flops = 2 * size * size * size;
  // A clock too coarse to time one product (1 ms steps) reads 0: fall back to the default.
  return best > 0 && Number.isFinite(best) ? (flops / best) * 1000 : DEFAULT_FLOP_RATE;
}
