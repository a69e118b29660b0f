/**
 * Links to the attention view on weights of files, and to a comparison against an array of a file,
 * name their arrays by file (a URL, or a local file by name and size), entry, slice and SHA-256.
 *
 * - Writing: `linkedAnalyses` turns the store's settings into those references, once the worker has
 *   read the arrays and reported their hashes (before that the link leaves the analysis out).
 * - Reading: `awaitLinkedAnalyses` records what the link needs; `resolveLinkedAnalyses` (run after
 *   every file request) applies each analysis as soon as all its files are open, opens the next URL
 *   it needs, and asks the person for local files. The worker checks the hashes when it reads.
 */
import type { LinkRef, LinkState } from '../permalink/humanForm';
import { formatBytes, type OpenedFile } from './fileSlice';
import type { AppState, AppStore } from './store';
import type { AsMatrix } from '../worker/fileJobs';
import { asMatrixOfLink, linkFieldsOf } from './asMatrix';
import { currentComparison } from './compareEffect';

/** The analyses of a link that wait for their files, the URLs already asked for, and the notice asking for local files. */
export type WaitingAnalyses = Pick<LinkState, 'attentionFiles' | 'compareFile'> & {
  /** The weighted workspace's weight (or importance) array, and the tensor workspace's tensor. */
  weightedFile?: LinkRef;
  tensorFile?: LinkRef;
  requested?: string[];
  noticeId?: number;
};

function locatorOf(file: OpenedFile): Pick<LinkRef, 'url' | 'file' | 'size'> {
  if (file.url) return { url: file.url };
  return file.size === null ? { file: file.name } : { file: file.name, size: file.size };
}

/** The link reference of an array of an open file, or null when the file is no longer listed. */
export function linkRefOf(state: AppState, ref: { fileId: number; entry: string; slice: number[]; asMatrix?: AsMatrix; fused?: boolean }, sha256: string | null): LinkRef | null {
  const file = state.file.files.find((f) => f.id === ref.fileId);
  if (!file || !sha256) return null;
  return { ...locatorOf(file), entry: ref.entry, slice: ref.slice, ...linkFieldsOf(ref.asMatrix), sha256, ...(ref.fused ? { fused: true } : {}) };
}

/** The link's keys for the analyses on arrays of files, as far as they can be written now. */
export function linkedAnalyses(state: AppState): WaitingAnalyses {
  const out: WaitingAnalyses = {};
  const { attention, compare } = state;
  const a = attention.settings;
  if (state.workspace === 'attention' && a.source === 'file' && a.query && a.key && attention.status === 'done' && attention.result) {
    const query = linkRefOf(state, a.query, attention.result.weightHashes.query);
    const key = linkRefOf(state, a.key, attention.result.weightHashes.key);
    if (query && key) out.attentionFiles = { headSize: a.headSize, head: a.head, layout: a.layout, query, key };
  } else if (state.file.waiting?.attentionFiles) out.attentionFiles = state.file.waiting.attentionFiles;
  const c = compare.settings;
  const comparison = currentComparison(state);
  if (c.enabled && c.second.kind === 'file' && comparison) {
    const second = linkRefOf(state, c.second.ref, comparison.secondHash);
    if (second) out.compareFile = { side: c.side, second };
  } else if (state.file.waiting?.compareFile) out.compareFile = state.file.waiting.compareFile;
  return out;
}

/**
 * The document's array as the worker's reference, read with its NaN entries kept: what the mask
 * of the missing entries is built from. Null unless the document came from a file whose missing
 * entries were read as 0 and that file is still open. No hash: the document's load checked it.
 */
export function missingEntriesRef(state: AppState): { fileId: number; entry: string; slice: number[]; asMatrix?: AsMatrix } | null {
  const ref = state.source.ref;
  if (!ref?.missingAsZero) return null;
  const file = [...state.file.files].reverse().find((f) => (ref.url !== undefined ? f.url === ref.url : !f.url && f.name === ref.fileName));
  return file ? { fileId: file.id, entry: ref.entry, slice: ref.slice, ...(ref.asMatrix ? { asMatrix: ref.asMatrix } : {}) } : null;
}

function matches(file: OpenedFile, ref: LinkRef): boolean {
  if (ref.url !== undefined) return file.url === ref.url;
  return !file.url && file.name === ref.file && (ref.size === undefined || file.size === ref.size);
}

function openRef(state: AppState, ref: LinkRef) {
  const file = [...state.file.files].reverse().find((f) => matches(f, ref));
  const asMatrix = asMatrixOfLink(ref);
  return file ? { fileId: file.id, entry: ref.entry, slice: ref.slice, ...(asMatrix ? { asMatrix } : {}), sha256: ref.sha256, ...(ref.fused ? { fused: true } : {}) } : null;
}

function refsOf(waiting: WaitingAnalyses): LinkRef[] {
  const refs: LinkRef[] = [];
  if (waiting.attentionFiles) refs.push(waiting.attentionFiles.query, waiting.attentionFiles.key);
  if (waiting.compareFile) refs.push(waiting.compareFile.second);
  if (waiting.weightedFile) refs.push(waiting.weightedFile);
  if (waiting.tensorFile) refs.push(waiting.tensorFile);
  return refs;
}

/** Applies the analyses whose files are open; opens the next URL still needed. */
export function resolveLinkedAnalyses(store: AppStore): void {
  const state = store.getState();
  const waiting = state.file.waiting;
  if (!waiting) return;
  const rest: WaitingAnalyses = { ...waiting };
  if (waiting.attentionFiles) {
    const { query, key, ...head } = waiting.attentionFiles;
    const q = openRef(state, query);
    const k = openRef(state, key);
    if (q && k) {
      state.setAttentionSettings({ ...head, source: 'file', query: q, key: k });
      delete rest.attentionFiles;
    }
  }
  if (waiting.compareFile) {
    const ref = openRef(state, waiting.compareFile.second);
    if (ref) {
      state.setCompareSettings({ enabled: true, side: waiting.compareFile.side, second: { kind: 'file', ref } });
      delete rest.compareFile;
    }
  }
  if (waiting.weightedFile) {
    const ref = openRef(state, waiting.weightedFile);
    if (ref) {
      state.setWeights({ file: ref });
      delete rest.weightedFile;
    }
  }
  if (waiting.tensorFile) {
    const ref = openRef(state, waiting.tensorFile);
    const file = ref && state.file.files.find((f) => f.id === ref.fileId);
    const shape = ref ? file?.entries.find((a) => a.name === ref.entry)?.shape : undefined;
    if (ref && shape) {
      state.setTensorSettings({ source: { kind: 'file', ref: { fileId: ref.fileId, entry: ref.entry, sha256: ref.sha256 }, shape } });
      delete rest.tensorFile;
    }
  }
  // A URL that was opened and is still missing failed (the file panel says why): give up on it.
  const requested = rest.requested ?? [];
  const failed = (ref: LinkRef) => ref.url !== undefined && requested.includes(ref.url) && !openRef(state, ref);
  if (rest.attentionFiles && (failed(rest.attentionFiles.query) || failed(rest.attentionFiles.key))) delete rest.attentionFiles;
  if (rest.compareFile && failed(rest.compareFile.second)) delete rest.compareFile;
  if (rest.weightedFile && failed(rest.weightedFile)) delete rest.weightedFile;
  if (rest.tensorFile && failed(rest.tensorFile)) delete rest.tensorFile;
  const missing = refsOf(rest).filter((ref) => !openRef(state, ref));
  // One file request at a time: the next URL opens when the current request is done.
  const url = missing.find((ref) => ref.url !== undefined && !requested.includes(ref.url))?.url;
  const busy = state.file.request !== null || Boolean(state.file.pending);
  const opening = url && !busy ? [...requested, url] : requested;
  store.getState().setFileState({ waiting: missing.length > 0 ? { ...rest, requested: opening } : null });
  // Nothing is asked of the person any more: the notice that asked goes.
  if (missing.length === 0 && waiting.noticeId !== undefined) store.getState().dismiss(waiting.noticeId);
  if (url && !busy) store.getState().openUrl(url);
}

/**
 * Records a link's analyses on arrays of files and says which local files it needs. A link with
 * none replaces what an earlier link waited for only when it opens other data (`replaces`): the
 * header's workspace links (`#w=attention`) carry none, and must not drop a wait.
 */
export function awaitLinkedAnalyses(store: AppStore, link: WaitingAnalyses, replaces = true): void {
  // Only the analyses' keys of a whole link.
  let waiting: WaitingAnalyses = { attentionFiles: link.attentionFiles, compareFile: link.compareFile, weightedFile: link.weightedFile, tensorFile: link.tensorFile };
  if (!waiting.attentionFiles && !waiting.compareFile && !waiting.weightedFile && !waiting.tensorFile) {
    const before = store.getState().file.waiting;
    if (before && replaces) {
      store.getState().setFileState({ waiting: null });
      if (before.noticeId !== undefined) store.getState().dismiss(before.noticeId);
    }
    return;
  }
  const state = store.getState();
  const pendingName = state.file.pending?.url ? undefined : state.file.pending?.fileName;
  const local = new Map<string, number | undefined>();
  for (const ref of refsOf(waiting)) if (ref.file !== undefined && ref.file !== pendingName && !openRef(state, ref)) local.set(ref.file, ref.size);
  if (local.size > 0) {
    const names = [...local].map(([name, size]) => (size === undefined ? name : `${name} (${formatBytes(size)})`));
    waiting = { ...waiting, noticeId: state.notify({
      kind: 'info',
      title: `This link needs your file${names.length > 1 ? 's' : ''} ${names.join(', ')}.`,
      details: ['Open it with "Open file" (or drop it on the page): the analysis continues, checked against the link\'s SHA-256.'],
    }) };
  }
  store.getState().setFileState({ waiting });
  resolveLinkedAnalyses(store);
}

/** Runs `resolveLinkedAnalyses` whenever a file request ends or the open files change. */
export function startLinkedFilesEffect(store: AppStore): () => void {
  return store.subscribe((state, previous) => {
    if (!state.file.waiting) return;
    const requestEnded = previous.file.request !== null && state.file.request === null;
    if (requestEnded || state.file.files !== previous.file.files) resolveLinkedAnalyses(store);
  });
}
