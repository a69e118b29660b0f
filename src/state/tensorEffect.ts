/**
 * The tensor workspace's jobs. One tensor: decomposed again whenever a setting changes (latest
 * wins; a slider drag is coalesced). A table compressed row by row: at once for small tables, on
 * request for big ones (GPT-2's 50257 rows take seconds), with progress and Cancel.
 */
import { JobCancelledError, type ComputeClient, type JobHandle } from '../worker/client';
import type { EmbeddingsLocation } from './sourceEffect';
import { fileStem, startExportJob, type SaveFile } from './exportEffect';
import type { TableSource, TensorSource } from '../worker/tensorSources';
import type { TensorJobInput } from '../worker/tensorJob';
import type { TtRowsJobInput, TtRowsJobOutput } from '../worker/ttRowsJob';
import { startJobEffect } from './jobEffect';
import type { AppState, AppStore } from './store';
import { AUTO_ROWS, type TensorSettings } from './tensorSlice';

/** GPT-2 small's embedding table: the Gaussian stand-in has its size. */
export const GAUSSIAN_TABLE = { rows: 50257, cols: 768 };
const GLOVE_WIDTH = 100;

/** The table a source names, or null when it is not a table (a generated tensor, an n-d array). */
export function tableOf(settings: TensorSettings, embeddings: EmbeddingsLocation): TableSource | null {
  const s = settings.source;
  if (s.kind === 'table') return s.table === 'gaussian' ? { kind: 'gaussian', ...GAUSSIAN_TABLE, seed: s.seed } : { kind: 'embeddings', urls: embeddings };
  if (s.kind === 'file' && s.shape.length === 2) return { kind: 'file', ref: { fileId: s.ref.fileId, entry: s.ref.entry, slice: [], sha256: s.ref.sha256 } };
  return null;
}

/** The width of a table source's rows, when it is known before the job runs. */
export function tableWidth(settings: TensorSettings): number | null {
  const s = settings.source;
  if (s.kind === 'table') return s.table === 'gaussian' ? GAUSSIAN_TABLE.cols : GLOVE_WIDTH;
  if (s.kind === 'file' && s.shape.length === 2) return s.shape[1];
  return null;
}

/** The table's row count, when known before the job runs. */
export function tableRows(settings: TensorSettings): number | null {
  const s = settings.source;
  if (s.kind === 'table') return s.table === 'gaussian' ? GAUSSIAN_TABLE.rows : null;
  if (s.kind === 'file' && s.shape.length === 2) return s.shape[0];
  return null;
}

/**
 * Work per entry of a table compressed row by row, in flops at the device's GEMM rate: calibrated
 * on the bench (50257 x 768 as 8 x 8 x 12 with ranks up to 8: 2.76 s at 4.8 Gflop/s, about 340 per
 * entry; each row is a few tiny Gram SVDs, far from GEMM speed).
 */
const ROW_WORK_PER_ENTRY = 350;

/** Seconds to compress every row of a rows x width table on this device, before it starts. */
export function rowsSeconds(rows: number, width: number, flopRate: number): number {
  return (rows * width * ROW_WORK_PER_ENTRY) / flopRate;
}

/** A default reshape of a vector of n entries: three balanced factors when there are some. */
export function defaultRowShape(n: number): number[] {
  let best: number[] = [n];
  let spread = Infinity;
  for (let a = 2; a * a * a <= n; a++) {
    if (n % a) continue;
    for (let b = a; a * b * b <= n; b++) {
      if ((n / a) % b) continue;
      const c = n / a / b;
      if (c < b) continue;
      if (c / a < spread) {
        spread = c / a;
        best = [a, b, c];
      }
    }
  }
  return best;
}

/** One tensor: a generated one, a row of a shipped table (reshaped), or a whole array of a file. */
function tensorSourceOf(settings: TensorSettings, embeddings: EmbeddingsLocation): TensorSource {
  const s = settings.source;
  if (s.kind === 'preset') return { kind: 'preset', preset: s.preset, seed: s.seed };
  if (s.kind === 'file') return { kind: 'file', ref: s.ref };
  return { kind: 'table-row', table: tableOf(settings, embeddings)!, row: settings.row };
}

/** The shape a one-tensor job reshapes to. */
function shapeFor(settings: TensorSettings, source: TensorSource): number[] | undefined {
  if (settings.shape) return settings.shape;
  if (settings.source.kind === 'file' && settings.source.shape.length === 1) return defaultRowShape(settings.source.shape[0]);
  if (source.kind === 'table-row') {
    const width = tableWidth(settings);
    return width ? defaultRowShape(width) : undefined;
  }
  return undefined;
}

export function tensorJobInput(state: AppState, embeddings: EmbeddingsLocation): TensorJobInput {
  const settings = state.tensor.settings;
  const source = tensorSourceOf(settings, embeddings);
  return {
    source,
    shape: shapeFor(settings, source),
    eps: settings.eps > 0 ? settings.eps : undefined,
    maxRank: settings.maxRank ?? undefined,
    cpRank: settings.cpRank,
    sliceIndex: settings.sliceIndex,
    bond: settings.bond,
    ...(state.tensor.confirmed === settings ? { anyway: true } : {}),
  };
}

export function ttRowsJobInput(state: AppState, embeddings: EmbeddingsLocation): TtRowsJobInput | string {
  const settings = state.tensor.settings;
  const table = tableOf(settings, embeddings);
  if (!table) return 'Row-by-row compression needs a table (rows of vectors): choose an embedding table, or a 2-D array of a file.';
  const width = tableWidth(settings);
  const shape = settings.shape ?? (width ? defaultRowShape(width) : null);
  if (!shape) return 'Choose how each row is reshaped.';
  return { table, shape, eps: settings.eps > 0 ? settings.eps : undefined, maxRank: settings.maxRank ?? undefined, words: settings.words, neighbours: 10 };
}

export function startTensorEffect(store: AppStore, client: ComputeClient, embeddings: EmbeddingsLocation, save: SaveFile): () => void {
  const stopOne = startJobEffect(store, client, {
    kind: 'tensorDecompose',
    slot: 'tensor',
    delayMs: 40,
    inputs: (s) => [s.workspace, s.tensor.settings, s.file.files, s.tensor.confirmed],
    request(state) {
      if (state.workspace !== 'tensor' || state.tensor.settings.mode !== 'tensor') return null;
      const input = tensorJobInput(state, embeddings);
      const fromFile = input.source.kind === 'file' || (input.source.kind === 'table-row' && input.source.table.kind === 'file');
      return { key: [state.tensor.settings, input.anyway === true], input: () => input, interruptible: !fromFile };
    },
    running: (s) => s.getState().setTensorState({ status: 'running', error: null, overBudget: false }),
    done: (s, result) => s.getState().setTensorState({ status: 'done', result, error: null, overBudget: false }),
    failed: (s, error, code) => s.getState().setTensorState({ status: 'error', error, overBudget: code === 'over-budget' }),
  });

  let handle: JobHandle<TtRowsJobOutput> | null = null;
  let seen: unknown[] | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function runRows(): void {
    timer = null;
    handle?.cancel();
    const state = store.getState();
    const input = ttRowsJobInput(state, embeddings);
    if (typeof input === 'string') {
      store.getState().setTensorRows({ status: 'error', error: input, progress: null, startedAt: null });
      return;
    }
    const job: JobHandle<TtRowsJobOutput> = client.run('ttRows', input, {
      slot: 'ttRows',
      interruptible: input.table.kind !== 'file',
      onProgress: (fraction, stage) => handle === job && store.getState().setTensorRows({ progress: { fraction, stage } }),
    });
    handle = job;
    store.getState().setTensorRows({ status: 'running', error: null, progress: { fraction: 0, stage: 'reading the table' }, startedAt: Date.now() });
    job.promise.then(
      (result) => {
        if (handle !== job) return;
        handle = null;
        store.getState().setTensorRows({ status: 'done', result, error: null, progress: null, startedAt: null });
      },
      (error: unknown) => {
        if (handle !== job) return;
        handle = null;
        if (error instanceof JobCancelledError) return;
        store.getState().setTensorRows({ status: 'error', error: error instanceof Error ? error.message : String(error), progress: null, startedAt: null });
      },
    );
  }

  function checkRows(): void {
    const state = store.getState();
    const { settings, rows } = state.tensor;
    if (rows.status === 'cancelled' && handle) {
      handle.cancel();
      handle = null;
      return;
    }
    if (state.workspace !== 'tensor' || settings.mode !== 'rows') return;
    const now = [settings.source, settings.shape, settings.eps, settings.maxRank, settings.words, state.file.files];
    const changed = seen === null || now.some((x, i) => !Object.is(x, seen![i]));
    // "Compress" sets the status to running with no job behind it yet.
    const asked = rows.status === 'running' && handle === null;
    if (!changed && !asked) return;
    seen = now;
    const known = tableRows(settings);
    if (asked || (known !== null && known <= AUTO_ROWS) || (known === null && settings.source.kind === 'table')) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(runRows, asked ? 0 : 200);
    } else if (changed && handle) {
      // A big table waits for "Compress" again: what ran was for other settings.
      handle.cancel();
      handle = null;
      store.getState().setTensorRows({ status: 'idle', progress: null, startedAt: null });
    }
  }

  checkRows();
  const unsubscribe = store.subscribe(checkRows);
  const stopExport = startExportJob(store, client, save, {
    kind: 'exportTensorTrain',
    pending: (s) => s.tensor.exportRequest,
    prepare(state, pending) {
      const request = pending as NonNullable<AppState['tensor']['exportRequest']>;
      const title = request.what === 'tensor' ? state.tensor.result?.title : state.tensor.rows.result?.title;
      return { input: { ...request, dtype: 'float64' }, fileName: `${fileStem(title ?? 'tensor')}-tt${request.what === 'rows' ? '-rows' : ''}.${request.format}` };
    },
    finished: (s, exportError) => s.getState().setTensorState({ exportRequest: null, exportError }),
  });
  return () => {
    stopOne();
    unsubscribe();
    stopExport();
    if (timer !== null) clearTimeout(timer);
    handle?.cancel();
  };
}
