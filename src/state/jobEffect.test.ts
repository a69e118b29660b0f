/**
 * The one job effect: a request runs once per key, the latest request wins, a stale result or
 * error is dropped, cancellations are silent, missing inputs are said once, and partial results
 * reach the slice only for the latest job.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from './store';
import { startJobEffect, type JobEffectSpec } from './jobEffect';
import { JobCancelledError, JobFailedError, type ComputeClient, type RunOptions } from '../worker/client';

interface Call { input: unknown; options: RunOptions; resolve(value: unknown): void; reject(error: unknown): void; cancelled?: boolean }

function fakeClient() {
  const calls: Call[] = [];
  const client = {
    run(_kind: string, input: unknown, options: RunOptions = {}) {
      let resolve!: (value: unknown) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
      calls.push({ input, options, resolve, reject });
      const call = calls[calls.length - 1];
      return { id: calls.length, promise, cancel() { call.cancelled = true; reject(new JobCancelledError(calls.indexOf(call) + 1)); } };
    },
  } as unknown as ComputeClient;
  return { client, calls };
}

/** A spec on the attention settings' head size: runs while the head size is at least 1. */
function spec(log: string[]): JobEffectSpec<'attentionHead'> {
  return {
    kind: 'attentionHead',
    slot: 'test',
    inputs: (s) => [s.attention.settings],
    request: (s) => (s.attention.settings.headSize > 100 ? 'The head is too big.' : { key: [s.attention.settings.headSize], input: () => ({ headSize: s.attention.settings.headSize }) as never }),
    running: (_s, [size]) => void log.push(`running ${size}`),
    done: (_s, output, [size]) => void log.push(`done ${size}: ${String(output)}`),
    failed: (_s, message) => void log.push(`failed: ${message}`),
    partial: (_s, value, [size]) => void log.push(`partial ${size}: ${String(value)}`),
  };
}

afterEach(() => vi.useRealTimers());

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the job effect', () => {
  it('runs once per key, and lands only the latest result', async () => {
    const store: AppStore = createAppStore();
    const { client, calls } = fakeClient();
    const log: string[] = [];
    const stop = startJobEffect(store, client, spec(log));
    expect(calls).toHaveLength(1);
    store.getState().setAttentionSettings({ headSize: 16 }); // the same head size (the default): same key
    expect(calls).toHaveLength(1);
    store.getState().setAttentionSettings({ headSize: 8 });
    expect(calls).toHaveLength(2);
    calls[1].options.onPartial?.('half');
    calls[0].options.onPartial?.('stale');
    calls[0].resolve('old');
    calls[1].resolve('new');
    await flush();
    expect(log).toEqual(['running 16', 'running 8', 'partial 8: half', 'done 8: new']);
    stop();
  });

  it('drops a stale error and a cancellation, reports a current failure, and says what is missing once', async () => {
    const store = createAppStore();
    const { client, calls } = fakeClient();
    const log: string[] = [];
    const stop = startJobEffect(store, client, spec(log));
    store.getState().setAttentionSettings({ headSize: 8 });
    calls[0].reject(new Error('stale failure'));
    calls[1].reject(new JobCancelledError(2));
    await flush();
    store.getState().setAttentionSettings({ headSize: 4 });
    calls[2].reject(new Error('svd: NaN'));
    await flush();
    store.getState().setAttentionSettings({ headSize: 200 });
    store.getState().setAttentionSettings({ headSize: 300 });
    expect(calls).toHaveLength(3);
    expect(log).toEqual(['running 16', 'running 8', 'running 4', 'failed: svd: NaN', 'failed: The head is too big.']);
    stop();
  });

  it('coalesces changes within its delay', async () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { client, calls } = fakeClient();
    const stop = startJobEffect(store, client, { ...spec([]), delayMs: 100 });
    for (const headSize of [2, 3, 4]) {
      store.getState().setAttentionSettings({ headSize });
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.input)).toEqual([{ headSize: 4 }]);
    stop();
  });

  it('builds the input only for a new key', () => {
    const store = createAppStore();
    const { client } = fakeClient();
    let built = 0;
    const base = spec([]);
    const stop = startJobEffect(store, client, {
      ...base,
      request: (s) => ({ key: [s.attention.settings.headSize], input: () => (built++, { headSize: s.attention.settings.headSize }) as never }),
    });
    store.getState().setAttentionSettings({ seed: 5 }); // a new settings object, the same key
    store.getState().setAttentionSettings({ seed: 6 });
    expect(built).toBe(1);
    stop();
  });

  it('runs a request again after the worker said its file was no longer open', async () => {
    const store = createAppStore();
    const { client, calls } = fakeClient();
    const log: string[] = [];
    const stop = startJobEffect(store, client, { ...spec(log), inputs: (s) => [s.attention.settings, s.file.files] });
    calls[0].reject(new JobFailedError('The file is no longer open in the worker.', 'file-not-open'));
    await flush();
    store.getState().setFileState({ files: [] }); // the files reopened after the restart
    expect(calls).toHaveLength(2);
    calls[1].resolve('again');
    await flush();
    expect(log).toEqual(['running 16', 'failed: The file is no longer open in the worker.', 'running 16', 'done 16: again']);
    stop();
  });

  it('reports start and progress of the latest job only', async () => {
    const store = createAppStore();
    const { client, calls } = fakeClient();
    const log: string[] = [];
    const stop = startJobEffect(store, client, {
      ...spec(log),
      started: (_s, [size]) => void log.push(`started ${size}`),
      progress: (_s, fraction, stage, [size]) => void log.push(`${stage} ${fraction} of ${size}`),
    });
    store.getState().setAttentionSettings({ headSize: 8 });
    calls[0].options.onStart?.();
    calls[0].options.onProgress?.(0.5, 'stale');
    calls[1].options.onStart?.();
    calls[1].options.onProgress?.(0.25, 'qr');
    expect(log).toEqual(['running 16', 'running 8', 'started 8', 'qr 0.25 of 8']);
    stop();
  });

  it('stops the running job when its cancel counter moves, and runs the same request again when asked', async () => {
    const store = createAppStore();
    const { client, calls } = fakeClient();
    const log: string[] = [];
    const stop = startJobEffect(store, client, {
      ...spec(log),
      inputs: (s) => [s.attention.settings, s.svd.runRequests],
      cancelRequests: (s) => s.svd.cancelRequests,
      cancelled: (_s, [size]) => void log.push(`cancelled ${size}`),
    });
    store.getState().setSvd({ cancelRequests: 1 });
    await flush();
    expect(calls[0].cancelled).toBe(true);
    store.getState().setSvd({ cancelRequests: 2 }); // nothing runs: nothing to cancel
    store.getState().setSvd({ runRequests: 1 }); // the same key runs again after a cancel
    expect(calls).toHaveLength(2);
    calls[1].resolve('after');
    await flush();
    expect(log).toEqual(['running 16', 'cancelled 16', 'running 16', 'done 16: after']);
    stop();
  });

  it('mends a coded failure and runs again, and reports the mend\'s failure after MAX_MENDS tries', async () => {
    const store = createAppStore();
    const { client, calls } = fakeClient();
    const log: string[] = [];
    let mends = 0;
    const stop = startJobEffect(store, client, {
      ...spec(log),
      mend: (_s, code) => (code === 'matrix-not-held' ? (++mends === 1 ? Promise.resolve() : Promise.reject(new Error(`resend ${mends} failed`))) : null),
    });
    const forgot = () => new JobFailedError('The worker no longer holds the matrix.', 'matrix-not-held');
    calls[0].reject(forgot());
    await flush();
    expect(calls).toHaveLength(2); // mended, then the same input again
    expect(calls[1].input).toEqual(calls[0].input);
    calls[1].reject(forgot());
    await flush();
    expect(calls).toHaveLength(3); // the mend failed; tried again
    calls[2].reject(forgot());
    await flush();
    expect(calls).toHaveLength(3);
    expect(mends).toBe(3);
    expect(log).toEqual(['running 16', 'failed: resend 3 failed']);
    calls.length = 0;
    store.getState().setAttentionSettings({ headSize: 4 });
    calls[0].reject(new JobFailedError('A file is missing.', 'file-not-open'));
    await flush();
    expect(log.at(-1)).toBe('failed: A file is missing.'); // no mend for that code
    stop();
  });

  it('drops the result of a request that is no longer wanted (a request of nothing)', async () => {
    const store = createAppStore();
    const { client, calls } = fakeClient();
    const log: string[] = [];
    const stop = startJobEffect(store, client, {
      ...spec(log),
      inputs: (s) => [s.attention.settings, s.workspace],
      request: (s) => (s.workspace === 'tensor' ? null : { key: [s.attention.settings.headSize], input: () => ({}) as never }),
    });
    store.getState().openWorkspace('tensor');
    calls[0].resolve('unwanted');
    await flush();
    store.getState().openWorkspace('attention');
    expect(calls).toHaveLength(2); // the same key runs again: its result was dropped
    calls[1].resolve('wanted');
    await flush();
    expect(log).toEqual(['running 16', 'running 16', 'done 16: wanted']);
    stop();
  });
});
