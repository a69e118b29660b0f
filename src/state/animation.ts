/**
 * Drives the step animation while `playing` is set: advances `step` once per display frame so that
 * each stage takes `STAGE_SECONDS` (or a lesson's own pace, `playTo`), and stops at the end (or at
 * `playTo.step`).
 */
import { LAST_STEP } from './viewSlice';
import type { AppStore } from './store';

export const STAGE_SECONDS = 1.2;

export function startAnimationDriver(store: AppStore): () => void {
  let frame: number | null = null;
  let last = 0;

  function tick(now: number): void {
    const { playing, step, playTo } = store.getState();
    if (!playing) {
      frame = null;
      return;
    }
    const dt = Math.min(0.1, (now - last) / 1000); // a backgrounded tab must not jump to the end
    last = now;
    // A lesson's animation stops where its step says, at its own pace.
    const end = playTo?.step ?? LAST_STEP;
    const next = Math.min(end, step + dt / (playTo?.stageSeconds ?? STAGE_SECONDS));
    store.setState(next >= end ? { step: end, playing: false, playTo: null } : { step: next });
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
