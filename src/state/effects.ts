/**
 * The only place that starts and cancels worker jobs: it watches the document and asks the worker
 * for the decomposition of every new matrix. The 'svd' slot is latest-wins, so typing quickly
 * never queues stale work.
 *
 * Each request carries the time budget: the worker estimates the SVD first and answers an exact
 * one over the budget with its estimate instead (the slice's `offer`), until the person asks for it
 * anyway (`confirmedRevision`). A cancel stops the running job; the client restarts the worker if
 * the job does not stop at once, and the held matrix is sent back when the next SVD needs it.
 */
import { JobCancelledError, JobFailedError, type ComputeClient, type JobHandle } from '../worker/client';
import type { SvdJobOutput } from '../worker/svdJob';
import { resendHeldMatrix } from './resendMatrix';
import { EXACT_SVD_TIME_BUDGET_SECONDS } from './svdSlice';
import type { AppStore } from './store';

/** Times a held matrix is sent back to restarted workers before the SVD gives up with a message. */
const MAX_RESENDS = 3;

export function startSvdEffect(store: AppStore, client: ComputeClient): () => void {
  const current = (revision: number, method: unknown) => store.getState().revision === revision && store.getState().svd.method === method;
  /** The job running now, for the Cancel button. */
  let running: JobHandle<SvdJobOutput> | null = null;

  /** `resends`: how many times this matrix was already sent back to a restarted worker. */
  function compute(resends = 0): void {
    const { matrix, revision, source, svd } = store.getState();
    const method = svd.method;
    store.getState().setSvd({ status: 'running', error: null, progress: null, offer: null, cancelled: null, startedAt: null });
    // A matrix the worker built or read is used there by key: posting it back would copy it on this thread.
    const heldKey = source.heldKey;
    // The worker answers an exact SVD over the time budget (or over its memory budget) with its
    // estimate; once the person has asked for this one anyway, only memory can stop it.
    const aboveSeconds = svd.confirmedRevision === revision && method.kind === 'exact' ? null : EXACT_SVD_TIME_BUDGET_SECONDS;
    const base = { rows: matrix.rows, cols: matrix.cols, method, ask: { aboveSeconds } };
    const input = heldKey ? { ...base, heldKey } : { ...base, data: matrix.data };
    const job = client.run('svd', input, {
      slot: 'svd',
      onStart: () => current(revision, method) && store.getState().setSvd({ startedAt: Date.now() }),
      onProgress: (fraction, stage) => store.getState().setSvd({ progress: { fraction, stage } }),
    });
    running = job;
    job.promise.then(
      (output) => {
        if (running === job) running = null;
        if (!current(revision, method)) return; // newer work is on its way
        if ('declined' in output) {
          // Not started: the panel shows the estimate and the two ways on. The last result stays.
          store.getState().setSvd({ status: 'declined', offer: output.declined, flopRate: output.declined.exact.flopRate, progress: null, startedAt: null });
          return;
        }
        store.getState().setSvd({ status: 'done', result: output, revision, error: null, progress: null, startedAt: null, flopRate: output.estimate?.flopRate ?? store.getState().svd.flopRate });
      },
      (error: unknown) => {
        if (running === job) running = null;
        if (error instanceof JobCancelledError) return;
        const message = error instanceof Error ? error.message : String(error);
        // The worker restarted and forgot the matrix: send it back in parts, then run again. A
        // further restart meanwhile (another job's hard cancel) loses the parts: try again, twice.
        if (heldKey && resends < MAX_RESENDS && error instanceof JobFailedError && error.code === 'matrix-not-held' && current(revision, method)) {
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
    store.getState().setSvd({ status: 'error', error: message, progress: null, startedAt: null });
  }

  /** The person pressed Cancel: stop the job, keep the last result and say so. */
  function cancel(): void {
    const job = running;
    if (!job) return;
    running = null;
    const { svd } = store.getState();
    const afterMs = svd.startedAt === null ? 0 : Date.now() - svd.startedAt;
    store.getState().setSvd({ status: 'cancelled', cancelled: { method: svd.method, afterMs }, progress: null, startedAt: null, error: null });
    job.cancel();
  }

  compute();
  return store.subscribe((state, previous) => {
    if (state.svd.cancelRequests !== previous.svd.cancelRequests) cancel();
    if (state.revision !== previous.revision || state.svd.method !== previous.svd.method || state.svd.runRequests !== previous.svd.runRequests) compute();
  });
}
