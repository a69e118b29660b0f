/**
 * The only place that starts and cancels worker jobs: it watches the document and asks the worker
 * for the decomposition of every new matrix. The 'svd' slot is latest-wins, so typing quickly
 * never queues stale work.
 */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import { resendHeldMatrix } from './resendMatrix';
import type { AppStore } from './store';

/** Times a held matrix is sent back to restarted workers before the SVD gives up with a message. */
const MAX_RESENDS = 3;

export function startSvdEffect(store: AppStore, client: ComputeClient): () => void {
  const current = (revision: number, method: unknown) => store.getState().revision === revision && store.getState().svd.method === method;

  /** `resends`: how many times this matrix was already sent back to a restarted worker. */
  function compute(resends = 0): void {
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
        // The worker restarted and forgot the matrix: send it back in parts, then run again. A
        // further restart meanwhile (another job's hard cancel) loses the parts: try again, twice.
        if (heldKey && resends < MAX_RESENDS && /no longer holds/.test(message) && current(revision, method)) {
          const stage = 'sending the matrix to the restarted worker';
          store.getState().setSvd({ progress: { fraction: 0, stage } });
          const onPart = (fraction: number) => current(revision, method) && store.getState().setSvd({ progress: { fraction, stage } });
          resendHeldMatrix(client, heldKey, matrix, onPart).then(
            () => current(revision, method) && compute(resends + 1),
            (failure: unknown) => {
              if (!current(revision, method)) return;
              if (resends + 1 < MAX_RESENDS) compute(resends + 1);
              else fail(failure instanceof Error ? failure.message : String(failure));
            },
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
