/**
 * The SVD of the current matrix, as the worker last reported it. Later decompositions (weighted
 * low rank, tensor trains) get slices of their own beside this one.
 *
 * Big inputs know their cost: the worker estimates each SVD before it starts it, and an exact SVD
 * over the time budget (or over its memory budget) is not started but offered (`offer`): the
 * randomized SVD, or the exact one anyway (`computeExactAnyway`). A running SVD can be cancelled
 * (`cancelSvd`); the last result and the document stay.
 */
import type { StateCreator } from 'zustand';
import type { SquareMap, SvdDeclined, SvdFactors } from '../worker/svdJob';
import { EXACT, methodFor, RANDOMIZED_MIN_ENTRIES, type SvdMethod } from '../worker/svdMethod';
import { EXACT_SVD_TIME_BUDGET_SECONDS, formatBytes, formatSeconds, WORKER_MEMORY_BUDGET } from '../worker/memoryBudget';
import type { AppState } from './store';

/** The SVD as the views read it (the worker's output, re-exported so views need not import the worker). */
export type SvdResult = SvdFactors;
/** Any low-rank result in SVD form (the SVD's, a weighted fit's, a TT unfolding's), for the views. */
export type { LowRankView } from '../worker/lowRankView';
export type SvdOffer = SvdDeclined['declined'];
export type { SquareMap, SvdMethod };
export { EXACT, methodFor, RANDOMIZED_MIN_ENTRIES, EXACT_SVD_TIME_BUDGET_SECONDS, WORKER_MEMORY_BUDGET, formatBytes, formatSeconds };

/** The randomized method's defaults: oversampling 10 and 2 power iterations (Halko-Martinsson-Tropp). */
export const RANDOMIZED_DEFAULTS = { oversample: 10, powerIterations: 2, seed: 1 } as const;

export type JobStatus = 'idle' | 'running' | 'done' | 'error';

/** The SVD's status: a job's, or 'declined' (estimated over a budget, not started) or 'cancelled' (stopped by the person). */
export type SvdStatus = JobStatus | 'declined' | 'cancelled';

export interface SvdSlice {
  svd: {
    status: SvdStatus;
    /** The last successful result; kept while a newer job runs, after one fails and after a cancel. */
    result: SvdFactors | null;
    /** The document revision `result` belongs to. */
    revision: number;
    error: string | null;
    progress: { fraction: number; stage: string } | null;
    /** How the next SVD is computed: exactly, or the top k by the randomized SVD. */
    method: SvdMethod;
    /** When the running SVD started in the worker (Date.now()), or null. */
    startedAt: number | null;
    /** Why the last requested exact SVD was not started, with its estimate and the randomized one suggested. */
    offer: SvdOffer | null;
    /** After a cancel: what was stopped and after how long, for the message. */
    cancelled: { method: SvdMethod; afterMs: number } | null;
    /** The person asked for the exact SVD of this revision despite the estimate. */
    confirmedRevision: number | null;
    /** This device's GEMM speed (flop/s) as the worker measured it, once an SVD has come back. */
    flopRate: number | null;
    /** Increases with each "compute anyway" and each cancel, which the SVD effect acts on. */
    runRequests: number;
    cancelRequests: number;
  };
  setSvd(patch: Partial<SvdSlice['svd']>): void;
  setSvdMethod(method: SvdMethod): void;
  /** Runs the exact SVD of the current matrix even though its estimate is over the time budget. */
  computeExactAnyway(): void;
  /** Stops the running SVD (the worker is restarted if it does not stop at once); the last result stays. */
  cancelSvd(): void;
  /** Runs the current SVD again (after it failed, e.g. because the worker died). */
  runSvdAgain(): void;
}

export const createSvdSlice: StateCreator<AppState, [], [], SvdSlice> = (set, get) => ({
  svd: {
    status: 'idle', result: null, revision: -1, error: null, progress: null, method: EXACT,
    startedAt: null, offer: null, cancelled: null, confirmedRevision: null, flopRate: null, runRequests: 0, cancelRequests: 0,
  },
  setSvd(patch) {
    set({ svd: { ...get().svd, ...patch } });
  },
  setSvdMethod(method) {
    const clean: SvdMethod = method.kind === 'exact' ? EXACT : { ...method, k: Math.max(1, Math.round(method.k)) };
    if (JSON.stringify(clean) === JSON.stringify(get().svd.method)) return;
    set({ svd: { ...get().svd, method: clean } });
  },
  computeExactAnyway() {
    const { svd, revision } = get();
    set({ svd: { ...svd, method: EXACT, confirmedRevision: revision, runRequests: svd.runRequests + 1 } });
  },
  runSvdAgain() {
    const { svd } = get();
    set({ svd: { ...svd, runRequests: svd.runRequests + 1 } });
  },
  cancelSvd() {
    const { svd } = get();
    if (svd.status !== 'running') return;
    set({ svd: { ...svd, cancelRequests: svd.cancelRequests + 1 } });
  },
});
