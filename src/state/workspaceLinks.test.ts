/**
 * Workspaces and the address: each workspace writes its own link, a workspace link without data
 * keeps the matrix workspace's document, links from before workspaces open as they did, an empty
 * address is the start page, and Back/Forward (hash changes) cross workspaces.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './store';
import { startSynced } from './urlSync.testkit';
import { applyHash, currentAddress, hashCarriesNoData, hashFor } from './urlSync';
import { describeScene, sceneContent } from './selectors';
import { STATE_WORKSPACES } from './workspaces';
import { WORKSPACE_IDS } from '../ids/workspaces';

afterEach(() => vi.useRealTimers());

describe('workspaces in links', () => {
  it('every workspace id has a state registration', () => {
    for (const id of WORKSPACE_IDS) expect(STATE_WORKSPACES[id].id).toBe(id);
  });

  it('an empty address is the start page, with no link of its own', async () => {
    const { store, location, stop } = await startSynced('');
    expect(store.getState().workspace).toBeNull();
    expect(await hashFor(store.getState())).toBe('');
    expect(store.getState().linkInfo.form).toBe('none');
    expect(location.hash).toBe('');
    expect(describeScene(store.getState())).toMatch(/start page/);
    expect(sceneContent(store.getState())).toBeNull();
    stop();
  });

  it('opens the attention workspace from its link and keeps the matrix workspace\'s document', () => {
    const store = createAppStore();
    applyHash(store, '#m=3,0;4,5&r=1');
    const matrix = store.getState().matrix;
    expect(applyHash(store, '#w=attention&att=64,7,8,2,wx')).toBe(true);
    const state = store.getState();
    expect(state.workspace).toBe('attention');
    expect(state.matrix).toBe(matrix);
    expect(state.rank).toBe(1);
    expect(state.attention.settings).toMatchObject({ source: 'synthetic', dModel: 64, seed: 7, headSize: 8, head: 1, layout: 'w-times-x' });
    expect(sceneContent(state)).toBeNull();
  });

  it('writes the attention workspace as w=attention with its head, and the matrix workspace without w', async () => {
    const store = createAppStore();
    applyHash(store, '#m=3,0;4,5');
    expect(await hashFor(store.getState())).toBe('#m=3,0;4,5');
    store.getState().openWorkspace('attention');
    store.getState().setAttentionSettings({ dModel: 48, seed: 3, headSize: 12, head: 2 });
    expect(await hashFor(store.getState())).toBe('#w=attention&att=48,3,12,3,xw');
  });

  it('opens a link made before workspaces, view=attention, in the attention workspace with its matrix', () => {
    const store = createAppStore();
    expect(applyHash(store, '#m=2,0;0,1&view=attention&att=96,1,16,1,xw')).toBe(true);
    const state = store.getState();
    expect(state.workspace).toBe('attention');
    expect(Array.from(state.matrix.data)).toEqual([2, 0, 0, 1]);
    expect(state.viewMode).toBe('map');
  });

  it('refuses an unknown workspace and keeps the work', () => {
    const store = createAppStore();
    applyHash(store, '#m=3,0;4,5');
    expect(applyHash(store, '#w=lessons')).toBe(false);
    expect(store.getState().workspace).toBe('svd');
    expect(store.getState().notices.at(-1)?.details.join(' ')).toMatch(/"w=lessons" must be one of svd, weighted, tensor, attention/);
  });

  it('knows which addresses carry no data, so saved work may fill them', () => {
    expect(hashCarriesNoData('')).toBe(true);
    expect(hashCarriesNoData('#w=svd')).toBe(true);
    expect(hashCarriesNoData('#w=attention&att=96,1,16,1,xw')).toBe(true);
    expect(hashCarriesNoData('#m=1,0;0,1')).toBe(false);
    expect(hashCarriesNoData('#v1.AAAA')).toBe(false);
  });

  it('the header\'s switch (a link to #w=attention) is its own history entry, and Back and Forward cross workspaces', async () => {
    const { store, location, history, entries, go, follow, stop } = await startSynced('#m=3,0;4,5');
    follow('#w=attention');
    await vi.advanceTimersByTimeAsync(200);
    // The browser made the entry; the sync fills it with the workspace's whole link.
    expect(history.pushState).not.toHaveBeenCalled();
    expect(location.hash).toBe('#w=attention&att=96,1,16,1,xw');
    expect(entries).toEqual(['#m=3,0;4,5', '#w=attention&att=96,1,16,1,xw']);
    store.getState().setAttentionSettings({ headSize: 8 });
    await vi.advanceTimersByTimeAsync(200);
    expect(location.hash).toBe('#w=attention&att=96,1,8,1,xw');
    // Back: the matrix workspace, as it was.
    go('#m=3,0;4,5');
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().workspace).toBe('svd');
    expect(Array.from(store.getState().matrix.data)).toEqual([3, 0, 4, 5]);
    // Forward: the attention workspace keeps the head it had.
    go('#w=attention&att=96,1,8,1,xw');
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().workspace).toBe('attention');
    expect(store.getState().attention.settings.headSize).toBe(8);
    // Back to the start page.
    go('');
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().workspace).toBeNull();
    stop();
  });

  it('the switch link #w=svd opens the matrix workspace as it was and writes its full link', async () => {
    const { store, location, go, stop } = await startSynced('#w=attention');
    expect(store.getState().workspace).toBe('attention');
    go('#w=svd');
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().workspace).toBe('svd');
    expect(location.hash).toMatch(/^#m=/);
    stop();
  });

  it('a matrix too big for a link keeps the workspace in the address', async () => {
    const { store, location, stop } = await startSynced('#m=1,0;0,1');
    const rows = 200;
    store.getState().loadMatrix({ rows, cols: rows, data: Float64Array.from({ length: rows * rows }, (_, k) => Math.sin(k)) }, { kind: 'paste', title: 'Pasted' });
    await vi.advanceTimersByTimeAsync(200);
    expect(location.hash).toBe('#w=svd');
    stop();
  });
});

describe('the address on demand', () => {
  it('"Copy link" gets the state on screen even while the throttled write is pending', async () => {
    const { store, location, stop } = await startSynced('#m=3,0;4,5');
    store.getState().setRank(1);
    expect(location.hash).toBe('#m=3,0;4,5');
    await currentAddress(location);
    expect(location.hash).toBe('#m=3,0;4,5&r=1');
    stop();
  });
});

describe('arrays of more than two dimensions in links', () => {
  const sha = 'c'.repeat(64);
  it('reads and writes the unfolding and the reshape of a referenced array, counting modes from 1', async () => {
    const { decodeHumanHash, encodeHumanHash } = await import('../permalink/humanForm');
    const decoded = decodeHumanHash(`#file=video.npy&size=100&entry=video&unfold=3&sha256=${sha}`);
    expect(decoded).toEqual({ ok: true, value: { ref: { file: 'video.npy', size: 100, entry: 'video', slice: [], unfold: 2, sha256: sha } } });
    if (decoded?.ok) expect(encodeHumanHash(decoded.value)).toBe(`file=video.npy&size=100&entry=video&unfold=3&sha256=${sha}`);
    const reshaped = decodeHumanHash(`#src=https%3A%2F%2Fx.org%2Fk.npy&entry=kernel&reshape=64&sha256=${sha}`);
    expect(reshaped?.ok && reshaped.value.ref?.reshape).toBe(64);
  });

  it('refuses a reference that is both a slice and an unfolding, or a mode 0', async () => {
    const { decodeHumanHash } = await import('../permalink/humanForm');
    const both = decodeHumanHash(`#file=v.npy&entry=v&slice=1&unfold=2&sha256=${sha}`);
    expect(both?.ok).toBe(false);
    if (both && !both.ok) expect(both.problems.join(' ')).toMatch(/one of a slice, an unfolding or a reshape/);
    const zero = decodeHumanHash(`#file=v.npy&entry=v&unfold=0&sha256=${sha}`);
    expect(zero?.ok).toBe(false);
    if (zero && !zero.ok) expect(zero.problems.join(' ')).toMatch(/"unfold=0" must be a mode counted from 1/);
  });

  it('a link to an unfolding waits for its file and asks the worker for that unfolding', () => {
    const store = createAppStore();
    expect(applyHash(store, `#file=video.npy&size=100&entry=video&unfold=1&sha256=${sha}`)).toBe(true);
    expect(store.getState().file.pending).toMatchObject({ fileName: 'video.npy', entry: 'video', asMatrix: { kind: 'unfold', mode: 0 }, sha256: sha });
  });
});
