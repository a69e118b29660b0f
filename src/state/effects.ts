/**
 * The SVD of the document: a spec of the one job effect (jobEffect.ts) that asks the worker for the
 * decomposition of every new matrix. The 'svd' slot is latest-wins, so typing quickly never queues
 * stale work.
 *
 * Each request carries the time budget: the worker estimates the SVD first and answers an exact
 * one over the budget with its estimate instead (the slice's `offer`), until the person asks for it
 * anyway (`confirmedRevision`). A cancel stops the running job; the client restarts the worker if
 * the job does not stop at once, and the held matrix is sent back when the next SVD needs it.
 */
import type { Matrix } from '../core';
import type { ComputeClient } from '../worker/client';
import { startJobEffect } from './jobEffect';
import { resendHeldMatrix } from './resendMatrix';
import { EXACT_SVD_TIME_BUDGET_SECONDS } from './svdSlice';
import type { AppStore } from './store';

export function startSvdEffect(store: AppStore, client: ComputeClient): () => void {
  return startJobEffect(store, client, {
    kind: 'svd',
    slot: 'svd',
    inputs: (s) => [s.revision, s.svd.method, s.svd.runRequests],
    request(state) {
      const { matrix, revision, source, svd } = state;
      const method = svd.method;
      // The worker answers an exact SVD over the time budget (or over its memory budget) with its
      // estimate; once the person has asked for this one anyway, only memory can stop it.
      const aboveSeconds = svd.confirmedRevision === revision && method.kind === 'exact' ? null : EXACT_SVD_TIME_BUDGET_SECONDS;
      const base = { rows: matrix.rows, cols: matrix.cols, method, ask: { aboveSeconds } };
      // A matrix the worker built or read is used there by key: posting it back would copy it on this thread.
      const heldKey = source.heldKey;
      return { key: [revision, method, svd.runRequests, heldKey, matrix], input: () => (heldKey ? { ...base, heldKey } : { ...base, data: matrix.data }) };
    },
    running: (s) => s.getState().setSvd({ status: 'running', error: null, progress: null, offer: null, cancelled: null, startedAt: null }),
    started: (s) => s.getState().setSvd({ startedAt: Date.now() }),
    progress: (s, fraction, stage) => s.getState().setSvd({ progress: { fraction, stage } }),
    done(s, output, [revision]) {
      if ('declined' in output) {
        // Not started: the panel shows the estimate and the two ways on. The last result stays.
        s.getState().setSvd({ status: 'declined', offer: output.declined, flopRate: output.declined.exact.flopRate, progress: null, startedAt: null });
        return;
      }
      s.getState().setSvd({ status: 'done', result: output, revision: revision as number, error: null, progress: null, startedAt: null, flopRate: output.estimate?.flopRate ?? s.getState().svd.flopRate });
    },
    // The previous result stays on screen; the message says why it is not updated.
    failed: (s, error) => s.getState().setSvd({ status: 'error', error, progress: null, startedAt: null }),
    cancelRequests: (s) => s.svd.cancelRequests,
    /** The person pressed Cancel: the last result stays and the panel says what was stopped. */
    cancelled(s) {
      const { svd } = s.getState();
      const afterMs = svd.startedAt === null ? 0 : Date.now() - svd.startedAt;
      s.getState().setSvd({ status: 'cancelled', cancelled: { method: svd.method, afterMs }, progress: null, startedAt: null, error: null });
    },
    // The worker restarted and forgot the matrix: send it back in parts, then the SVD runs again. A
    // further restart meanwhile (another job's hard cancel) loses the parts: the effect tries again.
    mend(s, code, [, , , heldKey, matrix]) {
      if (code !== 'matrix-not-held' || typeof heldKey !== 'string') return null;
      const stage = 'sending the matrix to the restarted worker';
      s.getState().setSvd({ progress: { fraction: 0, stage } });
      const onPart = (fraction: number) => s.getState().svd.status === 'running' && s.getState().setSvd({ progress: { fraction, stage } });
      return resendHeldMatrix(client, heldKey, matrix as Matrix, onPart);
    },
  });
}
