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

/** Brings back each workspace's saved work; resolves with the workspaces restored. */
export async function restoreWork(store: AppStore, storage: WorkStorage): Promise<WorkspaceId[]> {
  const restored: WorkspaceId[] = [];
  let legacy: unknown = null;
  let legacyRead = false;
  for (const workspace of WORKSPACE_LIST) {
    if (!workspace.saved) continue;
    let value = await storage.get(workspaceKey(workspace.id)).catch(() => undefined);
    if (value === undefined) {
      if (!legacyRead) legacy = await storage.get(LEGACY_KEY).catch(() => undefined);
      legacyRead = true;
      value = legacyPart(workspace.id, legacy);
    }
    if (value !== undefined && workspace.saved.restore(store, value)) {
      store.getState().markRestored(workspace.id);
      restored.push(workspace.id);
    }
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
          if (value !== undefined) void storage.put(workspaceKey(workspace.id), value).catch(() => undefined);
        }, SAVE_DELAY_MS),
      );
    }
  });
  return () => {
    unsubscribe();
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
