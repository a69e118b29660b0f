/// <reference lib="webworker" />
/**
 * The service worker: keeps one build of the app in the Cache API so it works offline once loaded.
 * The build plugin in vite.config.ts bundles this file to `sw.js` (a classic script, not hashed) and
 * puts the build's list in `__PRECACHE_MANIFEST__`; every rule about which request is answered how
 * lives in cachePolicy.ts.
 *
 * - install: download precache.json, check it is this build's, and cache every file it lists plus
 *   the index (all or nothing: one failed download fails the install, and the old worker stays);
 * - activate: delete this app's caches of other builds, and take over the open pages;
 * - fetch: per planFor; a request the plan leaves alone never reaches respondWith, so the browser
 *   fetches it exactly as without a worker (other origins, Range requests, files the build does not list).
 */
import {
  cacheName,
  isCacheable,
  isServerFailure,
  listedPaths,
  MANIFEST_FILE,
  NETWORK_TIMEOUT_MS,
  parseManifest,
  planFor,
  precacheUrls,
  staleCaches,
  indexUrl,
  ASSETS_DIR,
  type PrecacheManifest,
} from './cachePolicy';

declare const __PRECACHE_MANIFEST__: PrecacheManifest;

const sw = self as unknown as ServiceWorkerGlobalScope;
const BUILD = __PRECACHE_MANIFEST__;
const scope = sw.registration.scope;
const CACHE = cacheName(scope, BUILD.buildId);
const listed = listedPaths(BUILD);
/** Cache lookups ignore Vary: a host's `Vary: Origin` would otherwise miss every module script. */
const MATCH = { ignoreVary: true } as const;

sw.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = staleCaches(await caches.keys(), scope, BUILD.buildId);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const plan = planFor(
    { method: request.method, url: request.url, mode: request.mode, hasRange: request.headers.has('range'), cache: request.cache },
    { scope, listed },
  );
  if (plan.strategy === 'none') return;
  event.respondWith(plan.strategy === 'cache-first' ? cacheFirst(event, plan.key) : networkFirst(request, plan.fallback));
});

async function precache(): Promise<void> {
  const manifestUrl = new URL(MANIFEST_FILE, scope).href;
  const response = await fetch(manifestUrl, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${MANIFEST_FILE}: HTTP ${response.status}`);
  const manifest = parseManifest(await response.clone().json());
  // A host half-way through an upload (or an HTTP cache) can pair this sw.js with another build's list.
  if (manifest.buildId !== BUILD.buildId) throw new Error(`${MANIFEST_FILE} is build ${manifest.buildId}, this worker is ${BUILD.buildId}`);
  const index = indexUrl(scope);
  const assets = new URL(ASSETS_DIR, scope).href;
  const files = precacheUrls(manifest, scope).filter((url) => url !== index && url !== manifestUrl);
  const cache = await caches.open(CACHE);
  // Hashed files may come from the HTTP cache (the page has just loaded them); the rest is revalidated.
  await cache.addAll(files.map((url) => new Request(url, { cache: url.startsWith(assets) ? 'default' : 'no-cache' })));
  await cache.put(index, await servable(await fetchOk(index)));
  await cache.put(manifestUrl, response);
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** A response that can answer a navigation: a redirected one cannot, so it is copied without the flag. */
async function servable(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function cacheFirst(event: FetchEvent, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, MATCH);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (isCacheable(response)) event.waitUntil(cache.put(key, response.clone()).catch(() => undefined));
  return response;
}

/**
 * The network's answer, unless it fails, is a server error, or takes over NETWORK_TIMEOUT_MS while a
 * cached copy exists: then the cached copy. The network's answers are not written to the cache, so
 * the cache stays one build's files, whose index and chunks belong together.
 */
async function networkFirst(request: Request, fallback: string): Promise<Response> {
  const network = fetch(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), NETWORK_TIMEOUT_MS);
  });
  const outcome = await Promise.race([network.catch(() => 'failed' as const), timeout]);
  clearTimeout(timer);
  if (outcome instanceof Response && !isServerFailure(outcome.status)) return outcome;
  const copy = await caches.match(fallback, { ...MATCH, cacheName: CACHE }).catch(() => undefined);
  if (copy) return copy;
  // No copy: what the network gives, however late (a rejection is the page's network error).
  return outcome instanceof Response ? outcome : network;
}
