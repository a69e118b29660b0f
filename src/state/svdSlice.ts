/**
 * The SVD of the current matrix, as the worker last reported it. Later decompositions (weighted
 * low rank, tensor trains) get slices of their own beside this one.
 */
import type { StateCreator } from 'zustand';
import type { SquareMap, SvdJobOutput } from '../worker/svdJob';
import type { AppState } from './store';

/** The SVD as the views read it (the worker's output, re-exported so views need not import the worker). */
export type SvdResult = SvdJobOutput;
export type { SquareMap };

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
  };
  setSvd(patch: Partial<SvdSlice['svd']>): void;
}

export const createSvdSlice: StateCreator<AppState, [], [], SvdSlice> = (set, get) => ({
  svd: { status: 'idle', result: null, revision: -1, error: null, progress: null },
  setSvd(patch) {
    set({ svd: { ...get().svd, ...patch } });
  },
});
