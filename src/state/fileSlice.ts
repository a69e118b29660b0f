/**
 * Files the person opens (.npy, .npz, .safetensors, CSV/TSV): the table of arrays of the open file
 * and the choice of one array (or one 2-D slice of a bigger one). The actions record a request;
 * `fileEffect.ts` reads the file and runs the worker jobs.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import type { JobStatus } from './svdSlice';
import type { AsMatrix, OpenFileJobOutput } from '../worker/fileJobs';

export type { AsMatrix };
import type { ViewAfterLoad } from './viewSlice';
import type { WaitingAnalyses } from './linkedFiles';

export { KEEP_FILES } from '../worker/fileJobs';

/** Files bigger than this are refused before they are read. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

export type ArrayEntryInfo = OpenFileJobOutput['entries'][number];

export interface OpenedFile {
  id: number;
  name: string;
  /** Bytes, or null when unknown (a file read piecewise from a URL). */
  size: number | null;
  /** Where it came from, for files opened from a URL. */
  url?: string;
  /** Whether it is read piecewise with HTTP Range requests. */
  ranged?: boolean;
  format: string;
  entries: ArrayEntryInfo[];
  warnings: string[];
}

export type FileRequest =
  | { kind: 'open'; id: number; file: Blob & { name: string } }
  | { kind: 'url'; id: number; url: string }
  | { kind: 'load'; fileId: number; entry: string; slice: number[]; expectSha256?: string; asMatrix?: AsMatrix; missingAsZero?: boolean };

/** A link's data reference waiting for its file: loaded (and checked) once the file is open. */
export interface PendingRef {
  url?: string;
  fileName?: string;
  fileSize?: number;
  entry: string;
  slice: number[];
  asMatrix?: AsMatrix;
  missingAsZero?: boolean;
  sha256: string;
  view: ViewAfterLoad;
  /** The notice asking for a local file, dismissed once the array is loaded. */
  noticeId?: number;
}

export interface FileSlice {
  file: {
    status: JobStatus;
    error: string | null;
    /** The file opened last, whose arrays the file panel lists. */
    opened: OpenedFile | null;
    /** The files the worker still holds (the last few), for views that combine arrays of several. */
    files: OpenedFile[];
    request: FileRequest | null;
    /** Download or read progress of the running request. */
    progress?: { fraction: number; stage: string } | null;
    /** A link's reference to data in a file that is not open yet. */
    pending?: PendingRef | null;
    /** The array that failed to load because it has NaN entries: the panel offers to read them as missing. */
    missingIn?: Extract<FileRequest, { kind: 'load' }> | null;
    /** A link's analyses (attention weights, a comparison matrix) that wait for their files: see linkedFiles.ts. */
    waiting?: WaitingAnalyses | null;
  };
  /** Follows a link's data reference: opens its URL, or waits for the person to open the named file. */
  followRef(ref: PendingRef): void;
  openFile(file: Blob & { name: string }): void;
  openUrl(url: string): void;
  loadArray(entry: string, slice?: number[], expectSha256?: string, asMatrix?: AsMatrix, missingAsZero?: boolean): void;
  setFileState(patch: Partial<FileSlice['file']>): void;
}

let nextFileId = 1;

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'size unknown';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const createFileSlice: StateCreator<AppState, [], [], FileSlice> = (set, get) => ({
  file: { status: 'idle', error: null, opened: null, files: [], request: null },
  openFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      set({ file: { ...get().file, status: 'error', error: `${file.name} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_FILE_BYTES)} can be opened.`, request: null } });
      return;
    }
    set({ file: { ...get().file, status: 'running', error: null, request: { kind: 'open', id: nextFileId++, file } } });
  },
  openUrl(url) {
    const trimmed = url.trim();
    if (!/^https?:\/\/\S+$/i.test(trimmed)) {
      set({ file: { ...get().file, status: 'error', error: `"${trimmed.slice(0, 80)}" is not an http or https URL.`, request: null } });
      return;
    }
    set({ file: { ...get().file, status: 'running', error: null, progress: null, request: { kind: 'url', id: nextFileId++, url: trimmed } } });
  },
  loadArray(entry, slice = [], expectSha256, asMatrix, missingAsZero) {
    const opened = get().file.opened;
    if (!opened) return;
    set({ file: { ...get().file, status: 'running', error: null, missingIn: null, request: { kind: 'load', fileId: opened.id, entry, slice: asMatrix ? [] : slice, expectSha256, asMatrix, ...(missingAsZero ? { missingAsZero } : {}) } } });
  },
  followRef(ref) {
    set({ file: { ...get().file, pending: ref } });
    if (ref.url) {
      get().openUrl(ref.url);
      return;
    }
    const noticeId = get().notify({
      kind: 'info',
      title: `This link needs your file ${ref.fileName ?? ''}${ref.fileSize !== undefined ? ` (${formatBytes(ref.fileSize)})` : ''}.`,
      details: [`Open it with "Open file" (or drop it on the page) and "${ref.entry}" will open, checked against the link's SHA-256.`],
    });
    set({ file: { ...get().file, pending: { ...ref, noticeId } } });
  },
  setFileState(patch) {
    set({ file: { ...get().file, ...patch } });
  },
});
