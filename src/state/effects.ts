/**
 * The only place that starts and cancels worker jobs: it watches the document and asks the worker
 * for the decomposition of every new matrix. The 'svd' slot is latest-wins, so typing quickly
 * never queues stale work.
 */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import type { AppStore } from './store';

export function startSvdEffect(store: AppStore, client: ComputeClient): () => void {
  function compute(): void {
    const { matrix, revision } = store.getState();
    store.getState().setSvd({ status: 'running', error: null, progress: null });
    const job = client.run(
      'svd',
      { rows: matrix.rows, cols: matrix.cols, data: matrix.data },
      {
        slot: 'svd',
        onProgress: (fraction, stage) => store.getState().setSvd({ progress: { fraction, stage } }),
      },
    );
    job.promise.then(
      (result) => {
        if (store.getState().revision !== revision) return; // a newer matrix is on its way
        store.getState().setSvd({ status: 'done', result, revision, error: null, progress: null });
      },
      (error: unknown) => {
        if (error instanceof JobCancelledError) return;
        const message = error instanceof Error ? error.message : String(error);
        // The previous result stays on screen; the message says why it is not updated.
        store.getState().setSvd({ status: 'error', error: message, progress: null });
      },
    );
  }

  compute();
  return store.subscribe((state, previous) => {
    if (state.revision !== previous.revision) compute();
  });
}
