/**
 * Timing helpers: medians of repeated runs under a time budget.
 */

export interface Timing {
  /** Median in milliseconds. */
  median: number;
  /** Number of timed runs. */
  runs: number;
  /** True when the budget stopped the runs before the planned repetitions. */
  capped: boolean;
}

/**
 * Untimed warm-up: runs until this much time is spent (and at least once). One run is not enough
 * for a JIT: V8 optimises a function only after many calls, and the app's long-lived worker sees
 * the optimised code while a matrix is edited. The numpy side warms up by the same rule.
 */
export const WARM_UP_MS = 500;

/**
 * Runs `fn` untimed for about WARM_UP_MS (JIT warm-up; once when a single run takes longer), then
 * up to `reps` timed runs, stopping early once `budgetMs` is spent (at least one timed run always
 * happens).
 *
 * @example time(() => svd(a), 10, 5000).median
 */
export function time(fn: () => unknown, reps: number, budgetMs: number): Timing {
  const warm = performance.now();
  fn();
  const first = performance.now() - warm;
  while (first <= budgetMs / 2 && performance.now() - warm < WARM_UP_MS) fn();
  const samples: number[] = [];
  // A run longer than the budget counts as the one measurement: repeating it would blow the budget.
  if (first > budgetMs / 2 || reps <= 1) {
    samples.push(first);
  } else {
    const start = performance.now();
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
      if (performance.now() - start > budgetMs) break;
    }
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median = samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
  return { median, runs: samples.length, capped: samples.length < reps };
}
