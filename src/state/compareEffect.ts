/**
 * Runs the subspace comparison when it is switched on and whenever A's SVD, the rank or the
 * settings change; rank changes while dragging are coalesced (the worker keeps B's SVD).
 */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import { currentSvd, effectiveRank } from './selectors';
import type { AppState, AppStore } from './store';

const DELAY_MS = 120;

function leadingColumns(factor: Float64Array, rows: number, p: number, k: number): Float64Array {
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) out.set(factor.subarray(i * p, i * p + k), i * k);
  return out;
}

/**
 * What a comparison is computed for: A's revision, the rank and the settings. A result is the
 * current one only while this key is the one it was computed for; until then the panel shows it as
 * the previous comparison and links do not name its data (a link must reopen what is on screen).
 */
export function compareRequestKey(state: AppState): string | null {
  const result = currentSvd(state);
  if (!state.compare.settings.enabled || !result) return null;
  const k = Math.min(result.p, effectiveRank(state));
  return `${state.revision}|${k}|${JSON.stringify(state.compare.settings)}`;
}

/** The comparison's result, if it belongs to the current A, rank and settings. */
export function currentComparison(state: AppState): AppState['compare']['result'] {
  const { compare } = state;
  return compare.status === 'done' && compare.result && compare.resultKey === compareRequestKey(state) ? compare.result : null;
}

export function startCompareEffect(store: AppStore, client: ComputeClient): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastKey = '';
  let lastResult: unknown = null;

  function run(): void {
    timer = null;
    const state = store.getState();
    const result = currentSvd(state);
    const { settings } = state.compare;
    if (!settings.enabled || !result) return;
    // While a new method's SVD runs, the rank may already exceed what the shown result holds.
    const k = Math.min(result.p, effectiveRank(state));
    const key = compareRequestKey(state)!;
    if (key === lastKey && result === lastResult) return;
    lastKey = key;
    lastResult = result;
    const rowSide = settings.side === 'row';
    const rows = rowSide ? result.cols : result.rows;
    const basis = { rows, cols: k, data: leadingColumns(rowSide ? result.v : result.u, rows, result.p, k) };
    const { matrix, revision } = state;
    state.setCompareState({ status: 'running', error: null });
    client
      .run('compareSubspaces', { a: matrix, aRevision: revision, basis, side: settings.side, second: settings.second }, {
        slot: 'compare',
        interruptible: settings.second.kind !== 'file',
      })
      .promise.then(
        (output) => {
          if (lastKey === key) store.getState().setCompareState({ status: 'done', result: output, error: null, k, resultKey: key });
        },
        (error: unknown) => {
          if (error instanceof JobCancelledError || lastKey !== key) return;
          store.getState().setCompareState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
        },
      );
  }

  const relevant = (s: AppState) => [s.compare.settings, s.svd.result, s.revision, s.rank];
  return store.subscribe((state, previous) => {
    const now = relevant(state);
    const before = relevant(previous);
    if (now.every((x, i) => x === before[i])) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
}
