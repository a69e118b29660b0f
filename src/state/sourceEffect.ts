/**
 * Runs the worker job behind a source request (a random matrix, pasted text, the embeddings) and
 * loads the matrix it returns. A failure shows its message and leaves the current matrix alone.
 */
import { JobCancelledError, type ComputeClient, type JobHandle, type RunOptions } from '../worker/client';
import type { MatrixJobOutput } from '../worker/randomSpectrumJob';
import { prescribedSpectrum } from './presets';
import type { MatrixSource } from './documentSlice';
import type { SourceRequest } from './sourceSlice';
import type { AppStore } from './store';

/** Where the app's own word-embedding preset lives (files in public/data). */
export interface EmbeddingsLocation {
  vectorsUrl: string;
  wordsUrl: string;
}

/** Runs the job behind `request` in the 'source' slot; `track` gets its handle (for Cancel). */
function runRequest(client: ComputeClient, request: SourceRequest, embeddings: EmbeddingsLocation, options: RunOptions, track: (job: JobHandle<unknown>) => void): Promise<{ matrix: MatrixJobOutput; source: MatrixSource }> {
  const tracked = <O,>(job: JobHandle<O>): Promise<O> => {
    track(job);
    return job.promise;
  };
  const inSlot: RunOptions = { ...options, slot: 'source' };
  if (request.kind === 'random') {
    const { rows, cols, shape, decay, seed } = request.params;
    const sigmas = prescribedSpectrum(Math.min(rows, cols), shape, decay);
    return tracked(client.run('randomSpectrum', { rows, cols, sigmas, seed }, inSlot)).then((matrix) => ({
      matrix,
      source: {
        kind: 'preset',
        title: `Random ${rows} × ${cols}, ${shape} spectrum`,
        description: `Seed ${seed}; singular values prescribed from 1 down (${shape}${shape === 'linear' ? '' : `, ${decay}`}).`,
        preset: { id: 'random', params: { size: `${rows}x${cols}`, spectrum: shape, decay, seed } },
        heldKey: matrix.heldKey,
      },
    }));
  }
  if (request.kind === 'paste') {
    return tracked(client.run('parseText', { text: request.text }, inSlot)).then((matrix) => ({
      matrix,
      source: { kind: 'paste', title: `Pasted ${matrix.rows} × ${matrix.cols} matrix`, description: `Read as ${matrix.format}.` },
    }));
  }
  return tracked(client.run('loadEmbeddings', embeddings, inSlot)).then((matrix) => ({
    matrix,
    source: {
      kind: 'preset',
      title: `Word embeddings, ${matrix.rows} words × ${matrix.cols} dimensions`,
      description: 'Rows are words; hover a point in the cloud to read its word.',
      rowLabels: matrix.rowLabels,
      preset: { id: 'embeddings', params: {} },
    },
  }));
}

export function startSourceEffect(store: AppStore, client: ComputeClient, embeddings: EmbeddingsLocation): () => void {
  /** The job building the requested matrix, for Cancel. */
  let running: JobHandle<unknown> | null = null;
  function run(request: SourceRequest): void {
    const current = () => store.getState().generation.request === request;
    const options: RunOptions = {
      onStart: () => current() && store.getState().setGeneration({ startedAt: Date.now() }),
      onProgress: (fraction, stage) => current() && store.getState().setGeneration({ progress: { fraction, stage } }),
    };
    runRequest(client, request, embeddings, options, (job) => (running = job)).then(
      ({ matrix, source }) => {
        if (store.getState().generation.request !== request) return; // superseded
        const { loadMatrix, setGeneration } = store.getState();
        loadMatrix({ rows: matrix.rows, cols: matrix.cols, data: matrix.data }, source);
        setGeneration({ status: 'done', error: null, request: null, progress: null, startedAt: null });
        // A link says how to show it; otherwise a big matrix opens on the cloud at a modest rank.
        const small = matrix.rows <= 3 && matrix.cols <= 3;
        store.getState().applyView(
          request.view ?? { view: small ? 'map' : 'cloud', rank: small ? null : Math.min(10, matrix.rows, matrix.cols), of: 'rows', step: 3 },
        );
      },
      (error: unknown) => {
        if (error instanceof JobCancelledError) return;
        if (store.getState().generation.request !== request) return;
        const message = error instanceof Error ? error.message : String(error);
        store.getState().setGeneration({ status: 'error', error: message, failed: request.kind, request: null, progress: null, startedAt: null });
      },
    );
  }

  // A request made before the effect started (by a link read at start-up) runs now.
  const pending = store.getState().generation.request;
  if (pending) run(pending);
  return store.subscribe((state, previous) => {
    if (state.generation.cancelRequests !== previous.generation.cancelRequests && running) {
      // The slice has already put the panel back; the client stops the worker if the job runs on.
      running.cancel();
      running = null;
      state.notify({ kind: 'info', title: 'Building the matrix was cancelled; the current matrix is unchanged.', details: [] });
    }
    const request = state.generation.request;
    if (request && request !== previous.generation.request) run(request);
  });
}
