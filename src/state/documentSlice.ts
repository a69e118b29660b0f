/**
 * The document: the matrix the person is working on. `cells` holds what was typed (which may be
 * invalid); `matrix` is always the last valid matrix, the one every computation uses.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface DenseMatrix {
  rows: number;
  cols: number;
  /** Row-major entries. */
  data: number[];
}

export const EDITOR_SIZES = [2, 3] as const;
export type EditorSize = (typeof EDITOR_SIZES)[number];

export interface DocumentSlice {
  matrix: DenseMatrix;
  cells: string[][];
  /** Messages for invalid cells, keyed `row,col`. */
  cellErrors: Record<string, string>;
  /** Increases on every change of `matrix`, so results can be matched to their input. */
  revision: number;
  setCell(row: number, col: number, text: string): void;
  setEditorSize(size: EditorSize): void;
  loadMatrix(matrix: DenseMatrix): void;
}

export const DEFAULT_MATRIX: DenseMatrix = { rows: 2, cols: 2, data: [3, 0, 4, 5] };

/** Writes a number the way a person would type it, exactly (shortest round-trip form). */
export function formatEntry(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

function cellsOf(matrix: DenseMatrix): string[][] {
  return Array.from({ length: matrix.rows }, (_, i) =>
    Array.from({ length: matrix.cols }, (_, j) => formatEntry(matrix.data[i * matrix.cols + j])),
  );
}

/** Parses one typed entry; returns a message when it is not a finite number. */
export function parseEntry(text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Enter a number.' };
  // Number() accepts '0x10', '1e3' and ' 2 '; reject the forms a person would not mean as a matrix entry.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { error: `"${trimmed}" is not a number.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: `${trimmed} is too large (the limit is about 1.8e308).` };
  return { value };
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  matrix: DEFAULT_MATRIX,
  cells: cellsOf(DEFAULT_MATRIX),
  cellErrors: {},
  revision: 0,
  setCell(row, col, text) {
    const { cells, cellErrors, matrix, revision } = get();
    const nextCells = cells.map((line, i) => (i === row ? line.map((cell, j) => (j === col ? text : cell)) : line));
    const key = `${row},${col}`;
    const parsed = parseEntry(text);
    const nextErrors = { ...cellErrors };
    if ('error' in parsed) {
      nextErrors[key] = parsed.error;
      set({ cells: nextCells, cellErrors: nextErrors });
      return;
    }
    delete nextErrors[key];
    const data = matrix.data.slice();
    data[row * matrix.cols + col] = parsed.value;
    if (Object.is(data[row * matrix.cols + col], matrix.data[row * matrix.cols + col])) {
      set({ cells: nextCells, cellErrors: nextErrors });
      return;
    }
    set({ cells: nextCells, cellErrors: nextErrors, matrix: { ...matrix, data }, revision: revision + 1 });
  },
  setEditorSize(size) {
    const { matrix } = get();
    if (matrix.rows === size && matrix.cols === size) return;
    // Keep the overlapping top-left block and fill the rest from the identity, so 2x2 -> 3x3 -> 2x2
    // returns to the same matrix and the new dimension starts as "leave this axis alone".
    const data = Array.from({ length: size * size }, (_, k) => {
      const i = Math.floor(k / size);
      const j = k % size;
      return i < matrix.rows && j < matrix.cols ? matrix.data[i * matrix.cols + j] : i === j ? 1 : 0;
    });
    get().loadMatrix({ rows: size, cols: size, data });
  },
  loadMatrix(next) {
    set({ matrix: next, cells: cellsOf(next), cellErrors: {}, revision: get().revision + 1 });
  },
});
