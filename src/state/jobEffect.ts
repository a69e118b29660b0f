/**
 * One way to run a job family from the store: when the values a job depends on change, work out
 * the request; if it differs from the last one started, mark the slice running and start the job
 * in its slot (a newer request supersedes the older: latest wins); land its result only if it is
 * still the latest request's; report a failure the same way everywhere; ignore cancellations.
 *
 * The one staleness rule: a result, error, partial result or progress report lands only while its
 * request is the latest one made, and a request of nothing (null) makes every earlier one stale.
 * Every job family the store starts is a spec of this: the SVD, the files, the sources, the
 * exports, attention, the comparison, the tensors.
 */
import { JobCancelledError, JobFailedError, type ComputeClient, type JobHandle } from '../worker/client';
import type { JobErrorCode, JobInput, JobKind, JobOutput, JobPartial } from '../worker/protocol';
import type { AppState, AppStore } from './store';

/** A job to run: `key` says what it is for (compared part by part with Object.is). */
export interface JobRequest<K extends JobKind> {
  key: readonly unknown[];
  /** Built only when the key is new: an input can be big (a 50257 x k basis), a key is cheap. */
  input(): JobInput<K>;
  /** False for jobs that read what the worker holds (opened files): see RunOptions. */
  interruptible?: boolean;
}

export interface JobEffectSpec<K extends JobKind> {
  kind: K;
  slot: string;
  /** The values a request is made from; the request is worked out again when one changes. */
  inputs(state: AppState): readonly unknown[];
  /** What to run now, a sentence saying what is missing, or null for nothing to do. */
  request(state: AppState): JobRequest<K> | string | null;
  /** Waits this long after the last change before starting (coalesces a slider drag). */
  delayMs?: number;
  running(store: AppStore, key: readonly unknown[]): void;
  done(store: AppStore, output: JobOutput<K>, key: readonly unknown[]): void;
  /** `key` is absent when the request itself could not be made (the sentence of `request`). */
  failed(store: AppStore, message: string, code?: JobErrorCode, key?: readonly unknown[]): void;
  partial?(store: AppStore, value: JobPartial<K>, key: readonly unknown[]): void;
  /** The worker began the job (it may have waited behind others). */
  started?(store: AppStore, key: readonly unknown[]): void;
  progress?(store: AppStore, fraction: number, stage: string, key: readonly unknown[]): void;
  /** A value whose change stops the running job (a Cancel button's counter); `cancelled` follows. */
  cancelRequests?(state: AppState): unknown;
  cancelled?(store: AppStore, key: readonly unknown[]): void;
  /**
   * A failure with this code can be mended (a restarted worker forgot a matrix: send it back):
   * the promise's fulfilment runs the same request again. A mend that fails tries again, up to
   * MAX_MENDS times in all, and then the failure is the mend's.
   */
  mend?(store: AppStore, code: JobErrorCode, key: readonly unknown[]): Promise<void> | null;
}

/** Times one request is mended and run again before its failure is reported. */
export const MAX_MENDS = 3;

const sameKey = (a: readonly unknown[] | null, b: readonly unknown[]) => a !== null && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startJobEffect<K extends JobKind>(store: AppStore, client: ComputeClient, spec: JobEffectSpec<K>): () => void {
  let lastKey: readonly unknown[] | null = null;
  let lastMissing: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The job of the latest request while it runs, for a cancel. */
  let running: { handle: JobHandle<JobOutput<K>>; key: readonly unknown[] } | null = null;

  function start(request: JobRequest<K>, key: readonly unknown[], mends: number): void {
    const latest = () => lastKey === key;
    const handle = client.run(spec.kind, request.input(), {
      slot: spec.slot,
      interruptible: request.interruptible ?? true,
      onPartial: spec.partial && ((value) => latest() && spec.partial!(store, value, key)),
      onStart: spec.started && (() => latest() && spec.started!(store, key)),
      onProgress: spec.progress && ((fraction, stage) => latest() && spec.progress!(store, fraction, stage, key)),
    });
    running = { handle, key };
    const settled = () => {
      if (running?.handle === handle) running = null;
    };
    handle.promise.then(
      (output) => {
        settled();
        if (latest()) spec.done(store, output, key);
      },
      (error: unknown) => {
        settled();
        if (error instanceof JobCancelledError || !latest()) return;
        const code = error instanceof JobFailedError ? error.code : undefined;
        const mending = code !== undefined && mends < MAX_MENDS ? spec.mend?.(store, code, key) : null;
        if (mending) {
          mending.then(
            () => latest() && start(request, key, mends + 1),
            (failure: unknown) => {
              if (!latest()) return;
              if (mends + 1 < MAX_MENDS) start(request, key, mends + 1);
              else spec.failed(store, messageOf(failure), undefined, key);
            },
          );
          return;
        }
        // A restarted worker forgot its files: once they are open again (an input changes), the
        // same request runs again rather than keeping the error.
        if (code === 'file-not-open') lastKey = null;
        spec.failed(store, messageOf(error), code, key);
      },
    );
  }

  function run(): void {
    timer = null;
    const request = spec.request(store.getState());
    if (request === null) {
      lastKey = null;
      lastMissing = null;
      return;
    }
    if (typeof request === 'string') {
      if (request !== lastMissing) spec.failed(store, request);
      lastMissing = request;
      lastKey = null;
      return;
    }
    lastMissing = null;
    if (sameKey(lastKey, request.key)) return;
    const key = request.key;
    lastKey = key;
    spec.running(store, key);
    start(request, key, 0);
  }

  function schedule(): void {
    if (spec.delayMs === undefined) {
      run();
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, spec.delayMs);
  }

  /** The person stopped the job: its result no longer lands, and the same request may run again. */
  function cancel(): void {
    const job = running;
    if (!job) return;
    running = null;
    if (lastKey === job.key) lastKey = null;
    spec.cancelled?.(store, job.key);
    job.handle.cancel();
  }

  schedule();
  const unsubscribe = store.subscribe((state, previous) => {
    if (spec.cancelRequests && !Object.is(spec.cancelRequests(state), spec.cancelRequests(previous))) cancel();
    const now = spec.inputs(state);
    const before = spec.inputs(previous);
    if (now.every((x, i) => Object.is(x, before[i]))) return;
    schedule();
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
