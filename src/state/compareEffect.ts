/**
 * Runs the subspace comparison when it is switched on and whenever A's SVD, the rank or the
 * settings change; rank changes while dragging are coalesced (the worker keeps B's SVD).
 */
import type { ComputeClient } from '../worker/client';
import { startJobEffect } from './jobEffect';
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
  return startJobEffect(store, client, {
    kind: 'compareSubspaces',
    slot: 'compare',
    // Rank changes while dragging are coalesced; the worker keeps B's SVD between them.
    delayMs: DELAY_MS,
    inputs: (s) => [s.compare.settings, s.svd.result, s.revision, s.rank, s.file.files],
    request(state) {
      const key = compareRequestKey(state);
      const result = currentSvd(state);
      if (key === null || !result) return null;
      const { settings } = state.compare;
      // While a new method's SVD runs, the rank may already exceed what the shown result holds.
      const k = Math.min(result.p, effectiveRank(state));
      const rowSide = settings.side === 'row';
      const rows = rowSide ? result.cols : result.rows;
      return {
        key: [key, result, k],
        input: () => ({
          a: state.matrix, aRevision: state.revision, side: settings.side, second: settings.second,
          basis: { rows, cols: k, data: leadingColumns(rowSide ? result.v : result.u, rows, result.p, k) },
        }),
        interruptible: settings.second.kind !== 'file',
      };
    },
    running: (s) => s.getState().setCompareState({ status: 'running', error: null }),
    done: (s, result, [key, , k]) => s.getState().setCompareState({ status: 'done', result, error: null, k: k as number, resultKey: key as string }),
    failed: (s, error) => s.getState().setCompareState({ status: 'error', error }),
  });
}
