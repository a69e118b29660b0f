/**
 * Exports the matrix and its factors through the worker (it writes .npz and .safetensors) and hands
 * the bytes to `save`, which the app wires to a download.
 */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import { currentSvd } from './selectors';
import type { AppStore } from './store';

export type SaveFile = (blob: Blob, fileName: string) => void;

/** A file name from the matrix's title: letters, digits, dots and dashes. */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'matrix';
}

export function startExportEffect(store: AppStore, client: ComputeClient, save: SaveFile): () => void {
  return store.subscribe((state, previous) => {
    const request = state.exportRequest;
    if (!request || request === previous.exportRequest) return;
    const result = currentSvd(state);
    if (!result) {
      state.setExportState({ exportRequest: null, exportError: 'The SVD is still being computed; export when it is done.' });
      return;
    }
    const { matrix } = state;
    client
      .run('exportFactors', {
        format: request.format,
        dtype: request.dtype,
        rows: result.rows,
        cols: result.cols,
        p: result.p,
        a: matrix.data,
        u: result.u,
        s: result.s,
        v: result.v,
      }, { slot: 'export' })
      .promise.then(
        ({ bytes }) => {
          save(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), `${fileStem(state.source.title)}-svd.${request.format}`);
          store.getState().setExportState({ exportRequest: null, exportError: null });
        },
        (error: unknown) => {
          if (error instanceof JobCancelledError) return;
          store.getState().setExportState({ exportRequest: null, exportError: error instanceof Error ? error.message : String(error) });
        },
      );
  });
}
