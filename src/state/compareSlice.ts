/**
 * Comparing subspaces: the top-k singular subspace of A (k = the rank in use) against the same
 * subspace of a second matrix, and the principal angles between them, computed by the worker.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import type { JobStatus } from './svdSlice';
import type { CompareJobOutput, SecondMatrix } from '../worker/compareJob';

export type { SecondMatrix, CompareJobOutput };

export interface CompareSettings {
  enabled: boolean;
  side: 'row' | 'column';
  second: SecondMatrix;
}

export interface CompareSlice {
  compare: {
    settings: CompareSettings;
    status: JobStatus;
    result: CompareJobOutput | null;
    error: string | null;
    k: number;
    /** What the result was computed for (A's revision, k, the settings): see `compareRequestKey`. */
    resultKey: string;
  };
  setCompareSettings(patch: Partial<CompareSettings>): void;
  setCompareState(patch: Partial<Omit<CompareSlice['compare'], 'settings'>>): void;
}

export const DEFAULT_COMPARE: CompareSettings = { enabled: false, side: 'row', second: { kind: 'noise', level: 0.1, seed: 1 } };

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => ({
  compare: { settings: DEFAULT_COMPARE, status: 'idle', result: null, error: null, k: 0, resultKey: '' },
  setCompareSettings(patch) {
    const { compare } = get();
    set({ compare: { ...compare, settings: { ...compare.settings, ...patch } } });
  },
  setCompareState(patch) {
    set({ compare: { ...get().compare, ...patch } });
  },
});
