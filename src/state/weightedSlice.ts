/**
 * The weighted low-rank workspace: the weights on the matrix workspace's matrix (a preset, a file,
 * brush strokes on top), the rank, the methods that race from one start, and the race as the
 * worker streams it. The matrix is the document the two workspaces share: weighting is another
 * lens on the same matrix, so choosing data in either shows in both.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import type { MethodStanding, PaintStroke, WeightedBaseline, WeightedJobOutput, WeightsSpec } from '../worker/weightedJob';
import type { WeightRef } from '../worker/attentionJob';
import type { WeightedMethod } from '../core';
import type { LinkRef } from '../permalink/humanForm';

export type { MethodStanding, PaintStroke, WeightedBaseline, WeightedMethod };
export type WeightSourceKind = WeightsSpec['source'];
export type WeightedInit = 'svd' | 'fwsvd' | 'random' | 'zero';

export interface WeightsSettings {
  source: WeightSourceKind;
  seed: number;
  density: number;
  /** Rows [r0, r1), columns [c0, c1) and their weight (source 'block'). */
  block: [number, number, number, number, number] | null;
  perRow: boolean;
  /** The weights' array or the importance matrix, of an open file. */
  file: WeightRef | null;
}

export interface WeightedSettings {
  rank: number;
  methods: WeightedMethod[];
  init: WeightedInit;
  maxIter: number;
  seed: number;
  weights: WeightsSettings;
  paint: PaintStroke[];
  /** Inputs X for the activation-aware SVD, from a file. */
  inputs: { ref: WeightRef; layout: 'rows-are-samples' | 'columns-are-samples' } | null;
}

/** One method's curve as it grows, and its latest geometry. */
export interface MethodCurve {
  method: WeightedMethod;
  objectives: number[];
  plainErrors: number[];
  stopped: MethodStanding['stopped'];
  angles: Float64Array;
  approximation: Float64Array | null;
  basis: Float64Array | null;
}

/** 'declined': estimated over the time budget, so not started until the person chooses (see `offer`). */
export type RaceStatus = 'idle' | 'running' | 'paused' | 'cancelled' | 'done' | 'error' | 'declined';

/** What a race would cost here, when it is over the budget: the way on is fewer iterations, or all of them anyway. */
export interface RaceOffer {
  /** Seconds for every method's iteration cap (the methods usually stop earlier, on the tolerance). */
  seconds: number;
  /** The slowest method and its seconds per iteration. */
  slowest: { method: WeightedMethod; seconds: number };
  /** An iteration cap that fits the budget (at least 1). */
  fitIterations: number;
}

export interface WeightedSlice {
  weighted: {
    settings: WeightedSettings;
    status: RaceStatus;
    /** Names the run: a new one for every change of settings or data; Resume keeps it. */
    raceId: number;
    baseline: WeightedBaseline | null;
    curves: MethodCurve[];
    result: WeightedJobOutput | null;
    error: string | null;
    progress: number | null;
    /** A race over the time budget, not started: its estimate and the cap that fits. */
    offer: RaceOffer | null;
    /** The matrix and settings the person said to run anyway, whatever the estimate. */
    confirmed: { matrix: unknown; settings: unknown } | null;
    /** The brush of the weight editor. */
    brush: { radius: number; value: number };
    /** A link's weight or importance file, until that file is open. */
    waitingFile: LinkRef | null;
    /** An export the page asked for (the effect runs it and downloads the file), and its failure. */
    exportRequest: 'npz' | 'safetensors' | null;
    exportError: string | null;
  };
  setWeightedSettings(patch: Partial<WeightedSettings>): void;
  setWeights(patch: Partial<WeightsSettings>): void;
  /** Paints one stroke (the last 400 are kept: a link carries at most that many). */
  paintWeight(row: number, col: number): void;
  clearPaint(): void;
  setBrush(patch: Partial<WeightedSlice['weighted']['brush']>): void;
  setWeightedState(patch: Partial<Omit<WeightedSlice['weighted'], 'settings' | 'brush'>>): void;
  exportWeighted(format: 'npz' | 'safetensors'): void;
  /** Pause, resume and cancel the race; the effect acts on the status. */
  pauseRace(): void;
  resumeRace(): void;
  cancelRace(): void;
  restartRace(): void;
  /** Runs the declined race with every iteration anyway. */
  runRaceAnyway(): void;
}

export const MAX_PAINT_STROKES = 400;

export const DEFAULT_WEIGHTS: WeightsSettings = { source: 'rows', seed: 1, density: 0.5, block: null, perRow: false, file: null };

export const DEFAULT_WEIGHTED: WeightedSettings = {
  rank: 1,
  methods: ['em', 'als'],
  init: 'svd',
  maxIter: 200,
  seed: 1,
  weights: DEFAULT_WEIGHTS,
  paint: [],
  inputs: null,
};

/** The rank the settings ask for, within what the matrix allows. */
export function weightedRank(state: AppState): number {
  return Math.max(1, Math.min(state.weighted.settings.rank, state.matrix.rows, state.matrix.cols));
}

export const createWeightedSlice: StateCreator<AppState, [], [], WeightedSlice> = (set, get) => ({
  weighted: {
    settings: DEFAULT_WEIGHTED,
    status: 'idle',
    raceId: 0,
    baseline: null,
    curves: [],
    result: null,
    error: null,
    progress: null,
    offer: null,
    confirmed: null,
    brush: { radius: 0, value: 10 },
    waitingFile: null,
    exportRequest: null,
    exportError: null,
  },
  setWeightedSettings(patch) {
    const { weighted } = get();
    set({ weighted: { ...weighted, settings: { ...weighted.settings, ...patch } } });
  },
  setWeights(patch) {
    const { weighted } = get();
    set({ weighted: { ...weighted, settings: { ...weighted.settings, weights: { ...weighted.settings.weights, ...patch } } } });
  },
  paintWeight(row, col) {
    const { weighted } = get();
    const { radius, value } = weighted.brush;
    const stroke: PaintStroke = [row, col, radius, value];
    const last = weighted.settings.paint.at(-1);
    if (last && last.every((x, i) => x === stroke[i])) return;
    get().setWeightedSettings({ paint: [...weighted.settings.paint, stroke].slice(-MAX_PAINT_STROKES) });
  },
  clearPaint() {
    get().setWeightedSettings({ paint: [] });
  },
  setBrush(patch) {
    const { weighted } = get();
    set({ weighted: { ...weighted, brush: { ...weighted.brush, ...patch } } });
  },
  setWeightedState(patch) {
    set({ weighted: { ...get().weighted, ...patch } });
  },
  exportWeighted(format) {
    get().setWeightedState({ exportRequest: format, exportError: null });
  },
  pauseRace() {
    if (get().weighted.status === 'running') get().setWeightedState({ status: 'paused' });
  },
  resumeRace() {
    if (get().weighted.status === 'paused') get().setWeightedState({ status: 'running' });
  },
  cancelRace() {
    const status = get().weighted.status;
    if (status === 'running' || status === 'paused') get().setWeightedState({ status: 'cancelled' });
  },
  restartRace() {
    get().setWeightedState({ status: 'idle', raceId: get().weighted.raceId + 1 });
  },
  runRaceAnyway() {
    const { matrix, weighted } = get();
    get().setWeightedState({ status: 'idle', offer: null, confirmed: { matrix, settings: weighted.settings }, raceId: weighted.raceId + 1 });
  },
});
