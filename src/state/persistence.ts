/**
 * Saved work: each workspace's state (the matrix workspace's matrix, where it came from and how it
 * is shown; the attention workspace's synthetic head), kept in IndexedDB so a reload or a crash
 * loses nothing. Opening the app without a link's data (the start page, or `#w=svd`) brings the
 * saved work back; a link wins over it (and replaces it once it is opened). What is read back is
 * checked by schema, like a link: damaged work is ignored.
 */
import type { DocMatrix, MatrixSource } from './documentSlice';
import type { ViewAfterLoad } from './viewSlice';
import { EXACT, type SvdMethod } from './svdSlice';
import { linkAttentionSchema, linkMethodSchema } from '../permalink/linkState';
import { DEFAULT_ATTENTION } from './attentionSlice';
import { z } from 'zod';
import type { AppState, AppStore } from './store';

const DATABASE = 'subspace-explorer';
const TABLE = 'work';
const KEY = 'current';
const SAVE_DELAY_MS = 400;
/** Matrices bigger than this (64 MB as float64) are not saved; the person still has their file. */
const MAX_SAVED_ENTRIES = 8_000_000;

export interface SavedWork {
  version: 1;
  matrix: DocMatrix;
  source: MatrixSource;
  view: ViewAfterLoad;
  /** How the SVD is computed (absent in work saved before the randomized method existed: exact). */
  method?: SvdMethod;
  /** The attention workspace's synthetic head (weights of files are not saved: the files are the person's). */
  attention?: z.infer<typeof linkAttentionSchema>;
}

/** The parts of saved work other than the matrix, checked like a link on the way in. */
const savedViewSchema = z.object({
  rank: z.number().int().min(1).nullable(),
  view: z.enum(['map', 'cloud', 'heatmaps', 'attention']),
  of: z.enum(['rows', 'columns']),
  step: z.number().min(0).max(3),
  axes: z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)]).optional(),
  subspaces: z.boolean().optional(),
});
const savedSourceSchema = z.object({ kind: z.enum(['typed', 'link', 'preset', 'paste', 'file']), title: z.string().max(10_000) }).loose();

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DATABASE, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(TABLE);
  return request(req);
}

/** Reads the saved work, or null when there is none or it does not look right. */
export async function loadWork(factory: IDBFactory): Promise<SavedWork | null> {
  const db = await open(factory);
  try {
    const value = (await request(db.transaction(TABLE).objectStore(TABLE).get(KEY))) as SavedWork | undefined;
    if (!value || value.version !== 1) return null;
    const { matrix } = value;
    const valid =
      matrix && Number.isInteger(matrix.rows) && Number.isInteger(matrix.cols) && matrix.rows > 0 && matrix.cols > 0 &&
      matrix.data instanceof Float64Array && matrix.data.length === matrix.rows * matrix.cols && matrix.data.every(Number.isFinite);
    if (!valid) return null;
    const view = savedViewSchema.safeParse(value.view);
    const source = savedSourceSchema.safeParse(value.source);
    if (!view.success || !source.success) return null;
    // Work saved before workspaces could show the attention view on the matrix page.
    const restoredView = { ...view.data, view: view.data.view === 'attention' ? 'map' as const : view.data.view };
    const attention = linkAttentionSchema.safeParse(value.attention);
    return { ...value, view: restoredView, attention: attention.success ? attention.data : undefined };
  } finally {
    db.close();
  }
}

export async function saveWork(factory: IDBFactory, work: SavedWork): Promise<void> {
  const db = await open(factory);
  try {
    const tx = db.transaction(TABLE, 'readwrite');
    tx.objectStore(TABLE).put(work, KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function workOf(state: AppState): SavedWork {
  return {
    version: 1,
    matrix: state.matrix,
    source: state.source,
    method: state.svd.method,
    view: { rank: state.rank, view: state.viewMode, of: state.cloudOf, step: state.step, axes: state.cloudAxes, subspaces: state.showSubspaces },
    attention: synthetic(state.attention.settings),
  };
}

function synthetic(a: AppState['attention']['settings']): SavedWork['attention'] {
  return a.source === 'synthetic' ? { dModel: a.dModel, seed: a.seed, headSize: a.headSize, head: a.head, layout: a.layout } : undefined;
}

/**
 * Restores the saved work when `restore` is set (no link in the address), then saves every change,
 * a moment after it settles.
 */
export function startPersistence(store: AppStore, factory: IDBFactory | undefined, restore: boolean): () => void {
  if (!factory) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let restored = !restore;

  if (restore) {
    loadWork(factory)
      .then((work) => {
        // Only if the person has not started on something else meanwhile.
        if (work && store.getState().revision <= 1) {
          // Stored data is checked like a link: a damaged method falls back to the exact SVD.
          const method = linkMethodSchema.safeParse(work.method);
          store.getState().setSvdMethod(method.success ? method.data : EXACT);
          store.getState().loadMatrix(work.matrix, work.source);
          store.getState().applyView(work.view);
          store.getState().markRestored('svd');
        }
        // The saved head, unless a link already chose one.
        if (work?.attention && store.getState().attention.settings === DEFAULT_ATTENTION) {
          store.getState().setAttentionSettings({ source: 'synthetic', ...work.attention });
          store.getState().markRestored('attention');
        }
      })
      .catch(() => undefined)
      .finally(() => {
        restored = true;
      });
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!restored) return;
    const changed = state.matrix !== previous.matrix || state.source !== previous.source || state.rank !== previous.rank || state.viewMode !== previous.viewMode || state.cloudOf !== previous.cloudOf ||
      state.cloudAxes !== previous.cloudAxes || state.svd.method !== previous.svd.method || state.showSubspaces !== previous.showSubspaces ||
      state.attention.settings !== previous.attention.settings;
    if (!changed || state.matrix.data.length > MAX_SAVED_ENTRIES) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void saveWork(factory, workOf(store.getState())).catch(() => undefined);
    }, SAVE_DELAY_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
