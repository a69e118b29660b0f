/**
 * How the result is shown: the position in the x -> V^T x -> S V^T x -> U S V^T x animation.
 * `step` runs from 0 (the input) to 3 (the full map); whole numbers are the stages.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export const LAST_STEP = 3;
export const STAGE_NAMES = ['x', 'Vᵀx', 'ΣVᵀx', 'UΣVᵀx'] as const;

export interface ViewSlice {
  step: number;
  playing: boolean;
  setStep(step: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Jumps to the next (direction 1) or previous (-1) whole stage. */
  stepBy(direction: 1 | -1): void;
}

export function clampStep(step: number): number {
  return Math.min(LAST_STEP, Math.max(0, Number.isFinite(step) ? step : 0));
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  step: LAST_STEP,
  playing: false,
  setStep(step) {
    set({ step: clampStep(step), playing: false });
  },
  play() {
    // Playing from the end starts over, as a media player does.
    set({ playing: true, step: get().step >= LAST_STEP ? 0 : get().step });
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
});
