/**
 * The attention view: which query and key projections (from opened files, or seeded synthetic
 * weights), their layout, the head size and head, and the worker's result for that head.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import type { JobStatus } from './svdSlice';
import type { AttentionJobInput, AttentionJobOutput, WeightLayout, WeightRef } from '../worker/attentionJob';

export type { WeightLayout, WeightRef, AttentionJobOutput };

export interface AttentionSettings {
  source: 'synthetic' | 'file';
  query: WeightRef | null;
  key: WeightRef | null;
  layout: WeightLayout;
  headSize: number;
  /** 0-based. */
  head: number;
  /** Width of the synthetic model. */
  dModel: number;
  seed: number;
}

export interface AttentionSlice {
  attention: {
    settings: AttentionSettings;
    status: JobStatus;
    result: AttentionJobOutput | null;
    error: string | null;
  };
  setAttentionSettings(patch: Partial<AttentionSettings>): void;
  setAttentionState(patch: Partial<Omit<AttentionSlice['attention'], 'settings'>>): void;
}

export const DEFAULT_ATTENTION: AttentionSettings = {
  source: 'synthetic',
  query: null,
  key: null,
  layout: 'x-times-w',
  headSize: 16,
  head: 0,
  dModel: 96,
  seed: 1,
};

/** The job input for the settings, or a message saying what is missing. */
export function attentionJobInput(settings: AttentionSettings): AttentionJobInput | string {
  const { layout, headSize, head, seed } = settings;
  if (settings.source === 'synthetic') return { source: { kind: 'synthetic', dModel: settings.dModel, seed }, layout, headSize, head, seed };
  if (!settings.query || !settings.key) return 'Choose the query and the key projections from an opened file.';
  return { source: { kind: 'file', query: settings.query, key: settings.key }, layout, headSize, head, seed };
}

export const createAttentionSlice: StateCreator<AppState, [], [], AttentionSlice> = (set, get) => ({
  attention: { settings: DEFAULT_ATTENTION, status: 'idle', result: null, error: null },
  setAttentionSettings(patch) {
    const { attention } = get();
    set({ attention: { ...attention, settings: { ...attention.settings, ...patch } } });
  },
  setAttentionState(patch) {
    set({ attention: { ...get().attention, ...patch } });
  },
});
