/**
 * `npm run bench`: times the core, ml-matrix and (where python3 has numpy) numpy on the same seeded
 * matrices, prints medians and ratios, and writes docs/benchmarks.md.
 *
 *   npm run bench                        all cases (about 10 minutes on 2 cores)
 *   npm run bench -- --quick             the small cases only
 *   npm run bench -- --sizes 64,256      chosen cases (ids: see bench/cases.ts)
 *   options: --no-numpy, --no-ml, --write (write docs/benchmarks.md after a partial run),
 *            --weighted, --tensors (add those sections to a partial run)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseMatrix, RANDOMIZED, selectCases, type BenchCase } from './cases';
import { mainTable, rankChangeTable, type CaseResults } from './report';
import { weightedBenchSection } from './weighted';
import { tensorBenchSection } from './tensors';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = '8,32,64,128,256,rank-change-768';
const filter = option('--sizes') ?? (flag('--quick') ? QUICK : undefined);
const cases = selectCases(filter);
const full = filter === undefined;

/** Runs one library in its own node process and parses its JSON lines. */
function runLibrary(library: 'core' | 'ml-matrix', budgetMs: number): Map<string, Record<string, unknown>> {
  const ids = cases.map((c) => c.id).join(',');
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/runLibrary.ts', library, ids, String(budgetMs)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  return parseLines(out);
}

function parseLines(out: string): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const line of out.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    map.set(row.id as string, row);
  }
  return map;
}

/** numpy with one OpenBLAS thread; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for this command only. */
function runNumpy(): Map<string, Record<string, unknown>> | null {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'subspace-bench-'));
  try {
    for (const c of cases) {
      if (c.kind === 'rank-change') continue;
      const a = caseMatrix(c);
      writeFileSync(join(dir, `${c.id}.f64`), new Uint8Array(a.data.buffer));
    }
    const spec = cases.filter((c) => c.kind !== 'rank-change').map((c: BenchCase) => ({ ...c, ...RANDOMIZED }));
    const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const out = execFileSync('python3', ['bench/numpy_bench.py', JSON.stringify(spec), dir], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
    return parseLines(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function machine(): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? 'unknown CPU';
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  let numpy = 'not available';
  try {
    numpy = execFileSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).trim();
  } catch {
    // numpy column stays empty
  }
  return `${model} (${cores} logical cores), node ${process.version}, numpy ${numpy} (OpenBLAS, 1 thread), ${new Date().toISOString().slice(0, 10)}`;
}

const started = Date.now();
console.log(`cases: ${cases.map((c) => c.id).join(', ')}`);
const core = runLibrary('core', 30_000);
console.log(`core done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const ml = flag('--no-ml') ? new Map() : runLibrary('ml-matrix', 60_000);
console.log(`ml-matrix done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const numpy = flag('--no-numpy') ? null : runNumpy();
console.log(`numpy ${numpy ? 'done' : 'skipped'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

const results: CaseResults[] = cases.map((c) => ({ c, core: core.get(c.id), ml: ml.get(c.id), numpy: numpy?.get(c.id) }));
const description = machine();
let tables = `${mainTable(results)}\n\n${rankChangeTable(results)}`;
// The weighted and tensor sections run the whole of their cases (--sizes and --quick are about the SVD).
if (full || flag('--weighted') || flag('--tensors')) {
  const numpyOn = !flag('--no-numpy');
  if (full || flag('--weighted')) tables += `\n\n${await weightedBenchSection({ numpy: numpyOn })}`;
  console.log(`weighted done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (full || flag('--tensors')) tables += `\n\n${await tensorBenchSection({ numpy: numpyOn })}`;
  console.log(`tensors done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log(`\n${description}\n\n${tables}\n`);

if (full || flag('--write')) {
  const doc = readFileSync('bench/benchmarks.template.md', 'utf8')
    .replace('{{machine}}', description)
    .replace('{{tables}}', tables)
    .replace('{{duration}}', `${((Date.now() - started) / 1000).toFixed(0)} s`);
  writeFileSync('docs/benchmarks.md', doc);
  console.log('wrote docs/benchmarks.md');
}
