/**
 * The weighted low-rank benchmark: EM, ALS and GD on a real 768 x 768 GPT-2 matrix (layer 0's
 * query projection) with seeded Fisher-like weights, k = 64, beside numpy running the same EM
 * iteration (bench/numpy_weighted.py) in the same run. bench/run.ts appends the section to
 * docs/benchmarks.md; alone:
 *
 *   npx tsx bench/weighted.ts [--no-numpy]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom, svd, type Matrix } from '../src/core';
import { createWeightedSolver, fisherWeights, type WeightedMethod } from '../src/core/weighted';
import { readNpy } from '../src/io';

const DATA = new URL('../../shared/data/gpt2-small/attn_Wq_layers_0_5_11.npy', import.meta.url);
const K = 64;
/** Relative gap to the best objective found that counts as "reached" (and a looser one, for context). */
const REACH = 1e-3;
const REACH_LOOSE = 1e-2;
/** Each method runs until its tolerance, its cap or its time budget (the cap of a slow ALS iteration is the budget). */
const RUNS: Record<WeightedMethod, { maxIter: number; budgetMs: number }> = {
  em: { maxIter: 400, budgetMs: 25_000 },
  als: { maxIter: 40, budgetMs: 30_000 },
  gd: { maxIter: 300, budgetMs: 25_000 },
};
const TOL = 1e-9;
/** EM iterations numpy times (after the same start). */
const NUMPY_ITERATIONS = 30;
const EM_TARGET_MS = 250;
const EM_TARGET_RATIO = 4;

interface MethodRun {
  method: WeightedMethod;
  /** Milliseconds of each iteration. */
  times: number[];
  /** Objective after each iteration, index 0 the start. */
  objectives: number[];
  stopped: string;
}

/** Layer 0's 768 x 768 W_Q ([in, out], q = x W) from the (3, 768, 768) float32 file. */
function gpt2Query(): Matrix | null {
  if (!existsSync(DATA)) return null;
  const array = readNpy(new Uint8Array(readFileSync(DATA)));
  const [layers, rows, cols] = array.shape;
  if (array.shape.length !== 3 || layers < 1 || rows !== 768 || cols !== 768) {
    throw new Error(`expected a (3, 768, 768) array in ${DATA.pathname}, got (${array.shape.join(', ')})`);
  }
  return { rows, cols, data: Float64Array.from(array.data.subarray(0, rows * cols)) };
}

/**
 * Fisher-like weights: squares of a seeded Gaussian "gradient" matrix whose rows have log-normal
 * scales (some input features matter more), normalised to mean 1 by fisherWeights.
 */
function fisherLikeWeights(rows: number, cols: number, seed: number): Matrix {
  const rng = createRandom(seed);
  const g = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const scale = Math.exp(0.75 * rng.normal());
    for (let j = 0; j < cols; j++) g[i * cols + j] = scale * rng.normal();
  }
  return fisherWeights({ rows, cols, data: g });
}

function runMethod(method: WeightedMethod, a: Matrix, w: Matrix, start: ReturnType<typeof svd>): MethodRun {
  const { maxIter, budgetMs } = RUNS[method];
  const solver = createWeightedSolver(a, w, K, { method, init: 'svd', svd: start, maxIter, tol: TOL });
  const times: number[] = [];
  const objectives = [solver.start.objective];
  let spent = 0;
  while (!solver.done && spent < budgetMs) {
    const t0 = performance.now();
    const record = solver.step();
    const ms = performance.now() - t0;
    times.push(ms);
    objectives.push(record.objective);
    spent += ms;
  }
  return { method, times, objectives, stopped: solver.stopped ?? `time budget (${budgetMs / 1000} s)` };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmtMs = (ms: number): string => (ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`);
const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Cumulative time and iteration at which the run first came within `gap` (relative) of `best`, as text. */
function timeToReach(run: MethodRun, best: number, gap: number): string {
  let ms = 0;
  for (let t = 0; t < run.objectives.length; t++) {
    if (t > 0) ms += run.times[t - 1];
    if (run.objectives[t] <= best * (1 + gap)) return `${fmtS(ms)} (iteration ${t})`;
  }
  return 'not reached';
}

/** numpy's EM iteration on the same A, W and start, one OpenBLAS thread; null without numpy. */
function numpyEm(a: Matrix, w: Matrix, x0: Float64Array, y0: Float64Array): { median: number; objectives: number[] } | null {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'subspace-weighted-'));
  try {
    const write = (name: string, data: Float64Array) => writeFileSync(join(dir, name), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    write('a.f64', a.data);
    write('w.f64', w.data);
    write('x0.f64', x0);
    write('y0.f64', y0);
    const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const spec = JSON.stringify({ rows: a.rows, cols: a.cols, k: K, iterations: NUMPY_ITERATIONS });
    const out = execFileSync('python3', ['bench/numpy_weighted.py', spec, dir], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
    return JSON.parse(out.trim().split('\n').at(-1)!) as { median: number; objectives: number[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The benchmark as a markdown section for docs/benchmarks.md. */
export async function weightedBenchSection(options: { numpy: boolean }): Promise<string> {
  const title = '## Weighted low rank';
  const a = gpt2Query();
  if (!a) return `${title}\n\nSkipped: ${DATA.pathname} is absent (the GPT-2 weights of ../shared/data).\n`;
  const w = fisherLikeWeights(a.rows, a.cols, 1);
  const t0 = performance.now();
  const start = svd(a);
  const svdMs = performance.now() - t0;
  const runs = (['em', 'als', 'gd'] as const).map((method) => runMethod(method, a, w, start));
  const best = Math.min(...runs.flatMap((r) => r.objectives));
  const emMedian = median(runs[0].times);

  let numpyLine = 'numpy: not run.';
  let ratioMet: boolean | undefined;
  if (options.numpy) {
    // The same start the core used: U_k sqrt(S_k), V_k sqrt(S_k) of the core's SVD.
    const probe = createWeightedSolver(a, w, K, { svd: start, maxIter: 0 });
    const { x, y } = probe.factors();
    const np = numpyEm(a, w, x.data, y.data);
    if (np) {
      const ratio = emMedian / np.median;
      ratioMet = ratio <= EM_TARGET_RATIO;
      const coreAt = runs[0].objectives[Math.min(NUMPY_ITERATIONS, runs[0].objectives.length - 1)];
      const npAt = np.objectives[Math.min(NUMPY_ITERATIONS, np.objectives.length - 1)];
      numpyLine = `numpy, the same EM iteration (bench/numpy_weighted.py, OpenBLAS 1 thread, ${NUMPY_ITERATIONS} iterations): ` +
        `median ${fmtMs(np.median)} per iteration; core/numpy = ${ratio.toFixed(2)}x (target <= ${EM_TARGET_RATIO}x: ${ratioMet ? 'yes' : 'NO'}). ` +
        `Objective after ${NUMPY_ITERATIONS} iterations: core ${coreAt.toPrecision(10)}, numpy ${npAt.toPrecision(10)}.`;
    } else {
      numpyLine = 'numpy: python3 without numpy, not run.';
    }
  }

  const rows = runs.map((r) => {
    const target = r.method === 'em' ? `< ${EM_TARGET_MS} ms per iteration: ${emMedian < EM_TARGET_MS ? 'yes' : 'NO'}` : '';
    return `| ${r.method.toUpperCase()} | ${fmtMs(median(r.times))} | ${r.times.length} (${r.stopped}) | ${r.objectives.at(-1)!.toPrecision(8)} | ` +
      `${timeToReach(r, best, REACH)} | ${timeToReach(r, best, REACH_LOOSE)} | ${target} |`;
  });
  return [
    title,
    '',
    `A = GPT-2 small layer 0 W_Q (768 x 768, ../shared/data), k = ${K}, weights = squares of a seeded Gaussian "gradient" ` +
      'matrix with log-normal row scales (mean 1, Fisher-like), start = the truncated SVD (computed once, ' +
      `${fmtS(svdMs)}, not counted below). Each method runs to tol ${TOL}, its cap or its time budget. ` +
      `"Reached" = first within ${REACH} (relative) of the best objective any method found, ${best.toPrecision(8)} ` +
      `(plain SVD: ${runs[0].objectives[0].toPrecision(8)}); its time sums the iterations up to it.`,
    '',
    `| method | median per iteration | iterations | final objective | time to within ${REACH} | within ${REACH_LOOSE} | target |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    numpyLine,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await weightedBenchSection({ numpy: !process.argv.includes('--no-numpy') }));
}
