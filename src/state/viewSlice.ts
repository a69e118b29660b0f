/**
 * How the result is shown: which view, the rank cut, and the position in the
 * x -> V^T x -> S V^T x -> U S V^T x animation (`step` from 0, the input, to 3, the full map).
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export const LAST_STEP = 3;
export const STAGE_NAMES = ['x', 'Vᵀx', 'ΣVᵀx', 'UΣVᵀx'] as const;

/** The map view is for matrices up to 3 x 3; the point cloud and heatmaps work for any size. */
export type ViewMode = 'map' | 'cloud' | 'heatmaps';
export const MAP_MAX = 3;

/** The view settings a link carries, applied together. */
export interface ViewAfterLoad {
  rank: number | null;
  view: ViewMode;
  of: 'rows' | 'columns';
  step: number;
  /** The camera position, or null/absent for the view's own framing. */
  camera?: Camera | null;
  /** The point cloud's three singular directions (0-based); absent for the first three. */
  axes?: [number, number, number];
  /** Whether the map view draws the four fundamental subspaces; absent for yes. */
  subspaces?: boolean;
}

export type Camera = [number, number, number];

export interface ViewSlice {
  step: number;
  playing: boolean;
  /** Where a playing animation stops, and how long each stage takes: null for the end at the usual pace. */
  playTo: { step: number; stageSeconds: number } | null;
  /** The rank k of the truncation, or null for "full rank" (k = min(m, n)). */
  rank: number | null;
  /** The view the person chose; `effectiveView` falls back when it does not fit the matrix. */
  viewMode: ViewMode;
  /** Which vectors form the point cloud: the rows of A (in right singular coordinates) or its columns. */
  cloudOf: 'rows' | 'columns';
  /** The three singular directions (0-based) used as the cloud's axes. */
  cloudAxes: [number, number, number];
  /** Whether the linear-map view draws the four fundamental subspaces. */
  showSubspaces: boolean;
  /** Where the person turned the camera (it looks at the origin), or null for the view's framing. */
  camera: Camera | null;
  setCamera(camera: Camera | null): void;
  setShowSubspaces(show: boolean): void;
  setStep(step: number): void;
  play(): void;
  /** Plays the animation from `from` to `to` in `seconds` (a lesson step's animation). */
  playBetween(from: number, to: number, seconds: number): void;
  pause(): void;
  togglePlay(): void;
  /** Jumps to the next (direction 1) or previous (-1) whole stage. */
  stepBy(direction: 1 | -1): void;
  setRank(rank: number | null): void;
  setViewMode(mode: ViewMode): void;
  setCloudOf(of: 'rows' | 'columns'): void;
  setCloudAxis(slot: 0 | 1 | 2, direction: number): void;
  applyView(view: ViewAfterLoad): void;
}

export function clampStep(step: number): number {
  return Math.min(LAST_STEP, Math.max(0, Number.isFinite(step) ? step : 0));
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  step: LAST_STEP,
  playing: false,
  playTo: null,
  rank: null,
  viewMode: 'map',
  cloudOf: 'rows',
  cloudAxes: [0, 1, 2],
  showSubspaces: true,
  camera: null,
  setCamera(camera) {
    const rounded = camera && (camera.map((x) => Math.round(x * 1000) / 1000) as Camera);
    const current = get().camera;
    if (rounded && current && rounded.every((x, i) => x === current[i])) return;
    set({ camera: rounded });
  },
  setShowSubspaces(showSubspaces) {
    set({ showSubspaces });
  },
  setStep(step) {
    set({ step: clampStep(step), playing: false });
  },
  play() {
    // Playing from the end starts over, as a media player does.
    set({ playing: true, playTo: null, step: get().step >= LAST_STEP ? 0 : get().step });
  },
  playBetween(from, to, seconds) {
    const start = clampStep(from);
    const end = clampStep(to);
    if (end <= start) {
      set({ step: end, playing: false, playTo: null });
      return;
    }
    set({ step: start, playing: true, playTo: { step: end, stageSeconds: Math.max(0.05, seconds) / (end - start) } });
  },
  pause() {
    set({ playing: false });
  },
  togglePlay() {
    if (get().playing) get().pause();
    else get().play();
  },
  stepBy(direction) {
    const { step } = get();
    const target = direction > 0 ? Math.floor(step + 1e-9) + 1 : Math.ceil(step - 1e-9) - 1;
    set({ step: clampStep(target), playing: false });
  },
  setRank(rank) {
    set({ rank: rank === null ? null : Math.max(1, Math.round(rank)) });
  },
  setViewMode(viewMode) {
    // Each view frames itself: a camera turned in one view means nothing in another.
    set({ viewMode, camera: null });
  },
  setCloudOf(cloudOf) {
    set({ cloudOf });
  },
  applyView(view) {
    set({
      rank: view.rank, viewMode: view.view, cloudOf: view.of, step: clampStep(view.step), playing: false, camera: view.camera ?? null,
      cloudAxes: view.axes ?? [0, 1, 2], showSubspaces: view.subspaces ?? true,
    });
  },
  setCloudAxis(slot, direction) {
    const axes = [...get().cloudAxes] as [number, number, number];
    axes[slot] = Math.max(0, Math.round(direction));
    set({ cloudAxes: axes });
  },
});
