/**
 * The SVD of the current matrix, as the worker last reported it. Later decompositions (weighted
 * low rank, tensor trains) get slices of their own beside this one.
 */
import type { StateCreator } from 'zustand';
import type { SquareMap, SvdJobOutput } from '../worker/svdJob';
import { EXACT, methodFor, RANDOMIZED_MIN_ENTRIES, type SvdMethod } from '../worker/svdMethod';
import type { AppState } from './store';

/** The SVD as the views read it (the worker's output, re-exported so views need not import the worker). */
export type SvdResult = SvdJobOutput;
export type { SquareMap, SvdMethod };
export { EXACT, methodFor, RANDOMIZED_MIN_ENTRIES };

/** The randomized method's defaults: oversampling 10 and 2 power iterations (Halko-Martinsson-Tropp). */
export const RANDOMIZED_DEFAULTS = { oversample: 10, powerIterations: 2, seed: 1 } as const;

export type JobStatus = 'idle' | 'running' | 'done' | 'error';

export interface SvdSlice {
  svd: {
    status: JobStatus;
    /** The last successful result; kept while a newer job runs or after one fails. */
    result: SvdJobOutput | null;
    /** The document revision `result` belongs to. */
    revision: number;
    error: string | null;
    progress: { fraction: number; stage: string } | null;
    /** How the next SVD is computed: exactly, or the top k by the randomized SVD. */
    method: SvdMethod;
  };
  setSvd(patch: Partial<SvdSlice['svd']>): void;
  setSvdMethod(method: SvdMethod): void;
}

export const createSvdSlice: StateCreator<AppState, [], [], SvdSlice> = (set, get) => ({
  svd: { status: 'idle', result: null, revision: -1, error: null, progress: null, method: EXACT },
  setSvd(patch) {
    set({ svd: { ...get().svd, ...patch } });
  },
  setSvdMethod(method) {
    const clean: SvdMethod = method.kind === 'exact' ? EXACT : { ...method, k: Math.max(1, Math.round(method.k)) };
    if (JSON.stringify(clean) === JSON.stringify(get().svd.method)) return;
    set({ svd: { ...get().svd, method: clean } });
  },
});
