/**
 * Mirrors the shareable part of the store into the location hash and back.
 * Edits replace the current history entry (throttled), so typing does not flood Back; a link that
 * cannot be read shows a message and leaves the current work as it was.
 */
import { decodeHumanHash, encodeHumanHash, fitsHumanForm } from '../permalink/humanForm';
import type { AppStore } from './store';

const WRITE_DELAY_MS = 150;

function currentHash(store: AppStore): string | null {
  const { matrix } = store.getState();
  const state = { matrix: { rows: matrix.rows, cols: matrix.cols, data: Array.from(matrix.data) } };
  return fitsHumanForm(state) ? `#${encodeHumanHash(state)}` : null;
}

/** Applies a hash to the store; returns false (after notifying) when it could not. */
export function applyHash(store: AppStore, hash: string): boolean {
  const decoded = decodeHumanHash(hash);
  if (decoded === null) return true;
  if (!decoded.ok) {
    store.getState().notify({ kind: 'error', title: 'This link could not be opened; your matrix is unchanged.', details: decoded.problems });
    return false;
  }
  const { matrix } = decoded.value;
  const current = store.getState().matrix;
  const same = current.rows === matrix.rows && current.cols === matrix.cols && current.data.every((x, k) => Object.is(x, matrix.data[k]));
  if (!same) store.getState().loadMatrix({ ...matrix, data: Float64Array.from(matrix.data) }, { kind: 'link', title: 'Matrix from the link' });
  return true;
}

export function startUrlSync(store: AppStore, location: Location, history: History, target: Window): () => void {
  applyHash(store, location.hash);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function write(): void {
    timer = null;
    const hash = currentHash(store);
    if (hash !== null && hash !== location.hash) history.replaceState(history.state, '', hash);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.matrix === previous.matrix) return;
    if (timer === null) timer = setTimeout(write, WRITE_DELAY_MS);
  });
  const onHashChange = () => {
    // A hash we wrote ourselves reads back to the same matrix; anything else is a new link.
    if (!applyHash(store, location.hash)) {
      const hash = currentHash(store);
      if (hash !== null) history.replaceState(history.state, '', hash);
    }
  };
  target.addEventListener('hashchange', onHashChange);
  if (currentHash(store) !== location.hash && decodeHumanHash(location.hash) === null) write();
  return () => {
    unsubscribe();
    target.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
