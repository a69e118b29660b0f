/**
 * Saved work: each workspace's state, kept in IndexedDB under its own key (`workspace:svd`,
 * `workspace:attention`), so a reload or a crash loses nothing and a matrix too big to save does not
 * keep another workspace from being saved. What a workspace saves and how it is read back (checked
 * by schema, like a link: damaged work is ignored) is its `saved` part in `state/workspaces/`.
 *
 * Opening the app without a link's data (the start page, or `#w=svd`) brings the saved work back; a
 * link wins over it (and replaces it once it is opened). Work saved before workspaces, one record
 * under `current` with the matrix and the attention head, is still read.
 */
import type { WorkspaceId } from '../ids/workspaces';
import type { AppStore } from './store';
import { WORKSPACE_LIST } from './workspaces';

const DATABASE = 'subspace-explorer';
const TABLE = 'work';
/** The one record of work saved before workspaces. */
const LEGACY_KEY = 'current';
const SAVE_DELAY_MS = 400;

/** Where saved work lives: IndexedDB in the app, a Map in tests. */
export interface WorkStorage {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

export const workspaceKey = (id: WorkspaceId) => `workspace:${id}`;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Saved work in IndexedDB: one database, one object store, a key per workspace. */
export function indexedDbStorage(factory: IDBFactory): WorkStorage {
  const open = (): Promise<IDBDatabase> => {
    const req = factory.open(DATABASE, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(TABLE);
    return request(req);
  };
  return {
    async get(key) {
      const db = await open();
      try {
        return await request(db.transaction(TABLE).objectStore(TABLE).get(key));
      } finally {
        db.close();
      }
    },
    async put(key, value) {
      const db = await open();
      try {
        const tx = db.transaction(TABLE, 'readwrite');
        tx.objectStore(TABLE).put(value, key);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
  };
}

/** A workspace's part of the record saved before workspaces (version 1), if it has one. */
function legacyPart(id: WorkspaceId, legacy: unknown): unknown {
  if (!legacy || typeof legacy !== 'object' || (legacy as { version?: unknown }).version !== 1) return undefined;
  const record = legacy as Record<string, unknown>;
  if (id === 'svd') return { matrix: record.matrix, source: record.source, view: record.view, method: record.method };
  if (id === 'attention') return record.attention;
  return undefined;
}

/** Why saving failed, in the person's words. */
function saveProblem(error: unknown): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  if (name === 'QuotaExceededError') return "The browser's storage for this page is full.";
  return `The browser refused to store it${error instanceof Error && error.message ? ` (${error.message})` : ''}.`;
}

/**
 * Brings back each workspace's saved work; resolves with the workspaces restored. Damaged work is
 * left out with a message (the workspace starts fresh, and the next save replaces it); a storage
 * that cannot be read at all is said once.
 */
export async function restoreWork(store: AppStore, storage: WorkStorage): Promise<WorkspaceId[]> {
  const restored: WorkspaceId[] = [];
  const damaged: string[] = [];
  let unreadable: unknown = null;
  const read = (key: string) =>
    storage.get(key).catch((error: unknown) => {
      unreadable ??= error;
      return undefined;
    });
  let legacy: unknown = null;
  let legacyRead = false;
  for (const workspace of WORKSPACE_LIST) {
    if (!workspace.saved) continue;
    let value = await read(workspaceKey(workspace.id));
    if (value === undefined) {
      if (!legacyRead) legacy = await read(LEGACY_KEY);
      legacyRead = true;
      value = legacyPart(workspace.id, legacy);
    }
    if (value === undefined) continue;
    const outcome = workspace.saved.restore(store, value);
    if (outcome === 'restored') {
      store.getState().markRestored(workspace.id);
      restored.push(workspace.id);
    } else if (outcome === 'damaged') damaged.push(workspace.name);
  }
  if (damaged.length > 0) {
    store.getState().notify({
      kind: 'info',
      title: `The work saved in this browser for ${damaged.join(' and ')} could not be read; it starts fresh.`,
      details: ['The saved copy was damaged (it did not pass the checks a link passes). Your next change is saved over it.'],
    });
  }
  if (unreadable !== null) {
    store.getState().notify({
      kind: 'info',
      title: 'The work saved in this browser could not be read; the app starts fresh.',
      details: [`The browser's storage answered: ${unreadable instanceof Error ? unreadable.message || unreadable.name : String(unreadable)}.`],
    });
  }
  return restored;
}

/**
 * Restores the saved work when `restore` is set (no link's data in the address), then saves each
 * workspace a moment after a change of it settles.
 */
export function startPersistence(store: AppStore, storage: WorkStorage | undefined, restore: boolean): () => void {
  if (!storage) return () => undefined;
  const timers = new Map<WorkspaceId, ReturnType<typeof setTimeout>>();
  let restored = !restore;
  /** The notice that saving failed, dismissed once a save works again. */
  let failureNotice: number | null = null;
  async function save(id: WorkspaceId, value: unknown): Promise<void> {
    try {
      await storage!.put(workspaceKey(id), value);
      if (failureNotice !== null) store.getState().dismiss(failureNotice);
      failureNotice = null;
    } catch (error) {
      if (failureNotice !== null) return;
      failureNotice = store.getState().notify({
        kind: 'error',
        title: 'Your work could not be saved in this browser.',
        details: [saveProblem(error), 'Nothing on the page is lost; saving is tried again with your next change.'],
      });
    }
  }
  if (restore) {
    void restoreWork(store, storage)
      .catch(() => [])
      .finally(() => {
        restored = true;
      });
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!restored) return;
    for (const workspace of WORKSPACE_LIST) {
      const saved = workspace.saved;
      if (!saved) continue;
      const now = saved.inputs(state);
      const before = saved.inputs(previous);
      if (now.every((value, i) => Object.is(value, before[i]))) continue;
      const pending = timers.get(workspace.id);
      if (pending !== undefined) clearTimeout(pending);
      timers.set(
        workspace.id,
        setTimeout(() => {
          timers.delete(workspace.id);
          const value = saved.of(store.getState());
          if (value !== undefined) void save(workspace.id, value);
        }, SAVE_DELAY_MS),
      );
    }
  });
  return () => {
    unsubscribe();
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
