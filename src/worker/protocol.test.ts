/**
 * The client and the host wired together in-process, with a fake worker that can crash, so the
 * protocol's promises (latest wins, cancellation, errors, restarts, transfers) are tested without
 * a browser. Every delay (message passing, the jobs' waits, the hard-cancel deadline) runs on
 * Vitest's fake timers, so the tests say exactly when things happen and never race the clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotHeldError } from './heldMatrices';
import { createComputeClient, JobCancelledError, JobFailedError, type WorkerEndpoint } from './client';
import { createWorkerHost, type AnyHandlers } from './host';
import { JobCancelled, type FromWorker, type JobContext, type ToWorker } from './protocol';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface FakeWorld {
  spawned: number;
  transferred: ArrayBuffer[][];
  endpoints: WorkerEndpoint[];
}

function fakeSpawner(handlers: AnyHandlers, world: FakeWorld): () => WorkerEndpoint {
  return () => {
    world.spawned += 1;
    let alive = true;
    const endpoint: WorkerEndpoint = {
      onmessage: null,
      onerror: null,
      postMessage(message: ToWorker, transfer: ArrayBuffer[]) {
        if (!alive) return;
        const copy = structuredClone(message);
        setTimeout(() => alive && host.receive(copy), 0);
        void transfer;
      },
      terminate() {
        alive = false;
      },
    };
    const host = createWorkerHost(handlers, (message: FromWorker, transfer = []) => {
      if (!alive) return;
      world.transferred.push(transfer);
      if (message.type === 'error' && message.message === 'crash') {
        setTimeout(() => endpoint.onerror?.('simulated crash'), 0);
        return;
      }
      setTimeout(() => alive && endpoint.onmessage?.(message), 0);
    });
    world.endpoints.push(endpoint);
    return endpoint;
  };
}

const handlers = {
  double: (input: { values: Float64Array }) => {
    const values = input.values.map((x) => 2 * x);
    return { output: { values }, transfer: [values.buffer as ArrayBuffer] };
  },
  // Ignores cancellation, like a synchronous decomposition that cannot look at its messages.
  slow: async (input: { ms: number; tag: string }, context: JobContext) => {
    context.progress(0.5, 'half way');
    await wait(input.ms);
    return { output: input.tag, transfer: [] };
  },
  cooperative: async (input: { steps: number }, context: JobContext) => {
    for (let i = 0; i < input.steps; i++) {
      if (context.isCancelled()) throw new JobCancelled();
      context.progress(i / input.steps, `step ${i}`);
      await wait(5);
    }
    return { output: 'finished', transfer: [] };
  },
  fail: () => {
    throw new Error('svd: entry (1, 2) is NaN in a 2 x 2 matrix');
  },
  // An iterative method: streams its objective after each step.
  iterate: async (input: { steps: number }, context: JobContext<{ step: number; objective: number }>) => {
    for (let step = 0; step < input.steps; step++) {
      context.partial({ step, objective: 1 / (step + 1) });
      await wait(1);
    }
    return { output: 'converged', transfer: [] };
  },
  notHeld: () => {
    throw new NotHeldError('file:1:A');
  },
  crash: () => {
    throw new Error('crash');
  },
} as unknown as AnyHandlers;

// The typed client only knows the real job kinds; the tests reach the fake ones through this cast.
type LooseClient = { run: (kind: string, input: unknown, options?: object) => { id: number; promise: Promise<unknown>; cancel(): void } };

let dispose: (() => void) | null = null;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  dispose?.();
  dispose = null;
  vi.useRealTimers();
});

function setup(hardCancelMs = 50) {
  const world: FakeWorld = { spawned: 0, transferred: [], endpoints: [] };
  const client = createComputeClient(fakeSpawner(handlers, world), { hardCancelMs });
  dispose = () => client.dispose();
  return { client, loose: client as unknown as LooseClient, world };
}

/** Moves the fake clock on by `ms`, running every timer due and the promise callbacks between them. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Whether a promise has settled yet (it is observed from now on, so a rejection is handled). */
function watch(promise: Promise<unknown>): () => boolean {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return () => settled;
}

describe('compute protocol', () => {
  it('runs a job and moves the result buffers in the transfer list', async () => {
    const { loose, world } = setup();
    const done = loose.run('double', { values: new Float64Array([1, 2, 3]) }).promise;
    await vi.runAllTimersAsync();
    const output = (await done) as { values: Float64Array };
    expect(Array.from(output.values)).toEqual([2, 4, 6]);
    expect(world.transferred.some((list) => list.length === 1 && list[0].byteLength === 24)).toBe(true);
  });

  it('reports progress and start', async () => {
    const { loose } = setup();
    const seen: string[] = [];
    const done = loose.run('cooperative', { steps: 3 }, { onStart: () => seen.push('start'), onProgress: (_f: number, stage: string) => seen.push(stage) }).promise;
    await vi.runAllTimersAsync();
    await expect(done).resolves.toBe('finished');
    expect(seen).toEqual(['start', 'step 0', 'step 1', 'step 2']);
  });

  it('streams partial results in order before the result', async () => {
    const { loose } = setup();
    const seen: unknown[] = [];
    const done = loose.run('iterate', { steps: 3 }, { onPartial: (value: unknown) => seen.push(value) }).promise;
    await vi.runAllTimersAsync();
    await expect(done).resolves.toBe('converged');
    expect(seen).toEqual([{ step: 0, objective: 1 }, { step: 1, objective: 0.5 }, { step: 2, objective: 1 / 3 }]);
  });

  it('carries the code of a failure the page acts on, and none for the others', async () => {
    const { loose } = setup();
    const coded = loose.run('notHeld', {}).promise.catch((error: unknown) => error);
    const plain = loose.run('fail', {}).promise.catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = (await coded) as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.code).toBe('matrix-not-held');
    expect(error.message).toBe('The worker no longer holds the matrix "file:1:A".');
    expect(((await plain) as JobFailedError).code).toBeUndefined();
  });

  it('turns a thrown error into a readable message', async () => {
    const { loose } = setup();
    const failed = expect(loose.run('fail', {}).promise).rejects.toThrow(new JobFailedError('svd: entry (1, 2) is NaN in a 2 x 2 matrix'));
    await vi.runAllTimersAsync();
    await failed;
  });

  it('fails an unknown job kind cleanly', async () => {
    const { loose } = setup();
    const failed = expect(loose.run('nonsense', {}).promise).rejects.toThrow(/unknown job kind "nonsense"/);
    await vi.runAllTimersAsync();
    await failed;
  });

  it('lets the latest job in a slot win', async () => {
    const { loose, client } = setup();
    const first = loose.run('slow', { ms: 30, tag: 'first' }, { slot: 'svd' });
    const second = loose.run('slow', { ms: 1, tag: 'second' }, { slot: 'svd' });
    const third = loose.run('slow', { ms: 1, tag: 'third' }, { slot: 'svd' });
    const outcomes = Promise.allSettled([first.promise, second.promise, third.promise]);
    await vi.runAllTimersAsync();
    const [a, b, c] = await outcomes;
    expect(a.status === 'rejected' && a.reason).toBeInstanceOf(JobCancelledError);
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(JobCancelledError);
    expect(c).toEqual({ status: 'fulfilled', value: 'third' });
    // Superseded before they started: dropped in the worker, no hard cancel.
    expect(client.restarts()).toBe(0);
  });

  it('keeps jobs of different slots independent', async () => {
    const { loose } = setup();
    const a = loose.run('slow', { ms: 1, tag: 'a' }, { slot: 'one' });
    const b = loose.run('slow', { ms: 1, tag: 'b' }, { slot: 'two' });
    const both = Promise.all([a.promise, b.promise]);
    await vi.runAllTimersAsync();
    await expect(both).resolves.toEqual(['a', 'b']);
  });

  it('drops a job cancelled before it starts', async () => {
    const { loose, client } = setup();
    let started = false;
    const job = loose.run('slow', { ms: 1, tag: 'never' }, { onStart: () => (started = true) });
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(JobCancelledError);
    await vi.runAllTimersAsync();
    expect(client.pendingCount()).toBe(0);
    expect(started).toBe(false);
    expect(client.restarts()).toBe(0);
  });

  it('stops a cooperative running job at its next check', async () => {
    const { loose, client } = setup();
    const job = loose.run('cooperative', { steps: 1000 }, {});
    await advance(20); // four of its 5 ms steps
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(JobCancelledError);
    // The cooperative job stops at its next check (within one 5 ms step), well before the 50 ms
    // hard cancel: the next job has run without a restart.
    const next = loose.run('slow', { ms: 1, tag: 'next' });
    const nextDone = watch(next.promise);
    await advance(10);
    expect(nextDone()).toBe(true);
    await expect(next.promise).resolves.toBe('next');
    expect(client.restarts()).toBe(0);
  });

  it('restarts the worker when a cancelled job keeps it busy, at the hard-cancel deadline, and re-sends the others', async () => {
    const { loose, client, world } = setup(20);
    const long = loose.run('slow', { ms: 400, tag: 'long' }, { slot: 'svd' });
    await advance(30); // it has started
    const next = loose.run('slow', { ms: 1, tag: 'next' }, { slot: 'svd' });
    const nextDone = watch(next.promise);
    await expect(long.promise).rejects.toBeInstanceOf(JobCancelledError);
    await advance(19);
    expect(client.restarts()).toBe(0);
    expect(nextDone()).toBe(false); // queued behind the busy job
    await advance(1);
    expect(client.restarts()).toBe(1);
    expect(world.spawned).toBe(2);
    await advance(5);
    expect(nextDone()).toBe(true);
    await expect(next.promise).resolves.toBe('next');
  });

  it('lets a non-interruptible cancelled job finish instead of restarting the worker', async () => {
    const { loose, client } = setup(20);
    const long = loose.run('slow', { ms: 120, tag: 'long' }, { slot: 'file', interruptible: false });
    await advance(30);
    const next = loose.run('slow', { ms: 1, tag: 'next' }, { slot: 'file', interruptible: false });
    const nextDone = watch(next.promise);
    await expect(long.promise).rejects.toBeInstanceOf(JobCancelledError);
    // Far past the 20 ms deadline the worker still runs the long job (it started at 0, takes 120 ms).
    await advance(80);
    expect(nextDone()).toBe(false);
    expect(client.restarts()).toBe(0);
    await advance(15);
    expect(nextDone()).toBe(true);
    await expect(next.promise).resolves.toBe('next');
    expect(client.restarts()).toBe(0);
  });

  it('forgets the hard-cancel deadline of a cancelled job that stopped on its own', async () => {
    const { loose, client, world } = setup(20);
    const job = loose.run('cooperative', { steps: 1000 }, { slot: 'file' });
    await advance(12); // started, two of its 5 ms steps in
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(JobCancelledError);
    // The cooperative job stops at its next check; then a job that must not be interrupted (it reads
    // the files the worker holds) runs far past the cancelled job's 20 ms deadline.
    const next = loose.run('slow', { ms: 100, tag: 'next' }, { slot: 'file', interruptible: false });
    const nextDone = watch(next.promise);
    await advance(60);
    expect(client.restarts()).toBe(0);
    expect(nextDone()).toBe(false);
    await advance(60);
    expect(nextDone()).toBe(true);
    await expect(next.promise).resolves.toBe('next');
    expect(client.restarts()).toBe(0);
    expect(world.spawned).toBe(1);
  });

  it('gives a job cancelled after an earlier cancelled job stopped its own full hard-cancel deadline', async () => {
    const { loose, client } = setup(20);
    const first = loose.run('cooperative', { steps: 1000 }, { slot: 'svd' });
    await advance(12);
    const second = loose.run('slow', { ms: 400, tag: 'second' }, { slot: 'svd' }); // cancels the first
    await expect(first.promise).rejects.toBeInstanceOf(JobCancelledError);
    await advance(10); // the first has stopped at its next check and the second has started
    const third = loose.run('slow', { ms: 1, tag: 'third' }, { slot: 'svd' }); // cancels the stuck second
    const thirdDone = watch(third.promise);
    await expect(second.promise).rejects.toBeInstanceOf(JobCancelledError);
    // The first job's deadline (12 + 20 ms) has passed without a restart; the second gets 20 ms from its cancel.
    await advance(19);
    expect(client.restarts()).toBe(0);
    await advance(1);
    expect(client.restarts()).toBe(1);
    await advance(5);
    expect(thirdDone()).toBe(true);
    await expect(third.promise).resolves.toBe('third');
    expect(client.restarts()).toBe(1);
  });

  it('tells listeners about a restart', async () => {
    const { loose, client } = setup(20);
    let heard = 0;
    client.onRestart(() => heard++);
    const long = loose.run('slow', { ms: 400, tag: 'long' }, { slot: 'svd' });
    await advance(30);
    const next = loose.run('slow', { ms: 1, tag: 'next' }, { slot: 'svd' });
    await expect(long.promise).rejects.toBeInstanceOf(JobCancelledError);
    await advance(19);
    expect(heard).toBe(0);
    await advance(1);
    expect(heard).toBe(1);
    await advance(5);
    await expect(next.promise).resolves.toBe('next');
    expect(heard).toBe(1);
  });

  it('fails pending jobs cleanly when the worker dies, then works again', async () => {
    const { loose, client } = setup();
    const crashing = expect(loose.run('crash', {}).promise).rejects.toThrow(/stopped unexpectedly \(simulated crash\)/);
    const queued = expect(loose.run('slow', { ms: 1, tag: 'queued' }).promise).rejects.toBeInstanceOf(JobFailedError);
    await vi.runAllTimersAsync();
    await crashing;
    await queued;
    expect(client.restarts()).toBe(1);
    const after = loose.run('slow', { ms: 1, tag: 'after' }).promise;
    await vi.runAllTimersAsync();
    await expect(after).resolves.toBe('after');
  });
});
