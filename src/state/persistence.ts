/**
 * Saved work: the current matrix, where it came from and how it is shown, kept in IndexedDB so a
 * reload or a crash loses nothing. Opening the app without a link brings the saved work back; a link
 * wins over it (and replaces it once it is opened).
 */
import type { DocMatrix, MatrixSource } from './documentSlice';
import type { ViewAfterLoad } from './viewSlice';
import { EXACT, type SvdMethod } from './svdSlice';
import { linkMethodSchema } from '../permalink/linkState';
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
}

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
    return valid ? value : null;
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
  };
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
      state.cloudAxes !== previous.cloudAxes || state.svd.method !== previous.svd.method || state.showSubspaces !== previous.showSubspaces;
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
