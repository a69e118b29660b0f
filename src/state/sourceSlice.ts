/**
 * Bringing in a matrix from somewhere other than the grid: presets (built at once), a random matrix
 * with a chosen spectrum and the word embeddings (both built or fetched by the worker). The actions
 * only record a request; `effects.ts` sees it and runs the job.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import { SMALL_PRESETS, checkRandomParams, type RandomSpectrumParams } from './presets';
import type { JobStatus } from './svdSlice';
import type { ViewAfterLoad } from './viewSlice';

export type { ViewAfterLoad };

/** A request for a matrix from the worker; `view` is applied once it has arrived (from a link). */
export type SourceRequest =
  | { kind: 'random'; params: RandomSpectrumParams; view?: ViewAfterLoad }
  | { kind: 'paste'; text: string; view?: ViewAfterLoad }
  | { kind: 'embeddings'; view?: ViewAfterLoad };

/** Pasted text longer than this is refused before it is sent anywhere. */
export const MAX_PASTE_CHARACTERS = 64 * 1024 * 1024;

export interface SourceSlice {
  generation: {
    status: JobStatus;
    error: string | null;
    /** Which kind of request the error belongs to, so only its panel shows it. */
    failed?: SourceRequest['kind'];
    request: SourceRequest | null;
    /** The worker's stage while a matrix is built, and when it started (for elapsed and the rest). */
    progress: { fraction: number; stage: string } | null;
    startedAt: number | null;
    /** Bumped by Cancel; the source effect stops the job. */
    cancelRequests: number;
  };
  loadPreset(id: string): void;
  requestRandomMatrix(params: RandomSpectrumParams, view?: ViewAfterLoad): void;
  requestEmbeddings(view?: ViewAfterLoad): void;
  pasteMatrix(text: string): void;
  setGeneration(patch: Partial<SourceSlice['generation']>): void;
  /** Stops the matrix being built; the current matrix stays. */
  cancelGeneration(): void;
}

const RUNNING = { status: 'running', error: null, progress: null, startedAt: null } as const;

export const createSourceSlice: StateCreator<AppState, [], [], SourceSlice> = (set, get) => ({
  generation: { status: 'idle', error: null, request: null, progress: null, startedAt: null, cancelRequests: 0 },
  loadPreset(id) {
    const preset = SMALL_PRESETS.find((p) => p.id === id);
    if (!preset) {
      get().notify({ kind: 'error', title: `There is no preset called "${id}".`, details: [] });
      return;
    }
    get().loadMatrix(preset.build(), { kind: 'preset', title: preset.title, description: preset.line, preset: { id, params: {} } });
    get().setRank(null);
    set({ step: 3, playing: false });
  },
  requestRandomMatrix(params, view) {
    const problems = checkRandomParams(params);
    if (problems.length > 0) {
      set({ generation: { ...get().generation, status: 'error', error: problems.join(' '), failed: 'random', request: null } });
      return;
    }
    set({ generation: { ...get().generation, ...RUNNING, request: { kind: 'random', params, view } } });
  },
  requestEmbeddings(view) {
    set({ generation: { ...get().generation, ...RUNNING, request: { kind: 'embeddings', view } } });
  },
  pasteMatrix(text) {
    if (text.length > MAX_PASTE_CHARACTERS) {
      set({ generation: { ...get().generation, status: 'error', failed: 'paste', error: `The pasted text has ${text.length.toLocaleString('en')} characters; at most ${MAX_PASTE_CHARACTERS.toLocaleString('en')} are read.`, request: null } });
      return;
    }
    set({ generation: { ...get().generation, ...RUNNING, request: { kind: 'paste', text } } });
  },
  setGeneration(patch) {
    set({ generation: { ...get().generation, ...patch } });
  },
  cancelGeneration() {
    const { generation } = get();
    if (generation.status !== 'running') return;
    set({ generation: { ...generation, status: 'idle', request: null, progress: null, startedAt: null, cancelRequests: generation.cancelRequests + 1 } });
  },
});
