/**
 * The only place that starts and cancels worker jobs: it watches the document and asks the worker
 * for the decomposition of every new matrix. The 'svd' slot is latest-wins, so typing quickly
 * never queues stale work.
 */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import type { AppStore } from './store';

export function startSvdEffect(store: AppStore, client: ComputeClient): () => void {
  function compute(sendData = false): void {
    const { matrix, revision, source, svd } = store.getState();
    const method = svd.method;
    store.getState().setSvd({ status: 'running', error: null, progress: null });
    // A matrix the worker built or read is used there by key: posting it back would copy it on this thread.
    const input = source.heldKey && !sendData
      ? { rows: matrix.rows, cols: matrix.cols, heldKey: source.heldKey, method }
      : { rows: matrix.rows, cols: matrix.cols, data: matrix.data, method };
    const job = client.run('svd', input, {
      slot: 'svd',
      onProgress: (fraction, stage) => store.getState().setSvd({ progress: { fraction, stage } }),
    });
    job.promise.then(
      (result) => {
        if (store.getState().revision !== revision || store.getState().svd.method !== method) return; // newer work is on its way
        store.getState().setSvd({ status: 'done', result, revision, error: null, progress: null });
      },
      (error: unknown) => {
        if (error instanceof JobCancelledError) return;
        const message = error instanceof Error ? error.message : String(error);
        // The worker restarted and forgot the matrix: send it after all.
        if (!sendData && 'heldKey' in input && /no longer holds/.test(message) && store.getState().revision === revision) {
          compute(true);
          return;
        }
        // The previous result stays on screen; the message says why it is not updated.
        store.getState().setSvd({ status: 'error', error: message, progress: null });
      },
    );
  }

  compute();
  return store.subscribe((state, previous) => {
    if (state.revision !== previous.revision || state.svd.method !== previous.svd.method) compute();
  });
}
