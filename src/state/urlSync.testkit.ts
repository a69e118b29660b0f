/**
 * For the URL-sync tests: a fake address (location, history, hashchange target) and a store mirrored
 * to it on fake timers. `go` does what the browser does on Back, Forward or a click of a `#…` link.
 */
import { vi } from 'vitest';
import { createAppStore } from './store';
import { startUrlSync } from './urlSync';

export function fakeWindow(hash: string) {
  const target = new EventTarget() as unknown as Window;
  const location = { hash, pathname: '/', search: '' } as Location;
  /** The history entries' hashes, oldest first. */
  const entries = [hash];
  const hashOf = (url: string) => (url.startsWith('#') ? url : '');
  const history = {
    state: null,
    replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
      location.hash = hashOf(url);
      entries[entries.length - 1] = location.hash;
    }),
    pushState: vi.fn((_state: unknown, _title: string, url: string) => {
      location.hash = hashOf(url);
      entries.push(location.hash);
    }),
  } as unknown as History;
  /** Back or Forward to an entry with this hash. */
  const go = (next: string) => {
    location.hash = next;
    target.dispatchEvent(new Event('hashchange'));
  };
  /** A click on a link to `#…`: the browser adds the entry, then announces the hash change. */
  const follow = (next: string) => {
    entries.push(next);
    go(next);
  };
  return { target, location, history, entries, go, follow };
}

/** A store mirrored to a fake address that starts at `hash`, on fake timers, after the first link applied. */
export async function startSynced(hash: string) {
  vi.useFakeTimers();
  const store = createAppStore();
  const page = fakeWindow(hash);
  const stop = startUrlSync(store, page.location, page.history, page.target);
  await vi.advanceTimersByTimeAsync(0);
  return { store, ...page, stop };
}
