/**
 * Links to analyses on arrays of files: written once the worker reported the arrays' hashes, and
 * read back by opening (or asking for) the files before the analysis is applied.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './store';
import { applyHash, linkStateOf } from './urlSync';
import { resolveLinkedAnalyses, startLinkedFilesEffect } from './linkedFiles';
import type { OpenedFile } from './fileSlice';
import { compareRequestKey, currentComparison } from './compareEffect';
import type { AttentionJobOutput } from './attentionSlice';

const SHA_Q = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function opened(id: number, name: string, extra: Partial<OpenedFile> = {}): OpenedFile {
  return { id, name, size: 1000, format: 'npy', entries: [], warnings: [], ...extra };
}

/** Pretends a file request ran: the file is listed and the request is over. */
function finishOpening(store: AppStore, file: OpenedFile): void {
  store.getState().setFileState({ files: [...store.getState().file.files, file], opened: file, request: null, status: 'done' });
}

const attentionResult = (query: string, key: string) => ({ weightHashes: { query, key } }) as unknown as AttentionJobOutput;

describe('links to analyses on arrays of files', () => {
  it('writes the attention weights by file name, size, entry and hash once the worker has read them', () => {
    const store = createAppStore();
    store.getState().setFileState({ files: [opened(4, 'wq.npy'), opened(5, 'weights.safetensors', { size: null, url: 'https://example.org/w.safetensors' })] });
    store.getState().setAttentionSettings({ source: 'file', query: { fileId: 4, entry: 'wq', slice: [2] }, key: { fileId: 5, entry: 'c_attn', slice: [], fused: true }, headSize: 64, head: 3 });
    store.getState().openWorkspace('attention');
    expect(linkStateOf(store.getState()).attentionFiles).toBeUndefined();
    store.getState().setAttentionState({ status: 'done', result: attentionResult(SHA_Q, SHA_B) });
    expect(linkStateOf(store.getState()).attentionFiles).toEqual({
      headSize: 64, head: 3, layout: 'x-times-w',
      query: { file: 'wq.npy', size: 1000, entry: 'wq', slice: [2], sha256: SHA_Q },
      key: { url: 'https://example.org/w.safetensors', entry: 'c_attn', slice: [], sha256: SHA_B, fused: true },
    });
  });

  it('asks for local files, then applies the attention settings with the expected hashes when they open', () => {
    const store = createAppStore();
    const stop = startLinkedFilesEffect(store);
    const hash = `#m=1,0;0,1&view=attention&att=file,64,2,wx&qfile=wq.npy&qsize=1000&qentry=wq&qsha256=${SHA_Q}&kfile=wk.npy&kentry=wk&ksha256=${SHA_B}`;
    expect(applyHash(store, hash)).toBe(true);
    expect(store.getState().notices.at(-1)?.title).toMatch(/needs your files wq\.npy \(1000 B\), wk\.npy/);
    expect(store.getState().attention.settings.source).toBe('synthetic');
    finishOpening(store, opened(1, 'wq.npy', { size: 999 })); // same name, other size: not it
    finishOpening(store, opened(2, 'wq.npy'));
    expect(store.getState().attention.settings.source).toBe('synthetic');
    finishOpening(store, opened(3, 'wk.npy'));
    const settings = store.getState().attention.settings;
    expect(settings).toMatchObject({ source: 'file', headSize: 64, head: 1, layout: 'w-times-x' });
    expect(settings.query).toEqual({ fileId: 2, entry: 'wq', slice: [], sha256: SHA_Q });
    expect(settings.key).toEqual({ fileId: 3, entry: 'wk', slice: [], sha256: SHA_B });
    expect(store.getState().file.waiting).toBeNull();
    // What the notice asked for has happened: it goes.
    expect(store.getState().notices.some((n) => /needs your files/.test(n.title))).toBe(false);
    stop();
  });

  it('opens the URLs a comparison needs one at a time, and gives up on one that fails', () => {
    const store = createAppStore();
    const stop = startLinkedFilesEffect(store);
    applyHash(store, `#m=1,0;0,1&cmp=column,file&bsrc=${encodeURIComponent('https://x.org/b.npy')}&bentry=B&bsha256=${SHA_B}`);
    expect(store.getState().file.request).toMatchObject({ kind: 'url', url: 'https://x.org/b.npy' });
    finishOpening(store, opened(7, 'b.npy', { url: 'https://x.org/b.npy', size: null }));
    expect(store.getState().compare.settings).toEqual({ enabled: true, side: 'column', second: { kind: 'file', ref: { fileId: 7, entry: 'B', slice: [], sha256: SHA_B } } });

    applyHash(store, `#m=1,0;0,1&cmp=row,file&bsrc=${encodeURIComponent('https://x.org/gone.npy')}&bentry=B&bsha256=${SHA_B}`);
    expect(store.getState().file.request).toMatchObject({ kind: 'url', url: 'https://x.org/gone.npy' });
    store.getState().setFileState({ request: null, status: 'error', error: 'HTTP 404' });
    expect(store.getState().file.waiting).toBeNull();
    expect(store.getState().file.request).toBeNull();
    stop();
  });

  it('keeps what a link waits for in the link written meanwhile', () => {
    const store = createAppStore();
    applyHash(store, `#m=1,0;0,1&cmp=row,file&bfile=b.npy&bentry=B&bsha256=${SHA_B}`);
    expect(linkStateOf(store.getState()).compareFile).toEqual({ side: 'row', second: { file: 'b.npy', entry: 'B', slice: [], sha256: SHA_B } });
    resolveLinkedAnalyses(store);
    expect(store.getState().file.waiting?.compareFile).toBeDefined();
  });

  it('names a comparison\'s second array only once its result belongs to the current settings', () => {
    const store = createAppStore();
    const state = store.getState();
    state.setSvd({ result: { p: 2 } as never, revision: state.revision });
    state.setFileState({ files: [opened(3, 'b.npy')] });
    // The noise comparison is done; then the person picks an array of a file.
    state.setCompareSettings({ enabled: true });
    state.setCompareState({ status: 'done', result: { secondHash: null } as never, resultKey: compareRequestKey(store.getState())! });
    state.setCompareSettings({ second: { kind: 'file', ref: { fileId: 3, entry: 'B', slice: [] } } });
    // The earlier result is still on screen as "the previous comparison"; the link must not name B with it.
    store.getState().setCompareState({ result: { secondHash: SHA_B } as never });
    expect(currentComparison(store.getState())).toBeNull();
    expect(linkStateOf(store.getState()).compareFile).toBeUndefined();
    store.getState().setCompareState({ status: 'done', result: { secondHash: SHA_B } as never, resultKey: compareRequestKey(store.getState())! });
    expect(linkStateOf(store.getState()).compareFile).toEqual({ side: 'row', second: { file: 'b.npy', size: 1000, entry: 'B', slice: [], sha256: SHA_B } });
  });

  it('a workspace link without data (the header\'s switch) keeps what a link waits for', () => {
    const store = createAppStore();
    applyHash(store, `#m=1,0;0,1&cmp=row,file&bfile=b.npy&bentry=B&bsha256=${SHA_B}`);
    expect(store.getState().file.waiting?.compareFile).toBeDefined();
    applyHash(store, '#w=attention');
    applyHash(store, '#w=svd');
    expect(store.getState().file.waiting?.compareFile).toBeDefined();
    // Another matrix is other work: the wait and its notice go.
    applyHash(store, '#m=2,0;0,2');
    expect(store.getState().file.waiting).toBeNull();
    expect(store.getState().notices.some((n) => /needs your file/.test(n.title))).toBe(false);
  });
});
