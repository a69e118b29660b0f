/**
 * One way to run a job family from the store: when the values a job depends on change, work out
 * the request; if it differs from the last one started, mark the slice running and start the job
 * in its slot (a newer request supersedes the older: latest wins); land its result only if it is
 * still the latest request's; report a failure the same way everywhere; ignore cancellations.
 * Effects that follow this pattern (attention, comparison) are a spec each.
 */
import { JobCancelledError, JobFailedError, type ComputeClient } from '../worker/client';
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
  failed(store: AppStore, message: string, code?: JobErrorCode): void;
  partial?(store: AppStore, value: JobPartial<K>, key: readonly unknown[]): void;
}

const sameKey = (a: readonly unknown[] | null, b: readonly unknown[]) => a !== null && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export function startJobEffect<K extends JobKind>(store: AppStore, client: ComputeClient, spec: JobEffectSpec<K>): () => void {
  let lastKey: readonly unknown[] | null = null;
  let lastMissing: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function run(): void {
    timer = null;
    const request = spec.request(store.getState());
    if (request === null) return;
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
    const latest = () => lastKey === key;
    client
      .run(spec.kind, request.input(), {
        slot: spec.slot,
        interruptible: request.interruptible ?? true,
        onPartial: spec.partial && ((value) => latest() && spec.partial!(store, value, key)),
      })
      .promise.then(
        (output) => {
          if (latest()) spec.done(store, output, key);
        },
        (error: unknown) => {
          if (error instanceof JobCancelledError || !latest()) return;
          // A restarted worker forgot its files: once they are open again (an input changes), the
          // same request runs again rather than keeping the error.
          if (error instanceof JobFailedError && error.code === 'file-not-open') lastKey = null;
          spec.failed(store, error instanceof Error ? error.message : String(error), error instanceof JobFailedError ? error.code : undefined);
        },
      );
  }

  function schedule(): void {
    if (spec.delayMs === undefined) {
      run();
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, spec.delayMs);
  }

  schedule();
  const unsubscribe = store.subscribe((state, previous) => {
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
