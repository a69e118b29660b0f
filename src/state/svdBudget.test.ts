/**
 * Big inputs know their cost, on the page's side: the SVD effect sends the time budget, shows the
 * worker's estimate instead of a result it declined, sends the exact SVD anyway when asked, and a
 * cancel stops the job and keeps the last result. A fake client runs the real SVD handler with a
 * tiny time budget, so that a 150 x 120 matrix counts as slow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobCancelledError, type ComputeClient, type JobHandle, type RunOptions } from '../worker/client';
import { type JobInput, type JobKind, type JobOutput, QUIET_CONTEXT } from '../worker/protocol';
import { runSvdJob } from '../worker/svdJob';
import { createRandom, randomMatrix } from '../core';
import { startSvdEffect } from './effects';
import { suggestedRandomized } from './selectors';
import { createAppStore } from './store';

interface Call {
  input: JobInput<'svd'>;
  cancelled: boolean;
}

/** Runs SVD jobs with the budget scaled down; a job sent without a time budget hangs until cancelled. */
function fakeClient(calls: Call[]): ComputeClient {
  let id = 0;
  return {
    run<K extends JobKind>(kind: K, input: JobInput<K>, options: RunOptions = {}): JobHandle<JobOutput<K>> {
      if (kind !== 'svd') throw new Error(`unexpected job ${kind}`);
      const svdInput = input as JobInput<'svd'>;
      const call: Call = { input: svdInput, cancelled: false };
      calls.push(call);
      let reject: (error: Error) => void = () => {};
      const jobId = ++id;
      const promise = new Promise<JobOutput<K>>((resolve, fail) => {
        reject = fail;
        setTimeout(() => {
          options.onStart?.();
          const big = svdInput.rows * svdInput.cols >= 10_000;
          if (big && svdInput.ask?.aboveSeconds === null && svdInput.method?.kind !== 'randomized') return; // a long job
          const ask = svdInput.ask && { aboveSeconds: svdInput.ask.aboveSeconds === null ? null : 1e-6 };
          try {
            resolve(runSvdJob({ ...svdInput, ask }, QUIET_CONTEXT).output as JobOutput<K>);
          } catch (error) {
            fail(error as Error);
          }
        }, 0);
      });
      return {
        id: jobId,
        promise,
        cancel: () => {
          call.cancelled = true;
          reject(new JobCancelledError(jobId));
        },
      };
    },
    pendingCount: () => 0,
    restarts: () => 0,
    onRestart: () => () => {},
    dispose: () => {},
  } as ComputeClient;
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('the SVD effect and its budget', () => {
  it('shows the estimate instead of a slow exact SVD, computes it anyway when asked, and cancels it keeping the last result', async () => {
    const calls: Call[] = [];
    const store = createAppStore();
    stop = startSvdEffect(store, fakeClient(calls));
    await expect.poll(() => store.getState().svd.status).toBe('done');
    const small = store.getState().svd.result;
    // Small matrices: the budget is sent, and the SVD comes back as usual.
    expect(calls[0].input.ask).toEqual({ aboveSeconds: 20 });
    expect(store.getState().svd.flopRate).toBeGreaterThan(0);

    const a = randomMatrix(150, 120, createRandom(4));
    store.getState().loadMatrix({ rows: 150, cols: 120, data: a.data }, { kind: 'paste', title: 'big', description: '' });
    await expect.poll(() => store.getState().svd.status).toBe('declined');
    const { offer } = store.getState().svd;
    expect(offer).toMatchObject({ reason: 'time', rows: 150, cols: 120, randomized: { k: 30 } });
    expect(store.getState().svd.result).toBe(small); // the last result stays

    store.getState().computeExactAnyway();
    await expect.poll(() => calls.length).toBe(3);
    expect(calls[2].input.ask).toEqual({ aboveSeconds: null });
    await expect.poll(() => store.getState().svd.startedAt).not.toBeNull();
    expect(store.getState().svd.status).toBe('running');

    store.getState().cancelSvd();
    expect(calls[2].cancelled).toBe(true);
    expect(store.getState().svd).toMatchObject({ status: 'cancelled', result: small, error: null, cancelled: { method: { kind: 'exact' } } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getState().svd.status).toBe('cancelled'); // the cancelled job's rejection changes nothing

    // The cheap path from the offer: the randomized SVD of the suggested k.
    store.getState().setSvdMethod(suggestedRandomized(store.getState()));
    await expect.poll(() => store.getState().svd.status).toBe('done');
    expect(store.getState().svd.result).toMatchObject({ rows: 150, cols: 120, p: 30, complete: false });
    expect(store.getState().svd.offer).toBeNull();
  });

  it('asks again for a new matrix after "anyway", and cancelling when nothing runs does nothing', async () => {
    const calls: Call[] = [];
    const store = createAppStore();
    stop = startSvdEffect(store, fakeClient(calls));
    await expect.poll(() => store.getState().svd.status).toBe('done');
    store.getState().cancelSvd();
    expect(store.getState().svd.status).toBe('done');
    store.getState().computeExactAnyway(); // for this revision only
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1].input.ask).toEqual({ aboveSeconds: null });
    const a = randomMatrix(120, 100, createRandom(5));
    store.getState().loadMatrix({ rows: 120, cols: 100, data: a.data }, { kind: 'paste', title: 'big', description: '' });
    await expect.poll(() => store.getState().svd.status).toBe('declined');
    expect(calls.at(-1)!.input.ask).toEqual({ aboveSeconds: 20 });
  });
});
