/**
 * The document: the matrix the person is working on and where it came from. For small matrices
 * `cells` holds what was typed (which may be invalid); `matrix` is always the last valid matrix,
 * the one every computation uses.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface DocMatrix {
  rows: number;
  cols: number;
  /** Row-major entries, all finite. */
  data: Float64Array;
}

/** Where the matrix came from, for titles, labels and links. */
export interface MatrixSource {
  kind: 'typed' | 'link' | 'preset' | 'paste' | 'file';
  title: string;
  /** One line saying what it is. */
  description?: string;
  /** A label per row (words of an embedding); the row index is used otherwise. */
  rowLabels?: string[];
  /** For presets: the parameters that regenerate it (they go into links). */
  preset?: { id: string; params: Record<string, string | number> };
  /** For arrays of files: where the data lives, for links that refer to it rather than carry it. */
  ref?: DataRef;
  /** The key under which the worker keeps this matrix, so the SVD job need not receive it again. */
  heldKey?: string;
}

/** A reference to an array of a file: a URL, or a local file by name and size, plus the data's hash. */
export interface DataRef {
  url?: string;
  fileName: string;
  fileSize: number | null;
  entry: string;
  slice: number[];
  /** An unfolding or reshape of the whole array instead of a slice. */
  asMatrix?: import('../worker/fileJobs').AsMatrix;
  /** Its NaN entries (missing values) were read as 0. */
  missingAsZero?: boolean;
  /** SHA-256 of the matrix as float64 little-endian, row-major. */
  sha256: string;
}

/** The largest matrix edited cell by cell; bigger ones are shown as a heatmap. */
export const GRID_MAX = 12;
export const EDITOR_SIZES = [2, 3] as const;
export type EditorSize = (typeof EDITOR_SIZES)[number];

export interface DocumentSlice {
  matrix: DocMatrix;
  source: MatrixSource;
  /** Typed text of each cell, or null when the matrix is too big to edit by cell. */
  cells: string[][] | null;
  /** Messages for invalid cells, keyed `row,col`. */
  cellErrors: Record<string, string>;
  /** Increases on every change of `matrix`, so results can be matched to their input. */
  revision: number;
  /** Earlier documents (most recent last) and undone ones (most recent last), for undo and redo. */
  past: DocSnapshot[];
  future: DocSnapshot[];
  setCell(row: number, col: number, text: string): void;
  /** Resizes a small matrix, keeping the overlapping block and filling the rest from the identity. */
  resize(rows: number, cols: number): void;
  loadMatrix(matrix: DocMatrix, source?: MatrixSource): void;
  undo(): void;
  redo(): void;
}

export interface DocSnapshot {
  matrix: DocMatrix;
  source: MatrixSource;
}

/** Undo keeps at most this many entries in all (8 million: 64 MB of float64). */
const HISTORY_ENTRY_BUDGET = 8_000_000;
/** Keystrokes in one cell within this time are one step of undo. */
const COALESCE_MS = 1500;
let lastEdit = { key: '', at: 0 };

/** Drops the oldest snapshots until the history fits its budget. */
function trimmed(snapshots: DocSnapshot[]): DocSnapshot[] {
  let total = 0;
  let keepFrom = snapshots.length;
  while (keepFrom > 0 && total + snapshots[keepFrom - 1].matrix.data.length <= HISTORY_ENTRY_BUDGET && snapshots.length - keepFrom < 100) {
    keepFrom--;
    total += snapshots[keepFrom].matrix.data.length;
  }
  return snapshots.slice(keepFrom);
}

export const DEFAULT_MATRIX: DocMatrix = { rows: 2, cols: 2, data: Float64Array.from([3, 0, 4, 5]) };
const TYPED: MatrixSource = { kind: 'typed', title: 'Typed matrix' };

/** Writes a number the way a person would type it, exactly (shortest round-trip form). */
export function formatEntry(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

function cellsOf(matrix: DocMatrix): string[][] | null {
  if (matrix.rows > GRID_MAX || matrix.cols > GRID_MAX) return null;
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

/** Moves one step back (undo) or forward (redo) through the history. */
function travel(get: () => AppState, set: (patch: Partial<AppState>) => void, direction: 'back' | 'forward'): void {
  const { past, future, matrix, source, revision } = get();
  const [from, to] = direction === 'back' ? [past, future] : [future, past];
  const target = from.at(-1);
  if (!target) return;
  lastEdit = { key: '', at: 0 };
  const rest = from.slice(0, -1);
  const pushed = trimmed([...to, { matrix, source }]);
  set({
    ...target,
    cells: cellsOf(target.matrix),
    cellErrors: {},
    revision: revision + 1,
    ...(direction === 'back' ? { past: rest, future: pushed } : { past: pushed, future: rest }),
  });
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  matrix: DEFAULT_MATRIX,
  source: TYPED,
  cells: cellsOf(DEFAULT_MATRIX),
  cellErrors: {},
  revision: 0,
  past: [],
  future: [],
  setCell(row, col, text) {
    const { cells, cellErrors, matrix, revision, source } = get();
    if (!cells) return;
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
    const index = row * matrix.cols + col;
    if (Object.is(parsed.value, matrix.data[index])) {
      set({ cells: nextCells, cellErrors: nextErrors });
      return;
    }
    const data = matrix.data.slice();
    data[index] = parsed.value;
    // An edited preset is the person's own matrix now.
    const nextSource = source.kind === 'typed' ? source : TYPED;
    // Typing a number is one step of undo, not one per keystroke.
    const now = Date.now();
    const coalesce = lastEdit.key === key && now - lastEdit.at < COALESCE_MS;
    lastEdit = { key, at: now };
    const past = coalesce ? get().past : trimmed([...get().past, { matrix, source }]);
    set({ cells: nextCells, cellErrors: nextErrors, matrix: { ...matrix, data }, source: nextSource, revision: revision + 1, past, future: [] });
  },
  resize(rows, cols) {
    const { matrix } = get();
    if (matrix.rows === rows && matrix.cols === cols) return;
    // Keep the overlapping top-left block and fill the rest from the identity, so 2x2 -> 3x3 -> 2x2
    // returns to the same matrix and a new dimension starts as "leave this axis alone".
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        data[i * cols + j] = i < matrix.rows && j < matrix.cols ? matrix.data[i * matrix.cols + j] : i === j ? 1 : 0;
      }
    }
    get().loadMatrix({ rows, cols, data }, TYPED);
  },
  loadMatrix(next, source = TYPED) {
    const { matrix, source: previous } = get();
    lastEdit = { key: '', at: 0 };
    set({
      matrix: next,
      source,
      cells: cellsOf(next),
      cellErrors: {},
      revision: get().revision + 1,
      past: trimmed([...get().past, { matrix, source: previous }]),
      future: [],
    });
  },
  undo() {
    travel(get, set, 'back');
  },
  redo() {
    travel(get, set, 'forward');
  },
});
