import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { parseEntry } from './documentSlice';
import { LAST_STEP } from './viewSlice';
import { describeMap } from './selectors';

describe('document slice', () => {
  it('updates the matrix from a valid cell and bumps the revision', () => {
    const store = createAppStore();
    store.getState().setCell(0, 1, '2.5');
    expect(Array.from(store.getState().matrix.data)).toEqual([3, 2.5, 4, 5]);
    expect(store.getState().revision).toBe(1);
  });

  it('keeps the last valid matrix when a cell is invalid, and says why', () => {
    const store = createAppStore();
    store.getState().setCell(1, 0, '4x');
    const state = store.getState();
    expect(Array.from(state.matrix.data)).toEqual([3, 0, 4, 5]);
    expect(state.revision).toBe(0);
    expect(state.cells?.[1][0]).toBe('4x');
    expect(state.cellErrors['1,0']).toMatch(/"4x" is not a number/);
    store.getState().setCell(1, 0, '6');
    expect(store.getState().cellErrors).toEqual({});
    expect(Array.from(store.getState().matrix.data)).toEqual([3, 0, 6, 5]);
  });

  it('does not recompute when a cell is retyped to the same value', () => {
    const store = createAppStore();
    store.getState().setCell(0, 0, '3.0');
    expect(store.getState().revision).toBe(0);
  });

  it('grows 2x2 to 3x3 with the identity and shrinks back to the same matrix', () => {
    const store = createAppStore();
    store.getState().resize(3, 3);
    expect(store.getState().matrix).toEqual({ rows: 3, cols: 3, data: Float64Array.from([3, 0, 0, 4, 5, 0, 0, 0, 1]) });
    store.getState().resize(2, 2);
    expect(store.getState().matrix).toEqual({ rows: 2, cols: 2, data: Float64Array.from([3, 0, 4, 5]) });
  });

  it('resizes to rectangular shapes and drops the cell grid above 12 x 12', () => {
    const store = createAppStore();
    store.getState().resize(2, 3);
    expect(store.getState().cells).toEqual([['3', '0', '0'], ['4', '5', '0']]);
    store.getState().loadMatrix({ rows: 13, cols: 2, data: new Float64Array(26) });
    expect(store.getState().cells).toBeNull();
  });

  it.each([
    ['', /Enter a number/],
    ['abc', /not a number/],
    ['0x10', /not a number/],
    ['1e400', /too large/],
    ['Infinity', /not a number/],
  ])('rejects %j', (text, message) => {
    const parsed = parseEntry(text);
    expect('error' in parsed && parsed.error).toMatch(message);
  });

  it.each([['-2.5', -2.5], ['1e-3', 0.001], ['.5', 0.5], [' 7 ', 7]])('accepts %j', (text, value) => {
    expect(parseEntry(text)).toEqual({ value });
  });
});

describe('undo and redo', () => {
  it('undoes a typed number in one step, then a preset, and redoes them', () => {
    const store = createAppStore();
    store.getState().setCell(0, 0, '1');
    store.getState().setCell(0, 0, '12'); // the same cell, moments later: one step
    store.getState().loadPreset('shear');
    expect(Array.from(store.getState().matrix.data)).toEqual([1, 1, 0, 1]);
    store.getState().undo();
    expect(Array.from(store.getState().matrix.data)).toEqual([12, 0, 4, 5]);
    store.getState().undo();
    expect(Array.from(store.getState().matrix.data)).toEqual([3, 0, 4, 5]);
    expect(store.getState().past).toHaveLength(0);
    store.getState().undo(); // nothing left: no change
    expect(Array.from(store.getState().matrix.data)).toEqual([3, 0, 4, 5]);
    store.getState().redo();
    store.getState().redo();
    expect(Array.from(store.getState().matrix.data)).toEqual([1, 1, 0, 1]);
    expect(store.getState().source.title).toBe('Shear');
  });

  it('forgets the redo branch after a new change, and keeps the cells in step', () => {
    const store = createAppStore();
    store.getState().loadPreset('rotation');
    store.getState().undo();
    store.getState().setCell(1, 1, '7');
    expect(store.getState().future).toHaveLength(0);
    expect(store.getState().cells?.[1][1]).toBe('7');
  });

  it('bounds the history of big matrices', () => {
    const store = createAppStore();
    for (let i = 0; i < 5; i++) store.getState().loadMatrix({ rows: 2000, cols: 1000, data: new Float64Array(2_000_000) });
    const entries = store.getState().past.reduce((sum, snapshot) => sum + snapshot.matrix.data.length, 0);
    expect(entries).toBeLessThanOrEqual(8_000_000);
    expect(store.getState().past.length).toBeLessThan(5);
  });
});

describe('view slice', () => {
  it('steps by whole stages and clamps at the ends', () => {
    const store = createAppStore();
    store.getState().setStep(1.4);
    store.getState().stepBy(1);
    expect(store.getState().step).toBe(2);
    store.getState().stepBy(-1);
    store.getState().stepBy(-1);
    store.getState().stepBy(-1);
    expect(store.getState().step).toBe(0);
    store.getState().setStep(99);
    expect(store.getState().step).toBe(LAST_STEP);
  });

  it('starts over when play is pressed at the end', () => {
    const store = createAppStore();
    store.getState().play();
    expect(store.getState()).toMatchObject({ playing: true, step: 0 });
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
  });
});

describe('scene description', () => {
  const base = { rows: 2, cols: 2, p: 2, complete: true, method: { kind: 'exact' as const }, frobeniusSquared: 0, errorBound: null, u: new Float64Array(4), v: new Float64Array(4), rowEnergy: new Float64Array(2), colEnergy: new Float64Array(2), pooled: { rows: 2, cols: 2, original: new Float64Array(4), u: new Float64Array(4), v: new Float64Array(4) }, elapsedMs: 0 };
  const map = (reflection: boolean) => ({ n: 2 as const, u: new Float64Array(4), s: new Float64Array(2), v: new Float64Array(4), reflection });
  it('names size, singular values and orientation', () => {
    const text = describeMap({ ...base, s: new Float64Array([6.708203932499369, 2.23606797749979]), map: map(false) });
    expect(text).toMatch(/2 by 2 matrix of rank 2 maps the unit circle to an ellipse/);
    expect(text).toMatch(/sigma 1 = 6\.70820, sigma 2 = 2\.23607/);
    expect(text).toMatch(/keeps orientation/);
  });
  it('mentions collapse and reflection', () => {
    const text = describeMap({ ...base, s: new Float64Array([2, 0]), map: map(true) });
    expect(text).toMatch(/rank 1 maps the unit circle to a line segment/);
    expect(text).toMatch(/reverses orientation/);
  });
  it('describes a truncation that flattens the image', () => {
    const text = describeMap({ ...base, s: new Float64Array([3, 1]), map: map(false) }, 1);
    expect(text).toMatch(/Truncated to rank 1, A_1 flattens it further, to a line segment/);
  });
});
