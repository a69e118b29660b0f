/**
 * Runs the worker job behind a source request (a random matrix, pasted text, the embeddings) and
 * loads the matrix it returns: one spec of the job effect per kind of request. A failure shows its
 * message and leaves the current matrix alone.
 */
import type { ComputeClient } from '../worker/client';
import type { JobInput, JobOutput } from '../worker/protocol';
import type { MatrixJobOutput } from '../worker/randomSpectrumJob';
import { startJobEffect, type JobEffectSpec } from './jobEffect';
import { prescribedSpectrum } from './presets';
import type { MatrixSource } from './documentSlice';
import type { SourceRequest } from './sourceSlice';
import type { AppStore } from './store';

/** Where the app's own word-embedding preset lives (files in public/data). */
export interface EmbeddingsLocation {
  vectorsUrl: string;
  wordsUrl: string;
}

type SourceKind = 'randomSpectrum' | 'parseText' | 'loadEmbeddings';

/** How one kind of source request becomes a job and its output the document's matrix. */
interface SourceJob<K extends SourceKind> {
  kind: K;
  of: SourceRequest['kind'];
  input(request: SourceRequest): JobInput<K>;
  source(output: JobOutput<K>, request: SourceRequest): MatrixSource;
}

const randomJob: SourceJob<'randomSpectrum'> = {
  kind: 'randomSpectrum',
  of: 'random',
  input(request) {
    const { rows, cols, shape, decay, seed } = (request as Extract<SourceRequest, { kind: 'random' }>).params;
    return { rows, cols, sigmas: prescribedSpectrum(Math.min(rows, cols), shape, decay), seed };
  },
  source(matrix, request) {
    const { rows, cols, shape, decay, seed } = (request as Extract<SourceRequest, { kind: 'random' }>).params;
    return {
      kind: 'preset',
      title: `Random ${rows} × ${cols}, ${shape} spectrum`,
      description: `Seed ${seed}; singular values prescribed from 1 down (${shape}${shape === 'linear' ? '' : `, ${decay}`}).`,
      preset: { id: 'random', params: { size: `${rows}x${cols}`, spectrum: shape, decay, seed } },
      heldKey: matrix.heldKey,
    };
  },
};

const pasteJob: SourceJob<'parseText'> = {
  kind: 'parseText',
  of: 'paste',
  input: (request) => ({ text: (request as Extract<SourceRequest, { kind: 'paste' }>).text }),
  source: (matrix) => ({ kind: 'paste', title: `Pasted ${matrix.rows} × ${matrix.cols} matrix`, description: `Read as ${matrix.format}.` }),
};

function embeddingsJob(location: EmbeddingsLocation): SourceJob<'loadEmbeddings'> {
  return {
    kind: 'loadEmbeddings',
    of: 'embeddings',
    input: () => location,
    source: (matrix) => ({
      kind: 'preset',
      title: `Word embeddings, ${matrix.rows} words × ${matrix.cols} dimensions`,
      description: 'Rows are words; hover a point in the cloud to read its word.',
      rowLabels: matrix.rowLabels,
      preset: { id: 'embeddings', params: {} },
    }),
  };
}

/** The job effect's spec for one kind of source request; all share the 'source' slot and Cancel. */
function sourceSpec<K extends SourceKind>(job: SourceJob<K>): JobEffectSpec<K> {
  return {
    kind: job.kind,
    slot: 'source',
    inputs: (s) => [s.generation.request],
    request(state) {
      const request = state.generation.request;
      if (request?.kind !== job.of) return null;
      return { key: [request], input: () => job.input(request) };
    },
    // The slice marked itself running when the request was made.
    running: () => undefined,
    started: (s) => s.getState().setGeneration({ startedAt: Date.now() }),
    progress: (s, fraction, stage) => s.getState().setGeneration({ progress: { fraction, stage } }),
    done(s, output, [request]) {
      const matrix = output as MatrixJobOutput;
      const { loadMatrix, setGeneration } = s.getState();
      loadMatrix({ rows: matrix.rows, cols: matrix.cols, data: matrix.data }, job.source(output, request as SourceRequest));
      setGeneration({ status: 'done', error: null, request: null, progress: null, startedAt: null });
      // A link says how to show it; otherwise a big matrix opens on the cloud at a modest rank.
      const small = matrix.rows <= 3 && matrix.cols <= 3;
      s.getState().applyView(
        (request as SourceRequest).view ?? { view: small ? 'map' : 'cloud', rank: small ? null : Math.min(10, matrix.rows, matrix.cols), of: 'rows', step: 3 },
      );
    },
    // A failure shows its message and leaves the current matrix alone.
    failed: (s, error) => s.getState().setGeneration({ status: 'error', error, failed: job.of, request: null, progress: null, startedAt: null }),
    // The slice has already put the panel back; the client stops the worker if the job runs on.
    cancelRequests: (s) => s.generation.cancelRequests,
    cancelled: (s) => s.getState().notify({ kind: 'info', title: 'Building the matrix was cancelled; the current matrix is unchanged.', details: [] }),
  };
}

export function startSourceEffect(store: AppStore, client: ComputeClient, embeddings: EmbeddingsLocation): () => void {
  // A request made before the effect started (by a link read at start-up) runs at once.
  const stops = [
    startJobEffect(store, client, sourceSpec(randomJob)),
    startJobEffect(store, client, sourceSpec(pasteJob)),
    startJobEffect(store, client, sourceSpec(embeddingsJob(embeddings))),
  ];
  return () => stops.forEach((stop) => stop());
}
