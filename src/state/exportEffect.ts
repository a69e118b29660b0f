/**
 * Exports the matrix and its factors through the worker (it writes .npz and .safetensors) and hands
 * the bytes to `save`, which the app wires to a download.
 */
import type { ComputeClient } from '../worker/client';
import { startJobEffect } from './jobEffect';
import { currentSvd } from './selectors';
import type { JobInput } from '../worker/protocol';
import type { AppState, AppStore } from './store';

export type SaveFile = (blob: Blob, fileName: string) => void;

/** A file name from the matrix's title: letters, digits, dots and dashes. */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'matrix';
}

type ExportKind = 'exportFactors' | 'exportTensorTrain' | 'exportWeighted';

/** One kind of export: the slice's pending request, the job it makes, and how the slice hears the end. */
export interface ExportSpec<K extends ExportKind> {
  kind: K;
  /** The pending request (the slice clears it in `finished`), or null. */
  pending(state: AppState): unknown;
  /** The job's input and the file's name, or a sentence saying why it cannot run yet. */
  prepare(state: AppState, request: unknown): { input: JobInput<K>; fileName: string } | string;
  finished(store: AppStore, exportError: string | null): void;
}

/** Runs an export in the 'export' slot (the workspace's own job goes on) and saves its bytes. */
export function startExportJob<K extends ExportKind>(store: AppStore, client: ComputeClient, save: SaveFile, spec: ExportSpec<K>): () => void {
  return startJobEffect(store, client, {
    kind: spec.kind,
    slot: 'export',
    inputs: (s) => [spec.pending(s)],
    request(state) {
      const request = spec.pending(state);
      if (request === null) return null;
      const prepared = spec.prepare(state, request);
      if (typeof prepared === 'string') return prepared;
      return { key: [request, prepared.fileName], input: () => prepared.input };
    },
    running: () => undefined,
    done(s, output, [, fileName]) {
      const { bytes } = output as { bytes: Uint8Array };
      save(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName as string);
      spec.finished(s, null);
    },
    failed: (s, message) => spec.finished(s, message),
  });
}

/** The matrix workspace's export: A and its SVD factors. */
export function startExportEffect(store: AppStore, client: ComputeClient, save: SaveFile): () => void {
  return startExportJob(store, client, save, {
    kind: 'exportFactors',
    pending: (s) => s.exportRequest,
    prepare(state, pending) {
      const result = currentSvd(state);
      if (!result) return 'The SVD is still being computed; export when it is done.';
      const { format, dtype } = pending as NonNullable<AppState['exportRequest']>;
      const input = { format, dtype, rows: result.rows, cols: result.cols, p: result.p, a: state.matrix.data, u: result.u, s: result.s, v: result.v };
      return { input, fileName: `${fileStem(state.source.title)}-svd.${format}` };
    },
    finished: (s, exportError) => s.getState().setExportState({ exportRequest: null, exportError }),
  });
}
