/**
 * What the service worker (serviceWorker.ts) does with each request, as pure functions: no DOM, no
 * Cache API, so the rules are tested in node (cachePolicy.test.ts).
 *
 * The cache holds one build: the files its precache.json lists and the index, downloaded when the
 * worker installs. The rules:
 *
 * - only GET, only URLs of the app's own origin under its scope (the folder sw.js is served from);
 *   nothing else is answered by the worker. "Open from URL" fetches other origins with Range
 *   requests: they go to the network untouched and are never cached, and so does any request with a
 *   Range header, even to the app's own origin;
 * - a navigation to the app's page (the scope, or index.html, with any query; the `#…` part never
 *   reaches the network) is network-first, with the installed index.html as the fallback;
 * - the build's hashed files (`assets/…`) are cache-first: a name never changes content;
 * - the other files the build lists (public/'s data files, the favicon, precache.json) are
 *   network-first with the installed copy as the fallback;
 * - any other URL under the scope (a file the person put next to the app and opened by URL) is not
 *   the worker's business: it goes to the network untouched and is never cached.
 */

/** The facts of a request the policy looks at (a `Request` has all of them). */
export interface RequestFacts {
  method: string;
  url: string;
  /** `navigate` for a page load; `cors`, `no-cors`, `same-origin` otherwise. */
  mode: string;
  /** Whether the request carries a `Range` header. */
  hasRange: boolean;
  /** The request's cache mode; `only-if-cached` is only legal for same-origin mode. */
  cache?: string;
}

/** What the worker knows about the app: where it lives and what the build lists. */
export interface AppFacts {
  /** The registration's scope: the absolute URL of the app's folder, ending in `/`. */
  scope: string;
  /** The build's files that are not hashed assets, relative to the scope (e.g. `data/glove-subset.npy`). */
  listed: ReadonlySet<string>;
}

export type CachePlan =
  /** Answer from the cache; on a miss, from the network, and keep a good answer. */
  | { strategy: 'cache-first'; key: string }
  /** Answer from the network; on a failure (offline, a timeout, a server error) from the cache at `fallback`. */
  | { strategy: 'network-first'; fallback: string }
  /** Not handled: the browser fetches it as if there were no service worker. */
  | { strategy: 'none'; reason: NotHandled };

export type NotHandled = 'method' | 'range' | 'only-if-cached' | 'not-http' | 'other-origin' | 'outside-scope' | 'not-listed';

/** Where the hashed build files live (Vite's build.assetsDir), relative to the scope. */
export const ASSETS_DIR = 'assets/';
/** The service worker's own file and the build's list, relative to the scope. */
export const SERVICE_WORKER_FILE = 'sw.js';
export const MANIFEST_FILE = 'precache.json';
/**
 * How long a network-first request waits for the network before the cached copy answers (the
 * network's answer, if it comes, is dropped). A lecture hall's network that neither answers nor fails
 * would otherwise hold the page for as long as the browser's own timeout, a minute or more.
 */
export const NETWORK_TIMEOUT_MS = 4000;

export function planFor(request: RequestFacts, app: AppFacts): CachePlan {
  if (request.method !== 'GET') return none('method');
  if (request.hasRange) return none('range');
  // fetch() throws on this combination (DevTools makes such requests); leave them to the browser.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return none('only-if-cached');
  const url = parseUrl(request.url);
  const scope = parseUrl(app.scope);
  if (!url || !scope || (url.protocol !== 'http:' && url.protocol !== 'https:')) return none('not-http');
  if (url.origin !== scope.origin) return none('other-origin');
  if (!url.pathname.startsWith(scope.pathname)) return none('outside-scope');
  const path = decodePath(url.pathname.slice(scope.pathname.length));
  if (path === null) return none('not-listed');
  const index = indexUrl(app.scope);

  if (request.mode === 'navigate') {
    // The app's page, whatever its query: any `#…` address is read by the page itself.
    if (path === '' || path === 'index.html') return { strategy: 'network-first', fallback: index };
    return none('not-listed');
  }
  if (url.search !== '') return none('not-listed');
  if (path === SERVICE_WORKER_FILE) return none('not-listed');
  if (path === '' || path === 'index.html') return { strategy: 'network-first', fallback: index };
  if (path.startsWith(ASSETS_DIR) && path.length > ASSETS_DIR.length) return { strategy: 'cache-first', key: url.href };
  if (app.listed.has(path)) return { strategy: 'network-first', fallback: url.href };
  return none('not-listed');
}

/** The URL the index is cached under: the scope itself (`./`), which is what a visit loads. */
export function indexUrl(scope: string): string {
  return new URL('./', scope).href;
}

/** The build's list, precache.json (written by the build plugin in vite.config.ts, selectPrecacheFiles). */
export interface PrecacheManifest {
  /** A hash of the listed files and index.html: it changes whenever any of them does. */
  buildId: string;
  /** Paths relative to the scope, without the index (the worker adds it) and without precache.json itself. */
  files: string[];
}

/** Reads precache.json; throws on anything that is not a list of relative paths of the app's folder. */
export function parseManifest(value: unknown): PrecacheManifest {
  if (typeof value !== 'object' || value === null) throw new Error('precache.json is not an object');
  const { buildId, files } = value as Record<string, unknown>;
  if (typeof buildId !== 'string' || !/^[0-9a-z-]{4,64}$/.test(buildId)) throw new Error('precache.json has no valid buildId');
  if (!Array.isArray(files)) throw new Error('precache.json has no files list');
  for (const file of files) {
    if (typeof file !== 'string' || !isRelativePath(file)) throw new Error(`precache.json lists an invalid path: ${JSON.stringify(file)}`);
  }
  return { buildId, files: [...(files as string[])] };
}

/** The absolute URLs install downloads: every listed file, the list itself and the index. */
export function precacheUrls(manifest: PrecacheManifest, scope: string): string[] {
  const urls = [...manifest.files, MANIFEST_FILE].map((file) => new URL(file, scope).href);
  return [...new Set([indexUrl(scope), ...urls])];
}

/** The scope-relative paths the network-first rule knows: the listed files that are not hashed assets. */
export function listedPaths(manifest: PrecacheManifest): Set<string> {
  return new Set([...manifest.files.filter((file) => !file.startsWith(ASSETS_DIR)), MANIFEST_FILE]);
}

const CACHE_PREFIX = 'subspace-explorer';

/**
 * The cache of one build of the app at one scope. The scope is part of the name because every app
 * of an origin shares its caches (two copies of the app in two folders of one host, or other apps
 * of a github.io user site): each copy deletes only its own old builds.
 */
export function cacheName(scope: string, buildId: string): string {
  return `${cachePrefix(scope)}${buildId}`;
}

/** The caches to delete when a build activates: this app's at this scope, other than the current one. */
export function staleCaches(names: readonly string[], scope: string, buildId: string): string[] {
  const prefix = cachePrefix(scope);
  const current = cacheName(scope, buildId);
  return names.filter((name) => name.startsWith(prefix) && name !== current);
}

function cachePrefix(scope: string): string {
  const url = new URL(scope);
  return `${CACHE_PREFIX} ${url.origin}${url.pathname} `;
}

/** Whether a network answer is a failure the cached copy should replace (the host is down or broken). */
export function isServerFailure(status: number): boolean {
  return status >= 500;
}

/** Whether a response may be kept in the cache: a complete, same-origin, successful answer. */
export function isCacheable(response: { status: number; type: string }): boolean {
  return response.status === 200 && response.type === 'basic';
}

function none(reason: NotHandled): CachePlan {
  return { strategy: 'none', reason };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function isRelativePath(file: string): boolean {
  return file.length > 0 && !file.startsWith('/') && !file.includes('\\') && !/^[a-z][a-z0-9+.-]*:/i.test(file) && !file.split('/').some((part) => part === '..' || part === '.' || part === '');
}
