/**
 * The link <-> store mirror with a fake location and history: links open the right state, edits
 * write the hash back, and a bad link keeps the work and says why.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './store';
import { startSynced } from './urlSync.testkit';
import { applyHash, applyLink, hashFor, linkStateOf } from './urlSync';
import { effectiveRank } from './selectors';

afterEach(() => vi.useRealTimers());

describe('url sync', () => {
  it('opens the matrix, rank and view of a link', () => {
    const store = createAppStore();
    expect(applyHash(store, '#m=1,2,0;0,1,0;0,0,3&r=2&view=heatmaps')).toBe(true);
    const state = store.getState();
    expect(Array.from(state.matrix.data)).toEqual([1, 2, 0, 0, 1, 0, 0, 0, 3]);
    expect(state.rank).toBe(2);
    expect(state.viewMode).toBe('heatmaps');
  });

  it('asks the worker for a random preset and applies the view when it arrives', () => {
    const store = createAppStore();
    applyHash(store, '#p=random&size=300x200&spectrum=power&decay=1&seed=7&r=5&view=cloud');
    const request = store.getState().generation.request;
    expect(request).toEqual({
      kind: 'random',
      params: { rows: 300, cols: 200, shape: 'power', decay: 1, seed: 7 },
      view: { rank: 5, view: 'cloud', of: 'rows', step: 3, camera: null },
    });
  });

  it.each([
    ['#m=1,2;3', /Row 2/],
    ['#p=random&size=999999x2', /rows must be a whole number from 1 to 100000/],
    ['#p=nonsense', /no preset called "nonsense"/],
  ])('keeps the work and explains %s', (hash, message) => {
    const store = createAppStore();
    const before = store.getState().matrix;
    expect(applyHash(store, hash)).toBe(false);
    expect(store.getState().matrix).toBe(before);
    const notice = store.getState().notices.at(-1);
    expect(notice?.title).toMatch(/could not be opened/);
    expect(notice?.details.join(' ')).toMatch(message);
  });

  it('writes edits back to the hash, throttled, without adding history entries', async () => {
    const { store, location, history, stop } = await startSynced('#m=3,0;4,5');
    store.getState().setCell(0, 1, '1');
    store.getState().setRank(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(location.hash).toBe('#m=3,1;4,5&r=1');
    expect(history.replaceState).toHaveBeenCalledTimes(1);
    expect(history.pushState).not.toHaveBeenCalled();
    stop();
  });

  it('lets a link typed into the address win over a write of the old state still pending', async () => {
    const { store, target, location, stop } = await startSynced('#m=3,0;4,5');
    store.getState().setRank(1); // schedules a write of "#m=3,0;4,5&r=1"
    // The person opens another link; the browser changes the address at once and fires
    // 'hashchange' a moment later, after the pending write had its turn.
    location.hash = '#m=1,2,3;4,5,6';
    await vi.advanceTimersByTimeAsync(200);
    expect(location.hash).toBe('#m=1,2,3;4,5,6');
    target.dispatchEvent(new Event('hashchange'));
    await vi.advanceTimersByTimeAsync(200);
    expect([store.getState().matrix.rows, store.getState().matrix.cols]).toEqual([2, 3]);
    // Later edits are written again.
    store.getState().setRank(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(location.hash).toBe('#m=1,2,3;4,5,6&r=1');
    stop();
  });

  it('does not write the old matrix over a link whose settings apply before its data', async () => {
    const { store, target, location, history, stop } = await startSynced('#m=3,0;4,5');
    // A generated preset: the SVD method applies at once, the matrix only once the worker made it.
    const link = '#p=random&size=300x200&spectrum=power&decay=1&seed=7&svd=rand,5,10,2,1';
    location.hash = link;
    target.dispatchEvent(new Event('hashchange'));
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().svd.method).toMatchObject({ kind: 'randomized', k: 5 });
    expect(location.hash).toBe(link);
    expect(history.replaceState).not.toHaveBeenCalled();
    expect(history.pushState).not.toHaveBeenCalled();
    stop();
  });

  it('gives a new matrix or view its own history entry, so Back returns to the previous one', async () => {
    const { store, location, history, stop } = await startSynced('#m=3,0;4,5');
    store.getState().loadPreset('shear');
    await vi.advanceTimersByTimeAsync(200);
    expect(history.pushState).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#m=1,1;0,1');
    stop();
  });

  it('writes a matrix too big for the human form as a compact link that reads back exactly', async () => {
    const store = createAppStore();
    const data = Float64Array.from({ length: 20 * 15 }, (_, k) => Math.sin(k) * 10 ** ((k % 7) - 3));
    store.getState().loadMatrix({ rows: 20, cols: 15, data }, { kind: 'paste', title: 'Pasted 20 × 15 matrix' });
    store.getState().setRank(4);
    const hash = await hashFor(store.getState());
    expect(hash.startsWith('#v1.')).toBe(true);
    expect(store.getState().linkInfo).toMatchObject({ form: 'compact', maxError: 0 });
    const other = createAppStore();
    expect(await applyLink(other, hash)).toBe(true);
    expect(other.getState().matrix.data).toEqual(data);
    expect(other.getState().rank).toBe(4);
    expect(other.getState().source.title).toBe('Pasted 20 × 15 matrix');
  });

  it('says when a matrix is too big for any link', async () => {
    const store = createAppStore();
    store.getState().loadMatrix({ rows: 100, cols: 100, data: new Float64Array(10_000).fill(1.5) });
    expect(await hashFor(store.getState())).toBe('');
    expect(store.getState().linkInfo.form).toBe('none');
  });

  it('describes a generated preset by its parameters, not its entries', () => {
    const store = createAppStore();
    store.getState().loadMatrix(
      { rows: 20, cols: 10, data: new Float64Array(200) },
      { kind: 'preset', title: 'Random', preset: { id: 'random', params: { size: '20x10', spectrum: 'geometric', decay: 0.01, seed: 3 } } },
    );
    expect(linkStateOf(store.getState())).toEqual({ preset: { id: 'random', params: { size: '20x10', spectrum: 'geometric', decay: '0.01', seed: '3' } } });
  });

  it('carries the randomized SVD method, sets it before the matrix loads, and clamps the rank to k', () => {
    const store = createAppStore();
    const method = { kind: 'randomized' as const, k: 12, oversample: 10, powerIterations: 2, seed: 4 };
    store.getState().setSvdMethod(method);
    expect(linkStateOf(store.getState()).method).toEqual(method);
    const other = createAppStore();
    const seen: string[] = [];
    other.subscribe((state, previous) => {
      if (state.svd.method !== previous.svd.method) seen.push(`method ${state.revision}`);
      if (state.revision !== previous.revision) seen.push(`matrix ${state.revision}`);
    });
    applyHash(other, '#p=random&size=300x200&seed=1&svd=rand,12,10,2,4&r=40');
    expect(other.getState().svd.method).toEqual(method);
    expect(seen[0]).toMatch(/^method/);
    other.getState().loadMatrix({ rows: 300, cols: 200, data: new Float64Array(60_000).fill(1) }, { kind: 'typed', title: 'A' });
    other.getState().setRank(40);
    expect(effectiveRank(other.getState())).toBe(12);
    // Under 10,000 entries the exact SVD runs whatever the method: all ranks are available.
    other.getState().loadMatrix({ rows: 30, cols: 20, data: new Float64Array(600).fill(1) }, { kind: 'typed', title: 'A' });
    expect(effectiveRank(other.getState())).toBe(20);
    // A link that is refused leaves the method as it was.
    applyHash(other, '#p=random&size=99999999x5&svd=rand,3,10,2,1');
    expect(other.getState().svd.method).toEqual(method);
    applyHash(other, '#m=1,2;3,4');
    expect(other.getState().svd.method).toEqual({ kind: 'exact' });
  });

  it('carries the cloud axes and the subspaces switch, and restores them', () => {
    const store = createAppStore();
    applyHash(store, '#m=1,2,3,4;5,6,7,9;1,0,0,1;2,2,1,0&view=cloud');
    expect(linkStateOf(store.getState()).axes).toBeUndefined();
    store.getState().setCloudAxis(1, 3);
    store.getState().setShowSubspaces(false);
    const link = linkStateOf(store.getState());
    expect(link).toMatchObject({ axes: [0, 3, 2], subspaces: false });
    const other = createAppStore();
    applyHash(other, `#m=1,2,3,4;5,6,7,9;1,0,0,1;2,2,1,0&view=cloud&axes=1,4,3&sub=0`);
    expect(other.getState().cloudAxes).toEqual([0, 3, 2]);
    expect(other.getState().showSubspaces).toBe(false);
    applyHash(other, '#m=1,2;3,4');
    expect(other.getState().cloudAxes).toEqual([0, 1, 2]);
    expect(other.getState().showSubspaces).toBe(true);
  });

});
