/**
 * Child process of the benchmark: times one library ("core" or "ml-matrix") on the selected cases
 * and prints one JSON line per case. Run by bench/run.ts; one process per library so that neither
 * library's JIT state or garbage affects the other.
 *
 *   tsx bench/runLibrary.ts core 64,256
 */
import { QUIET_CONTEXT } from '../src/worker/protocol';
import { lowRank, randomizedSvd, svd, truncationError, updateLowRank } from '../src/core';
import { caseMatrix, RANDOMIZED, selectCases, type BenchCase } from './cases';
import { time } from './measure';
import { pooledMatrices } from '../src/state/heatmapData';
import { runSvdJob } from '../src/worker/svdJob';
import { cloudCoordinates, createKeptEnergy, residualShares } from '../src/scene/cloudMath';

const [library, filter, budgetText] = process.argv.slice(2);
// Only the ml-matrix process loads ml-matrix: merely importing it slowed the core's 32 x 32 SVD by
// about 25% in the same process (0.31-0.46 ms against 0.25 ms, five runs each), for reasons inside
// V8 we did not pin down. Each library is timed in a process of its own for exactly this.
const ml = library === 'ml-matrix' ? await import('ml-matrix') : null;
const budgetMs = Number(budgetText ?? '60000');

function runCore(c: BenchCase): Record<string, unknown> {
  const a = caseMatrix(c);
  if (c.kind === 'svd') return { median: time(() => svd(a), c.reps, budgetMs) };
  if (c.kind === 'randomized') {
    let estimate = 0;
    const t = time(() => (estimate = randomizedSvd(a, c.k!, RANDOMIZED).errorEstimate.bound), c.reps, budgetMs);
    return { median: t, errorBound: estimate };
  }
  // Rank-change path: the SVD is cached; time what the slider costs.
  const f = svd(a);
  const k = c.k!;
  const out: Record<string, unknown> = {};
  for (const kk of [k, c.cols >> 1, c.cols]) {
    out[`lowRank k=${kk}`] = time(() => { lowRank(f, kk); truncationError(f, kk); }, Math.min(c.reps, 5), budgetMs);
  }
  const approx = lowRank(f, k);
  let cur = k;
  out['updateLowRank +1'] = time(() => { const next = cur === k ? k + 1 : k; updateLowRank(approx, f, cur, next); truncationError(f, next); cur = next; }, c.reps, budgetMs);
  out['updateLowRank +10'] = time(() => { const next = cur === k ? k + 10 : k; updateLowRank(approx, f, cur, next); truncationError(f, next); cur = next; }, c.reps, budgetMs);
  Object.assign(out, appRankChange(c, a, f));
  return out;
}

/**
 * What the app itself does when the rank slider moves (state/heatmapData.ts, scene/cloudMath.ts):
 * the readouts, the heatmap's pooled A_k updated term by term, and the point cloud's coordinates and
 * colours. It never rebuilds the full A_k.
 */
function appRankChange(c: BenchCase, a: ReturnType<typeof caseMatrix>, f: ReturnType<typeof svd>): Record<string, unknown> {
  // The worker's own result: factors, row and column energies, and the heatmaps' pooled factors.
  const result = runSvdJob({ rows: c.rows, cols: c.cols, data: a.data.slice() }, QUIET_CONTEXT).output;
  const coordinates = new Float32Array(c.rows * 3);
  const shares = new Float32Array(c.rows);
  const keptEnergy = createKeptEnergy();
  const step = (k: number) => {
    truncationError(f, k);
    pooledMatrices(result, k);
    cloudCoordinates(result, 'rows', [0, 1, 2], k, 1, coordinates);
    residualShares(result, 'rows', k, shares, keptEnergy);
  };
  const k = c.k!;
  step(k); // pool the factors once, as the first view of the matrix does
  let cur = k;
  const out: Record<string, unknown> = {};
  out['app: rank +1 (readouts, heatmaps, cloud)'] = time(() => { cur = cur === k ? k + 1 : k; step(cur); }, c.reps, budgetMs);
  out['app: rank 1 <-> 768 (worst jump)'] = time(() => { cur = cur === 1 ? c.cols : 1; step(cur); }, Math.min(c.reps, 10), budgetMs);
  return out;
}

/** ml-matrix's last measured SVD: work (m n min(m, n)) and milliseconds, to predict the next one. */
let lastMl: { work: number; ms: number } | null = null;
/** ml-matrix cases predicted to take longer than this are skipped and marked so in the table. */
const ML_SKIP_MS = 150_000;

function runMl(c: BenchCase): Record<string, unknown> {
  if (c.kind !== 'svd' || c.mlReps === 0) return {};
  const work = c.rows * c.cols * Math.min(c.rows, c.cols);
  const predicted = lastMl ? (lastMl.ms * work) / lastMl.work : 0;
  if (predicted > ML_SKIP_MS) return { skipped: `skipped (est. ${(predicted / 1000).toFixed(0)} s)` };
  const a = caseMatrix(c);
  const { Matrix: MlMatrix, SingularValueDecomposition } = ml!;
  const m = new MlMatrix(c.rows, c.cols);
  for (let i = 0; i < c.rows; i++) for (let j = 0; j < c.cols; j++) m.set(i, j, a.data[i * c.cols + j]);
  const t = time(() => new SingularValueDecomposition(m, { autoTranspose: true }), c.mlReps, budgetMs);
  if (work > 1e5) lastMl = { work, ms: t.median };
  return { median: t };
}

for (const c of selectCases(filter === '-' ? undefined : filter)) {
  const result = library === 'core' ? runCore(c) : runMl(c);
  process.stdout.write(`${JSON.stringify({ id: c.id, ...result })}\n`);
}
