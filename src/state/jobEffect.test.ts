/**
 * The one job effect: a request runs once per key, the latest request wins, a stale result or
 * error is dropped, cancellations are silent, missing inputs are said once, and partial results
 * reach the slice only for the latest job.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from './store';
import { startJobEffect, type JobEffectSpec } from './jobEffect';
import { JobCancelledError, JobFailedError, type ComputeClient, type RunOptions } from '../worker/client';

interface Call { input: unknown; options: RunOptions; resolve(value: unknown): void; reject(error: unknown): void }

function fakeClient() {
  const calls: Call[] = [];
  const client = {
    run(_kind: string, input: unknown, options: RunOptions = {}) {
      let resolve!: (value: unknown) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
      calls.push({ input, options, resolve, reject });
      return { id: calls.length, promise, cancel() {} };
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
});
