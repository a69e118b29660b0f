/**
 * The progress and cancellation hooks long computations accept. The web worker passes them to
 * stream progress and to stop a superseded job; they are checked between sweeps or blocks, so a
 * cancellation takes effect within one sweep.
 */
import { LinalgError } from './errors';

/** Optional callbacks accepted by every long computation. */
export interface ProgressOptions {
  /** Called with a fraction in [0, 1] and the name of the current stage. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Polled between sweeps/blocks; returning true stops the computation with a LinalgError. */
  shouldCancel?: () => boolean;
}

/**
 * Throws a LinalgError('<fn>: cancelled') when the caller asked to stop.
 *
 * @example
 * checkCancel('svd', { shouldCancel: () => true }); // throws LinalgError('svd: cancelled')
 */
export function checkCancel(fn: string, options: ProgressOptions): void {
  if (options.shouldCancel?.()) throw new LinalgError(`${fn}: cancelled`);
}
