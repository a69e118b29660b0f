/**
 * Reads an opened file and asks the worker for its arrays; loads the array the person picks. A file
 * with a single matrix opens at once. Any failure is explained and the current matrix stays.
 */
import type { AsMatrix } from '../worker/fileJobs';
import { JobCancelledError, JobFailedError, type ComputeClient } from '../worker/client';
import { KEEP_FILES, type FileRequest } from './fileSlice';
import type { AppStore } from './store';
import { openWorkspaceOf } from './workspaces';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Jobs that read the worker's open files must not be stopped by a restart, which would close them. */
const KEEP_WORKER = { interruptible: false } as const;

/**
 * A file with one matrix opens as the document only in a workspace whose document is a matrix; in
 * the others (attention picks its W_Q and W_K itself) the matrix workspace's document stays.
 */
function opensAsDocument(store: AppStore): boolean {
  return openWorkspaceOf(store.getState())?.document === 'matrix';
}

/** How the title says an array became a matrix: " (mode-2 unfolding)", " (reshaped to 100 rows)". */
function describeAsMatrix(asMatrix: AsMatrix | undefined): string {
  if (!asMatrix) return '';
  return asMatrix.kind === 'unfold' ? ` (mode-${asMatrix.mode + 1} unfolding)` : ` (reshaped to ${asMatrix.rows} rows)`;
}

/** Loads a link's pending reference from the file just opened, if it is the one the link needs. */
function resolvePending(store: AppStore, opened: { name: string; url?: string }): boolean {
  const pending = store.getState().file.pending;
  if (!pending) return false;
  const matches = pending.url ? pending.url === opened.url : pending.fileName === opened.name;
  if (!matches) return false;
  store.getState().loadArray(pending.entry, pending.slice, pending.sha256, pending.asMatrix, pending.missingAsZero);
  return true;
}

export function startFileEffect(store: AppStore, client: ComputeClient): () => void {
  // The files themselves (cheap references to the person's files), to reopen after a worker restart.
  const blobs = new Map<number, Blob & { name: string }>();
  const urls = new Map<number, string>();
  const onProgress = (fraction: number, stage: string) => store.getState().setFileState({ progress: { fraction, stage } });

  async function open(request: Extract<FileRequest, { kind: 'open' }>): Promise<void> {
    const { file, id } = request;
    // The worker reads the file itself: only a handle to it crosses to the worker.
    const listing = await client.run('openFile', { fileId: id, name: file.name, file }, { slot: 'file', onProgress, ...KEEP_WORKER }).promise;
    blobs.set(id, file);
    if (store.getState().file.request !== request) return;
    const opened = { id, name: file.name, size: file.size, format: listing.format, entries: listing.entries, warnings: listing.warnings };
    const files = [...store.getState().file.files, opened].slice(-KEEP_FILES);
    store.getState().setFileState({ opened, files, status: 'done', request: null, progress: null });
    const [only] = listing.entries;
    if (resolvePending(store, opened)) return;
    if (listing.entries.length === 1 && only.shape.length <= 2 && opensAsDocument(store)) store.getState().loadArray(only.name);
    else if (listing.entries.length === 0) store.getState().setFileState({ status: 'error', error: `${file.name} holds no arrays.` });
  }


  async function openUrl(request: Extract<FileRequest, { kind: 'url' }>): Promise<void> {
    const { id, url } = request;
    const listing = await client.run('openUrl', { fileId: id, url }, { slot: 'file', onProgress, ...KEEP_WORKER }).promise;
    if (store.getState().file.request !== request) return;
    urls.set(id, url);
    const opened = { id, name: listing.name ?? url, size: null, url, ranged: listing.ranged, format: listing.format, entries: listing.entries, warnings: listing.warnings };
    const files = [...store.getState().file.files, opened].slice(-KEEP_FILES);
    store.getState().setFileState({ opened, files, status: 'done', request: null, progress: null });
    const [only] = listing.entries;
    if (resolvePending(store, opened)) return;
    if (listing.entries.length === 1 && only.shape.length <= 2 && opensAsDocument(store)) store.getState().loadArray(only.name);
  }

  async function load(request: Extract<FileRequest, { kind: 'load' }>): Promise<void> {
    // The worker refuses an array whose hash differs from the one the link expects.
    const input = { fileId: request.fileId, entry: request.entry, slice: request.slice, asMatrix: request.asMatrix, missingAsZero: request.missingAsZero, sha256: request.expectSha256 };
    const matrix = await client.run('loadArray', input, { slot: 'file', onProgress, ...KEEP_WORKER }).promise;
    const state = store.getState();
    if (state.file.request !== request) return;
    const opened = state.file.opened;
    const fileName = opened?.name ?? 'file';
    const slice = request.slice.length > 0 ? `[${request.slice.join(', ')}]` : describeAsMatrix(request.asMatrix);
    const ref = matrix.sha256
      ? { url: opened?.url, fileName, fileSize: opened?.size ?? null, entry: request.entry, slice: request.slice, asMatrix: request.asMatrix, ...(request.missingAsZero ? { missingAsZero: true } : {}), sha256: matrix.sha256 }
      : undefined;
    // The title says so wherever it is shown: these zeros are not the file's numbers.
    const missing = matrix.missingCount > 0 ? ` (${matrix.missingCount.toLocaleString('en')} missing as 0)` : '';
    state.loadMatrix(
      { rows: matrix.rows, cols: matrix.cols, data: matrix.data },
      { kind: 'file', title: `${request.entry}${slice} from ${fileName}${missing}`, description: `${matrix.rows} × ${matrix.cols}`, ref, heldKey: matrix.heldKey },
    );
    const pending = state.file.pending;
    state.setFileState({ status: 'done', request: null, progress: null, pending: null });
    if (pending?.noticeId !== undefined) state.dismiss(pending.noticeId);
    const small = matrix.rows <= 3 && matrix.cols <= 3;
    state.applyView(pending?.view ?? { view: small ? 'map' : 'cloud', rank: small ? null : Math.min(10, matrix.rows, matrix.cols), of: 'rows', step: 3 });
  }

  const stopReopening = client.onRestart(() => {
    const kept = new Set(store.getState().file.files.map((f) => f.id));
    for (const [id, blob] of blobs) {
      if (!kept.has(id)) {
        blobs.delete(id);
        continue;
      }
      void client.run('openFile', { fileId: id, name: blob.name, file: blob }, KEEP_WORKER).promise.catch(() => undefined);
    }
    for (const [id, url] of urls) {
      if (kept.has(id)) void client.run('openUrl', { fileId: id, url }, KEEP_WORKER).promise.catch(() => undefined);
      else urls.delete(id);
    }
  });

  const unsubscribe = store.subscribe((state, previous) => {
    const request = state.file.request;
    if (!request || request === previous.file.request) return;
    const work = request.kind === 'open' ? open(request) : request.kind === 'url' ? openUrl(request) : load(request);
    work.catch((error: unknown) => {
      if (error instanceof JobCancelledError || store.getState().file.request !== request) return;
      // A link's array that cannot be loaded is not tried again with the next file opened.
      const pending = request.kind === 'load' ? { pending: null } : {};
      const missingIn = request.kind === 'load' && error instanceof JobFailedError && error.code === 'has-missing' ? request : null;
      store.getState().setFileState({ status: 'error', error: messageOf(error), request: null, progress: null, missingIn, ...pending });
    });
  });
  return () => {
    unsubscribe();
    stopReopening();
  };
}
