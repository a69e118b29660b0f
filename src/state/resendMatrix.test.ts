/**
 * After a worker restart the SVD effect sends a held matrix back in parts (a single 310 MB message
 * froze the page for 1.3 s). A fake client runs the real worker handlers in-process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobFailedError, type ComputeClient, type JobHandle, type RunOptions } from '../worker/client';
import { heldMatrix, holdMatrix, receiveMatrixPart, runHoldMatrixPartJob } from '../worker/heldMatrices';
import { CodedJobError, type JobInput, type JobKind, type JobOutput, QUIET_CONTEXT } from '../worker/protocol';
import { runSvdJob } from '../worker/svdJob';
import { startSvdEffect } from './effects';
import { resendHeldMatrix } from './resendMatrix';
import { createAppStore } from './store';

interface Call {
  kind: JobKind;
  input: unknown;
  transfer: ArrayBuffer[];
}

const context = QUIET_CONTEXT;

/**
 * A client whose jobs run the real handlers, asynchronously, recording every call. `interrupt`
 * makes the job with that call index fail as a worker restart would.
 */
function fakeClient(calls: Call[], interrupt = -1): ComputeClient {
  let id = 0;
  return {
    run<K extends JobKind>(kind: K, input: JobInput<K>, options: RunOptions = {}): JobHandle<JobOutput<K>> {
      calls.push({ kind, input, transfer: options.transfer ?? [] });
      const index = calls.length - 1;
      const promise = new Promise<JobOutput<K>>((resolve, reject) => {
        setTimeout(() => {
          try {
            if (index === interrupt) throw new Error('The job was interrupted while the worker restarted; please run it again.');
            if (kind === 'svd') resolve(runSvdJob(input as JobInput<'svd'>, context).output as JobOutput<K>);
            else if (kind === 'holdMatrixPart') resolve(runHoldMatrixPartJob(input as JobInput<'holdMatrixPart'>).output as JobOutput<K>);
            else reject(new Error(`unexpected job ${kind}`));
          } catch (error) {
            // As the real client does: the worker's message, and its code when it has one.
            reject(new JobFailedError((error as Error).message, error instanceof CodedJobError ? error.code : undefined));
          }
        }, 0);
      });
      return { id: ++id, promise, cancel: () => {} };
    },
    pendingCount: () => 0,
    restarts: () => 0,
    onRestart: () => () => {},
    dispose: () => {},
  } as ComputeClient;
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('receiveMatrixPart', () => {
  it('assembles a matrix from parts and holds it once complete', () => {
    expect(receiveMatrixPart('test:parts', 2, 3, 0, new Float64Array([1, 2, 3, 4]))).toBe(false);
    expect(() => heldMatrix('test:parts')).toThrow(/no longer holds/);
    expect(receiveMatrixPart('test:parts', 2, 3, 4, new Float64Array([5, 6]))).toBe(true);
    expect(Array.from(heldMatrix('test:parts').data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('assembles two matrices whose parts interleave', () => {
    receiveMatrixPart('test:a', 1, 4, 0, new Float64Array([1, 2]));
    receiveMatrixPart('test:b', 1, 2, 0, new Float64Array([7]));
    expect(receiveMatrixPart('test:a', 1, 4, 2, new Float64Array([3, 4]))).toBe(true);
    expect(receiveMatrixPart('test:b', 1, 2, 1, new Float64Array([8]))).toBe(true);
    expect(Array.from(heldMatrix('test:a').data)).toEqual([1, 2, 3, 4]);
    expect(Array.from(heldMatrix('test:b').data)).toEqual([7, 8]);
  });

  it('gives every held matrix a key of this worker instance, not just its name', () => {
    const key = holdMatrix('random:1', { rows: 1, cols: 1, data: new Float64Array([5]) });
    expect(key).toMatch(/^random:1@\w+$/);
    expect(() => heldMatrix('random:1')).toThrow(/no longer holds/);
    expect(heldMatrix(key).data[0]).toBe(5);
  });

  it('refuses a part that arrives before its start, or that does not fit', () => {
    expect(() => receiveMatrixPart('test:orphan', 2, 2, 2, new Float64Array(2))).toThrow(/arrived before its start/);
    receiveMatrixPart('test:big', 2, 2, 0, new Float64Array(2));
    expect(() => receiveMatrixPart('test:big', 2, 2, 2, new Float64Array(3))).toThrow(/does not fit a 2 x 2 matrix/);
  });
});

describe('resendHeldMatrix', () => {
  it('sends the matrix in parts, each moved (transferred), one after another', async () => {
    const calls: Call[] = [];
    const data = Float64Array.from({ length: 10 }, (_, i) => i + 0.5);
    const fractions: number[] = [];
    await resendHeldMatrix(fakeClient(calls), 'test:resend', { rows: 2, cols: 5, data }, (f) => fractions.push(f), 4);
    expect(calls.map((call) => (call.input as { offset: number }).offset)).toEqual([0, 4, 8]);
    expect(fractions).toEqual([0.4, 0.8, 1]);
    expect(calls.every((call) => call.kind === 'holdMatrixPart' && call.transfer.length === 1)).toBe(true);
    expect(Array.from(heldMatrix('test:resend').data)).toEqual(Array.from(data));
    expect(data[9]).toBe(9.5); // the page keeps its own copy
  });

  it('shares one resend between callers that ask at the same time', async () => {
    const calls: Call[] = [];
    const client = fakeClient(calls);
    const matrix = { rows: 3, cols: 3, data: new Float64Array(9).fill(2) };
    await Promise.all([resendHeldMatrix(client, 'test:shared', matrix, undefined, 3), resendHeldMatrix(client, 'test:shared', matrix, undefined, 3)]);
    expect(calls).toHaveLength(3);
  });
});

describe('the SVD effect after a worker restart', () => {
  it('sends a held matrix the worker forgot back in parts, then computes by key', async () => {
    const calls: Call[] = [];
    const store = createAppStore();
    const data = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i + 1));
    // A file's matrix, held under a key that this (restarted) worker does not know.
    store.getState().loadMatrix({ rows: 4, cols: 3, data }, { kind: 'file', title: 't', description: 'd', heldKey: 'test:forgotten' });
    stop = startSvdEffect(store, fakeClient(calls));
    await expect.poll(() => store.getState().svd.status).toBe('done');
    expect(calls.map((call) => call.kind)).toEqual(['svd', 'holdMatrixPart', 'svd']);
    expect(calls.every((call) => call.kind !== 'svd' || !('data' in (call.input as object)))).toBe(true);
    expect(store.getState().svd.result?.s[0]).toBeGreaterThan(0);
    expect(store.getState().svd.error).toBeNull();
  });

  it('sends it again when another restart interrupts the parts', async () => {
    const calls: Call[] = [];
    const store = createAppStore();
    store.getState().loadMatrix({ rows: 2, cols: 2, data: new Float64Array([3, 0, 4, 5]) }, { kind: 'file', title: 't', description: 'd', heldKey: 'test:twice' });
    stop = startSvdEffect(store, fakeClient(calls, 1)); // the first part fails
    await expect.poll(() => store.getState().svd.status).toBe('done');
    expect(calls.map((call) => call.kind)).toEqual(['svd', 'holdMatrixPart', 'svd', 'holdMatrixPart', 'svd']);
    expect(Array.from(store.getState().svd.result?.s ?? []).map((x) => x.toFixed(6))).toEqual(['6.708204', '2.236068']);
  });
});
