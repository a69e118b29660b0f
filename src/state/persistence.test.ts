/**
 * Saved work per workspace, over an in-memory storage: each workspace is saved under its own key and
 * comes back; damaged work is ignored; work saved before workspaces (one record) is still read; a
 * link's choices win over saved work.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './store';
import { restoreWork, startPersistence, workspaceKey, type WorkStorage } from './persistence';
import { applyHash } from './urlSync';

function memoryStorage(initial: Record<string, unknown> = {}): WorkStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: async (key) => data.get(key), put: async (key, value) => void data.set(key, value) };
}

const matrixWork = (data: number[]) => ({
  matrix: { rows: 2, cols: 2, data: Float64Array.from(data) },
  source: { kind: 'typed', title: 'Typed matrix' },
  view: { rank: 1, view: 'cloud', of: 'rows', step: 3 },
});

afterEach(() => vi.useRealTimers());

describe('saved work', () => {
  it('saves each workspace under its own key, a moment after a change', async () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const storage = memoryStorage();
    const stop = startPersistence(store, storage, false);
    applyHash(store, '#m=1,2;3,4&r=1');
    store.getState().setAttentionSettings({ headSize: 8 });
    await vi.advanceTimersByTimeAsync(500);
    const svd = storage.data.get(workspaceKey('svd')) as { matrix: { data: Float64Array }; view: { rank: number } };
    expect(Array.from(svd.matrix.data)).toEqual([1, 2, 3, 4]);
    expect(svd.view.rank).toBe(1);
    expect(storage.data.get(workspaceKey('attention'))).toEqual({ dModel: 96, seed: 1, headSize: 8, head: 0, layout: 'x-times-w' });
    stop();
  });

  it('a matrix too big to save replaces the one saved before by a note (a reload starts fresh), and the attention head is still saved', async () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const storage = memoryStorage({ [workspaceKey('svd')]: matrixWork([5, 0, 0, 5]) });
    const stop = startPersistence(store, storage, false);
    store.getState().loadMatrix({ rows: 3000, cols: 3000, data: new Float64Array(9_000_000) }, { kind: 'paste', title: 'Big' });
    store.getState().setAttentionSettings({ seed: 4 });
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.data.get(workspaceKey('svd'))).toEqual({ tooBig: { rows: 3000, cols: 3000 } });
    expect(storage.data.get(workspaceKey('attention'))).toMatchObject({ seed: 4 });
    stop();
    const reloaded = createAppStore();
    const before = reloaded.getState().matrix;
    expect(await restoreWork(reloaded, storage)).toEqual(['attention']);
    expect(reloaded.getState().matrix).toBe(before);
    expect(reloaded.getState().notices).toEqual([]);
  });

  it('brings back each workspace and says which, for the start page', async () => {
    const store = createAppStore();
    const storage = memoryStorage({ [workspaceKey('svd')]: matrixWork([2, 1, 1, 3]), [workspaceKey('attention')]: { dModel: 48, seed: 2, headSize: 6, head: 1, layout: 'w-times-x' } });
    expect(await restoreWork(store, storage)).toEqual(['svd', 'attention']);
    const state = store.getState();
    expect(Array.from(state.matrix.data)).toEqual([2, 1, 1, 3]);
    expect(state.viewMode).toBe('cloud');
    expect(state.attention.settings).toMatchObject({ source: 'synthetic', dModel: 48, headSize: 6, layout: 'w-times-x' });
    expect(state.restored).toEqual(['svd', 'attention']);
  });

  it('ignores damaged work: NaN entries, a wrong length, an unknown view, a head out of bounds', async () => {
    for (const damaged of [
      { ...matrixWork([1, 2, 3, 4]), matrix: { rows: 2, cols: 2, data: Float64Array.from([1, NaN, 3, 4]) } },
      { ...matrixWork([1, 2, 3, 4]), matrix: { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4]) } },
      { ...matrixWork([1, 2, 3, 4]), view: { rank: 1, view: 'hologram', of: 'rows', step: 3 } },
      // A preset without its parameters would throw wherever its link is written.
      { ...matrixWork([1, 2, 3, 4]), source: { kind: 'preset', title: 'Random', preset: { id: 'random' } } },
      'not an object',
    ]) {
      const store = createAppStore();
      const before = store.getState().matrix;
      expect(await restoreWork(store, memoryStorage({ [workspaceKey('svd')]: damaged, [workspaceKey('attention')]: { dModel: 1, seed: 0, headSize: 1, head: 0, layout: 'x-times-w' } }))).toEqual([]);
      expect(store.getState().matrix).toBe(before);
    }
  });

  it('reads work saved before workspaces, including its view=attention', async () => {
    const store = createAppStore();
    const legacy = { version: 1, ...matrixWork([4, 0, 0, 1]), view: { rank: null, view: 'attention', of: 'rows', step: 3 }, attention: { dModel: 32, seed: 9, headSize: 4, head: 0, layout: 'x-times-w' } };
    expect(await restoreWork(store, memoryStorage({ current: legacy }))).toEqual(['svd', 'attention']);
    expect(Array.from(store.getState().matrix.data)).toEqual([4, 0, 0, 1]);
    expect(store.getState().viewMode).toBe('map');
    expect(store.getState().attention.settings.seed).toBe(9);
  });

  it('a link wins: its head and its matrix are not replaced by saved work', async () => {
    const store = createAppStore();
    applyHash(store, '#w=attention&att=64,7,8,1,xw');
    applyHash(store, '#m=9,0;0,9');
    const storage = memoryStorage({ [workspaceKey('svd')]: matrixWork([1, 0, 0, 1]), [workspaceKey('attention')]: { dModel: 48, seed: 2, headSize: 6, head: 1, layout: 'x-times-w' } });
    expect(await restoreWork(store, storage)).toEqual([]);
    expect(store.getState().attention.settings.seed).toBe(7);
    expect(Array.from(store.getState().matrix.data)).toEqual([9, 0, 0, 9]);
  });

  it('says when saved work is damaged, and starts that workspace fresh', async () => {
    const store = createAppStore();
    const storage = memoryStorage({ [workspaceKey('svd')]: { matrix: 'garbage' }, [workspaceKey('attention')]: { dModel: 48, seed: 2, headSize: 6, head: 1, layout: 'x-times-w' } });
    expect(await restoreWork(store, storage)).toEqual(['attention']);
    expect(store.getState().notices.at(-1)?.title).toBe('The work saved in this browser for the matrix workspace could not be read; it starts fresh.');
  });

  it('says when the storage cannot be read at all', async () => {
    const store = createAppStore();
    const broken: WorkStorage = { get: () => Promise.reject(new Error('The database connection is closing.')), put: async () => undefined };
    expect(await restoreWork(store, broken)).toEqual([]);
    expect(store.getState().notices.at(-1)).toMatchObject({ title: 'The work saved in this browser could not be read; the app starts fresh.', details: ["The browser's storage answered: The database connection is closing.."] });
  });

  it('a full storage: says so once, keeps trying with the next change, and clears the message once saving works', async () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const storage = memoryStorage();
    let full = true;
    const put = storage.put;
    storage.put = async (key, value) => {
      if (full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      return put(key, value);
    };
    const stop = startPersistence(store, storage, false);
    store.getState().setAttentionSettings({ seed: 2 });
    await vi.advanceTimersByTimeAsync(500);
    store.getState().setAttentionSettings({ seed: 3 });
    await vi.advanceTimersByTimeAsync(500);
    const failures = store.getState().notices.filter((n) => n.title === 'Your work could not be saved in this browser.');
    expect(failures).toHaveLength(1);
    expect(failures[0].details[0]).toBe("The browser's storage for this page is full.");
    full = false;
    store.getState().setAttentionSettings({ seed: 4 });
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.data.get(workspaceKey('attention'))).toMatchObject({ seed: 4 });
    expect(store.getState().notices.some((n) => n.title === 'Your work could not be saved in this browser.')).toBe(false);
    stop();
  });
});
