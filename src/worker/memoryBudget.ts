/**
 * How much memory the compute worker lets one operation take, and how sizes are written in
 * messages. It imports nothing, so the page can share the numbers without bundling the worker.
 *
 * A tab that allocates several GiB of typed arrays is killed by the browser without a word
 * (a 522 KB .npz of an 8192 x 8192 float64 zero array inflates to 512 MiB, and opening and
 * factoring it needed several copies of that). So the worker refuses, with a message that names
 * the size and the way around it, before it allocates:
 * - an array to open whose decoding, float64 matrix and the copy the worker keeps would exceed the
 *   budget (fileJobs.ts, from the sizes in the file's headers, before inflating or decoding);
 * - an SVD whose working memory beyond the matrix would exceed it (svdJob.ts, from core/svd/svdCost.ts);
 * and the matrices it keeps for the SVD (heldMatrices.ts) are evicted oldest first beyond it.
 */

/** About 1 GiB of typed arrays per operation in the worker. */
export const WORKER_MEMORY_BUDGET = 2 ** 30;

/** Above this estimate (seconds on this device) the page asks before it starts an exact SVD. */
export const EXACT_SVD_TIME_BUDGET_SECONDS = 20;

/**
 * A byte count for people: binary units, three significant digits.
 *
 * @example
 * formatBytes(536_870_912); // "512 MiB"
 * formatBytes(1.5 * 2 ** 30); // "1.5 GiB"
 * formatBytes(534_000); // "521 KiB"
 */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} bytes`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))} ${units[unit]}`;
}

/**
 * A duration for people: "0.4 s", "12 s", "3 min 20 s", "1 h 5 min".
 *
 * @example
 * formatSeconds(178); // "3 min"
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 10) return `${Math.max(0, seconds).toFixed(seconds < 1 ? 2 : 1)} s`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    const rest = Math.round(seconds - 60 * Math.floor(seconds / 60));
    return seconds < 600 && rest >= 5 && rest <= 55 ? `${Math.floor(seconds / 60)} min ${rest} s` : `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
