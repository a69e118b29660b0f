/**
 * Drives the step animation while `playing` is set: advances `step` once per display frame so that
 * each stage takes `STAGE_SECONDS`, and stops at the end.
 */
import { LAST_STEP } from './viewSlice';
import type { AppStore } from './store';

export const STAGE_SECONDS = 1.2;

export function startAnimationDriver(store: AppStore): () => void {
  let frame: number | null = null;
  let last = 0;

  function tick(now: number): void {
    const { playing, step } = store.getState();
    if (!playing) {
      frame = null;
      return;
    }
    const dt = Math.min(0.1, (now - last) / 1000); // a backgrounded tab must not jump to the end
    last = now;
    const next = Math.min(LAST_STEP, step + dt / STAGE_SECONDS);
    store.setState(next >= LAST_STEP ? { step: LAST_STEP, playing: false } : { step: next });
    frame = requestAnimationFrame(tick);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playing && !previous.playing && frame === null) {
      last = performance.now();
      frame = requestAnimationFrame(tick);
    }
  });
  return () => {
    unsubscribe();
    if (frame !== null) cancelAnimationFrame(frame);
  };
}
