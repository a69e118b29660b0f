/**
 * Reads an opened file and asks the worker for its arrays; loads the array the person picks. A file
 * with a single matrix opens at once. Any failure is explained and the current matrix stays. Each
 * kind of request (open a file, open a URL, load an array) is a spec of the one job effect.
 */
import type { AsMatrix } from '../worker/fileJobs';
import type { ComputeClient } from '../worker/client';
import type { JobInput, JobOutput } from '../worker/protocol';
import { KEEP_FILES, type FileRequest, type OpenedFile } from './fileSlice';
import { startJobEffect, type JobEffectSpec } from './jobEffect';
import type { AppStore } from './store';
import { openWorkspaceOf } from './workspaces';

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

type FileKind = 'openFile' | 'openUrl' | 'loadArray';
type RequestOf<R extends FileRequest['kind']> = Extract<FileRequest, { kind: R }>;

/** A file listed by the worker becomes one of the opened files, and may open at once. */
function opened(store: AppStore, file: OpenedFile, entries: OpenedFile['entries']): void {
  const files = [...store.getState().file.files, file].slice(-KEEP_FILES);
  store.getState().setFileState({ opened: file, files, status: 'done', request: null, progress: null });
  const [only] = entries;
  if (resolvePending(store, file)) return;
  if (entries.length === 1 && only.shape.length <= 2 && opensAsDocument(store)) store.getState().loadArray(only.name);
  else if (entries.length === 0) store.getState().setFileState({ status: 'error', error: `${file.name} holds no arrays.` });
}

/** The loaded array becomes the document, titled by where it came from. */
function loaded(store: AppStore, matrix: JobOutput<'loadArray'>, request: RequestOf<'load'>): void {
  const state = store.getState();
  const file = state.file.opened;
  const fileName = file?.name ?? 'file';
  const slice = request.slice.length > 0 ? `[${request.slice.join(', ')}]` : describeAsMatrix(request.asMatrix);
  const ref = matrix.sha256
    ? { url: file?.url, fileName, fileSize: file?.size ?? null, entry: request.entry, slice: request.slice, asMatrix: request.asMatrix, ...(request.missingAsZero ? { missingAsZero: true } : {}), sha256: matrix.sha256 }
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

/** One kind of file request as a spec of the job effect; all share the 'file' slot and its error path. */
function fileSpec<K extends FileKind, R extends FileRequest['kind']>(
  kind: K, of: R, input: (request: RequestOf<R>) => JobInput<K>, done: (store: AppStore, output: JobOutput<K>, request: RequestOf<R>) => void,
): JobEffectSpec<K> {
  return {
    kind,
    slot: 'file',
    inputs: (s) => [s.file.request],
    request(state) {
      const request = state.file.request;
      if (request?.kind !== of) return null;
      return { key: [request], input: () => input(request as RequestOf<R>), ...KEEP_WORKER };
    },
    // The slice marked itself running when the request was made.
    running: () => undefined,
    progress: (s, fraction, stage) => s.getState().setFileState({ progress: { fraction, stage } }),
    done: (s, output, [request]) => done(s, output, request as RequestOf<R>),
    failed(s, message, code, key) {
      const request = key?.[0] as FileRequest | undefined;
      // A link's array that cannot be loaded is not tried again with the next file opened.
      const pending = request?.kind === 'load' ? { pending: null } : {};
      const missingIn = request?.kind === 'load' && code === 'has-missing' ? request : null;
      s.getState().setFileState({ status: 'error', error: message, request: null, progress: null, missingIn, ...pending });
    },
  };
}

export function startFileEffect(store: AppStore, client: ComputeClient): () => void {
  // The files themselves (cheap references to the person's files), to reopen after a worker restart.
  const blobs = new Map<number, Blob & { name: string }>();
  const urls = new Map<number, string>();

  const stops = [
    // The worker reads the file itself: only a handle to it crosses to the worker.
    startJobEffect(store, client, fileSpec('openFile', 'open', ({ id, file }) => ({ fileId: id, name: file.name, file }), (s, listing, { id, file }) => {
      blobs.set(id, file);
      opened(s, { id, name: file.name, size: file.size, format: listing.format, entries: listing.entries, warnings: listing.warnings }, listing.entries);
    })),
    startJobEffect(store, client, fileSpec('openUrl', 'url', ({ id, url }) => ({ fileId: id, url }), (s, listing, { id, url }) => {
      urls.set(id, url);
      opened(s, { id, name: listing.name ?? url, size: null, url, ranged: listing.ranged, format: listing.format, entries: listing.entries, warnings: listing.warnings }, listing.entries);
    })),
    // The worker refuses an array whose hash differs from the one the link expects.
    startJobEffect(store, client, fileSpec('loadArray', 'load', (r) => ({ fileId: r.fileId, entry: r.entry, slice: r.slice, asMatrix: r.asMatrix, missingAsZero: r.missingAsZero, sha256: r.expectSha256 }), loaded)),
  ];

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

  return () => {
    stops.forEach((stop) => stop());
    stopReopening();
  };
}
