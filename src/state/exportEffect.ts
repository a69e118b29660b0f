/**
 * Exports the matrix and its factors through the worker (it writes .npz and .safetensors) and hands
 * the bytes to `save`, which the app wires to a download.
 */
import type { ComputeClient } from '../worker/client';
import { startJobEffect } from './jobEffect';
import { currentSvd } from './selectors';
import type { AppStore } from './store';

export type SaveFile = (blob: Blob, fileName: string) => void;

/** A file name from the matrix's title: letters, digits, dots and dashes. */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'matrix';
}

export function startExportEffect(store: AppStore, client: ComputeClient, save: SaveFile): () => void {
  const finished = (s: AppStore, exportError: string | null) => s.getState().setExportState({ exportRequest: null, exportError });
  return startJobEffect(store, client, {
    kind: 'exportFactors',
    slot: 'export',
    inputs: (s) => [s.exportRequest],
    request(state) {
      const request = state.exportRequest;
      if (!request) return null;
      const result = currentSvd(state);
      if (!result) return 'The SVD is still being computed; export when it is done.';
      const { matrix } = state;
      const { format, dtype } = request;
      const input = { format, dtype, rows: result.rows, cols: result.cols, p: result.p, a: matrix.data, u: result.u, s: result.s, v: result.v };
      return { key: [request, `${fileStem(state.source.title)}-svd.${format}`], input: () => input };
    },
    running: () => undefined,
    done(s, { bytes }, [, fileName]) {
      save(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName as string);
      finished(s, null);
    },
    failed: finished,
  });
}
