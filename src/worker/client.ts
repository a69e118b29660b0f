/**
 * The client side of the compute protocol: the store's only way to run work in the worker.
 *
 * - `run` sends a job and returns a handle whose promise settles with the typed output.
 * - Jobs in the same slot supersede each other (latest wins): starting one cancels the previous.
 * - A cancelled job that is still running after `hardCancelMs` is stopped by restarting the worker
 *   (JavaScript cannot interrupt a synchronous computation); the other pending jobs are re-sent.
 *   Its deadline is dropped as soon as the worker reports that the job ended, so a job that stops
 *   on its own never costs a restart later.
 * - A worker that dies is restarted and every pending job fails with a readable message.
 */
import type { FromWorker, JobErrorCode, JobInput, JobKind, JobOutput, JobPartial, ToWorker } from './protocol';

/** The part of a Worker the client uses; tests pass an in-process fake. */
export interface WorkerEndpoint {
  postMessage(message: ToWorker, transfer: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((message: FromWorker) => void) | null;
  onerror: ((message: string) => void) | null;
}

/** Rejection reason of a job that was cancelled or superseded; callers usually ignore it. */
export class JobCancelledError extends Error {
  constructor(readonly jobId: number) {
    super(`job ${jobId} was cancelled`);
    this.name = 'JobCancelledError';
  }
}

/** Rejection reason of a job that failed in the worker, with the worker's message and, for failures the page acts on, a code. */
export class JobFailedError extends Error {
  constructor(message: string, readonly code?: JobErrorCode) {
    super(message);
    this.name = 'JobFailedError';
  }
}

export interface RunOptions<P = unknown> {
  /** Jobs sharing a slot supersede each other. */
  slot?: string;
  /** Buffers of the input to move to the worker instead of copying. */
  transfer?: ArrayBuffer[];
  onStart?: () => void;
  onProgress?: (fraction: number, stage: string) => void;
  /** Intermediate results the job streams (see JobPartial), in order, before its result. */
  onPartial?: (value: P) => void;
  /**
   * Whether a cancelled run of this job may be stopped by restarting the worker (default true).
   * Jobs that read state the worker holds (opened files) set false: a restart would lose that state,
   * so a superseded run finishes in the worker and its result is dropped.
   */
  interruptible?: boolean;
}

export interface JobHandle<O> {
  id: number;
  promise: Promise<O>;
  cancel(): void;
}

interface Pending {
  id: number;
  kind: JobKind;
  input: unknown;
  slot?: string;
  started: boolean;
  options: RunOptions;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

export interface ComputeClient {
  run<K extends JobKind>(kind: K, input: JobInput<K>, options?: RunOptions<JobPartial<K>>): JobHandle<JobOutput<K>>;
  /** Jobs sent and not yet settled. */
  pendingCount(): number;
  /** How many times the worker was restarted (crash or hard cancel). */
  restarts(): number;
  /** Calls `listener` after every restart (the new worker holds no state: reopen what is needed). */
  onRestart(listener: () => void): () => void;
  dispose(): void;
}

export interface ClientOptions {
  /** How long a cancelled running job may keep the worker busy before it is restarted. */
  hardCancelMs?: number;
}

export function createComputeClient(spawn: () => WorkerEndpoint, clientOptions: ClientOptions = {}): ComputeClient {
  const hardCancelMs = clientOptions.hardCancelMs ?? 300;
  const pending = new Map<number, Pending>();
  const slots = new Map<string, number>();
  let nextId = 1;
  let restartCount = 0;
  /**
   * Hard-cancel deadlines of cancelled jobs the worker is still running, by job id. The client
   * settles a job when it is cancelled, but the worker still sends the job's last message
   * ('cancelled', 'result' or 'error') when it ends: that message clears the deadline.
   */
  const hardCancelTimers = new Map<number, ReturnType<typeof setTimeout>>();
  const restartListeners = new Set<() => void>();
  let endpoint = connect();

  function connect(): WorkerEndpoint {
    const created = spawn();
    created.onmessage = receive;
    created.onerror = (message) => restart(`The compute worker stopped unexpectedly (${message}). It has been restarted; please try again.`);
    return created;
  }

  function settle(id: number): Pending | undefined {
    const job = pending.get(id);
    if (!job) return undefined;
    pending.delete(id);
    if (job.slot !== undefined && slots.get(job.slot) === id) slots.delete(job.slot);
    return job;
  }

  function clearHardCancelTimers(): void {
    for (const timer of hardCancelTimers.values()) clearTimeout(timer);
    hardCancelTimers.clear();
  }

  function receive(message: FromWorker): void {
    if (message.type === 'result' || message.type === 'error' || message.type === 'cancelled') {
      // The job has ended in the worker: if it was cancelled while running, it needs no hard cancel.
      const timer = hardCancelTimers.get(message.id);
      if (timer !== undefined) {
        clearTimeout(timer);
        hardCancelTimers.delete(message.id);
      }
    }
    const job = pending.get(message.id);
    if (!job) return; // a late message for a job already settled (cancelled, or lost in a restart)
    switch (message.type) {
      case 'started':
        job.started = true;
        job.options.onStart?.();
        break;
      case 'progress':
        job.options.onProgress?.(message.fraction, message.stage);
        break;
      case 'partial':
        job.options.onPartial?.(message.value);
        break;
      case 'result':
        settle(message.id)?.resolve(message.output);
        break;
      case 'error':
        settle(message.id)?.reject(new JobFailedError(message.message, message.code));
        break;
      case 'cancelled':
        settle(message.id)?.reject(new JobCancelledError(message.id));
        break;
    }
  }

  /** Replaces the worker; `failure` fails every pending job, otherwise they are re-sent. */
  function restart(failure?: string): void {
    clearHardCancelTimers();
    endpoint.onmessage = null;
    endpoint.onerror = null;
    endpoint.terminate();
    restartCount += 1;
    endpoint = connect();
    for (const listener of restartListeners) listener();
    for (const job of [...pending.values()]) {
      if (failure !== undefined) {
        settle(job.id)?.reject(new JobFailedError(failure));
      } else if ((job.options.transfer?.length ?? 0) > 0) {
        // Its input buffers were moved into the old worker and died with it.
        settle(job.id)?.reject(new JobFailedError('The job was interrupted while the worker restarted; please run it again.'));
      } else {
        job.started = false;
        endpoint.postMessage({ type: 'run', id: job.id, kind: job.kind, input: job.input }, []);
      }
    }
  }

  function cancel(id: number): void {
    const job = settle(id);
    if (!job) return;
    job.reject(new JobCancelledError(id));
    endpoint.postMessage({ type: 'cancel', id }, []);
    if (job.started && job.options.interruptible !== false) {
      // The worker is busy with this job; if it does not end soon, stop it the hard way.
      hardCancelTimers.set(id, setTimeout(() => {
        hardCancelTimers.delete(id);
        restart();
      }, hardCancelMs));
    }
  }

  return {
    run(kind, input, options = {}) {
      const id = nextId++;
      if (options.slot !== undefined) {
        const previous = slots.get(options.slot);
        if (previous !== undefined) cancel(previous);
        slots.set(options.slot, id);
      }
      const promise = new Promise<JobOutput<typeof kind>>((resolve, reject) => {
        pending.set(id, {
          // Stored untyped: the message loop hands each partial value to the job it belongs to.
          id, kind, input, slot: options.slot, started: false, options: options as RunOptions,
          resolve: resolve as (output: unknown) => void, reject,
        });
      });
      // Inputs are copied unless the caller moves them; a moved input cannot be re-sent after a restart.
      endpoint.postMessage({ type: 'run', id, kind, input }, options.transfer ?? []);
      return { id, promise, cancel: () => cancel(id) };
    },
    pendingCount: () => pending.size,
    restarts: () => restartCount,
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
    dispose() {
      clearHardCancelTimers();
      for (const job of [...pending.values()]) settle(job.id)?.reject(new JobCancelledError(job.id));
      endpoint.terminate();
    },
  };
}

/** The browser's worker, adapted to `WorkerEndpoint`. */
export function spawnBrowserWorker(): WorkerEndpoint {
  const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'compute' });
  const endpoint: WorkerEndpoint = {
    postMessage: (message, transfer) => worker.postMessage(message, transfer),
    terminate: () => worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.onmessage = (event: MessageEvent<FromWorker>) => endpoint.onmessage?.(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    endpoint.onerror?.(event.message || 'unknown error');
  };
  worker.onmessageerror = () => endpoint.onerror?.('a message could not be decoded');
  return endpoint;
}
