/**
 * The tensor workspace: which tensor (a generated one, an array of a file, a row of an embedding
 * table, or a whole table compressed row by row), its shape, the TT truncation (ε and a rank cap
 * per bond), the CP rank, and the worker's answers.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import type { JobStatus } from './svdSlice';
import type { TensorJobOutput } from '../worker/tensorJob';
import type { TtRowsJobOutput } from '../worker/ttRowsJob';
import type { TensorPresetId } from '../worker/tensorPresets';
import type { LinkRef } from '../permalink/humanForm';

export type { TensorJobOutput, TtRowsJobOutput, TensorPresetId };

export type TableKind = 'gaussian' | 'embeddings';

export type TensorSourceSettings =
  | { kind: 'preset'; preset: TensorPresetId; seed: number }
  | { kind: 'table'; table: TableKind; seed: number }
  | { kind: 'file'; ref: { fileId: number; entry: string; sha256?: string }; shape: number[] };

export type TensorShown = 'tt' | 'tucker' | 'cp';

export interface TensorSettings {
  source: TensorSourceSettings;
  /** 'rows': the table compressed row by row (TensorGPT); 'tensor': one tensor. */
  mode: 'tensor' | 'rows';
  /** The table's row shown as a tensor (mode 'tensor', table sources). */
  row: number;
  /** The reshape; null keeps the tensor's own shape (a table row: a default factorization). */
  shape: number[] | null;
  /** Relative accuracy; 0: exact up to rounding. */
  eps: number;
  /** A cap per bond, or null for none. */
  maxRank: number[] | null;
  cpRank: number;
  show: TensorShown;
  /** The 3-way tensor's slice shown (0-based) and the bond whose geometry is drawn (from 1). */
  sliceIndex: number;
  bond: number;
  /** Words whose neighbours are compared before and after compression. */
  words: string[];
}

export interface TensorSlice {
  tensor: {
    settings: TensorSettings;
    status: JobStatus;
    result: TensorJobOutput | null;
    error: string | null;
    /** The error is the estimate over the time budget: the page offers to decompose anyway. */
    overBudget: boolean;
    /** The settings the person said to decompose anyway, whatever the estimate. */
    confirmed: TensorSettings | null;
    rows: { status: JobStatus | 'cancelled'; result: TtRowsJobOutput | null; error: string | null; progress: { fraction: number; stage: string } | null; startedAt: number | null };
    /** A link's tensor file, until that file is open. */
    waitingFile: LinkRef | null;
    /** An export the page asked for (the effect runs it and downloads the file), and its failure. */
    exportRequest: { what: 'tensor' | 'rows'; format: 'npz' | 'safetensors' } | null;
    exportError: string | null;
  };
  setTensorSettings(patch: Partial<TensorSettings>): void;
  setTensorState(patch: Partial<Omit<TensorSlice['tensor'], 'settings' | 'rows'>>): void;
  /** Decomposes the current tensor although its estimate is over the time budget. */
  decomposeAnyway(): void;
  exportTensorTrain(what: 'tensor' | 'rows', format: 'npz' | 'safetensors'): void;
  setTensorRows(patch: Partial<TensorSlice['tensor']['rows']>): void;
  /** Asks for the table's compression now (big tables wait for this), or cancels it. */
  compressRows(): void;
  cancelRows(): void;
}

/** Tables up to this many rows are compressed as soon as a setting changes; bigger ones on request. */
export const AUTO_ROWS = 8192;
/** The GloVe words (and a Gaussian stand-in) are 100 wide: 4 × 5 × 5 keeps three modes. */
export const DEFAULT_WORDS = ['king', 'paris', 'water', 'music', 'good'];

export const DEFAULT_TENSOR: TensorSettings = {
  source: { kind: 'preset', preset: 'sine', seed: 1 },
  mode: 'tensor',
  row: 0,
  shape: null,
  eps: 0,
  maxRank: null,
  cpRank: 2,
  show: 'tt',
  sliceIndex: 0,
  bond: 1,
  words: DEFAULT_WORDS,
};

export const createTensorSlice: StateCreator<AppState, [], [], TensorSlice> = (set, get) => ({
  tensor: {
    settings: DEFAULT_TENSOR,
    status: 'idle',
    result: null,
    error: null,
    rows: { status: 'idle', result: null, error: null, progress: null, startedAt: null },
    waitingFile: null,
    exportRequest: null,
    exportError: null,
    overBudget: false,
    confirmed: null,
  },
  decomposeAnyway() {
    get().setTensorState({ confirmed: get().tensor.settings });
  },
  setTensorSettings(patch) {
    const { tensor } = get();
    set({ tensor: { ...tensor, settings: { ...tensor.settings, ...patch } } });
  },
  setTensorState(patch) {
    set({ tensor: { ...get().tensor, ...patch } });
  },
  exportTensorTrain(what, format) {
    get().setTensorState({ exportRequest: { what, format }, exportError: null });
  },
  setTensorRows(patch) {
    const { tensor } = get();
    set({ tensor: { ...tensor, rows: { ...tensor.rows, ...patch } } });
  },
  compressRows() {
    get().setTensorRows({ status: 'running', error: null, progress: { fraction: 0, stage: 'starting' }, startedAt: Date.now() });
  },
  cancelRows() {
    if (get().tensor.rows.status === 'running') get().setTensorRows({ status: 'cancelled', progress: null, startedAt: null });
  },
});
