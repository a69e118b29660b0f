/**
 * Plays a lesson step's animation once the step's state is on screen (its matrix built and its
 * SVD done): the SVD's stages from one step to another, or the rank from one value to another.
 * With reduced motion asked for, the step shows its end at once.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store';
import type { AppState } from '../state/store';
import type { LessonStep } from './lessonTypes';

/** A pause before the animation, so the room sees where it starts. */
const LEAD_IN_MS = 700;

const settled = (s: AppState) => s.generation.status !== 'running' && s.svd.status === 'done' && s.file.pending == null;

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function useStepAnimation(step: LessonStep | undefined, key: string): void {
  useEffect(() => {
    const animate = step?.animate;
    if (!animate) return;
    let timer: ReturnType<typeof setTimeout> | ReturnType<typeof setInterval> | null = null;
    let stopped = false;
    const start = () => {
      if (stopped) return;
      const state = appStore.getState();
      if (animate.param === 'step') {
        if (prefersReducedMotion()) state.setStep(animate.to);
        else state.playBetween(animate.from, animate.to, animate.seconds);
        return;
      }
      if (prefersReducedMotion()) {
        state.setRank(animate.to);
        return;
      }
      const began = performance.now();
      timer = setInterval(() => {
        const fraction = Math.min(1, (performance.now() - began) / (animate.seconds * 1000));
        appStore.getState().setRank(Math.round(animate.from + fraction * (animate.to - animate.from)));
        if (fraction >= 1 && timer !== null) clearInterval(timer);
      }, 80);
    };
    // Wait for the step's own state: a link's matrix may still be on its way.
    let unsubscribe: (() => void) | null = null;
    const whenSettled = () => {
      timer = setTimeout(start, LEAD_IN_MS);
    };
    if (settled(appStore.getState())) whenSettled();
    else {
      unsubscribe = appStore.subscribe((s) => {
        if (!settled(s)) return;
        unsubscribe?.();
        unsubscribe = null;
        whenSettled();
      });
    }
    return () => {
      stopped = true;
      unsubscribe?.();
      if (timer !== null) {
        clearTimeout(timer as ReturnType<typeof setTimeout>);
        clearInterval(timer as ReturnType<typeof setInterval>);
      }
      if (appStore.getState().playing) appStore.getState().pause();
    };
    // The key names the step: the same step re-rendered does not replay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
