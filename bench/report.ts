/**
 * Formats benchmark results as a console table and as docs/benchmarks.md, and checks the targets of
 * the issue (ratios of medians measured in the same run).
 */
import type { BenchCase } from './cases';
import type { Timing } from './measure';

export interface CaseResults {
  c: BenchCase;
  core?: Record<string, unknown>;
  ml?: Record<string, unknown>;
  numpy?: Record<string, unknown>;
}

const fmt = (ms: number | undefined): string =>
  ms === undefined ? '—' : ms < 1 ? `${ms.toFixed(3)} ms` : ms < 100 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
const ratio = (x: number | undefined, y: number | undefined): string => (x === undefined || y === undefined ? '—' : `${(x / y).toFixed(2)}x`);
const median = (r: Record<string, unknown> | undefined): number | undefined => (r?.median as Timing | undefined)?.median;
const runs = (r: Record<string, unknown> | undefined): string => {
  const t = r?.median as Timing | undefined;
  if (!t) return (r?.skipped as string | undefined) ?? '';
  return `${t.runs}${t.capped ? ' (budget)' : ''}`;
};

/** The target each case is held to, and whether the run met it. */
function target(r: CaseResults): { text: string; met: boolean | undefined } {
  const core = median(r.core);
  const np = median(r.numpy);
  const ml = median(r.ml);
  const { c } = r;
  if (c.kind === 'randomized') {
    const limit = c.rows === 768 ? 400 : 600;
    return { text: `< ${limit} ms`, met: core === undefined ? undefined : core < limit };
  }
  if (c.kind !== 'svd') return { text: '', met: undefined };
  const parts: string[] = [];
  let met: boolean | undefined = true;
  if (c.rows === 32 && c.cols === 32) {
    parts.push('< 0.3 ms');
    met = core !== undefined && core < 0.3;
  }
  if (c.rows === 64 && c.cols === 64) {
    parts.push('< 2 ms');
    met = core !== undefined && core < 2;
  }
  if (Math.min(c.rows, c.cols) >= 64) {
    parts.push('<= 8x numpy, faster than ml-matrix');
    if (np !== undefined && core !== undefined) met = met && core / np <= 8;
    if (ml !== undefined && core !== undefined) met = met && ml > core;
  }
  if (parts.length === 0) return { text: 'faster than ml-matrix', met: ml === undefined || core === undefined ? undefined : ml > core };
  return { text: parts.join('; '), met };
}

/** The markdown table of full SVD and randomized cases. */
export function mainTable(results: CaseResults[]): string {
  const lines = [
    '| case | core | numpy | ml-matrix | core/numpy | ml-matrix/core | runs (core/np/ml) | target | met |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.c.kind === 'rank-change') continue;
    const core = median(r.core);
    const np = median(r.numpy);
    const ml = median(r.ml);
    const t = target(r);
    const name = r.c.kind === 'randomized' ? `randomized top-${r.c.k} of ${r.c.rows}x${r.c.cols}` : `svd ${r.c.rows}x${r.c.cols}`;
    lines.push(
      `| ${name} | ${fmt(core)} | ${fmt(np)} | ${ml === undefined ? (r.ml?.skipped as string | undefined) ?? '—' : fmt(ml)} | ${ratio(core, np)} | ${ratio(ml, core)} | ${runs(r.core)}/${runs(r.numpy)}/${runs(r.ml) || '—'} | ${t.text} | ${t.met === undefined ? '' : t.met ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}

/** The rank-change table: what moving the rank slider costs with a cached SVD. */
export function rankChangeTable(results: CaseResults[]): string {
  const r = results.find((x) => x.c.kind === 'rank-change');
  if (!r?.core) return '';
  const lines = ['| operation (768x768, cached SVD) | core median | target |', '|---|---|---|'];
  for (const [name, value] of Object.entries(r.core)) {
    if (name === 'id') continue;
    const ms = (value as Timing).median;
    const label = name.startsWith('app:') ? name : `${name} + truncationError`;
    lines.push(`| ${label} | ${fmt(ms)} | < 16 ms: ${ms < 16 ? 'yes' : 'NO'} |`);
  }
  return lines.join('\n');
}
