/**
 * The only place that starts and cancels worker jobs: it watches the document and asks the worker
 * for the decomposition of every new matrix. The 'svd' slot is latest-wins, so typing quickly
 * never queues stale work.
 */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import { resendHeldMatrix } from './resendMatrix';
import type { AppStore } from './store';

export function startSvdEffect(store: AppStore, client: ComputeClient): () => void {
  const current = (revision: number, method: unknown) => store.getState().revision === revision && store.getState().svd.method === method;

  function compute(resent = false): void {
    const { matrix, revision, source, svd } = store.getState();
    const method = svd.method;
    store.getState().setSvd({ status: 'running', error: null, progress: null });
    // A matrix the worker built or read is used there by key: posting it back would copy it on this thread.
    const heldKey = source.heldKey;
    const input = heldKey
      ? { rows: matrix.rows, cols: matrix.cols, heldKey, method }
      : { rows: matrix.rows, cols: matrix.cols, data: matrix.data, method };
    const job = client.run('svd', input, {
      slot: 'svd',
      onProgress: (fraction, stage) => store.getState().setSvd({ progress: { fraction, stage } }),
    });
    job.promise.then(
      (result) => {
        if (!current(revision, method)) return; // newer work is on its way
        store.getState().setSvd({ status: 'done', result, revision, error: null, progress: null });
      },
      (error: unknown) => {
        if (error instanceof JobCancelledError) return;
        const message = error instanceof Error ? error.message : String(error);
        // The worker restarted and forgot the matrix: send it back in parts, then run again (once).
        if (heldKey && !resent && /no longer holds/.test(message) && current(revision, method)) {
          store.getState().setSvd({ progress: { fraction: 0, stage: 'sending the matrix to the restarted worker' } });
          resendHeldMatrix(client, heldKey, matrix).then(
            () => current(revision, method) && compute(true),
            (failure: unknown) => current(revision, method) && fail(failure instanceof Error ? failure.message : String(failure)),
          );
          return;
        }
        fail(message);
      },
    );
  }

  // The previous result stays on screen; the message says why it is not updated.
  function fail(message: string): void {
    store.getState().setSvd({ status: 'error', error: message, progress: null });
  }

  compute();
  return store.subscribe((state, previous) => {
    if (state.revision !== previous.revision || state.svd.method !== previous.svd.method) compute();
  });
}
