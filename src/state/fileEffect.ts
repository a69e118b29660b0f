/**
 * Reads an opened file and asks the worker for its arrays; loads the array the person picks. A file
 * with a single matrix opens at once. Any failure is explained and the current matrix stays.
 */
import { JobCancelledError, type ComputeClient } from '../worker/client';
import type { FileRequest } from './fileSlice';
import type { AppStore } from './store';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function startFileEffect(store: AppStore, client: ComputeClient): () => void {
  async function open(request: Extract<FileRequest, { kind: 'open' }>): Promise<void> {
    const { file, id } = request;
    const bytes = await file.arrayBuffer();
    const listing = await client.run('openFile', { fileId: id, name: file.name, bytes }, { slot: 'file', transfer: [bytes] }).promise;
    if (store.getState().file.request !== request) return;
    const opened = { id, name: file.name, size: file.size, format: listing.format, entries: listing.entries, warnings: listing.warnings };
    store.getState().setFileState({ opened, status: 'done', request: null });
    const [only] = listing.entries;
    if (listing.entries.length === 1 && only.shape.length <= 2) store.getState().loadArray(only.name);
    else if (listing.entries.length === 0) store.getState().setFileState({ status: 'error', error: `${file.name} holds no arrays.` });
  }

  async function load(request: Extract<FileRequest, { kind: 'load' }>): Promise<void> {
    const matrix = await client.run('loadArray', { fileId: request.fileId, entry: request.entry, slice: request.slice }, { slot: 'file' }).promise;
    const state = store.getState();
    if (state.file.request !== request) return;
    const fileName = state.file.opened?.name ?? 'file';
    const slice = request.slice.length > 0 ? `[${request.slice.join(', ')}]` : '';
    state.loadMatrix(
      { rows: matrix.rows, cols: matrix.cols, data: matrix.data },
      { kind: 'file', title: `${request.entry}${slice} from ${fileName}`, description: `${matrix.rows} × ${matrix.cols}` },
    );
    state.setFileState({ status: 'done', request: null });
    const small = matrix.rows <= 3 && matrix.cols <= 3;
    state.applyView({ view: small ? 'map' : 'cloud', rank: small ? null : Math.min(10, matrix.rows, matrix.cols), of: 'rows', step: 3 });
  }

  return store.subscribe((state, previous) => {
    const request = state.file.request;
    if (!request || request === previous.file.request) return;
    const work = request.kind === 'open' ? open(request) : load(request);
    work.catch((error: unknown) => {
      if (error instanceof JobCancelledError || store.getState().file.request !== request) return;
      store.getState().setFileState({ status: 'error', error: messageOf(error), request: null });
    });
  });
}
