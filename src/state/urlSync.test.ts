/**
 * The link <-> store mirror with a fake location and history: links open the right state, edits
 * write the hash back, and a bad link keeps the work and says why.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './store';
import { applyHash, linkStateOf, startUrlSync } from './urlSync';

function fakeWindow(hash: string) {
  const target = new EventTarget() as unknown as Window;
  const location = { hash } as Location;
  const history = {
    state: null,
    replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
      location.hash = url;
    }),
  } as unknown as History;
  return { target, location, history };
}

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
      view: { rank: 5, view: 'cloud', of: 'rows', step: 3 },
    });
  });

  it.each([
    ['#m=1,2;3', /Row 2/],
    ['#p=random&size=99999x99999', /rows must be a whole number from 1 to 4096/],
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

  it('writes edits back to the hash, throttled, without adding history entries', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { target, location, history } = fakeWindow('#m=3,0;4,5');
    const stop = startUrlSync(store, location, history, target);
    store.getState().setCell(0, 1, '1');
    store.getState().setRank(1);
    vi.advanceTimersByTime(200);
    expect(location.hash).toBe('#m=3,1;4,5&r=1');
    expect(history.replaceState).toHaveBeenCalledTimes(1);
    stop();
  });

  it('describes a generated preset by its parameters, not its entries', () => {
    const store = createAppStore();
    store.getState().loadMatrix(
      { rows: 20, cols: 10, data: new Float64Array(200) },
      { kind: 'preset', title: 'Random', preset: { id: 'random', params: { size: '20x10', spectrum: 'geometric', decay: 0.01, seed: 3 } } },
    );
    expect(linkStateOf(store.getState())).toEqual({ preset: { id: 'random', params: { size: '20x10', spectrum: 'geometric', decay: '0.01', seed: '3' } } });
  });

  it('has no link for a big typed matrix', () => {
    const store = createAppStore();
    store.getState().loadMatrix({ rows: 13, cols: 13, data: new Float64Array(169) });
    expect(linkStateOf(store.getState())).toBeNull();
  });
});
